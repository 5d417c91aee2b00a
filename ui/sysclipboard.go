package ui

import "github.com/atotto/clipboard"

// systemClipboard is the local clipboard through atotto/clipboard (xclip,
// xsel or wl-copy on Linux, pbcopy on macOS, the Windows API).
type systemClipboard struct{}

// SystemClipboard returns the machine's clipboard.
func SystemClipboard() Clipboard { return systemClipboard{} }

func (systemClipboard) Available() bool            { return !clipboard.Unsupported }
func (systemClipboard) WriteAll(text string) error { return clipboard.WriteAll(text) }
func (systemClipboard) ReadAll() (string, error)   { return clipboard.ReadAll() }
