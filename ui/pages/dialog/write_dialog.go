package dialog

import (
	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/ui/common"
)

// writeDialog is what a dialog that confirms one write holds besides its
// choice: its env, the write's lifecycle and its box. The confirmation pane
// is sized with the dialog, and has the keyboard while its name guard has
// focus.
type writeDialog struct {
	env   *common.Env
	write Lifecycle

	width, height int
}

// newWriteDialog starts the write dialog of owner.
func newWriteDialog(env *common.Env, owner common.Screen) writeDialog {
	return writeDialog{env: env, write: NewLifecycle(env, owner)}
}

// SetSize gives the screen its share of the window.
func (d *writeDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	d.write.setSize(w, h)
}

// Capturing is true while the confirmation's name guard has focus.
func (d *writeDialog) Capturing() bool { return d.write.capturing() }

// choiceDialog is a write dialog whose first step is a list of choices
// (delete, remove label, replication): its keys pick one, then confirm it.
type choiceDialog struct{ writeDialog }

// newChoiceDialog starts the choice dialog of owner.
func newChoiceDialog(env *common.Env, owner common.Screen) choiceDialog {
	return choiceDialog{newWriteDialog(env, owner)}
}

// ShortHelp lists the choice's keys, or the confirmation's.
func (d *choiceDialog) ShortHelp() []key.Binding {
	k := d.env.Keys
	return d.write.shortHelp(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back)
}

// FullHelp lists every binding of the screen.
func (d *choiceDialog) FullHelp() [][]key.Binding {
	k := d.env.Keys
	return [][]key.Binding{{chooseKey(k), k.Nav.Up, k.Nav.Down}, {k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Back}}
}
