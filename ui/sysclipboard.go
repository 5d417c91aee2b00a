package ui

import "github.com/smtui/smtui/ui/clipboard"

// SystemClipboard returns the machine's clipboard (xclip, xsel or wl-copy on
// Linux, pbcopy on macOS, the Windows API), whose programs run without AWS
// credentials in their environment.
func SystemClipboard() Clipboard { return clipboard.NewSystem() }
