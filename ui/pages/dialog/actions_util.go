package dialog

import (
	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/keymap"
)

// Helpers shared by the write dialogs (confirm, labels, rollback, rotation,
// create, delete, restore, tags).

// chooseKey is the binding that picks the highlighted entry of a dialog's
// choice list.
func chooseKey(k *keymap.KeyMap) key.Binding { return k.Dialog.Choose }
