package aws

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"

	"github.com/smtui/smtui/aws/emulator"
)

func TestSSODeviceLoginEndToEnd(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	ctx := context.Background()
	before, err := SSOSessionOf(ctx, w.opts("oncall"), time.Now())
	if err != nil || before.Status != SSOMissing || !before.NeedsLogin() {
		t.Fatalf("before login: %+v, %v; want missing", before, err)
	}
	l := w.login(t, "oncall")
	if l.UserCode == "" || !strings.Contains(l.VerificationURIComplete, l.UserCode) || l.Interval != time.Second ||
		time.Until(l.ExpiresAt) < 9*time.Minute {
		t.Errorf("device login shown to the operator: %+v", l)
	}

	// The cache file: where the aws CLI looks, private, in the CLI's format.
	path := w.cachePath("corp")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("token cache not written at %s: %v", path, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("token cache mode %v, want 0600", fi.Mode().Perm())
	}
	if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
		t.Errorf("cache dir mode %v, want 0700", di.Mode().Perm())
	}
	var raw map[string]string
	b, _ := os.ReadFile(path)
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("cache is not a JSON object of strings: %v", err)
	}
	for _, k := range []string{"startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret", "registrationExpiresAt", "refreshToken"} {
		if raw[k] == "" {
			t.Errorf("cache lacks %s", k)
		}
	}
	if raw["startUrl"] != "https://corp.awsapps.com/start" || raw["region"] != "eu-west-1" {
		t.Errorf("cache startUrl/region: %q %q", raw["startUrl"], raw["region"])
	}
	exp, err := time.Parse(time.RFC3339, raw["expiresAt"])
	if err != nil || !strings.HasSuffix(raw["expiresAt"], "Z") || time.Until(exp) < 7*time.Hour {
		t.Errorf("expiresAt %q is not RFC 3339 UTC about 8h ahead: %v", raw["expiresAt"], err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("cache dir holds %d files, want only the token (no temp file left)", len(entries))
	}

	after, err := SSOSessionOf(ctx, w.opts("oncall"), time.Now())
	if err != nil || after.Status != SSOValid || !after.Refreshable || after.NeedsLogin() {
		t.Errorf("after login: %+v, %v; want valid and refreshable", after, err)
	}

	// The SDK's own providers read the token back and get role credentials.
	oidc := ssooidc.New(ssooidc.Options{Region: "eu-west-1", BaseEndpoint: awssdk.String(w.url)})
	portal := sso.New(sso.Options{Region: "eu-west-1", BaseEndpoint: awssdk.String(w.url)})
	tp := ssocreds.NewSSOTokenProvider(oidc, path)
	creds, err := ssocreds.New(portal, "111122223333", "OnCall", "https://corp.awsapps.com/start",
		func(o *ssocreds.Options) { o.SSOTokenProvider = tp }).Retrieve(ctx)
	if err != nil {
		t.Fatalf("the SDK's SSO provider could not use our cache: %v", err)
	}
	if !w.emu.IssuedRoleCredentials(creds.AccessKeyID) {
		t.Errorf("credentials %s were not issued by GetRoleCredentials", creds.AccessKeyID)
	}

	// Connect resolves the profile's credentials the same way and signs a
	// Secrets Manager call with them.
	st, err := Connect(ctx, ConnectOptions{Profile: "oncall", EndpointURL: w.url})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("ListSecrets with SSO credentials: %v", err)
	}
	w.mu.Lock()
	last := w.akids[len(w.akids)-1]
	w.mu.Unlock()
	if !strings.HasPrefix(last, "ASIA") || !w.emu.IssuedRoleCredentials(last) {
		t.Errorf("Secrets Manager call signed by %q, not by role credentials from the portal", last)
	}
}

func TestSSOLoginLegacyProfileCache(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	w.login(t, "legacy")
	var raw map[string]string
	b, err := os.ReadFile(w.cachePath("https://legacy.awsapps.com/start"))
	if err != nil || json.Unmarshal(b, &raw) != nil {
		t.Fatalf("legacy cache (sha1 of the start URL) not written: %v", err)
	}
	if raw["region"] != "us-east-2" || raw["accessToken"] == "" || raw["clientSecret"] != "" || raw["refreshToken"] != "" {
		t.Errorf("legacy cache fields: region %q, token set %v, client secret set %v, refresh token set %v",
			raw["region"], raw["accessToken"] != "", raw["clientSecret"] != "", raw["refreshToken"] != "")
	}
	ctx := context.Background()
	st, err := Connect(ctx, ConnectOptions{Profile: "legacy", EndpointURL: w.url})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCredentials(ctx, st); err != nil {
		t.Fatalf("legacy SSO credentials after login: %v", err)
	}
}

func TestSSOPollSlowDownExpiryAndDenial(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{PollInterval: time.Hour})
	ctx := context.Background()
	l, err := BeginSSOLogin(ctx, w.opts("oncall"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Interval != time.Hour {
		t.Fatalf("interval %v, want the server's 1h", l.Interval)
	}
	if r, err := l.Poll(ctx); err != nil || r.Done {
		t.Fatalf("first poll: %+v %v", r, err)
	}
	r, err := l.Poll(ctx) // far too soon
	if err != nil || r.Done || r.Interval != time.Hour+5*time.Second {
		t.Fatalf("poll too soon: %+v %v; want pending with the interval raised by 5s", r, err)
	}

	w2 := newSSOWorld(t, emulator.SSOOptions{DeviceCodeTTL: time.Nanosecond})
	l2, err := BeginSSOLogin(ctx, w2.opts("oncall"))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	_, err = l2.Poll(ctx)
	var e *Error
	if !errorsAs(err, &e) || e.Kind != KindCredentials || !strings.Contains(e.Message, l2.UserCode+" expired") ||
		!strings.Contains(e.Hint, "aws sso login --profile oncall") {
		t.Errorf("expired code: %v (hint %q)", err, hintOf(err))
	}

	w3 := newSSOWorld(t, emulator.SSOOptions{})
	l3, err := BeginSSOLogin(ctx, w3.opts("oncall"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w3.emu.DenyDevice(l3.UserCode); err != nil {
		t.Fatal(err)
	}
	_, err = l3.Poll(ctx)
	if KindOf(err) != KindAccessDenied || !strings.Contains(err.Error(), "refused in the browser") {
		t.Errorf("denied login: %v", err)
	}
	if _, err := os.Stat(w3.cachePath("corp")); !os.IsNotExist(err) {
		t.Errorf("a refused login wrote the cache: %v", err)
	}
}

// The operator continues where they were: a Store connected while the
// session was missing works once the log-in is done, without reconnecting.
func TestSSOStoreRecoversAfterLogin(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	ctx := context.Background()
	sessions := NewSessions(ConnectOptions{EndpointURL: w.url, MaxAttempts: 1})
	st, err := sessions.Store(ctx, "oncall", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.ListSecretsPage(ctx, ListOptions{}, "")
	if KindOf(err) != KindCredentials || !strings.Contains(hintOf(err), "aws sso login --profile oncall") {
		t.Fatalf("before login: %v (hint %q)", err, hintOf(err))
	}
	if e := err.(*Error); !strings.HasPrefix(e.Message, "failed to read cached SSO token file") {
		t.Errorf("before login, said as %q", e.Message)
	}
	w.login(t, "oncall")
	if _, err := st.ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("the same Store after login: %v", err)
	}
	other, err := sessions.Store(ctx, "oncall", "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("another region of the profile after login: %v", err)
	}
}
