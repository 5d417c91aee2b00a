//go:build unix

package editdir

import (
	"errors"
	"os"
	"syscall"
)

// ownedByMe reports whether the current user owns the file fi describes.
func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}

// processAlive reports whether a process with this pid exists: kill(pid, 0)
// succeeds, or is refused because it belongs to someone else. Only ESRCH
// (no such process) means it is gone.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || !errors.Is(err, syscall.ESRCH)
}
