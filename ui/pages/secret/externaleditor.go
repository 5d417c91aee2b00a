package secret

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/childenv"
	"github.com/smtui/smtui/ui/editdir"
)

// execFunc runs a command with the terminal handed over to it and calls fn
// with the outcome; tea.ExecProcess in the app, a direct run in tests.
// Either way fn is called exactly once, also when the command cannot start.
type execFunc func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd

// defaultEditor is used when neither $VISUAL nor $EDITOR is set.
const defaultEditor = "vi"

// EditorCommand reads the editor command from $VISUAL, then $EDITOR, then
// defaults to vi. Call it once, when the app starts, and pass the result in.
// The command may carry arguments ("code --wait").
func EditorCommand(getenv func(string) string) []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(name)); len(f) > 0 {
			return f
		}
	}
	return []string{defaultEditor}
}

// ExternalEditor edits a value in the operator's own editor. The value goes
// to a file of mode 0600 in a fresh private directory (0700, see editdir),
// which is removed when the editor returns, whatever happened: success, an
// editor that fails or cannot start, or a file that cannot be read back; on
// a catchable signal main removes it at once. The editor gets the operator's
// environment without AWS credentials.
type ExternalEditor struct {
	command []string
	exec    execFunc
	// TempRoot is where the private directory is made; "" means the
	// system's temporary directory.
	TempRoot string
}

// NewExternalEditor makes an editor runner. A nil exec means tea.ExecProcess.
func NewExternalEditor(command []string, run execFunc) ExternalEditor {
	if len(command) == 0 {
		command = []string{defaultEditor}
	}
	if run == nil {
		run = tea.ExecProcess
	}
	return ExternalEditor{command: command, exec: run}
}

// editorName is the editor's program name, for messages.
func (e ExternalEditor) editorName() string { return filepath.Base(e.command[0]) }

// ExternalResult is what came back from the editor.
type ExternalResult struct {
	Text    string
	Changed bool
	Err     error
}

// Edit returns a command that writes text to the private file, runs the
// editor on it, reads it back and removes it; done turns the outcome into
// the host's message. ext is the file name's extension (".json", ".txt")
// so the editor picks a sensible mode.
//
// Editors usually end a file with a newline: when the original text did
// not end with one, a single trailing newline the editor added is dropped,
// so an unchanged file gives back the exact original.
func (e ExternalEditor) Edit(text, ext string, done func(ExternalResult) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		// The directory's name records this process, so a signal can remove
		// it at once and a later start can remove it after a SIGKILL.
		dir, err := editdir.Create(e.TempRoot)
		if err != nil {
			return done(ExternalResult{Err: err})
		}
		fail := func(err error) tea.Msg {
			_ = os.RemoveAll(dir)
			return done(ExternalResult{Err: err})
		}
		file := filepath.Join(dir, "value"+ext)
		if err := writePrivate(file, []byte(text)); err != nil {
			return fail(err)
		}
		c := exec.Command(e.command[0], append(append([]string{}, e.command[1:]...), file)...)
		c.Env = childenv.Environ() // the editor needs the operator's settings, not AWS credentials
		name := e.editorName()
		cmd := e.exec(c, func(runErr error) tea.Msg {
			defer func() { _ = os.RemoveAll(dir) }()
			if runErr != nil {
				return done(ExternalResult{Err: editorError(name, runErr)})
			}
			data, err := os.ReadFile(file)
			if err != nil {
				return done(ExternalResult{Err: fmt.Errorf("read back what %s saved: %w", name, errors.Unwrap(err))})
			}
			out := string(data)
			if !strings.HasSuffix(text, "\n") {
				out = strings.TrimSuffix(out, "\n")
			}
			return done(ExternalResult{Text: out, Changed: out != text})
		})
		if cmd == nil {
			return fail(fmt.Errorf("could not start %s", name))
		}
		return cmd()
	}
}

// writePrivate writes data to a new file only its owner can read.
func writePrivate(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create the editor's file: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return fmt.Errorf("protect the editor's file: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("write the editor's file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the editor's file: %w", err)
	}
	return nil
}

// editorError explains an editor that failed or could not start.
func editorError(name string, err error) error {
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return fmt.Errorf("%s exited with status %d: nothing was changed", name, ee.ExitCode())
	case errors.Is(err, exec.ErrNotFound):
		return fmt.Errorf("the editor %s was not found: set $VISUAL or $EDITOR", name)
	}
	return fmt.Errorf("could not run %s: %w", name, err)
}
