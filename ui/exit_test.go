package ui

import (
	"strings"
	"syscall"
	"testing"

	"github.com/smtui/smtui/ui/common"
)

func TestSignalMasksEverythingBlanksTheWindowAndQuits(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			h := newSecretHarness(t, 100, 40, nil)
			v := h.openValue("prod/ssh/deploy-key")
			h.press(h.app.env.Keys.Value.RevealAll)
			pem := h.emuValue("prod/ssh/deploy-key")
			firstLine := strings.SplitN(pem, "\n", 2)[0]
			if !strings.Contains(h.screen(), firstLine) {
				t.Fatalf("the value is not revealed before the signal:\n%s", h.screen())
			}
			h.send(SignalMsg{Signal: sig})
			if !h.quit {
				t.Fatal("the App did not quit on the signal")
			}
			if v.AnyRevealed() || v.Val.ARN != "" {
				t.Fatal("the value screen still holds or reveals the value")
			}
			view := h.app.View()
			if view.Content != "" || !view.AltScreen {
				t.Fatalf("the last frame is not a blank alternate screen: alt %v, %q", view.AltScreen, view.Content)
			}
			// A late message (a reveal key, a reload) draws nothing again.
			h.send(keyPress(h.app.env.Keys.Value.RevealAll.Keys()[0]))
			if got := h.app.View().Content; got != "" {
				t.Fatalf("after the signal a key redrew the window: %q", got)
			}
			if note := h.app.ExitNote(); !strings.Contains(note, "stopped by SIG") || strings.Contains(note, "discarded") {
				t.Fatalf("ExitNote = %q", note)
			}
			if got := h.app.ExitCode(); got != 128+int(sig) {
				t.Fatalf("ExitCode = %d, want %d", got, 128+int(sig))
			}
		})
	}
}

func TestSignalReportsDiscardedEdits(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	v := h.openValue("prod/db/postgres")
	h.editPort(v, "6543", false)
	if n := v.UnsavedChanges(); n != 1 {
		t.Fatalf("%d unsaved edits before the signal, want 1", n)
	}
	h.send(SignalMsg{Signal: syscall.SIGTERM})
	if !h.quit {
		t.Fatal("the App did not quit on SIGTERM")
	}
	if note := h.app.ExitNote(); note != "stopped by SIGTERM (terminate); 1 unsaved edit was discarded (nothing was saved)" {
		t.Fatalf("ExitNote = %q", note)
	}
}

func TestNoExitNoteWithoutSignal(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	if h.app.ExitNote() != "" || h.app.ExitCode() != 0 {
		t.Fatalf("note %q code %d without a signal", h.app.ExitNote(), h.app.ExitCode())
	}
}

// After a forced stop the App never saw the signal; main records it so the
// exit note and status still say why smtui stopped.
func TestStoppedByRecordsAForcedStop(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	h.app.StoppedBy(syscall.SIGHUP)
	if note := h.app.ExitNote(); note != "stopped by SIGHUP (hangup)" || h.app.ExitCode() != 129 {
		t.Fatalf("note %q code %d", note, h.app.ExitCode())
	}
	h.app.StoppedBy(syscall.SIGTERM) // the first signal stays the reason
	if note := h.app.ExitNote(); note != "stopped by SIGHUP (hangup)" {
		t.Fatalf("note %q after a second StoppedBy", note)
	}
}

func TestStartNoticeShowsInTheStatusLine(t *testing.T) {
	t.Parallel()
	const note = "removed 1 leftover edit file from a previous smtui that did not exit (pid 4242)"
	h := newSecretHarness(t, 120, 40, func(o *Options) { o.Notice = note })
	h.waitUntil("the start notice", func(string) bool { return h.statusLine() == note })
	if h.app.status.Level != common.LevelWarning {
		t.Fatalf("the notice has level %d, want a warning", h.app.status.Level)
	}
}
