package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/smtui/smtui/ui/pages/secret"
)

// runDirect is the test's exec seam: it runs the command at once, without a
// terminal, and calls fn with the outcome as tea.ExecProcess would.
func runDirect(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(c.Run()) }
}

// fakeEditor writes a shell script that records the modes of the file and
// its directory (stat -c %a) and the file's path to log, then runs body
// with the file as $1.
func fakeEditor(t *testing.T, body string) (script, log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "log")
	script = filepath.Join(dir, "editor.sh")
	text := "#!/bin/sh\nset -e\n" +
		"stat -c %a \"$1\" >> " + log + "\n" +
		"stat -c %a \"$(dirname \"$1\")\" >> " + log + "\n" +
		"echo \"$1\" >> " + log + "\n" + body + "\n"
	if err := os.WriteFile(script, []byte(text), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, log
}

// editorLog returns the recorded file mode, directory mode and file path.
func editorLog(t *testing.T, log string) (fileMode, dirMode, file string) {
	t.Helper()
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("the fake editor did not run: %v", err)
	}
	f := strings.Fields(string(data))
	if len(f) != 3 {
		t.Fatalf("editor log = %q", data)
	}
	return f[0], f[1], f[2]
}

func runExternal(t *testing.T, e secret.ExternalEditor, text, ext string) secret.ExternalResult {
	t.Helper()
	msg := e.Edit(text, ext, func(r secret.ExternalResult) tea.Msg { return r })()
	r, ok := msg.(secret.ExternalResult)
	if !ok {
		t.Fatalf("edit returned %T", msg)
	}
	return r
}

// assertGone checks that nothing of the edit is left in the temp root.
func assertGone(t *testing.T, root, file string) {
	t.Helper()
	if _, err := os.Stat(filepath.Dir(file)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the private directory %s still exists (err %v)", filepath.Dir(file), err)
	}
	left, _ := os.ReadDir(root)
	if len(left) != 0 {
		t.Errorf("left in the temp root: %v", left)
	}
}

func TestExternalEditorChangesValueAndRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	script, log := fakeEditor(t, `sed -i 's/BBB/ZZZ/' "$1"`)
	e := secret.NewExternalEditor([]string{script}, runDirect)
	e.TempRoot = root
	r := runExternal(t, e, "line AAA\nline BBB\nline CCC", ".txt")
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if want := "line AAA\nline ZZZ\nline CCC"; r.Text != want || !r.Changed {
		t.Errorf("text %q changed %v, want %q changed", r.Text, r.Changed, want)
	}
	fm, dm, file := editorLog(t, log)
	if fm != "600" || dm != "700" {
		t.Errorf("file mode %s, dir mode %s; want 600 and 700", fm, dm)
	}
	if !strings.HasPrefix(file, root) || !strings.HasSuffix(file, ".txt") {
		t.Errorf("file %s not under %s with the extension", file, root)
	}
	assertGone(t, root, file)
}

func TestExternalEditorUnchangedFileKeepsExactText(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	// Like vi, the fake editor ends the file with a newline when it saves.
	script, log := fakeEditor(t, `c=$(cat "$1"); printf '%s\n' "$c" > "$1"`)
	e := secret.NewExternalEditor([]string{script}, runDirect)
	e.TempRoot = root
	r := runExternal(t, e, "-----BEGIN KEY-----\nabc\n-----END KEY-----", ".txt")
	if r.Err != nil || r.Changed || r.Text != "-----BEGIN KEY-----\nabc\n-----END KEY-----" {
		t.Errorf("unchanged file: changed %v err %v", r.Changed, r.Err)
	}
	_, _, file := editorLog(t, log)
	assertGone(t, root, file)
}

func TestExternalEditorFailureRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	script, log := fakeEditor(t, `echo partial > "$1"; exit 3`)
	e := secret.NewExternalEditor([]string{script}, runDirect)
	e.TempRoot = root
	r := runExternal(t, e, "s3cr3t-value", ".txt")
	if r.Err == nil || !strings.Contains(r.Err.Error(), "status 3") {
		t.Fatalf("err = %v, want the exit status", r.Err)
	}
	if strings.Contains(r.Err.Error(), "s3cr3t") || r.Text != "" {
		t.Errorf("the failure leaks the value: %v %q", r.Err, r.Text)
	}
	fm, dm, file := editorLog(t, log)
	if fm != "600" || dm != "700" {
		t.Errorf("file mode %s, dir mode %s; want 600 and 700", fm, dm)
	}
	assertGone(t, root, file)
}

func TestExternalEditorThatCannotStartRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	e := secret.NewExternalEditor([]string{filepath.Join(root, "no-such-editor")}, runDirect)
	e.TempRoot = root
	r := runExternal(t, e, "s3cr3t-value", ".txt")
	if r.Err == nil {
		t.Fatal("a missing editor reported success")
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left in the temp root: %v", left)
	}
}

func TestExternalEditorNilExecCommandRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	e := secret.NewExternalEditor([]string{"true"}, func(*exec.Cmd, tea.ExecCallback) tea.Cmd { return nil })
	e.TempRoot = root
	if r := runExternal(t, e, "v", ".txt"); r.Err == nil {
		t.Fatal("no error when the editor could not be started")
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left in the temp root: %v", left)
	}
}

func TestEditorCommandFromEnvironment(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"VISUAL": "nvim", "EDITOR": "nano"}, "nvim"},
		{map[string]string{"EDITOR": "code --wait"}, "code --wait"},
		{map[string]string{"VISUAL": "  ", "EDITOR": "nano"}, "nano"},
		{map[string]string{}, "vi"},
	}
	for _, c := range cases {
		if got := strings.Join(secret.EditorCommand(env(c.vars)), " "); got != c.want {
			t.Errorf("editorCommand(%v) = %q, want %q", c.vars, got, c.want)
		}
	}
}
