package clipboard

import "github.com/atotto/clipboard"

// System is the Windows clipboard through its API (atotto/clipboard starts
// no program there, so no environment is handed on).
type System struct{}

// NewSystem returns the Windows clipboard.
func NewSystem() *System { return &System{} }

// Available reports whether the clipboard can be used.
func (*System) Available() bool { return !clipboard.Unsupported }

// WriteAll puts text on the clipboard.
func (*System) WriteAll(text string) error { return clipboard.WriteAll(text) }

// ReadAll returns what the clipboard holds.
func (*System) ReadAll() (string, error) { return clipboard.ReadAll() }
