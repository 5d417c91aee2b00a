package main

import (
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui"
	"github.com/smtui/smtui/ui/editdir"
)

// signalGrace is how long an orderly stop on a signal may take before the
// program is killed (and, if even that is stuck, before the process exits).
const signalGrace = 2 * time.Second

// runProgram runs the App as a Bubble Tea program. smtui handles the
// catchable signals itself (see ui.SignalWatch): Bubble Tea's own handler
// knows only SIGINT and SIGTERM and drops them while $EDITOR has the
// terminal. opts are Bubble Tea's program options (the end-to-end test runs
// the program on pipes).
func runProgram(app *ui.App, opts ...tea.ProgramOption) error {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, ui.CatchableSignals()...)
	defer signal.Stop(sigs)
	prog := tea.NewProgram(app, append([]tea.ProgramOption{tea.WithoutSignalHandler()}, opts...)...)
	stopped, watched := make(chan struct{}), make(chan struct{})
	received := make(chan os.Signal, 1)
	go func() {
		defer close(watched)
		ui.SignalWatch{
			Signals: sigs,
			Program: prog,
			// The plaintext files handed to $EDITOR go at once: after a hang-up
			// the editor may never return.
			Cleanup: func() { _, _ = editdir.RemoveOwn("") },
			Grace:   signalGrace,
			// Before a forced stop, blank the alternate screen so that no
			// revealed value stays on it.
			Force:    func() { _, _ = io.WriteString(os.Stdout, ansi.EraseEntireScreen) },
			Exit:     os.Exit,
			Received: received,
		}.Run(stopped)
	}()
	_, err := prog.Run()
	close(stopped)
	<-watched
	select {
	case sig := <-received:
		app.StoppedBy(sig) // a no-op when the App stopped on it itself
	default:
	}
	return err
}

// sweepEditLeftovers removes the $EDITOR files of earlier smtuis that were
// killed (SIGKILL) while an editor was open, and says so.
func sweepEditLeftovers() string {
	removed, err := editdir.SweepLeftovers("")
	note := editdir.Note(removed)
	if err != nil {
		note = strings.TrimPrefix(note+"; ", "; ") + "could not remove every leftover edit file: " + err.Error()
	}
	return note
}
