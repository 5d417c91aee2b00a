//go:build unix

package clipboard

import "syscall"

// detached starts the clearer in a session of its own: no controlling
// terminal, so a terminal's hang-up and signals to smtui's process group
// never reach it.
func detached() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
