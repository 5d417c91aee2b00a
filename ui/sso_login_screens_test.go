package ui

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// A call from a secret's screen (not only the list) that fails on expired
// SSO credentials offers the log-in; after it the operator is still on
// that secret, and a refresh reads it.
func TestSSOLogInFromASecretScreen(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{NoRefreshTokens: true})
	w.loginOutsideTheUI(t)
	var failing atomic.Bool
	h := w.harness(t, "oncall", func(o *Options) {
		inner := o.Connect
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			st, err := inner(ctx, profile, region)
			if err != nil {
				return nil, err
			}
			return failingStore{Store: st, fail: failing.Load}, nil
		}
	})
	waitLoaded(h)
	h.openDetail("dev/db/postgres")
	failing.Store(true)
	k := keys()
	h.press(k.Common.Refresh)
	s := h.waitFor("Log in now")
	assertContains(t, s, "has expired")
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	failing.Store(false)
	if err := w.srv.ApproveDevice(code); err != nil {
		t.Fatal(err)
	}
	h.waitFor("signed in")
	if onSSOScreen(h) {
		t.Fatalf("log-in screen still open:\n%s", h.screen())
	}
	h.press(k.Common.Refresh)
	s = h.waitFor("Developer PostgreSQL sandbox")
	assertContains(t, s, "dev/db/postgres")
}
