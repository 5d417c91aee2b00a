// Package audit writes smtui's local audit log: one JSON line per change,
// reveal and copy, recording who did what to which secret and how it went,
// never a value.
package audit

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/smtui/smtui/ui"
)

// Entry is one line of the log.
type Entry struct {
	Time       time.Time `json:"time"`
	Profile    string    `json:"profile"`
	Region     string    `json:"region,omitempty"`
	SecretARN  string    `json:"secret_arn,omitempty"`
	Action     string    `json:"action"`
	VersionIDs []string  `json:"version_ids,omitempty"`
	Outcome    string    `json:"outcome"`
	Detail     string    `json:"detail,omitempty"`
}

// Log appends entries to a file opened with mode 0600.
type Log struct {
	mu      sync.Mutex
	f       *os.File
	path    string
	profile string
	now     func() time.Time
}

// DefaultPath is $XDG_STATE_HOME/smtui/audit.log, or
// ~/.local/state/smtui/audit.log when XDG_STATE_HOME is unset.
func DefaultPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = os.TempDir()
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "smtui", "audit.log")
}

// Open opens (creating if needed) the log at path for profile. The
// directory is created 0700 and the file 0600; an existing file with wider
// permissions is tightened to 0600.
func Open(path, profile string) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create audit log directory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open audit log: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, fmt.Errorf("restrict audit log permissions: %w", err)
	}
	return &Log{f: f, path: path, profile: profile, now: time.Now}, nil
}

// Path is where the log is written.
func (l *Log) Path() string { return l.path }

// Record appends one event. A failure to write is not fatal to the UI; it
// is reported on stderr-free terms by being dropped, since the UI owns the
// terminal. Events never carry values: ui.AuditEvent has no field for one.
func (l *Log) Record(ev ui.AuditEvent) {
	e := Entry{
		Time: l.now().UTC(), Profile: l.profile, Region: ev.Region, SecretARN: ev.SecretARN,
		Action: ev.Action, VersionIDs: ev.VersionIDs, Outcome: ev.Outcome, Detail: ev.Detail,
	}
	line, err := json.Marshal(e)
	if err != nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = l.f.Write(append(line, '\n'))
}

// Close closes the file.
func (l *Log) Close() error { return l.f.Close() }
