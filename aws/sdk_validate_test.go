package aws

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// fakeServer answers every Secrets Manager request with {} and records the
// operations it saw, for tests that need no emulator.
type fakeServer struct {
	*httptest.Server
	mu  sync.Mutex
	ops []string
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	f := &fakeServer{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.ops = append(f.ops, strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "secretsmanager."))
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte("{}"))
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeServer) seen() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.ops...)
}

func fakeStore(t *testing.T, url string) Store {
	t.Helper()
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", EndpointURL: url,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "test", MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Bad input is refused locally with KindInvalidParameter, and nothing is sent.
func TestLocalRefusals(t *testing.T) {
	f := newFakeServer(t)
	st := fakeStore(t, f.URL)
	ctx := context.Background()
	big := TextValue(strings.Repeat("x", MaxValueBytes+1))
	many := make([]Tag, 51)
	for i := range many {
		many[i] = Tag{Key: "k" + strings.Repeat("x", i), Value: "v"}
	}
	days := func(n int64) *RotationRules { return &RotationRules{AutomaticallyAfterDays: n} }
	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"put too big", func() error { _, err := st.PutValue(ctx, PutValueInput{SecretID: "s", Value: big}); return err }, "65537 bytes"},
		{"put no secret", func() error { _, err := st.PutValue(ctx, PutValueInput{Value: TextValue("v")}); return err }, "no secret"},
		{"put short token", func() error {
			_, err := st.PutValue(ctx, PutValueInput{SecretID: "s", Value: TextValue("v"), ClientRequestToken: "short"})
			return err
		}, "32-64"},
		{"put empty label", func() error {
			_, err := st.PutValue(ctx, PutValueInput{SecretID: "s", Value: TextValue("v"), Stages: []string{""}})
			return err
		}, "label is empty"},
		{"create empty name", func() error { _, err := st.CreateSecret(ctx, CreateSecretInput{}); return err }, "name is empty"},
		{"create bad char", func() error { _, err := st.CreateSecret(ctx, CreateSecretInput{Name: "prod/db pass"}); return err }, "character 8 (' ') is not allowed"},
		{"create unicode", func() error { _, err := st.CreateSecret(ctx, CreateSecretInput{Name: "café"}); return err }, "ASCII"},
		{"create long name", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: strings.Repeat("a", 513)})
			return err
		}, "513 characters"},
		{"create long description", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Description: strings.Repeat("d", 2049)})
			return err
		}, "2049 characters"},
		{"create reserved tag", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: []Tag{{Key: "aws:owner", Value: "x"}}})
			return err
		}, "reserves"},
		{"create too many tags", func() error { _, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: many}); return err }, "at most 50"},
		{"create duplicate tag", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: []Tag{{Key: "k"}, {Key: "k"}}})
			return err
		}, "twice"},
		{"create long tag key", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: []Tag{{Key: strings.Repeat("k", 129)}}})
			return err
		}, "129 characters"},
		{"create long tag value", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: []Tag{{Key: "k", Value: strings.Repeat("v", 257)}}})
			return err
		}, "257 characters"},
		{"create bad tag char", func() error {
			_, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Tags: []Tag{{Key: "k", Value: "a;b"}}})
			return err
		}, "';'"},
		// AWS's pattern has \p{Z} (separators), not white space.
		{"tag value newline", func() error { return st.TagSecret(ctx, "s", []Tag{{Key: "k", Value: "a\nb"}}) }, `'\n'`},
		{"tag value carriage return", func() error { return st.TagSecret(ctx, "s", []Tag{{Key: "k", Value: "a\rb"}}) }, `'\r'`},
		{"tag value tab", func() error { return st.TagSecret(ctx, "s", []Tag{{Key: "k", Value: "a\tb"}}) }, `'\t'`},
		{"tag value NEL", func() error { return st.TagSecret(ctx, "s", []Tag{{Key: "k", Value: "a\u0085b"}}) }, `'\u0085'`},
		{"tag key newline", func() error { return st.TagSecret(ctx, "s", []Tag{{Key: "k\n", Value: "v"}}) }, `'\n'`},
		{"create too big", func() error { _, err := st.CreateSecret(ctx, CreateSecretInput{Name: "a", Value: big}); return err }, "65537 bytes"},
		{"delete window low", func() error {
			_, err := st.DeleteSecret(ctx, DeleteSecretInput{SecretID: "s", RecoveryWindowDays: 6})
			return err
		}, "7-30"},
		{"delete window high", func() error {
			_, err := st.DeleteSecret(ctx, DeleteSecretInput{SecretID: "s", RecoveryWindowDays: 31})
			return err
		}, "7-30"},
		{"delete force and window", func() error {
			_, err := st.DeleteSecret(ctx, DeleteSecretInput{SecretID: "s", RecoveryWindowDays: 7, Force: true})
			return err
		}, "not both"},
		{"move nothing", func() error { return st.MoveLabel(ctx, MoveLabelInput{SecretID: "s", Label: "BLUE"}) }, "give the version"},
		{"move no label", func() error { return st.MoveLabel(ctx, MoveLabelInput{SecretID: "s", ToVersion: "v"}) }, "label is empty"},
		{"rotate both schedules", func() error {
			_, err := st.RotateSecret(ctx, RotateInput{SecretID: "s", Rules: &RotationRules{AutomaticallyAfterDays: 3, ScheduleExpression: "rate(3 days)"}})
			return err
		}, "not both"},
		{"rotate days range", func() error {
			_, err := st.RotateSecret(ctx, RotateInput{SecretID: "s", Rules: days(1001)})
			return err
		}, "1-1000"},
		{"rotate bad expression", func() error {
			_, err := st.RotateSecret(ctx, RotateInput{SecretID: "s", Rules: &RotationRules{ScheduleExpression: "every day"}})
			return err
		}, "rate(...) or cron(...)"},
		{"update nothing", func() error { return st.UpdateSecret(ctx, UpdateSecretInput{SecretID: "s"}) }, "nothing to change"},
		{"tag none", func() error { return st.TagSecret(ctx, "s", nil) }, "no tags"},
		{"untag empty key", func() error { return st.UntagSecret(ctx, "s", []string{""}) }, "empty"},
		{"list page size", func() error { _, err := st.ListSecretsPage(ctx, ListOptions{PageSize: 101}, ""); return err }, "1-100"},
		{"list sort key", func() error { _, err := st.ListSecretsPage(ctx, ListOptions{SortBy: "size"}, ""); return err }, "unknown sort key"},
		{"list sort order", func() error { _, err := st.ListSecretsPage(ctx, ListOptions{SortOrder: "up"}, ""); return err }, "unknown sort order"},
		{"list filter key", func() error {
			_, err := st.ListSecretsPage(ctx, ListOptions{Filters: []Filter{{Key: "colour", Values: []string{"x"}}}}, "")
			return err
		}, "unknown filter key"},
		{"describe no id", func() error { _, err := st.DescribeSecret(ctx, ""); return err }, "no secret"},
		{"get no id", func() error { _, err := st.GetValue(ctx, "", VersionRef{}); return err }, "no secret"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if KindOf(err) != KindInvalidParameter {
				t.Fatalf("got %v (kind %v), want a local invalid-parameter error", err, KindOf(err))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message %q does not contain %q", err.Error(), tc.want)
			}
		})
	}
	if ops := f.seen(); len(ops) != 0 {
		t.Errorf("local refusals sent requests: %v", ops)
	}
}

