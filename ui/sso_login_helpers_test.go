package ui

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/list"
)

// ssoTestConfig has a plain profile with keys, an IAM Identity Center
// profile "oncall" (sso-session "corp") and a profile with keys but no
// region.
const ssoTestConfig = `[default]
region = us-east-1

[profile oncall]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = OnCall
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile noregion]
`

// ssoWorld is an isolated home (config, credentials, SSO token cache) and
// a seeded emulator serving Secrets Manager and IAM Identity Center, which
// the App reaches through the real SDK clients.
type ssoWorld struct {
	home string
	srv  *emulator.Server

	mu     sync.Mutex
	opened []string // addresses handed to the browser
}

// newSSOWorld isolates the AWS environment in a temp home and starts the
// emulator with sso.
func newSSOWorld(t *testing.T, sso emulator.SSOOptions) *ssoWorld {
	t.Helper()
	home := t.TempDir()
	for _, k := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
		"AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC", "AWS_CA_BUNDLE"} {
		t.Setenv(k, "")
	}
	t.Setenv("HOME", home)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(home, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(home, "credentials"))
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(home, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("config", ssoTestConfig)
	write("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n\n"+
		"[noregion]\naws_access_key_id = AKIDNOREGION\naws_secret_access_key = s\n")
	srv, err := emulator.Start(emulator.Options{Seed: true, SSO: sso})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return &ssoWorld{home: home, srv: srv}
}

// harness starts an App on profile through the world's shared config, with
// the in-app SSO log-in pointed at the emulator and a browser that cannot
// open (as over SSH) but records what it was given. mod may wrap the
// connector.
func (w *ssoWorld) harness(t *testing.T, profile string, mod func(*Options)) *harness {
	t.Helper()
	return w.harnessAt(t, 100, profile, mod)
}

// harnessAt is harness in a window width columns wide.
func (w *ssoWorld) harnessAt(t *testing.T, width int, profile string, mod func(*Options)) *harness {
	t.Helper()
	return newHarness(t, width, 30, emulator.Options{}, func(o *Options) {
		o.Profile = profile
		o.Regions = nil
		o.Demo = false
		o.Connect = aws.NewSessions(aws.ConnectOptions{EndpointURL: w.srv.URL, CallTimeout: 5 * time.Second, MaxAttempts: 2}).Store
		o.SSOEndpoint = w.srv.URL
		o.OpenBrowser = func(address string) error {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.opened = append(w.opened, address)
			return aws.ErrNoBrowser
		}
		if mod != nil {
			mod(o)
		}
	})
}

func (w *ssoWorld) browserGot() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.opened...)
}

// cachePath is the token cache file of sso-session "corp", named as the
// aws CLI names it.
func (w *ssoWorld) cachePath() string {
	sum := sha1.Sum([]byte("corp"))
	return filepath.Join(w.home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json")
}

// cachedToken reads the cache file's fields.
func (w *ssoWorld) cachedToken(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(w.cachePath())
	if err != nil {
		t.Fatalf("read the SSO token cache: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("SSO token cache is not JSON: %v", err)
	}
	return m
}

// expireCachedToken moves the cached token's end into the past, as time
// passing would.
func (w *ssoWorld) expireCachedToken(t *testing.T) {
	t.Helper()
	m := w.cachedToken(t)
	m["expiresAt"] = time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(w.cachePath(), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// loginOutsideTheUI runs the device flow through the aws package, as the
// aws CLI would, so the cache holds a token and a refresh token.
func (w *ssoWorld) loginOutsideTheUI(t *testing.T) {
	t.Helper()
	if err := w.login(); err != nil {
		t.Fatal(err)
	}
}

// login is loginOutsideTheUI for any goroutine.
func (w *ssoWorld) login() error {
	ctx := context.Background()
	o := aws.SSOLoginOptions{Profile: "oncall", EndpointURL: w.srv.URL}
	l, err := aws.BeginSSOLogin(ctx, o)
	if err != nil {
		return err
	}
	if err := w.srv.ApproveDevice(l.UserCode); err != nil {
		return err
	}
	time.Sleep(l.Interval) // polling faster gets slow_down
	r, err := l.Poll(ctx)
	if err == nil && !r.Done {
		err = fmt.Errorf("poll after approval: still pending")
	}
	return err
}

// ssoCLIRun stands for `aws sso login`: it records the run and logs in as
// the CLI would, writing the shared cache.
type ssoCLIRun struct {
	fake    *fakeSSOLogin
	profile string
	w       *ssoWorld
}

func (r ssoCLIRun) Run() error {
	if err := r.w.login(); err != nil {
		return err
	}
	return fakeSSORun{f: r.fake, profile: r.profile}.Run()
}

var shownCode = regexp.MustCompile(`user_code=([A-Z]{4}-[A-Z]{4})`)

// waitForCode waits for the log-in screen's address and returns the user
// code it carries, after checking the code is also shown on its own.
func waitForCode(h *harness) string {
	h.t.Helper()
	s := h.waitUntil("the verification address", func(s string) bool { return shownCode.MatchString(s) })
	code := shownCode.FindStringSubmatch(s)[1]
	if !strings.Contains(s, spacedCode(code)) {
		h.t.Errorf("the code %s is not shown large on its own:\n%s", code, s)
	}
	return code
}

// spacedCode is how the screen writes a code: one space between characters.
func spacedCode(code string) string { return strings.Join(strings.Split(code, ""), " ") }

// onSSOScreen reports whether the log-in screen is on top.
func onSSOScreen(h *harness) bool {
	_, ok := h.app.top().(*list.SSOScreen)
	return ok
}

// failingStore is a Store whose listing fails with expired credentials
// while fail is set, as a call does when the SSO session ends mid-session.
type failingStore struct {
	aws.Store
	fail func() bool
}

func (f failingStore) ListSecretsPage(ctx context.Context, opts aws.ListOptions, next string) (aws.SecretPage, error) {
	if f.fail() {
		return aws.SecretPage{}, &aws.Error{Kind: aws.KindCredentials, Op: "list secrets", Region: f.Region(),
			Message: "the SSO session associated with this profile has expired",
			Hint:    "run aws sso login --profile oncall"}
	}
	return f.Store.ListSecretsPage(ctx, opts, next)
}

func (f failingStore) DescribeSecret(ctx context.Context, secretID string) (aws.Secret, error) {
	if f.fail() {
		return aws.Secret{}, &aws.Error{Kind: aws.KindCredentials, Op: "describe secret", Region: f.Region(),
			Message: "the SSO session associated with this profile has expired",
			Hint:    "run aws sso login --profile oncall"}
	}
	return f.Store.DescribeSecret(ctx, secretID)
}
