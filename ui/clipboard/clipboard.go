// Package clipboard is smtui's clipboard: the Manager that puts a copy on
// the system clipboard or through OSC 52 and clears a secret after its TTL,
// the clipboard programs run without AWS credentials in their environment,
// the check-and-clear that empties the clipboard only if it still holds what
// smtui put there, and the detached background process that keeps the
// promise "clears in 30s" after smtui has quit.
//
// It knows a copy by its SHA-256 only; the text itself is never stored,
// logged or passed on a command line.
package clipboard

import (
	"crypto/sha256"
	"fmt"
)

// Clipboard is a system clipboard.
type Clipboard interface {
	Available() bool
	WriteAll(text string) error
	ReadAll() (string, error)
}

// ClearIfUnchanged empties c if it still holds the text whose SHA-256 is
// sum, and reports whether it did.
func ClearIfUnchanged(c Clipboard, sum [sha256.Size]byte) (bool, error) {
	cur, err := c.ReadAll()
	if err != nil {
		return false, fmt.Errorf("read the clipboard: %w", err)
	}
	if sha256.Sum256([]byte(cur)) != sum {
		return false, nil
	}
	if err := c.WriteAll(""); err != nil {
		return false, fmt.Errorf("clear the clipboard: %w", err)
	}
	return true, nil
}
