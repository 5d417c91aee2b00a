package ui

import (
	"os"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
)

// CatchableSignals are the signals smtui handles itself instead of letting
// them kill it (main passes them to signal.Notify and runs the Bubble Tea
// program WithoutSignalHandler, whose own handler drops signals while an
// external command such as $EDITOR has the terminal).
func CatchableSignals() []os.Signal {
	return []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT}
}

// Program is the part of a running *tea.Program the signal watch drives.
type Program interface {
	Send(msg tea.Msg)
	Kill()
}

// SignalWatch turns catchable signals into an orderly stop:
//
//   - every signal first runs Cleanup at once (it removes the plaintext files
//     handed to $EDITOR: a hang-up may never let the editor return);
//   - the first signal is sent to the App as a SignalMsg; the App masks
//     everything, blanks the window and quits, and Bubble Tea restores the
//     terminal. While $EDITOR runs, Bubble Tea's event loop is blocked, so
//     the message waits and is handled as soon as the editor returns: a
//     SIGINT or SIGTERM then is never lost;
//   - after SIGHUP or SIGQUIT (the terminal is gone, or the operator wants
//     out now) the App has Grace to stop; after that, or on a second
//     signal of any kind, the program is killed (Bubble Tea still leaves
//     the alternate screen, shows the cursor, turns the mouse off and
//     restores the terminal mode), and if even that does not end Run within
//     Grace, Exit is called.
type SignalWatch struct {
	Signals <-chan os.Signal
	Program Program
	Cleanup func()
	// Grace is how long an orderly stop may take before it is forced.
	Grace time.Duration
	// Force writes what the terminal needs before a kill: the caller clears
	// the alternate screen so no revealed value stays on it. May be nil.
	Force func()
	// Exit ends the process when even a kill did not stop the program (an
	// editor that ignores the hang-up holds the event loop).
	Exit func(code int)
	// Received, if not nil, gets the first signal (it needs room for one):
	// after a forced stop the App never saw it, but the caller must still
	// say why smtui stopped (App.StoppedBy).
	Received chan<- os.Signal
}

// Run watches until done is closed (the program has stopped) and returns.
func (w SignalWatch) Run(done <-chan struct{}) {
	var first os.Signal
	select {
	case <-done:
		return
	case first = <-w.Signals:
	}
	w.cleanup()
	if w.Received != nil {
		select {
		case w.Received <- first:
		default:
		}
	}
	go w.Program.Send(SignalMsg{Signal: first})

	var grace <-chan time.Time
	if first == syscall.SIGHUP || first == syscall.SIGQUIT {
		t := time.NewTimer(w.Grace)
		defer t.Stop()
		grace = t.C
	}
	select {
	case <-done:
		return
	case <-w.Signals:
	case <-grace:
	}

	// Forced: the orderly stop did not come (in time).
	w.cleanup()
	if w.Force != nil {
		w.Force()
	}
	go w.Program.Kill()
	t := time.NewTimer(w.Grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		w.cleanup()
		code := 1
		if s, ok := first.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		w.Exit(code)
	}
}

func (w SignalWatch) cleanup() {
	if w.Cleanup != nil {
		w.Cleanup()
	}
}
