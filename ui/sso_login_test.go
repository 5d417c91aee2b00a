package ui

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// These tests run the in-app IAM Identity Center log-in through the real
// ssooidc and sso clients against the emulator, which approves or denies
// the shown code through its control API, as the operator's browser would.

// At start with no cached session: the offer, then the address and code,
// approved in the "browser", then the list of the signed-in profile; the
// token is in the cache file the aws CLI reads.
func TestSSOLogInAtStart(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harness(t, "oncall", nil)
	s := h.waitFor("Log in now")
	assertContains(t, s, "You are not signed in to IAM Identity Center for oncall",
		"Run aws sso login --profile oncall instead", "Not now")
	k := keys()
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	s = h.screen()
	assertContains(t, s, "Open this address on any device", "the code expires in")
	if got := w.browserGot(); len(got) != 1 || !strings.HasSuffix(got[0], "user_code="+code) {
		t.Errorf("browser was given %v, want the address with the code %s", got, code)
	}
	if err := w.srv.ApproveDevice(code); err != nil {
		t.Fatal(err)
	}
	h.waitFor("28 secrets")
	s = waitLoaded(h)
	if onSSOScreen(h) {
		t.Fatalf("log-in screen still open:\n%s", s)
	}
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatalf("after the log-in %T is on top", h.app.top())
	}
	tok := w.cachedToken(t)
	for _, f := range []string{"accessToken", "expiresAt", "refreshToken", "clientId", "clientSecret", "startUrl", "region"} {
		if v, _ := tok[f].(string); v == "" {
			t.Errorf("cache file lacks %s: %v", f, keysOf(tok))
		}
	}
}

func keysOf(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// P to an SSO profile whose session is missing: the log-in, then the list
// of that profile; the operator is back on the list.
func TestSSOLogInAtProfileSwitch(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harness(t, "default", nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Profile)
	h.waitFor("oncall")
	h.press(k.Picker.Filter)
	h.typeText("oncall")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	h.waitFor("Log in now")
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	if err := w.srv.ApproveDevice(code); err != nil {
		t.Fatal(err)
	}
	h.waitFor("28 secrets")
	s := waitLoaded(h)
	if onSSOScreen(h) {
		t.Fatalf("log-in screen still open:\n%s", s)
	}
	if h.app.env.Profile != "oncall" {
		t.Errorf("profile is %q after the switch", h.app.env.Profile)
	}
}

// A call fails mid-session with an expired SSO session: the log-in opens
// over the list, and after it the list loads again.
func TestSSOLogInMidSession(t *testing.T) {
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
	s := waitLoaded(h)
	assertContains(t, s, "28 secrets")
	failing.Store(true)
	k := keys()
	h.press(k.Common.Refresh)
	s = h.waitFor("Log in now")
	// The cache still calls the token valid: AWS refused it.
	assertContains(t, s, "AWS refused the IAM Identity Center session of oncall", "has expired")
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	failing.Store(false)
	if err := w.srv.ApproveDevice(code); err != nil {
		t.Fatal(err)
	}
	h.waitFor("28 secrets")
	s = waitLoaded(h)
	if onSSOScreen(h) {
		t.Fatalf("log-in screen still open:\n%s", s)
	}
	if l := listOf(h); l.LoadErr != nil {
		t.Errorf("list still failed: %v", l.LoadErr)
	}
}

// Refused in the browser: the screen says so and enter starts again with a
// new code.
func TestSSOLogInDenied(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harness(t, "oncall", nil)
	h.waitFor("Log in now")
	k := keys()
	h.press(k.Dialog.Choose)
	code := waitForCode(h)
	if err := w.srv.DenyDevice(code); err != nil {
		t.Fatal(err)
	}
	s := h.waitFor("refused")
	assertContains(t, s, "press enter to try again")
	if strings.Contains(s, code) {
		t.Errorf("the refused code is still shown:\n%s", s)
	}
	h.press(k.Dialog.Choose)
	again := waitForCode(h)
	if again == code {
		t.Errorf("trying again showed the same code %s", code)
	}
	// esc cancels the wait, back to the choices; esc again closes.
	h.press(k.Dialog.No)
	h.waitFor("Log in now")
	h.press(k.Dialog.No)
	h.waitFor("not signed in to oncall")
	if onSSOScreen(h) {
		t.Error("not now left the log-in screen open")
	}
}

// The countdown runs to the code's expiry, then the screen says the code
// expired and offers to try again.
func TestSSOLogInCodeExpires(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{DeviceCodeTTL: 3 * time.Second})
	h := w.harness(t, "oncall", nil)
	h.waitFor("Log in now")
	h.press(keys().Dialog.Choose)
	waitForCode(h)
	s := h.waitFor("the code expires in 0:0")
	if !strings.Contains(s, "0:03") && !strings.Contains(s, "0:02") {
		t.Errorf("countdown does not start near 3 seconds:\n%s", s)
	}
	h.waitFor("0:01")
	s = h.waitFor("expired before it was approved")
	assertContains(t, s, "press enter to try again")
}

