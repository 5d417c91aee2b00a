package keymap

import "charm.land/bubbles/v2/key"

// KeyName is a binding's key as the help shows it ("r", "y/enter"), for prose
// that names a key: "press " + KeyName(k.Common.Refresh) + " to retry", so a
// rebinding never makes the text lie.
func KeyName(b key.Binding) string { return b.Help().Key }
