package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// twoAccounts is a test AWS config with two profiles whose credentials come
// from a credential_process that notes each run in a file, so a test can
// count how often each profile's credentials were resolved; the Connector
// reaches profile acct-b's account on a second emulator.
type twoAccounts struct {
	first   *emulator.Server // the seeded test account, profile test
	second  *emulator.Server // emulator.SecondAccount, profile acct-b
	connect Connector
	dir     string
}

func newTwoAccounts(t *testing.T) *twoAccounts {
	t.Helper()
	dir := t.TempDir()
	script := func(name, key string) string {
		path := filepath.Join(dir, name+".sh")
		body := "#!/bin/sh\necho run >> " + filepath.Join(dir, name+".runs") + "\n" +
			`echo '{"Version":1,"AccessKeyId":"` + key + `","SecretAccessKey":"test-secret"}'` + "\n"
		if err := os.WriteFile(path, []byte(body), 0o700); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cfg := "[profile test]\nregion = us-east-1\ncredential_process = " + script("test", "AKIDA") + "\n\n" +
		"[profile acct-b]\nregion = us-east-1\ncredential_process = " + script("acct-b", "AKIDB") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", dir)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	for _, v := range []string{"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		t.Setenv(v, "")
	}
	clock := func() time.Time { return testNow }
	first, err := emulator.Start(emulator.Options{Seed: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = first.Close() })
	second, err := emulator.Start(emulator.Options{Account: emulator.SecondAccount, SeedSecond: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = second.Close() })
	base := aws.ConnectOptions{CallTimeout: 5 * time.Second, MaxAttempts: 2}
	a, b := base, base
	a.EndpointURL, b.EndpointURL = first.URL, second.URL
	sa, sb := aws.NewSessions(a), aws.NewSessions(b)
	connect := func(ctx context.Context, profile, region string) (aws.Store, error) {
		if profile == "acct-b" {
			return sb.Store(ctx, profile, region)
		}
		return sa.Store(ctx, profile, region)
	}
	return &twoAccounts{first: first, second: second, connect: connect, dir: dir}
}

