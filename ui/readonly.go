package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// In --read-only mode the mutating bindings are disabled: they match no key
// and stay out of the footers and the help. A press of one of their keys
// must not do nothing silently, though: the App says the action is off.

// refuseReadOnly answers a key press that, on the top screen, is an action
// read-only mode turned off, with a warning naming the action. It looks only
// at the screen's own keys (its full help, disabled bindings included), so
// a key that is harmless on this screen still works, and it leaves layers
// (dialogs, pickers), whose answers may reuse a screen's letters, alone.
func (a *App) refuseReadOnly(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !a.env.ReadOnly || common.IsLayer(a.top()) {
		return nil, false
	}
	pressed := msg.String()
	mutating := a.env.Keys.Mutating()
	for _, row := range a.top().FullHelp() {
		for _, b := range row {
			if b.Enabled() || !slices.Contains(b.Keys(), pressed) || !isMutating(b, mutating) {
				continue
			}
			return common.Warn(readOnlyRefusal(b.Help().Desc)), true
		}
	}
	return nil, false
}

// readOnlyRefusal is the status shown for a change asked in read-only mode.
func readOnlyRefusal(action string) string {
	return "read-only: " + action + " is off (smtui was started with --read-only)"
}

// isMutating reports whether b is one of the key map's mutating bindings
// (a screen's help holds copies, some described anew, so they are compared
// by keys).
func isMutating(b key.Binding, mutating []*key.Binding) bool {
	for _, m := range mutating {
		if slices.Equal(m.Keys(), b.Keys()) {
			return true
		}
	}
	return false
}
