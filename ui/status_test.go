package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

// statusLine is the window's status line (the line above the footer).
func statusLine(screen string) string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 2 {
		return ""
	}
	return lines[len(lines)-2]
}

func TestStatusExpiresAfterItsTTL(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 24, nil)
	waitLoaded(h)
	h.send(common.StatusMsg{Level: common.LevelInfo, Text: "short-lived note", TTL: 50 * time.Millisecond})
	if s := h.screen(); !strings.Contains(statusLine(s), "short-lived note") {
		t.Fatalf("status not shown:\n%s", s)
	}
	h.waitUntil("the status to expire", func(s string) bool { return !strings.Contains(s, "short-lived note") })
}

func TestStatusWithoutTTLGetsItsLevelsDefault(t *testing.T) {
	t.Parallel()
	a := New(Options{})
	for _, c := range []struct {
		level common.Level
		want  time.Duration
	}{
		{common.LevelInfo, 5 * time.Second},
		{common.LevelSuccess, 5 * time.Second},
		{common.LevelWarning, 10 * time.Second},
		{common.LevelError, 15 * time.Second},
	} {
		if got := a.statusTTL(common.StatusMsg{Level: c.level}); got != c.want {
			t.Errorf("level %d: ttl %s, want %s", c.level, got, c.want)
		}
	}
	if got := a.statusTTL(common.StatusMsg{Level: common.LevelError, TTL: time.Second}); got != time.Second {
		t.Errorf("an explicit ttl was replaced by %s", got)
	}
}

// An error status expires too, later, and while it shows its details are one
// key away; after it went, the same key still opens the last error.
func TestErrorStatusExpiresWithDetailsReachable(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 24, func(o *Options) { o.StatusErrorTTL = 400 * time.Millisecond })
	waitLoaded(h)
	h.send(common.StatusMsg{Level: common.LevelError, Err: errors.New("the emulated disk is on fire")})
	b := h.app.env.Keys.Common.ErrorDetail
	want := common.KeyHelp(b) + " " + b.Help().Desc
	if line := statusLine(h.screen()); !strings.Contains(line, "disk is on fire") || !strings.Contains(line, want) {
		t.Fatalf("error status %q lacks the error or %q", line, want)
	}
	h.press(b)
	assertContains(t, h.screen(), "the emulated disk is on fire")
	h.press(h.app.env.Keys.Common.Back)
	h.waitUntil("the error status to expire", func(s string) bool { return !strings.Contains(statusLine(s), "on fire") })
	h.press(b)
	if h.app.errBox == nil {
		t.Fatalf("after the status expired, %s no longer opens the last error:\n%s", common.KeyHelp(b), h.screen())
	}
}

// A status set on one screen stays there: opening another screen or going
// back clears it.
func TestStatusDoesNotFollowToOtherScreens(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 24, nil)
	waitLoaded(h)
	k := h.app.env.Keys
	h.send(common.StatusMsg{Level: common.LevelSuccess, Text: "note for the list", TTL: time.Minute})
	assertContains(t, statusLine(h.screen()), "note for the list")
	h.press(k.Nav.Open)
	h.waitUntil("the detail screen", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
	if s := h.screen(); strings.Contains(s, "note for the list") {
		t.Errorf("the list's status followed to the detail screen:\n%s", s)
	}
	h.send(common.StatusMsg{Level: common.LevelWarning, Text: "note for the detail", TTL: time.Minute})
	assertContains(t, statusLine(h.screen()), "note for the detail")
	h.press(k.Common.Back)
	if s := h.screen(); strings.Contains(s, "note for the detail") {
		t.Errorf("the detail's status followed back to the list:\n%s", s)
	}
}
