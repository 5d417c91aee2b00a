//go:build unix

package editdir

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// deadPID returns the pid of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	c := exec.Command("true")
	if err := c.Run(); err != nil {
		t.Fatalf("run true: %v", err)
	}
	return c.Process.Pid
}

// makeDir makes root/name holding one file, as an edit would.
func makeDir(t *testing.T, root, name string) string {
	t.Helper()
	dir := filepath.Join(root, name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "value.txt"), []byte("hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, os.ErrNotExist)
}

func TestCreateNamesTheOwnerAndIsPrivate(t *testing.T) {
	root := t.TempDir()
	dir, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	pid, ok := ownerPID(filepath.Base(dir))
	if !ok || pid != os.Getpid() {
		t.Fatalf("Create made %s: owner %d %v, want this process %d", filepath.Base(dir), pid, ok, os.Getpid())
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Fatalf("mode %o, want 700", fi.Mode().Perm())
	}
}

func TestOwnerPIDRecognisesOnlyEditDirectories(t *testing.T) {
	for name, want := range map[string]int{
		"smtui-edit-pid42-123456": 42,
		"smtui-edit-123456":       0, // the old unnamed form: whose it is is unknown
		"smtui-edit-pid-12":       0,
		"smtui-edit-pid042-1":     0,
		"smtui-edit-pid42":        0,
		"smtui-edit-pidx-1":       0,
		"other-pid42-1":           0,
	} {
		got, ok := ownerPID(name)
		if ok != (want != 0) || got != want {
			t.Errorf("ownerPID(%q) = %d, %v; want %d", name, got, ok, want)
		}
	}
}

func TestRemoveOwnRemovesOnlyThisProcesssDirectories(t *testing.T) {
	root := t.TempDir()
	mine1, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	mine2, _ := Create(root)
	if err := os.WriteFile(filepath.Join(mine1, "value.txt"), []byte("hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := makeDir(t, root, fmt.Sprintf("%s%d-1", prefix, os.Getppid()))
	unrelated := makeDir(t, root, "notes")
	n, err := RemoveOwn(root)
	if err != nil || n != 2 {
		t.Fatalf("RemoveOwn = %d, %v; want 2 removed", n, err)
	}
	if exists(mine1) || exists(mine2) {
		t.Fatal("this process's edit directories are still there")
	}
	if !exists(other) || !exists(unrelated) {
		t.Fatal("RemoveOwn removed a directory that is not this process's")
	}
}

func TestSweepRemovesOnlyDeadOwnersDirectories(t *testing.T) {
	root := t.TempDir()
	dead := deadPID(t)
	gone := makeDir(t, root, fmt.Sprintf("%s%d-777", prefix, dead))
	live := makeDir(t, root, fmt.Sprintf("%s%d-1", prefix, os.Getppid()))
	mine, _ := Create(root)
	oldForm := makeDir(t, root, "smtui-edit-99999")
	// A symbolic link named like an edit directory is never followed.
	target := makeDir(t, t.TempDir(), "target")
	link := filepath.Join(root, fmt.Sprintf("%s%d-2", prefix, dead))
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	removed, err := SweepLeftovers(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || removed[0].PID != dead || removed[0].Files != 1 {
		t.Fatalf("SweepLeftovers removed %+v, want pid %d with 1 file", removed, dead)
	}
	if exists(gone) {
		t.Fatal("the dead process's directory is still there")
	}
	for _, p := range []string{live, mine, oldForm, link, filepath.Join(target, "value.txt")} {
		if !exists(p) {
			t.Errorf("%s was removed", p)
		}
	}
	if got, want := Note(removed), fmt.Sprintf("removed 1 leftover edit file from a previous smtui that did not exit (pid %d)", dead); got != want {
		t.Errorf("Note = %q, want %q", got, want)
	}
}

func TestNoteNeverNamesContentsAndCountsAll(t *testing.T) {
	if Note(nil) != "" {
		t.Fatal("a note for nothing removed")
	}
	got := Note([]Leftover{{PID: 10, Files: 2}, {PID: 11, Files: 1}})
	if got != "removed 3 leftover edit files from previous smtuis that did not exit (pids 10, 11)" {
		t.Fatalf("Note = %q", got)
	}
	if strings.Contains(got, "hunter2") {
		t.Fatal("the note holds a value")
	}
}

// Another user's directory, named like an edit directory of a dead process,
// is never removed (the test can only set this up as root).
func TestSweepLeavesOtherUsersDirectories(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to give a directory to another user")
	}
	root := t.TempDir()
	theirs := makeDir(t, root, fmt.Sprintf("%s%d-1", prefix, deadPID(t)))
	if err := os.Chown(theirs, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	removed, err := SweepLeftovers(root)
	if err != nil || len(removed) != 0 || !exists(theirs) {
		t.Fatalf("SweepLeftovers removed %+v (%v); another user's directory must stay", removed, err)
	}
	if n, err := RemoveOwn(root); err != nil || n != 0 {
		t.Fatalf("RemoveOwn = %d, %v", n, err)
	}
}
