package ui

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/editdir"
)

// signalGrace is how long an orderly stop on a signal may take before the
// program is killed (and, if even that is stuck, before the process exits).
const signalGrace = 2 * time.Second

// Run runs app as a Bubble Tea program until it quits, then finishes what
// the run leaves behind: a clipboard clear still due is handed to a
// background clearer, and stderr is told why smtui stopped. It returns the
// process's exit status. opts are Bubble Tea's program options (the
// end-to-end tests run the program on pipes).
func Run(app *App, stderr io.Writer, opts ...tea.ProgramOption) int {
	err := runProgram(app, opts...)
	if p, ok := app.PendingClipboardClear(); ok {
		handOverClipboardClear(p, stderr)
	}
	if note := app.ExitNote(); note != "" {
		fmt.Fprintln(stderr, "smtui:", note)
		return app.ExitCode()
	}
	if err != nil {
		fmt.Fprintln(stderr, "smtui:", err)
		return 1
	}
	return 0
}

// runProgram runs the App as a Bubble Tea program. smtui handles the
// catchable signals itself (see SignalWatch): Bubble Tea's own handler
// knows only SIGINT and SIGTERM and drops them while $EDITOR has the
// terminal.
func runProgram(app *App, opts ...tea.ProgramOption) error {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, CatchableSignals()...)
	defer signal.Stop(sigs)
	prog := tea.NewProgram(app, append([]tea.ProgramOption{tea.WithoutSignalHandler()}, opts...)...)
	stopped, watched := make(chan struct{}), make(chan struct{})
	received := make(chan os.Signal, 1)
	go func() {
		defer close(watched)
		SignalWatch{
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

// handOverClipboardClear keeps the status line's promise ("clears in 30s")
// after the app quits: a small background copy of smtui, detached from the
// terminal (see clipboard.StartClearer), waits until the clear is due, then
// empties the system clipboard if it still holds what was copied. It learns
// the hash of the copy on its stdin, never the text, and never from its
// command line (which other users can read).
func handOverClipboardClear(p clipboard.PendingClear, stderr io.Writer) {
	if !p.System {
		fmt.Fprintf(stderr, "smtui: the terminal clipboard (OSC 52) still holds %s; smtui cannot clear it after quitting — clear it yourself.\n", p.What)
		return
	}
	exe, err := os.Executable()
	if err == nil {
		_, err = clipboard.StartClearer(exe, []string{clipboard.ClearerArg}, clipboard.Job{Sum: p.Sum, Due: p.Due}, 2*time.Second)
	}
	if err != nil {
		fmt.Fprintf(stderr, "smtui: could not arrange to clear the clipboard (%v); it still holds %s — clear it yourself.\n", err, p.What)
		return
	}
	wait := max(time.Until(p.Due).Round(time.Second), 0)
	fmt.Fprintf(stderr, "smtui: the clipboard holds %s; it will be cleared in %s unless something else is copied first.\n", p.What, wait)
}

// SweepEditLeftovers removes the $EDITOR files of earlier smtuis that were
// killed (SIGKILL) while an editor was open, and returns what to tell the
// operator (Options.Notice); "" when there were none.
func SweepEditLeftovers() string {
	removed, err := editdir.SweepLeftovers("")
	note := editdir.Note(removed)
	if err != nil {
		note = strings.TrimPrefix(note+"; ", "; ") + "could not remove every leftover edit file: " + err.Error()
	}
	return note
}
