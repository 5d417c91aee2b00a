package ui

import (
	"fmt"
	"os"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// SignalMsg tells the App that the process got a catchable signal (SIGHUP,
// SIGINT, SIGTERM, SIGQUIT). main sends it (see SignalWatch); the App then
// masks and drops every value, blanks the window and quits, so Bubble Tea
// clears the alternate screen, leaves it and restores the terminal.
type SignalMsg struct{ Signal os.Signal }

// exitState is what the App knows about a stop by signal.
type exitState struct {
	signal  os.Signal // nil: not stopped by a signal
	unsaved int       // unsaved edits the stop discarded
}

// stopOnSignal closes every screen (each masks and forgets its values), so
// that nothing revealed is drawn again, and quits after clearing the screen.
// Unsaved edits cannot be kept: how many were dropped is reported after
// the terminal is restored (ExitNote), never silently.
func (a *App) stopOnSignal(sig os.Signal) tea.Cmd {
	if a.exit.signal == nil {
		a.exit = exitState{signal: sig, unsaved: a.unsavedChanges()}
		for i := len(a.stack) - 1; i >= 0; i-- {
			if c, ok := a.stack[i].(common.Closer); ok {
				c.Close()
			}
		}
		a.errBox = nil
		a.status = common.StatusMsg{}
		a.helpL = helpLayer{}
	}
	return tea.Sequence(tea.ClearScreen, tea.Quit)
}

// StoppedBy records, after the program has stopped, the signal that stopped
// it, when the stop was forced before the App could see it. Call it only
// once Run has returned.
func (a *App) StoppedBy(sig os.Signal) {
	if a.exit.signal == nil && sig != nil {
		a.exit = exitState{signal: sig, unsaved: a.unsavedChanges()}
	}
}

// unsavedChanges counts the unsaved edits on every screen.
func (a *App) unsavedChanges() int {
	n := 0
	for _, s := range a.stack {
		if u, ok := s.(common.Unsaved); ok {
			n += u.UnsavedChanges()
		}
	}
	return n
}

// ExitNote says, after the program has stopped, why a signal stopped it and
// what that discarded; "" when no signal stopped it.
func (a *App) ExitNote() string {
	if a.exit.signal == nil {
		return ""
	}
	note := "stopped by " + signalName(a.exit.signal)
	switch n := a.exit.unsaved; {
	case n == 1:
		note += "; 1 unsaved edit was discarded (nothing was saved)"
	case n > 1:
		note += fmt.Sprintf("; %d unsaved edits were discarded (nothing was saved)", n)
	}
	return note
}

// ExitCode is the conventional status of a process stopped by a signal
// (128 + its number), or 0.
func (a *App) ExitCode() int {
	if s, ok := a.exit.signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	if a.exit.signal != nil {
		return 1
	}
	return 0
}

// signalName names a signal for the operator: "SIGHUP (hangup)".
func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGHUP:
		return "SIGHUP (hangup)"
	case syscall.SIGINT:
		return "SIGINT (interrupt)"
	case syscall.SIGTERM:
		return "SIGTERM (terminate)"
	case syscall.SIGQUIT:
		return "SIGQUIT (quit)"
	}
	return s.String()
}
