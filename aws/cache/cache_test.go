package cache

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/smtui/smtui/aws"
)

var testKey = Key{Profile: "ops", Account: "123456789012", Region: "eu-west-1"}

// sample is a listing using every field of SecretSummary.
func sample() []aws.SecretSummary {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	return []aws.SecretSummary{
		{
			ARN: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf", Name: "prod/db",
			Description: "Primary database, ünïcode ok", KmsKeyID: "alias/db", Region: "eu-west-1",
			RotationEnabled: true, RotationLambdaARN: "arn:aws:lambda:eu-west-1:123456789012:function:rot",
			RotationRules: aws.RotationRules{ScheduleExpression: "rate(10 days)", Duration: "3h"},
			CreatedDate:   at("2025-01-02T03:04:05.678Z"), LastChangedDate: at("2026-01-02T03:04:05Z"),
			LastAccessedDate: at("2026-11-28T00:00:00Z"), LastRotatedDate: at("2026-11-01T10:00:00.5Z"),
			NextRotationDate: at("2026-12-01T10:00:00Z"), DeletedDate: at("2026-11-29T09:00:00Z"),
			OwningService: "rds", PrimaryRegion: "us-east-1",
			Tags:          []aws.Tag{{Key: "team", Value: "payments"}, {Key: "empty", Value: ""}},
			VersionStages: map[string][]string{"v1": {"AWSCURRENT"}, "v0": {"AWSPREVIOUS", "custom"}},
		},
		{
			ARN: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:bare-123456", Name: "bare", Region: "eu-west-1",
			RotationRules: aws.RotationRules{AutomaticallyAfterDays: 30},
			Tags:          []aws.Tag{{Key: "team", Value: "payments"}},
		},
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	c := New(t.TempDir())
	written := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	want := sample()
	if err := c.Save(testKey, Snapshot{Secrets: want, Written: written}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Load(testKey)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Written.Equal(written) {
		t.Errorf("written %v, want %v", got.Written, written)
	}
	if !reflect.DeepEqual(got.Secrets, want) {
		t.Fatalf("round trip changed the listing:\ngot  %+v\nwant %+v", got.Secrets, want)
	}
	// Repeated strings are shared: the two secrets' "team" tag keys and
	// values are one copy each.
	a, b := got.Secrets[0].Tags[0], got.Secrets[1].Tags[0]
	if unsafe.StringData(a.Key) != unsafe.StringData(b.Key) || unsafe.StringData(a.Value) != unsafe.StringData(b.Value) {
		t.Error("repeated tag strings were not interned")
	}
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "smtui")
	if err := os.Mkdir(dir, 0o755); err != nil { // an existing, too open directory
		t.Fatal(err)
	}
	c := New(dir)
	if err := c.Save(testKey, Snapshot{Secrets: sample()}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
	if fi, err := os.Stat(c.Path(testKey)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	// A fresh directory is created 0700 too.
	c2 := New(filepath.Join(t.TempDir(), "a", "smtui"))
	if err := c2.Save(testKey, Snapshot{}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(c2.dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("new directory mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
}

// writePayload writes a gzip'd payload of the given format version for k
// with no secrets.
func writePayload(t *testing.T, path string, version uint64, k Key) {
	t.Helper()
	w := &writer{dict: map[string]uint64{}}
	w.buf = append(w.buf, magic...)
	w.uint(version)
	w.str(k.Profile)
	w.str(k.Account)
	w.str(k.Region)
	w.int(0)
	w.uint(0) // secrets in all
	w.uint(0) // in the head
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(w.buf)
	_ = zw.Close()
	zw.Reset(&buf) // the rest: none
	_, _ = zw.Write([]byte{0})
	_ = zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestUnusableFilesAreMissesAndRewritten(t *testing.T) {
	c := New(t.TempDir())
	if err := c.Save(testKey, Snapshot{Secrets: sample()}); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(c.Path(testKey))
	if err != nil {
		t.Fatal(err)
	}
	path := c.Path(testKey)
	for _, tc := range []struct {
		name  string
		write func()
	}{
		{"missing", func() { _ = os.Remove(path) }},
		{"garbage", func() { _ = os.WriteFile(path, []byte("not a cache"), 0o600) }},
		{"empty", func() { _ = os.WriteFile(path, nil, 0o600) }},
		{"truncated", func() { _ = os.WriteFile(path, good[:len(good)/2], 0o600) }},
		{"trailer cut", func() { _ = os.WriteFile(path, good[:len(good)-4], 0o600) }},
		{"flipped byte", func() {
			bad := bytes.Clone(good)
			bad[len(bad)/2] ^= 0xff
			_ = os.WriteFile(path, bad, 0o600)
		}},
		{"foreign version", func() { writePayload(t, path, formatVersion+1, testKey) }},
		{"the same payload, current version", func() {
			// The control: writePayload itself makes a loadable file, so the
			// foreign-version case fails for its version alone.
			writePayload(t, path, formatVersion, testKey)
			if _, err := c.Load(testKey); err != nil {
				t.Fatalf("control payload: %v", err)
			}
			_ = os.WriteFile(path, []byte{0x1f, 0x8b}, 0o600)
		}},
		{"foreign key", func() {
			other := Key{Profile: "dev", Account: testKey.Account, Region: testKey.Region}
			if err := c.Save(other, Snapshot{Secrets: sample()}); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(c.Path(other))
			_ = os.WriteFile(path, data, 0o600)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.write()
			if s, err := c.Load(testKey); !errors.Is(err, ErrMiss) || len(s.Secrets) != 0 {
				t.Fatalf("Load = %d secrets, %v; want a miss", len(s.Secrets), err)
			}
			if err := c.Save(testKey, Snapshot{Secrets: sample()}); err != nil {
				t.Fatalf("Save over the unusable file: %v", err)
			}
			if s, err := c.Load(testKey); err != nil || len(s.Secrets) != 2 {
				t.Fatalf("after Save: %d secrets, %v", len(s.Secrets), err)
			}
		})
	}
}

func TestCrashBeforeRenameKeepsOldFile(t *testing.T) {
	c := New(t.TempDir())
	old := sample()[:1]
	if err := c.Save(testKey, Snapshot{Secrets: old}); err != nil {
		t.Fatal(err)
	}
	crashed := false
	c.beforeRename = func(tmp string) error {
		// The new content is complete and synced in tmp, not yet in place.
		if fi, err := os.Stat(tmp); err != nil || fi.Size() == 0 {
			t.Errorf("temporary file before the rename: %v, %v", fi, err)
		}
		crashed = true
		return errors.New("simulated crash")
	}
	if err := c.Save(testKey, Snapshot{Secrets: sample()}); err == nil || !crashed {
		t.Fatalf("Save with a crash before the rename: %v (hook ran: %v)", err, crashed)
	}
	got, err := c.Load(testKey)
	if err != nil || !reflect.DeepEqual(got.Secrets, old) {
		t.Fatalf("after the crash: %+v, %v; want the old listing", got.Secrets, err)
	}
	entries, _ := os.ReadDir(c.dir)
	if len(entries) != 1 {
		t.Errorf("files left in the cache directory: %v", entries)
	}
}

func TestDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CACHE_HOME", "/var/cache/me")
	if d, err := Dir(); err != nil || d != "/var/cache/me/smtui" {
		t.Errorf("Dir with XDG_CACHE_HOME = %q, %v", d, err)
	}
	for _, x := range []string{"", "relative/path"} {
		t.Setenv("XDG_CACHE_HOME", x)
		if d, err := Dir(); err != nil || d != filepath.Join(home, ".cache", "smtui") {
			t.Errorf("Dir with XDG_CACHE_HOME %q = %q, %v", x, d, err)
		}
	}
}

// decompressed is a cache file's content as text.
func decompressed(t *testing.T, path string) (raw, text []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	text, err = io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return raw, text
}

func TestKeysMakeDistinctSafeFiles(t *testing.T) {
	c := New(t.TempDir())
	seen := map[string]bool{}
	for _, k := range []Key{testKey, {Profile: "../../etc", Account: "1", Region: "r"}, {Profile: "ops\x00123456789012", Region: "eu-west-1"}} {
		p := c.Path(k)
		if filepath.Dir(p) != c.dir || seen[p] || strings.ContainsAny(filepath.Base(p), "/\x00") {
			t.Errorf("key %q has path %q", k, p)
		}
		seen[p] = true
	}
}

// Saving the summaries by reference saves what saving them by value does,
// head and rest (more than HeadSecrets of them). (The files are not
// compared byte for byte: version stages are a map, written in its
// iteration order.)
// refSource gives the summaries of a slice one at a time.
type refSource []aws.SecretSummary

func (r refSource) Len() int                   { return len(r) }
func (r refSource) At(i int) aws.SecretSummary { return r[i] }

func TestSaveByReferenceSavesTheSameListing(t *testing.T) {
	var want []aws.SecretSummary
	for len(want) < HeadSecrets+50 {
		for _, s := range sample() {
			s.Name = fmt.Sprintf("%s-%d", s.Name, len(want))
			s.ARN = fmt.Sprintf("%s-%d", s.ARN, len(want))
			want = append(want, s)
		}
	}
	written := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	c := New(t.TempDir())
	if err := c.Save(testKey, Snapshot{Source: refSource(want), Written: written}); err != nil {
		t.Fatal(err)
	}
	head, err := c.LoadHead(testKey)
	if err != nil || head.Total != len(want) || !reflect.DeepEqual(head.Secrets, want[:HeadSecrets]) {
		t.Fatalf("head: %d of %d secrets, err %v; want %d of %d", len(head.Secrets), head.Total, err, HeadSecrets, len(want))
	}
	got, err := c.Load(testKey)
	if err != nil || !reflect.DeepEqual(got.Secrets, want) || !got.Written.Equal(written) {
		t.Fatalf("loading what was saved by reference: %d secrets, err %v; want %d", len(got.Secrets), err, len(want))
	}
}
