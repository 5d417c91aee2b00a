package aws

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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

func hintOf(err error) string {
	var e *Error
	if errorsAs(err, &e) {
		return e.Hint
	}
	return ""
}
