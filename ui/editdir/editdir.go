// Package editdir owns the private directories in which a value is handed to
// the operator's $EDITOR as a plaintext file.
//
// Each directory's name says which smtui process made it
// (smtui-edit-pid<PID>-<random>), so that:
//   - on a catchable signal, the signal path removes this process's
//     directories at once (RemoveOwn), without waiting for the editor to
//     return or for the command that started it;
//   - after a SIGKILL, which nothing can catch, the next start removes the
//     directories whose process is gone (SweepLeftovers) and says so.
//
// Only directories that are smtui's by name, are real directories (not
// symbolic links) and belong to the current user are ever removed.
package editdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// prefix starts the name of every edit directory; the owner's pid follows.
const prefix = "smtui-edit-pid"

// Create makes a new private directory (mode 0700) for one edit in root
// ("" means the system's temporary directory), named after this process.
func Create(root string) (string, error) {
	dir, err := os.MkdirTemp(root, fmt.Sprintf("%s%d-", prefix, os.Getpid()))
	if err != nil {
		return "", fmt.Errorf("make a private directory for the editor: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		_ = os.RemoveAll(dir)
		return "", fmt.Errorf("protect the editor's directory: %w", err)
	}
	return dir, nil
}

// ownerPID returns the pid in an edit directory's name, or false when the
// name is not an edit directory's.
func ownerPID(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "-")
	if !ok || digits == "" || len(digits) > 10 {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	if err != nil || pid <= 0 || strconv.Itoa(pid) != digits {
		return 0, false
	}
	return pid, true
}

// candidate is an edit directory found in root.
type candidate struct {
	path string
	pid  int
}

// scan lists the edit directories in root that are real directories owned
// by the current user.
func scan(root string) ([]candidate, error) {
	if root == "" {
		root = os.TempDir()
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", root, err)
	}
	var out []candidate
	for _, e := range entries {
		pid, ok := ownerPID(e.Name())
		if !ok {
			continue
		}
		path := filepath.Join(root, e.Name())
		fi, err := os.Lstat(path)
		if err != nil || !fi.IsDir() || !ownedByMe(fi) {
			continue
		}
		out = append(out, candidate{path: path, pid: pid})
	}
	return out, nil
}

// RemoveOwn removes every edit directory of this process in root ("" means
// the system's temporary directory) and returns how many it removed. The
// signal path calls it: a hang-up may never let the editor return.
func RemoveOwn(root string) (int, error) {
	found, err := scan(root)
	if err != nil {
		return 0, err
	}
	self := os.Getpid()
	n := 0
	var errs []error
	for _, c := range found {
		if c.pid != self {
			continue
		}
		if err := os.RemoveAll(c.path); err != nil {
			errs = append(errs, fmt.Errorf("remove the editor's directory: %w", err))
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// Leftover is an edit directory of a previous smtui that did not exit
// cleanly, removed by SweepLeftovers.
type Leftover struct {
	PID   int // the process that made it, now gone
	Files int // how many files it held (plaintext values)
}

// SweepLeftovers removes the edit directories in root ("" means the system's
// temporary directory) whose process is gone (a SIGKILL, a crash, a power
// cut). Directories of live processes, including other running smtuis, are
// left alone.
func SweepLeftovers(root string) ([]Leftover, error) {
	found, err := scan(root)
	if err != nil {
		return nil, err
	}
	self := os.Getpid()
	var out []Leftover
	var errs []error
	for _, c := range found {
		if c.pid == self || processAlive(c.pid) {
			continue
		}
		files := countFiles(c.path)
		if err := os.RemoveAll(c.path); err != nil {
			errs = append(errs, fmt.Errorf("remove a leftover editor directory: %w", err))
			continue
		}
		out = append(out, Leftover{PID: c.pid, Files: files})
	}
	return out, errors.Join(errs...)
}

// countFiles counts the regular files under dir (editors may add swap or
// backup files beside the value).
func countFiles(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// Note says what SweepLeftovers removed, for the status line; "" when it
// removed nothing. It names processes and counts files, never contents.
func Note(removed []Leftover) string {
	if len(removed) == 0 {
		return ""
	}
	files := 0
	pids := make([]string, 0, len(removed))
	for _, l := range removed {
		files += l.Files
		pids = append(pids, strconv.Itoa(l.PID))
	}
	what := "file"
	if files != 1 {
		what = "files"
	}
	who := "a previous smtui that did not exit (pid " + pids[0] + ")"
	if len(pids) > 1 {
		who = "previous smtuis that did not exit (pids " + strings.Join(pids, ", ") + ")"
	}
	return fmt.Sprintf("removed %d leftover edit %s from %s", files, what, who)
}
