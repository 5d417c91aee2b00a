package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
)

// clipHarness is a harness whose clipboard manager uses clip, outside SSH.
func clipHarness(t *testing.T, clip Clipboard, ttl time.Duration) *harness {
	t.Helper()
	h := newSecretHarness(t, 100, 20, func(o *Options) { o.Clipboard = clip; o.ClipboardTTL = ttl })
	h.app.clipboard = clipboard.NewManagerFor(clipboardConfig(h.app.env), clip, false)
	h.app.clipboard.VerifyTimeout = 100 * time.Millisecond
	return h
}

func secretCopy(text string) common.CopyMsg {
	return common.CopyMsg{Text: text, What: `field "password"`, Secret: true, ARN: "arn:test", Region: "us-east-1", Version: "v1"}
}

// The clipboard tests fire the clear with Manager.ClearNow, the message the
// TTL's timer sends, under a long TTL: a short real TTL also expires the
// "clears in" status, which a loaded machine can miss. The real timer has a
// test of its own that watches the clipboard, not the status line.

func TestClipboardClearsWhenUnchanged(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := clipHarness(t, clip, time.Hour)
	h.send(secretCopy("hunter2-very-secret"))
	h.waitFor(`copied field "password" to the system clipboard — clears in 60m`)
	if clip.get() != "hunter2-very-secret" {
		t.Fatalf("clipboard holds %q", clip.get())
	}
	if strings.Contains(h.screen(), "hunter2") {
		t.Fatal("the copied text is on the screen")
	}
	h.send(h.app.clipboard.ClearNow())
	h.waitFor("clipboard cleared")
	if clip.get() != "" {
		t.Fatalf("clipboard not cleared: %q", clip.get())
	}
	if h.app.clipboard.Pending() {
		t.Fatal("pending clear left behind")
	}
}

// The TTL's real timer clears the clipboard by itself.
func TestClipboardTimerClearsByItself(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := clipHarness(t, clip, 300*time.Millisecond)
	h.send(secretCopy("hunter2-very-secret"))
	h.waitUntil("the timer's clear", func(string) bool {
		return clip.writeCount() > 0 && clip.get() == "" && !h.app.clipboard.Pending()
	})
}

func TestClipboardLeavesSomethingElseAlone(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := clipHarness(t, clip, time.Hour)
	h.send(secretCopy("hunter2-very-secret"))
	h.waitFor("clears in 60m")
	_ = clip.WriteAll("the operator copied this elsewhere")
	h.send(h.app.clipboard.ClearNow())
	h.waitFor("clipboard not cleared: it holds something else now")
	if clip.get() != "the operator copied this elsewhere" {
		t.Fatalf("clipboard was changed: %q", clip.get())
	}
}

func TestClipboardFallsBackToOSC52(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: false}
	h := clipHarness(t, clip, time.Hour)
	h.send(secretCopy("hunter2-very-secret"))
	h.waitFor(`copied field "password" via OSC 52 (terminal clipboard) — clears in 60m`)
	if clip.writeCount() != 0 {
		t.Fatal("wrote to an unavailable system clipboard")
	}
	if p, ok := h.app.clipboard.PendingAtExit(); !ok || p.System {
		t.Fatalf("pending clear %+v, want an OSC 52 one", p)
	}
	// The terminal does not answer the OSC 52 read: clear anyway, and say so.
	h.send(h.app.clipboard.ClearNow())
	h.waitFor("clipboard cleared (could not verify")
}

func TestClipboardOSC52VerifiesWithTheTerminal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		answer string
		want   string
	}{
		{"hunter2-very-secret", "clipboard cleared"},
		{"something else", "clipboard not cleared: it holds something else now"},
	} {
		clip := &fakeClipboard{available: true}
		h := clipHarness(t, clip, time.Hour)
		// over SSH the system clipboard is the wrong machine's
		h.app.clipboard = clipboard.NewManagerFor(clipboardConfig(h.app.env), clip, true)
		h.app.clipboard.VerifyTimeout = 5 * time.Second
		h.send(secretCopy("hunter2-very-secret"))
		h.waitFor("via OSC 52")
		// The clear falls due now: its timer's message, delivered rather
		// than raced against a short TTL (that timer is tested above).
		h.send(h.app.clipboard.ClearNow())
		h.waitUntil("the clipboard read", func(string) bool {
			return h.app.clipboard.Verifying()
		})
		h.send(tea.ClipboardMsg{Content: tc.answer, Selection: 'c'})
		s := h.waitFor(tc.want)
		if strings.Contains(s, "could not verify") {
			t.Fatalf("answer %q: %s", tc.answer, s)
		}
		if clip.writeCount() != 0 {
			t.Fatal("used the system clipboard over SSH")
		}
	}
}

type failingClipboard struct{ fakeClipboard }

func (f *failingClipboard) WriteAll(string) error { return errors.New("xclip: no display") }

func TestClipboardSystemFailureFallsBack(t *testing.T) {
	t.Parallel()
	clip := &failingClipboard{fakeClipboard{available: true}}
	h := clipHarness(t, clip, time.Minute)
	h.send(secretCopy("hunter2-very-secret"))
	s := h.waitFor("system clipboard failed (xclip: no display); copied")
	assertContains(t, s, "via OSC 52")
	if p, ok := h.app.clipboard.PendingAtExit(); !ok || p.System {
		t.Fatalf("pending = %+v, want OSC 52", p)
	}
}

func TestShortDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		30 * time.Second: "30s", 2 * time.Minute: "2m", 90 * time.Second: "1m30s", 250 * time.Millisecond: "250ms",
	} {
		if got := common.ShortDuration(d); got != want {
			t.Errorf("shortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// A copy still waiting to be cleared when the app quits is handed over
// (hash and due time, never the text), and the handed-over clear only
// empties the clipboard if it still holds that copy.
func TestClipboardPendingClearIsHandedOverAtExit(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := clipHarness(t, clip, time.Hour)
	if _, ok := h.app.PendingClipboardClear(); ok {
		t.Fatal("a pending clear before anything was copied")
	}
	h.send(secretCopy("hunter2-very-secret"))
	h.waitFor("clears in")
	p, ok := h.app.PendingClipboardClear()
	if !ok || !p.System || p.What != `field "password"` || p.Due.Sub(h.app.env.Now()) != time.Hour {
		t.Fatalf("pending clear = %+v, %v", p, ok)
	}

	_ = clip.WriteAll("something the operator copied later")
	if cleared, err := clipboard.ClearIfUnchanged(clip, p.Sum); err != nil || cleared {
		t.Fatalf("cleared someone else's copy: %v, %v", cleared, err)
	}
	_ = clip.WriteAll("hunter2-very-secret")
	if cleared, err := clipboard.ClearIfUnchanged(clip, p.Sum); err != nil || !cleared || clip.get() != "" {
		t.Fatalf("did not clear our copy: %v, %v, %q", cleared, err, clip.get())
	}
}