// resolutions is how many times profile's credential_process ran.
func (a *twoAccounts) resolutions(t *testing.T, profile string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(a.dir, profile+".runs"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Count(string(b), "run\n")
}

// Two profiles × two regions listed together: ACCOUNT and REGION columns,
// each (profile, region)'s count in place, a failing one's error in place
// while the others list, a row of the second account opened with that
// account's Store (its ARN in the detail), each profile's credentials
// resolved once for all its regions, and the choice remembered for the
// next A.
func TestSeveralAccountsListedTogether(t *testing.T) {
	accts := newTwoAccounts(t)
	h := newListHarness(t, 150, 40, emulator.Options{}, func(o *Options) {
		o.Connect = accts.connect
		o.ProdPatterns = []string{emulator.SecondAccount} // the second account is production
	})
	waitLoaded(h)
	accts.first.InjectFault(emulator.Fault{Region: "eu-west-1", Error: "AccessDeniedException"})
	k := keys()

	h.press(k.List.AllRegions)
	assertContains(t, h.screen(), "profiles: test (P)")
	h.press(k.Picker.Profiles)
	s := h.waitFor("acct-b")
	assertContains(t, s, "Profiles to list with the regions: 1 selected", "[x] test", "[ ] acct-b")
	h.press(k.Picker.All)
	assertContains(t, h.screen(), "2 selected", "[x] acct-b")
	h.press(k.Picker.Select)
	assertContains(t, h.screen(), "Regions to list together", "profiles: acct-b, test (P)")
	h.press(k.Picker.None)
	for _, q := range []string{"euwest1", "useast1"} {
		h.press(k.Picker.Filter)
		h.typeText(q)
		h.press(k.Input.Submit)
		h.press(k.Picker.Toggle)
		h.press(k.Common.Back) // clears the filter
	}
	h.press(k.Picker.Select)

	s = h.waitUntil("both accounts listed", func(s string) bool {
		return strings.Contains(s, "acct-b/eu-west-1 · 2") && strings.Contains(s, "acct-b/us-east-1 · 3") &&
			strings.Contains(s, "test/us-east-1 · 28") && strings.Contains(s, "✗ test/eu-west-1 · ") &&
			!strings.Contains(s, "loading…")
	})
	assertContains(t, s, "2 profiles × 2 regions", "1 failed", "ACCOUNT", "REGION", "profile test · 123456789012")
	if strings.Contains(s, "PRODUCTION") {
		t.Errorf("the session's account is not production, yet the banner shows:\n%s", s)
	}
	if l := lineWith(s, "✗ test/eu-west-1 · "); !strings.Contains(l, "access denied") {
		t.Errorf("failing (profile, region) line lacks its error: %q", l)
	}
	for name, account := range map[string]string{
		"payments/eu/adyen-api-key": emulator.SecondAccount + " acct-b",
		"payments/stripe/api-key":   emulator.SecondAccount + " acct-b",
		"prod/db/mysql-orders":      "123456789012 test",
	} {
		if l := lineWith(s, name); !strings.Contains(l, account) {
			t.Errorf("row %s: %q lacks account %q", name, l, account)
		}
	}
	if strings.Contains(s, "prod/db/postgres-eu") {
		t.Errorf("rows of the failing (profile, region) shown:\n%s", s)
	}
	if l := lineWith(s, "payments/eu/adyen-api-key"); !strings.Contains(l, "eu-west-1") {
		t.Errorf("second account's eu-west-1 row lacks its region: %q", l)
	}

	// The filter runs over both accounts; open the second account's row.
	h.press(k.List.Filter)
	h.typeText("adyen")
	h.press(k.Input.Submit)
	h.press(k.Nav.Open)
	s = h.waitFor("arn:aws:secretsmanager:eu-west-1:" + emulator.SecondAccount + ":secret:payments/eu/adyen-api-key-")
	// The chrome follows the secret's account: its profile, its account id
	// and its production guard.
	assertContains(t, s, "Adyen key for EU card payments", "profile acct-b · "+emulator.SecondAccount, "PRODUCTION")

	for _, p := range []string{"test", "acct-b"} {
		if n := accts.resolutions(t, p); n != 1 {
			t.Errorf("profile %s: credentials resolved %d times for two regions, want once", p, n)
		}
	}

	// Back to the list: A remembers both profiles and both regions.
	h.press(k.Common.Back)
	if s := h.screen(); strings.Contains(s, "PRODUCTION") || !strings.Contains(s, "profile test · 123456789012") {
		t.Errorf("back from the second account's secret, the chrome still shows it:\n%s", s)
	}
	h.press(k.Common.Back) // the filter
	h.press(k.Common.Back)
	h.press(k.List.AllRegions)
	assertContains(t, h.screen(), "2 selected · profiles: acct-b, test (P)", "[x] us-east-1", "[x] eu-west-1")
}

// A profile listed with others whose IAM Identity Center session is
// missing shows that in place with the key to log in; logging in from there
// lists it, while the session stays on its own profile. (Both profiles
// reach one account: its secrets are listed once.)
func TestSeveralAccountsLogInInPlace(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harnessAt(t, 140, "default", nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.AllRegions)
	h.press(k.Picker.Profiles)
	h.waitFor("oncall")
	h.press(k.Picker.Filter)
	h.typeText("oncall")
	h.press(k.Input.Submit)
	h.press(k.Picker.Toggle)
	h.press(k.Common.Back) // clears the filter
	assertContains(t, h.screen(), "2 selected", "[x] default", "[x] oncall", "[ ] noregion")
	h.press(k.Picker.Select)
	h.press(k.Picker.None)
	h.press(k.Picker.Filter)
	h.typeText("useast1")
	h.press(k.Input.Submit)
	h.press(k.Picker.Toggle)
	h.press(k.Picker.Select)

	s := h.waitUntil("default listed, oncall failed", func(s string) bool {
		return strings.Contains(s, "default/us-east-1 · 28") && strings.Contains(s, "✗ oncall/us-east-1 · ")
	})
	if l := lineWith(s, "✗ oncall/us-east-1 · "); !strings.Contains(l, "press i to log in to oncall") {
		t.Errorf("expired profile's line lacks the key to log in: %q", l)
	}
	assertContains(t, s, "i log in")
	h.press(k.List.SignIn)
	h.waitFor("Log in now")
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	if err := w.srv.ApproveDevice(code); err != nil {
		t.Fatal(err)
	}
	s = h.waitUntil("oncall listed after the log-in", func(s string) bool {
		return strings.Contains(s, "oncall/us-east-1 · 28") && !strings.Contains(s, "✗")
	})
	assertContains(t, s, "2 profiles × 1 region", "profile default")
	if h.app.session.profile != "default" {
		t.Errorf("the session moved to %q; logging in to a listed profile must not switch it", h.app.session.profile)
	}
}
