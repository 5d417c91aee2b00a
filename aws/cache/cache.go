// Package cache keeps smtui's metadata cache: the last listing of each
// (profile, account, region), so the list can show at once on the next start
// and refresh in the background. It stores what ListSecrets returns (names,
// descriptions, tags, dates, rotation and replication state, version ids and
// their staging labels) and never a secret value: aws.SecretSummary has no
// field that could hold one.
//
// Files live under $XDG_CACHE_HOME/smtui (default ~/.cache/smtui), the
// directory 0700 and each file 0600, written atomically (a temporary file in
// the same directory, fsync, rename). A missing, corrupt, truncated,
// foreign-version or foreign-key file is a miss, never an error worth
// stopping for; the next Save replaces it.
package cache

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/smtui/smtui/aws"
)

// Key names one cache file: what was listed, and where.
type Key struct {
	Profile string // "" for static credentials
	Account string
	Region  string
}

// Snapshot is what a cache file holds.
type Snapshot struct {
	Secrets []aws.SecretSummary
	// Source, when not nil, gives the summaries to save in place of
	// Secrets, one at a time: a caller holding every summary already (the
	// list's rows) saves them without a copy of them all at once. It must
	// not change while Save runs. Load never sets it.
	Source  Source
	Written time.Time // when the listing was saved
}

// Source is a sequence of summaries to save.
type Source interface {
	Len() int
	At(i int) aws.SecretSummary
}

// count is how many summaries s holds; at returns the i-th.
func (s Snapshot) count() int {
	if s.Source != nil {
		return s.Source.Len()
	}
	return len(s.Secrets)
}

func (s Snapshot) at(i int) aws.SecretSummary {
	if s.Source != nil {
		return s.Source.At(i)
	}
	return s.Secrets[i]
}

// ErrMiss is wrapped by every Load error: there is no usable cache for the
// key, and why.
var ErrMiss = errors.New("no usable cache")

// Dir is smtui's cache directory: $XDG_CACHE_HOME/smtui, or ~/.cache/smtui
// when XDG_CACHE_HOME is unset or not absolute (as the XDG spec says).
func Dir() (string, error) {
	if x := os.Getenv("XDG_CACHE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "smtui"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the cache directory: %w", err)
	}
	return filepath.Join(home, ".cache", "smtui"), nil
}

// Cache reads and writes cache files in one directory.
type Cache struct {
	dir string
	// beforeRename, when set (tests), runs between writing the temporary
	// file and renaming it into place; an error stands for a crash there.
	beforeRename func(tmp string) error
}

// New is a Cache in dir (see Dir), created 0700 on the first Save.
func New(dir string) *Cache { return &Cache{dir: dir} }

// Path is the file of key k: a hash of the key, so that any profile name
// makes a safe file name; the file holds the key itself, checked on Load.
func (c *Cache) Path(k Key) string {
	sum := sha256.Sum256([]byte(k.Profile + "\x00" + k.Account + "\x00" + k.Region))
	return filepath.Join(c.dir, "list-"+hex.EncodeToString(sum[:12])+".cache")
}

// Save writes the listing of k atomically: a reader sees the old file or
// the new one, never a mix, and a crash before the rename leaves the old
// file as it was.
func (c *Cache) Save(k Key, s Snapshot) error {
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return fmt.Errorf("save the list cache: %w", err)
	}
	// MkdirAll leaves an existing directory's mode alone; ours is private.
	if err := os.Chmod(c.dir, 0o700); err != nil {
		return fmt.Errorf("save the list cache: %w", err)
	}
	write := func(w io.Writer) error { return encodeTo(w, k, s) }
	if err := c.writeAtomic(c.Path(k), write); err != nil {
		return fmt.Errorf("save the list cache: %w", err)
	}
	return nil
}

// writeAtomic writes to a temporary file (0600, from os.CreateTemp) next
// to path through write, syncs it, renames it over path and syncs the
// directory.
func (c *Cache) writeAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if c.beforeRename != nil {
		if err = c.beforeRename(tmp); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(c.dir); derr == nil {
		_ = d.Sync() // make the rename durable; not all systems allow it
		_ = d.Close()
	}
	return nil
}

// Load reads the listing of k. Any error wraps ErrMiss: callers start
// without a cache and save a fresh one.
func (c *Cache) Load(k Key) (Snapshot, error) {
	s, _, err := c.load(k, true)
	return s, err
}

// Head is the start of a cached listing: its first secrets (at most
// HeadSecrets, in the listing's order) and how many it holds in all.
type Head struct {
	Snapshot
	Total int
}

// LoadHead reads the first secrets of the listing of k, decoding only the
// head of the file, so the first screenful shows before the whole file is
// read; LoadRest reads the others. Errors wrap ErrMiss, as Load's.
func (c *Cache) LoadHead(k Key) (Head, error) {
	s, total, err := c.load(k, false)
	return Head{Snapshot: s, Total: total}, err
}

// LoadRest reads the secrets of the listing of k after those of h. A file
// replaced since LoadHead (another Written or count) is a miss.
func (c *Cache) LoadRest(k Key, h Head) ([]aws.SecretSummary, error) {
	r, err := c.OpenRest(k, h)
	if err != nil {
		return nil, err
	}
	return r.Next(r.Left())
}

// Rest is the rest of a cached listing after its head, decoded a batch at
// a time (Next): a caller that turns each batch into something smaller
// (the list's rows) never holds every decoded summary at once.
type Rest struct {
	d    *decoding
	path string
}

// OpenRest reads the rest of the listing of k after h (the file is closed
// when it returns; its text is held until the last batch is decoded). A
// file replaced since LoadHead is a miss. Errors wrap ErrMiss.
func (c *Cache) OpenRest(k Key, h Head) (*Rest, error) {
	path := c.Path(k)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMiss, err)
	}
	defer func() { _ = f.Close() }()
	s, d, err := decodeHead(k, f)
	if err == nil && (!s.Written.Equal(h.Written) || d.total() != h.Total || len(h.Secrets) != len(s.Secrets)) {
		return nil, fmt.Errorf("%w: %s: replaced since its head was read", ErrMiss, path)
	}
	if err == nil {
		err = d.openRest()
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrMiss, path, err)
	}
	return &Rest{d: d, path: path}, nil
}

// Left is the number of secrets not read yet.
func (r *Rest) Left() int { return r.d.left }

// Next decodes up to n more secrets; none once all are read. Errors wrap
// ErrMiss.
func (r *Rest) Next(n int) ([]aws.SecretSummary, error) {
	out, err := r.d.next(n)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrMiss, r.path, err)
	}
	return out, nil
}

// load reads the file of k: the head only, or whole.
func (c *Cache) load(k Key, whole bool) (Snapshot, int, error) {
	f, err := os.Open(c.Path(k))
	if err != nil {
		return Snapshot{}, 0, fmt.Errorf("%w: %w", ErrMiss, err)
	}
	defer func() { _ = f.Close() }()
	s, total, err := decodeFrom(k, f, whole)
	if err != nil {
		return Snapshot{}, 0, fmt.Errorf("%w: %s: %w", ErrMiss, c.Path(k), err)
	}
	return s, total, nil
}
