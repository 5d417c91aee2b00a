package common

import (
	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/keymap"
)

// KeyHelp is keymap.KeyName: a binding's key as its help shows it, for
// prose that names a key, so a rebinding never makes the text lie.
func KeyHelp(b key.Binding) string { return keymap.KeyName(b) }
