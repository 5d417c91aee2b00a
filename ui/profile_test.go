package ui

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// testAWSConfig is a shared config file with a plain, an assume-role, an
// SSO and an MFA profile.
const testAWSConfig = `[default]
region = us-east-1

[profile prod-ro]
region = eu-west-1
role_arn = arn:aws:iam::123456789012:role/ReadOnly
source_profile = default

[profile dev-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile admin-mfa]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
mfa_serial = arn:aws:iam::123456789012:mfa/alice
`

// useTestAWSConfig points the AWS config, and the home that holds the SSO
// token cache, at a temporary directory.
func useTestAWSConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	cfg := filepath.Join(dir, "config")
	if err := os.WriteFile(cfg, []byte(testAWSConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", cfg)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	return dir
}

func TestProfilePickerSwitchesAndReconnects(t *testing.T) {
	useTestAWSConfig(t)
	var mu sync.Mutex
	var connected []string
	h := newListHarness(t, 100, 30, emulator.Options{}, func(o *Options) {
		o.Profile = "default"
		o.ProdPatterns = []string{"prod-*"}
		inner := o.Connect
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			mu.Lock()
			connected = append(connected, profile+"@"+region)
			mu.Unlock()
			return inner(ctx, profile, region)
		}
	})
	waitLoaded(h)
	if strings.Contains(h.screen(), "PRODUCTION") {
		t.Fatal("default profile shows the production banner")
	}
	k := keys()
	h.press(k.List.Profile)
	s := h.waitFor("admin-mfa")
	assertContains(t, s, "Switch profile", "default", "current", "prod-ro", "role", "dev-sso", "sso", "role with MFA")
	h.press(k.Picker.Filter)
	h.typeText("prodro")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	h.waitFor("profile prod-ro")
	s = waitLoaded(h)
	assertContains(t, s, "28 secrets", "PRODUCTION")
	if h.app.env.Profile != "prod-ro" || !h.app.env.Production {
		t.Errorf("env profile %q production %v", h.app.env.Profile, h.app.env.Production)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := connected[len(connected)-1]; got != "prod-ro@us-east-1" {
		t.Errorf("last connect %q, want prod-ro in the current region; all: %v", got, connected)
	}
}

// fakeSSOLogin records the sign-in instead of running the AWS CLI.
type fakeSSOLogin struct {
	mu       sync.Mutex
	profiles []string
	done     bool
	onRun    func() error // what the CLI leaves behind (the token cache), or nil
}

type fakeSSORun struct {
	f       *fakeSSOLogin
	profile string
}

func (r fakeSSORun) Run() error {
	if r.f.onRun != nil {
		if err := r.f.onRun(); err != nil {
			return err
		}
	}
	r.f.mu.Lock()
	defer r.f.mu.Unlock()
	r.f.profiles = append(r.f.profiles, r.profile)
	r.f.done = true
	return nil
}

func (f *fakeSSOLogin) signedIn() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.done
}

func TestSSOLoginOfferedOnExpiredCredentials(t *testing.T) {
	home := useTestAWSConfig(t)
	sso := &fakeSSOLogin{onRun: func() error { return writeSSOToken(home, "corp", time.Now().Add(time.Hour)) }}
	h := newListHarness(t, 100, 30, emulator.Options{}, func(o *Options) {
		o.Profile = "dev-sso"
		o.SSOLoginRunner = func(profile string) common.SSOLogin { return fakeSSORun{f: sso, profile: profile} }
		inner := o.Connect
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			if !sso.signedIn() {
				return nil, &aws.Error{Kind: aws.KindCredentials, Op: "load credentials", Region: region,
					Message: "the SSO session has expired", Hint: "run aws sso login --profile " + profile}
			}
			return inner(ctx, profile, region)
		}
	})
	s := h.waitFor("Log in now")
	assertContains(t, s, "not signed in to IAM Identity Center for dev-sso", "aws sso login --profile dev-sso")
	k := keys()
	// Declining leaves the list with a hint.
	h.press(k.Dialog.No)
	h.waitFor("not signed in")
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatalf("declining left %T on top", h.app.top())
	}
	// Refresh tries again and offers again; yes signs in and reloads.
	h.press(k.Common.Refresh)
	h.waitFor("Log in now")
	h.press(k.Nav.Down) // run aws sso login instead
	h.press(k.Dialog.Choose)
	h.waitFor("28 secrets")
	waitLoaded(h)
	sso.mu.Lock()
	defer sso.mu.Unlock()
	if len(sso.profiles) != 1 || sso.profiles[0] != "dev-sso" {
		t.Errorf("sign-in ran for %v, want once for dev-sso", sso.profiles)
	}
}