// A value too big to send is named by size only, never by content.
func TestRefusalNeverShowsValue(t *testing.T) {
	st := fakeStore(t, newFakeServer(t).URL)
	secret := "hunter2-" + strings.Repeat("s", MaxValueBytes)
	_, err := st.PutValue(context.Background(), PutValueInput{SecretID: "s", Value: TextValue(secret)})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error %v", err)
	}
}

func TestNewToken(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 100 {
		tok := NewRequestToken()
		if !re.MatchString(tok) || len(tok) < minTokenLen || len(tok) > maxTokenLen {
			t.Fatalf("token %q is not a UUID of valid length", tok)
		}
		if seen[tok] {
			t.Fatalf("token %q repeated", tok)
		}
		seen[tok] = true
	}
}

func TestValidateAccepts(t *testing.T) {
	if err := validateName("prod/db_x+y=z.w@v-1"); err != nil {
		t.Error(err)
	}
	if err := validateName(strings.Repeat("a", 512)); err != nil {
		t.Error(err)
	}
	if err := validateTags([]Tag{{Key: "team name", Value: "Zahlungen ü"}, {Key: "a+b-c=d._:/@", Value: ""}}); err != nil {
		t.Error(err)
	}
	if err := validateRules(&RotationRules{ScheduleExpression: "cron(0 4 ? * SUN *)", Duration: "3h"}); err != nil {
		t.Error(err)
	}
	if err := validateValue(TextValue(strings.Repeat("x", MaxValueBytes))); err != nil {
		t.Error(err)
	}
}

// The local tag check is AWS's pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$,
// character for character, over the Basic Multilingual Plane and beyond.
func TestTagRuneMatchesAWSPattern(t *testing.T) {
	aws := regexp.MustCompile(`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`)
	for r := rune(0); r <= 0x2FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		s := string(r)
		_, bad := badTagRune(s)
		if bad == aws.MatchString(s) {
			t.Fatalf("U+%04X: local check says bad=%v, AWS's pattern says match=%v", r, bad, aws.MatchString(s))
		}
	}
}

// The exported rules are the Store's: the UI gets the same verdicts.
func TestExportedRules(t *testing.T) {
	if err := CheckSecretName("prod/db pass"); err == nil || !strings.Contains(err.Error(), "is not allowed") {
		t.Errorf("name with a space: %v", err)
	}
	if err := CheckTag(Tag{Key: "env", Value: "prod\r"}); err == nil {
		t.Error("tag value with a carriage return accepted")
	}
	if err := CheckTag(Tag{Key: "名前", Value: "Zahlungen ü\u2028"}); err != nil {
		t.Errorf("letters and a line separator (\\p{Z}) refused: %v", err)
	}
	if err := CheckTags([]Tag{{Key: "a"}, {Key: "a"}}); err == nil {
		t.Error("duplicate keys accepted")
	}
	if err := CheckDescription(strings.Repeat("d", 2049)); err == nil {
		t.Error("2049-character description accepted")
	}
	if err := CheckLabel(strings.Repeat("l", 257)); err == nil {
		t.Error("257-character label accepted")
	}
}
