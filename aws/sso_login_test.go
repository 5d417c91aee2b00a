package aws

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"

	"github.com/smtui/smtui/aws/emulator"
)

// ssoWorld is an emulator behind a recorder of the access key ids that
// signed Secrets Manager requests, and an isolated home whose config has an
// sso-session profile "oncall" and a legacy SSO profile "legacy".
type ssoWorld struct {
	emu  *emulator.Emulator
	url  string
	home string

	mu    sync.Mutex
	akids []string // access key ids of signed Secrets Manager requests
}

func newSSOWorld(t *testing.T, o emulator.SSOOptions) *ssoWorld {
	t.Helper()
	home := isolateEnv(t)
	w := &ssoWorld{emu: emulator.New(emulator.Options{SSO: o}), home: home}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if _, cred, ok := strings.Cut(r.Header.Get("Authorization"), "Credential="); ok {
			akid, _, _ := strings.Cut(cred, "/")
			w.mu.Lock()
			w.akids = append(w.akids, akid)
			w.mu.Unlock()
		}
		w.emu.ServeHTTP(rw, r)
	}))
	t.Cleanup(srv.Close)
	w.url = srv.URL
	writeFile(t, home, "config", `[profile oncall]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = OnCall
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-2
sso_account_id = 444455556666
sso_role_name = ReadOnly
region = us-east-2

[profile plain]
region = us-east-1
`)
	writeFile(t, home, "credentials", "[plain]\naws_access_key_id = AKIDPLAIN\naws_secret_access_key = s\n")
	return w
}

