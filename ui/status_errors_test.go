package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

// statusLine is the status line as the operator sees it.
func (h *harness) statusLine() string { return strings.TrimSpace(ansi.Strip(h.app.statusView())) }

func TestRetrySuccessClearsTheOldError(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	remove := h.emu.InjectFault(emulator.Fault{Op: "DescribeSecret", Error: "AccessDeniedException"})
	sum := h.summary("us-east-1", "prod/api/stripe")
	h.send(common.PushScreenMsg{Screen: secret.NewDetail(h.app.env, h.store("us-east-1"), sum)})
	h.waitFor("could not load details")
	h.waitUntil("the error in the status line", func(string) bool { return h.app.status.Level == common.LevelError })
	if got := h.statusLine(); !strings.Contains(got, "describe secret") || h.app.status.Level != common.LevelError {
		t.Fatalf("status line after the failed load = %q (level %d), want the describe error", got, h.app.status.Level)
	}

	// A retry that fails again keeps the error, and so do key presses.
	seq := h.app.statusSeq
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitUntil("the failed retry's error status", func(string) bool {
		return h.app.statusSeq > seq && h.app.status.Level == common.LevelError
	})
	h.press(h.app.env.Keys.Nav.Down)
	if got := h.statusLine(); !strings.Contains(got, "describe secret") {
		t.Fatalf("status line after a failed retry and a key press = %q, want the error still shown", got)
	}

	remove()
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitUntil("details after the retry", func(string) bool {
		d := h.topScreen().(*secret.Detail)
		return d.Secret != nil && d.LoadErr == nil
	})
	if got := h.statusLine(); got != "" {
		t.Fatalf("status line after a successful retry = %q, want it empty", got)
	}
}

func TestErrorStaysWhenAnotherScreenSucceeds(t *testing.T) {
	t.Parallel()
	var s statusErrors
	a, b := &secret.Detail{}, &secret.Detail{}
	if s.noteOutcome(common.ResultMsg[int]{Owner: a, Err: errors.New("boom")}) {
		t.Fatal("a failure asked to clear the status")
	}
	s.noteStatus(common.StatusMsg{Level: common.LevelError, Text: "boom"})
	if s.noteOutcome(common.ResultMsg[int]{Owner: b}) {
		t.Fatal("another screen's success cleared the error")
	}
	if s.noteOutcome(common.ResultMsg[string]{Owner: a}) {
		t.Fatal("another operation of the failed screen cleared the error")
	}
	if !s.noteOutcome(common.ResultMsg[int]{Owner: a}) {
		t.Fatal("the failed operation's success did not clear the error")
	}
	// An error status that no failed result preceded is never cleared by a
	// success (nothing says it is about that screen).
	s.noteStatus(common.StatusMsg{Level: common.LevelError, Text: "validation"})
	if s.noteOutcome(common.ResultMsg[int]{Owner: a}) {
		t.Fatal("an unrelated error status was cleared")
	}
}
