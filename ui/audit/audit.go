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

// Log appends entries to a file opened with mode 0600. Record only hands
// the entry to a writer goroutine, so the UI can call it from Update
// without doing file I/O there; Close waits until every entry is written.
type Log struct {
	f       *os.File
	path    string
	profile string
	now     func() time.Time

	mu     sync.RWMutex // held for reading while sending, for writing to close
	closed bool
	lines  chan []byte
	done   chan struct{}
	err    error // the first write error, reported by Close
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
	l := &Log{f: f, path: path, profile: profile, now: time.Now,
		lines: make(chan []byte, 256), done: make(chan struct{})}
	go l.write()
	return l, nil
}

// write appends lines in the order they were recorded until Close.
func (l *Log) write() {
	defer close(l.done)
	for line := range l.lines {
		if _, err := l.f.Write(line); err != nil && l.err == nil {
			l.err = fmt.Errorf("write audit log: %w", err)
		}
	}
}

// Path is where the log is written.
func (l *Log) Path() string { return l.path }

// Record queues one event. A write failure does not stop the UI (which owns
// the terminal); Close reports it. Events never carry values:
// Event has no field for one.
func (l *Log) Record(ev Event) {
	e := Entry{
		Time: l.now().UTC(), Profile: l.profile, Region: ev.Region, SecretARN: ev.SecretARN,
		Action: ev.Action, VersionIDs: ev.VersionIDs, Outcome: ev.Outcome, Detail: ev.Detail,
	}
	line, err := json.Marshal(e)
	if err != nil {
		return
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return // a command that finished after the app quit: nothing to write to
	}
	l.lines <- append(line, '\n')
}

// Close writes what is still queued, closes the file and reports the first
// error met on the way. Records after Close are dropped.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return l.err
	}
	l.closed = true
	close(l.lines)
	l.mu.Unlock()
	<-l.done
	if err := l.f.Close(); err != nil && l.err == nil {
		l.err = err
	}
	return l.err
}