func (w *ssoWorld) cachePath(key string) string {
	sum := sha1.Sum([]byte(key))
	return filepath.Join(w.home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json")
}

func (w *ssoWorld) opts(profile string) SSOLoginOptions {
	return SSOLoginOptions{Profile: profile, EndpointURL: w.url}
}

// login runs the device flow to the end: begin, poll (pending), approve,
// poll (done).
func (w *ssoWorld) login(t *testing.T, profile string) DeviceLogin {
	t.Helper()
	ctx := context.Background()
	l, err := BeginSSOLogin(ctx, w.opts(profile))
	if err != nil {
		t.Fatalf("BeginSSOLogin: %v", err)
	}
	r, err := l.Poll(ctx)
	if err != nil || r.Done || r.Interval != l.Interval {
		t.Fatalf("poll before approval: %+v, %v; want pending at the same interval", r, err)
	}
	if err := w.emu.ApproveDevice(l.UserCode); err != nil {
		t.Fatal(err)
	}
	time.Sleep(l.Interval) // the emulator asks for slow_down when polled faster
	r, err = l.Poll(ctx)
	if err != nil || !r.Done {
		t.Fatalf("poll after approval: %+v, %v", r, err)
	}
	return l
}

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

func hintOf(err error) string {
	var e *Error
	if errorsAs(err, &e) {
		return e.Hint
	}
	return ""
}

func TestSSOAutoApproveAndRefresh(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{AutoApproveAfter: 1})
	ctx := context.Background()
	if ok, err := RefreshSSOIfPossible(ctx, w.opts("oncall")); ok || err != nil {
		t.Fatalf("refresh with no cache: %v %v; want false, nil", ok, err)
	}
	l, err := BeginSSOLogin(ctx, w.opts("oncall"))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := l.Poll(ctx); err != nil || !r.Done {
		t.Fatalf("auto-approved poll: %+v %v", r, err)
	}
	path := w.cachePath("corp")
	first, _, _ := readSSOCache(path)

	// A still-valid token needs no request.
	if ok, err := RefreshSSOIfPossible(ctx, w.opts("oncall")); !ok || err != nil {
		t.Fatalf("refresh of a valid token: %v %v", ok, err)
	}
	tokensBefore := w.emu.SSORequests("CreateToken")

	// Expire the cached token (and the server's): the refresh token renews it.
	first.ExpiresAt = time.Now().Add(-time.Minute)
	if err := writeSSOCache(path, first, map[string]any{"kept": "by smtui"}); err != nil {
		t.Fatal(err)
	}
	w.emu.ExpireSSOTokens()
	s, _ := SSOSessionOf(ctx, w.opts("oncall"), time.Now())
	if s.Status != SSOExpired || !s.Refreshable {
		t.Fatalf("expired session: %+v", s)
	}
	if ok, err := RefreshSSOIfPossible(ctx, w.opts("oncall")); !ok || err != nil {
		t.Fatalf("refresh: %v %v", ok, err)
	}
	if n := w.emu.SSORequests("CreateToken"); n != tokensBefore+1 {
		t.Errorf("refresh made %d CreateToken calls, want 1", n-tokensBefore)
	}
	second, extra, _ := readSSOCache(path)
	if second.AccessToken == first.AccessToken || second.RefreshToken == first.RefreshToken ||
		time.Until(second.ExpiresAt) < time.Hour || second.ClientID != first.ClientID || extra["kept"] != "by smtui" {
		t.Errorf("refreshed cache: new token %v, new refresh token %v, expires %v, same client %v, unknown field kept %v",
			second.AccessToken != first.AccessToken, second.RefreshToken != first.RefreshToken, second.ExpiresAt,
			second.ClientID == first.ClientID, extra["kept"])
	}
	st, err := Connect(ctx, ConnectOptions{Profile: "oncall", EndpointURL: w.url})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCredentials(ctx, st); err != nil {
		t.Fatalf("credentials after refresh: %v", err)
	}

	// A refresh token the server no longer knows: false, nil (ask the operator).
	second.ExpiresAt = time.Now().Add(-time.Minute)
	second.RefreshToken = "refresh-revoked"
	if err := writeSSOCache(path, second, nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := RefreshSSOIfPossible(ctx, w.opts("oncall")); ok || err != nil {
		t.Errorf("refused refresh: %v %v; want false, nil", ok, err)
	}

	// A second login reuses the cached client registration.
	regs := w.emu.SSORequests("RegisterClient")
	if _, err := BeginSSOLogin(ctx, w.opts("oncall")); err != nil {
		t.Fatal(err)
	}
	if n := w.emu.SSORequests("RegisterClient"); n != regs {
		t.Errorf("second login registered again (%d calls)", n-regs)
	}
}

func TestSSOSessionOfPlainProfile(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	s, err := SSOSessionOf(context.Background(), w.opts("plain"), time.Now())
	if err != nil || s.Status != SSONotUsed || s.NeedsLogin() {
		t.Errorf("plain profile: %+v %v", s, err)
	}
	_, err = BeginSSOLogin(context.Background(), w.opts("plain"))
	if KindOf(err) != KindInvalidParameter || !strings.Contains(hintOf(err), "aws configure sso") {
		t.Errorf("login for a non-SSO profile: %v", err)
	}
}

func TestSSOExpiredSessionFailsWithLoginHint(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{TokenTTL: -time.Hour, NoRefreshTokens: true})
	w.login(t, "oncall")
	s, _ := SSOSessionOf(context.Background(), w.opts("oncall"), time.Now())
	if s.Status != SSOExpired || s.Refreshable {
		t.Fatalf("session from an already-expired token: %+v", s)
	}
	st, err := Connect(context.Background(), ConnectOptions{Profile: "oncall", EndpointURL: w.url})
	if err != nil {
		t.Fatal(err)
	}
	err = CheckCredentials(context.Background(), st)
	if KindOf(err) != KindCredentials || !strings.Contains(hintOf(err), "aws sso login --profile oncall") {
		t.Errorf("expired session: %v (hint %q)", err, hintOf(err))
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

func TestSSOSettingsOfRoleProfileAndScopes(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	f, err := os.OpenFile(filepath.Join(w.home, "config"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString(`
[profile admin]
source_profile = oncall
role_arn = arn:aws:iam::111122223333:role/Admin
region = eu-west-1

[profile wide]
sso_session = wide
sso_account_id = 111122223333
sso_role_name = OnCall

[sso-session wide]
sso_start_url = https://wide.awsapps.com/start
sso_region = ap-southeast-2
sso_registration_scopes = sso:account:access, codewhisperer:completions
`)
	f.Close()
	c, _, err := loadSSOConfig(context.Background(), w.opts("admin"))
	if err != nil || c.session != "corp" || c.region != "eu-west-1" || c.cachePath != w.cachePath("corp") {
		t.Errorf("assume-role profile on an SSO source: %+v %v", c, err)
	}
	c, _, err = loadSSOConfig(context.Background(), w.opts("wide"))
	if err != nil || c.region != "ap-southeast-2" || strings.Join(c.scopes, " ") != "sso:account:access codewhisperer:completions" {
		t.Errorf("sso-session with scopes: region %q scopes %q %v", c.region, c.scopes, err)
	}
	if got := registrationScopes("corp"); strings.Join(got, " ") != "sso:account:access" {
		t.Errorf("corp scopes %q", got)
	}
	if got := registrationScopes("no-such-session"); strings.Join(got, " ") != defaultSSOScope {
		t.Errorf("default scopes %q", got)
	}
	s, err := SSOSessionOf(context.Background(), w.opts("admin"), time.Now())
	if err != nil || s.Status != SSOMissing {
		t.Errorf("role profile's session: %+v %v", s, err)
	}
}