func TestMFACodeAskedBeforeConnecting(t *testing.T) {
	useTestAWSConfig(t)
	var mu sync.Mutex
	var codes []string
	plain := 0
	h := newListHarness(t, 100, 30, emulator.Options{}, func(o *Options) {
		o.Profile = "admin-mfa"
		inner := o.Connect
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			mu.Lock()
			plain++
			mu.Unlock()
			return inner(ctx, profile, region)
		}
		o.ConnectMFA = func(ctx context.Context, profile, region, code string) (aws.Store, error) {
			mu.Lock()
			codes = append(codes, code)
			mu.Unlock()
			return inner(ctx, profile, region)
		}
	})
	s := h.waitFor("MFA code for profile admin-mfa")
	assertContains(t, s, "arn:aws:iam::123456789012:mfa/alice")
	k := keys()
	h.typeText("12ab")
	h.press(k.Input.Submit)
	s = h.waitFor("an MFA code is 6 digits")
	if strings.Contains(s, "12ab") {
		t.Errorf("the typed code is shown in clear:\n%s", s)
	}
	for range 4 {
		h.send(keyPress("backspace"))
	}
	h.typeText("864209")
	if s := h.screen(); strings.Contains(s, "864209") || !strings.Contains(s, "••••••") {
		t.Errorf("the code should show as bullets:\n%s", s)
	}
	h.press(k.Input.Submit)
	s = waitLoaded(h)
	assertContains(t, s, "28 secrets")
	mu.Lock()
	if len(codes) != 1 || codes[0] != "864209" || plain != 0 {
		t.Errorf("ConnectMFA codes %v, plain connects %d; want one MFA connect", codes, plain)
	}
	mu.Unlock()
	// Another region reuses the session: no new code.
	h.press(k.List.Region)
	h.press(k.Picker.Filter)
	h.typeText("euwest1")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	h.waitFor("prod/db/postgres-eu")
	mu.Lock()
	defer mu.Unlock()
	if len(codes) != 1 || plain != 1 {
		t.Errorf("after a region switch: MFA connects %d, plain %d; want 1 and 1", len(codes), plain)
	}
}

func TestMFACancelLeavesListDisconnected(t *testing.T) {
	useTestAWSConfig(t)
	h := newListHarness(t, 100, 30, emulator.Options{}, func(o *Options) {
		o.Profile = "admin-mfa"
		inner := o.Connect
		o.ConnectMFA = func(ctx context.Context, profile, region, _ string) (aws.Store, error) {
			return inner(ctx, profile, region)
		}
	})
	h.waitFor("MFA code for profile admin-mfa")
	h.press(keys().Input.Cancel)
	s := h.waitFor("needs an MFA code")
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatalf("cancel left %T on top", h.app.top())
	}
	assertContains(t, s, "not connected")
	if n := h.emu.Requests("ListSecrets"); n != 0 {
		t.Errorf("listed %d times without a code", n)
	}
}

// writeSSOToken writes a cached IAM Identity Center token for sso-session
// session under home, ending at expires, as `aws sso login` does.
func writeSSOToken(home, session string, expires time.Time) error {
	sum := sha1.Sum([]byte(session))
	dir := filepath.Join(home, ".aws", "sso", "cache")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(map[string]string{"startUrl": "https://corp.awsapps.com/start", "region": "us-east-1",
		"accessToken": "cli-token", "expiresAt": expires.UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:])+".json"), b, 0o600)
}