// A cached refresh token renews the session at start: no log-in screen,
// no device authorization, straight to the list.
func TestSSORefreshTokenNeedsNoPrompt(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	w.loginOutsideTheUI(t)
	w.expireCachedToken(t)
	starts := w.srv.SSORequests("StartDeviceAuthorization")
	tokens := w.srv.SSORequests("CreateToken")
	h := w.harness(t, "oncall", nil)
	s := waitLoaded(h)
	assertContains(t, s, "28 secrets")
	if strings.Contains(s, "Log in now") || onSSOScreen(h) {
		t.Fatalf("a log-in was offered although a refresh token was cached:\n%s", s)
	}
	if got := w.srv.SSORequests("StartDeviceAuthorization"); got != starts {
		t.Errorf("%d device authorizations started, want none", got-starts)
	}
	if got := w.srv.SSORequests("CreateToken"); got != tokens+1 {
		t.Errorf("%d CreateToken calls, want one refresh", got-tokens)
	}
	if exp, _ := w.cachedToken(t)["expiresAt"].(string); exp == "" {
		t.Error("the refreshed token has no expiresAt")
	} else if at, err := time.Parse(time.RFC3339, exp); err != nil || !at.After(time.Now()) {
		t.Errorf("cached token still ends at %s", exp)
	}
}

// The fallback stays: "run aws sso login instead" hands over to the aws
// CLI (here a recorder), then the App connects again.
func TestSSOLogInFallsBackToTheCLI(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	cli := &fakeSSOLogin{}
	h := w.harness(t, "oncall", func(o *Options) {
		o.SSOLoginRunner = func(profile string) common.SSOLogin { return ssoCLIRun{fake: cli, profile: profile, w: w} }
	})
	h.waitFor("Log in now")
	k := keys()
	h.press(k.Nav.Down)
	h.press(k.Dialog.Choose)
	s := waitLoaded(h)
	assertContains(t, s, "28 secrets")
	if !cli.signedIn() {
		t.Error("the aws CLI fallback did not run")
	}
}

// The log-in screen at 40, 80 and 120 columns: nothing runs past the
// window, and the whole address, the code and the countdown stay readable
// (wrapped, never cut).
func TestSSOLogInWidths(t *testing.T) {
	for _, width := range []int{40, 80, 120} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			w := newSSOWorld(t, emulator.SSOOptions{})
			h := w.harnessAt(t, width, "oncall", nil)
			s := h.waitFor("Not now")
			assertContains(t, strings.Join(strings.Fields(strings.ReplaceAll(s, "│", " ")), " "), "aws sso login --profile oncall instead")
			h.press(keys().Dialog.Choose)
			s = h.waitFor("expires in")
			for i, line := range strings.Split(s, "\n") {
				if lw := ansi.StringWidth(line); lw > width {
					t.Errorf("line %d is %d cells wide in a %d-column window: %q", i, lw, width, line)
				}
			}
			if strings.Contains(s, "…") {
				t.Errorf("something was cut:\n%s", s)
			}
			joined := strings.ReplaceAll(strings.ReplaceAll(s, "│", ""), "\n", "")
			joined = strings.ReplaceAll(joined, " ", "")
			m := shownCode.FindStringSubmatch(joined)
			if m == nil || !strings.Contains(s, spacedCode(m[1])) {
				t.Errorf("the address with the code, or the code itself, is not whole:\n%s", s)
			}
		})
	}
}
