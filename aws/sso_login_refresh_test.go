package aws

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

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
