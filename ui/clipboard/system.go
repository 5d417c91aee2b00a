//go:build !windows

package clipboard

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/smtui/smtui/ui/childenv"
)

// helperTimeout bounds one run of a clipboard program.
const helperTimeout = 10 * time.Second

// System is the machine's clipboard through its clipboard programs (the same
// ones, in the same order, as github.com/atotto/clipboard: wl-copy/wl-paste
// on Wayland, xclip, xsel, termux, clip.exe/powershell.exe under WSL;
// pbcopy/pbpaste on macOS). smtui runs them itself so that they get the
// operator's environment without AWS credentials (atotto/clipboard runs them
// with the whole process environment).
type System struct {
	copy, paste []string
	trimCRLF    bool // powershell's Get-Clipboard ends its output with \r\n
}

// NewSystem finds the clipboard programs, once, when smtui starts.
func NewSystem() *System {
	return newSystem(runtime.GOOS, os.Getenv, func(name string) bool {
		_, err := exec.LookPath(name)
		return err == nil
	})
}

// newSystem picks the programs for goos among those found.
func newSystem(goos string, getenv func(string) string, found func(string) bool) *System {
	if goos == "darwin" {
		return &System{copy: []string{"pbcopy"}, paste: []string{"pbpaste"}}
	}
	all := func(names ...string) bool {
		for _, n := range names {
			if !found(n) {
				return false
			}
		}
		return true
	}
	switch {
	case getenv("WAYLAND_DISPLAY") != "" && all("wl-copy", "wl-paste"):
		return &System{copy: []string{"wl-copy"}, paste: []string{"wl-paste", "--no-newline"}}
	case all("xclip"):
		return &System{copy: []string{"xclip", "-in", "-selection", "clipboard"}, paste: []string{"xclip", "-out", "-selection", "clipboard"}}
	case all("xsel"):
		return &System{copy: []string{"xsel", "--input", "--clipboard"}, paste: []string{"xsel", "--output", "--clipboard"}}
	case all("termux-clipboard-set", "termux-clipboard-get"):
		return &System{copy: []string{"termux-clipboard-set"}, paste: []string{"termux-clipboard-get"}}
	case all("clip.exe", "powershell.exe"):
		return &System{copy: []string{"clip.exe"}, paste: []string{"powershell.exe", "Get-Clipboard"}, trimCRLF: true}
	}
	return &System{}
}

// errNoProgram is returned when no clipboard program was found.
var errNoProgram = errors.New("no clipboard program found (install xclip, xsel or wl-clipboard)")

// Available reports whether a clipboard program was found.
func (s *System) Available() bool { return len(s.copy) > 0 }

// command builds a run of a clipboard program with the credential-free
// environment.
func command(ctx context.Context, argv []string) *exec.Cmd {
	c := exec.CommandContext(ctx, argv[0], argv[1:]...)
	c.Env = childenv.Environ()
	return c
}

// WriteAll puts text on the clipboard (through the program's stdin, never
// its command line).
func (s *System) WriteAll(text string) error {
	if !s.Available() {
		return errNoProgram
	}
	ctx, cancel := context.WithTimeout(context.Background(), helperTimeout)
	defer cancel()
	c := command(ctx, s.copy)
	c.Stdin = strings.NewReader(text)
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s: %w", s.copy[0], err)
	}
	return nil
}

// ReadAll returns what the clipboard holds.
func (s *System) ReadAll() (string, error) {
	if !s.Available() {
		return "", errNoProgram
	}
	ctx, cancel := context.WithTimeout(context.Background(), helperTimeout)
	defer cancel()
	out, err := command(ctx, s.paste).Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w", s.paste[0], err)
	}
	text := string(out)
	if s.trimCRLF {
		text = strings.TrimSuffix(text, "\r\n")
	}
	return text, nil
}
