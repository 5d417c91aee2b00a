package keymap

import "charm.land/bubbles/v2/key"

// KeyName is a binding's key as the help shows it ("r", "y/enter"), for prose
// that names a key: "press " + KeyName(k.Common.Refresh) + " to retry".
func KeyName(b key.Binding) string { return b.Help().Key }

// Hint is a binding's key followed by what it does here: Hint(refresh,
// "retries") is "r retries".
func Hint(b key.Binding, does string) string { return KeyName(b) + " " + does }
