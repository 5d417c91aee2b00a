// Package prefs keeps the few choices smtui remembers across runs: the
// regions last listed together (A) and the recently used regions. It holds
// names of regions only, never anything read from a secret. The file is
// $XDG_STATE_HOME/smtui/prefs.json (or ~/.local/state/smtui/prefs.json),
// mode 0600 in a 0700 directory, written atomically; a missing or
// unreadable file is an empty set of preferences, never an error at start.
package prefs

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Regions is what is remembered about regions.
type Regions struct {
	// All is the regions last listed together ("all regions", A).
	All []string `json:"all,omitempty"`
	// Recent is the regions used recently, most recent first.
	Recent []string `json:"recent,omitempty"`
}

// Prefs is the whole file: regions by profile name ("" for none).
type Prefs struct {
	Version int                `json:"version"`
	Regions map[string]Regions `json:"regions,omitempty"`
}

const version = 1

// maxProfiles bounds the file: the profiles used most recently win.
const maxProfiles = 64

// File is the preferences file at Path.
type File struct{ Path string }

// DefaultPath is $XDG_STATE_HOME/smtui/prefs.json, or
// ~/.local/state/smtui/prefs.json when XDG_STATE_HOME is unset.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the state directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "smtui", "prefs.json"), nil
}

// Load reads the file. A missing, corrupt or foreign-version file gives
// empty preferences: they are a convenience, not a reason to fail.
func (f File) Load() Prefs {
	b, err := os.ReadFile(f.Path)
	var p Prefs
	if err != nil || json.Unmarshal(b, &p) != nil || p.Version != version {
		return Prefs{Version: version}
	}
	return p
}

// SaveRegions records profile's regions: it reads the file again first, so
// two smtui windows with different profiles do not undo each other.
func (f File) SaveRegions(profile string, r Regions) error {
	p := f.Load()
	if p.Regions == nil {
		p.Regions = map[string]Regions{}
	}
	if _, known := p.Regions[profile]; !known && len(p.Regions) >= maxProfiles {
		for k := range p.Regions { // forget one other profile to stay bounded
			delete(p.Regions, k)
			break
		}
	}
	p.Regions[profile] = r
	return f.save(p)
}

// save writes p atomically: a temporary file in the same directory, synced,
// then renamed over the old one.
func (f File) save(p Prefs) error {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save preferences: %w", err)
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("save preferences: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".prefs-*.json")
	if err != nil {
		return fmt.Errorf("save preferences: %w", err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("save preferences: %w", err)
	}
	if err := errors.Join(tmp.Chmod(0o600), tmp.Sync(), tmp.Close()); err != nil {
		return fmt.Errorf("save preferences: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.Path); err != nil {
		return fmt.Errorf("save preferences: %w", err)
	}
	return nil
}
