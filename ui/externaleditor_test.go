package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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

func runExternal(t *testing.T, e externalEditor, text, ext string) externalResult {
	t.Helper()
	msg := e.edit(text, ext, func(r externalResult) tea.Msg { return r })()
	r, ok := msg.(externalResult)
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
	e := newExternalEditor([]string{script}, runDirect)
	e.tempRoot = root
	r := runExternal(t, e, "line AAA\nline BBB\nline CCC", ".txt")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if want := "line AAA\nline ZZZ\nline CCC"; r.text != want || !r.changed {
		t.Errorf("text %q changed %v, want %q changed", r.text, r.changed, want)
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
	e := newExternalEditor([]string{script}, runDirect)
	e.tempRoot = root
	r := runExternal(t, e, "-----BEGIN KEY-----\nabc\n-----END KEY-----", ".txt")
	if r.err != nil || r.changed || r.text != "-----BEGIN KEY-----\nabc\n-----END KEY-----" {
		t.Errorf("unchanged file: changed %v err %v", r.changed, r.err)
	}
	_, _, file := editorLog(t, log)
	assertGone(t, root, file)
}

func TestExternalEditorFailureRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	script, log := fakeEditor(t, `echo partial > "$1"; exit 3`)
	e := newExternalEditor([]string{script}, runDirect)
	e.tempRoot = root
	r := runExternal(t, e, "s3cr3t-value", ".txt")
	if r.err == nil || !strings.Contains(r.err.Error(), "status 3") {
		t.Fatalf("err = %v, want the exit status", r.err)
	}
	if strings.Contains(r.err.Error(), "s3cr3t") || r.text != "" {
		t.Errorf("the failure leaks the value: %v %q", r.err, r.text)
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
	e := newExternalEditor([]string{filepath.Join(root, "no-such-editor")}, runDirect)
	e.tempRoot = root
	r := runExternal(t, e, "s3cr3t-value", ".txt")
	if r.err == nil {
		t.Fatal("a missing editor reported success")
	}
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left in the temp root: %v", left)
	}
}

func TestExternalEditorNilExecCommandRemovesFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	e := newExternalEditor([]string{"true"}, func(*exec.Cmd, tea.ExecCallback) tea.Cmd { return nil })
	e.tempRoot = root
	if r := runExternal(t, e, "v", ".txt"); r.err == nil {
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
		if got := strings.Join(editorCommand(env(c.vars)), " "); got != c.want {
			t.Errorf("editorCommand(%v) = %q, want %q", c.vars, got, c.want)
		}
	}
}
