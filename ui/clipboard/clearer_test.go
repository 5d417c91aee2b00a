package clipboard

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// memClipboard is an in-memory clipboard.
type memClipboard struct {
	mu    sync.Mutex
	text  string
	avail bool
}

func (c *memClipboard) Available() bool { return c.avail }
func (c *memClipboard) WriteAll(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text = s
	return nil
}
func (c *memClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, nil
}

// fileClipboard is a clipboard kept in a file, so that a test and the helper
// processes it starts share it.
type fileClipboard struct{ path string }

func (c fileClipboard) Available() bool { return true }
func (c fileClipboard) WriteAll(s string) error {
	return os.WriteFile(c.path, []byte(s), 0o600)
}
func (c fileClipboard) ReadAll() (string, error) {
	b, err := os.ReadFile(c.path)
	return string(b), err
}

// closeBuffer is a ready pipe stand-in.
type closeBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *closeBuffer) Close() error { b.closed = true; return nil }

func TestJobRoundTrip(t *testing.T) {
	j := Job{Sum: sha256.Sum256([]byte("s3cr3t")), Due: time.Unix(1700000000, 123)}
	var b bytes.Buffer
	if err := j.encode(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "s3cr3t") {
		t.Fatal("the job carries the text")
	}
	got, err := decodeJob(&b)
	if err != nil || got.Sum != j.Sum || !got.Due.Equal(j.Due) {
		t.Fatalf("decoded %+v, %v; want %+v", got, err, j)
	}
	for _, bad := range []string{"", "zz 1\n", "abcd 1\n", strings.Repeat("a", 64) + " x\n", "only\n"} {
		if _, err := decodeJob(strings.NewReader(bad)); err == nil {
			t.Errorf("decodeJob(%q) accepted it", bad)
		}
	}
}

func TestServeClearerClearsOnlyAnUnchangedClipboard(t *testing.T) {
	for _, tc := range []struct {
		name, now string
		cleared   bool
	}{
		{"unchanged", "s3cr3t", true},
		{"something else copied since", "other text", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clip := &memClipboard{avail: true, text: tc.now}
			var in bytes.Buffer
			_ = Job{Sum: sha256.Sum256([]byte("s3cr3t")), Due: time.Unix(100, 0)}.encode(&in)
			ready := &closeBuffer{}
			var slept time.Duration
			code := serveClearer(&in, ready, clip, func() time.Time { return time.Unix(70, 0) }, func(d time.Duration) { slept = d })
			if code != 0 || ready.String() != readyWord || !ready.closed {
				t.Fatalf("code %d, ready %q closed %v", code, ready.String(), ready.closed)
			}
			if slept != 30*time.Second {
				t.Fatalf("slept %s, want until the due time (30s)", slept)
			}
			if got, _ := clip.ReadAll(); (got == "") != tc.cleared {
				t.Fatalf("clipboard holds %q, cleared want %v", got, tc.cleared)
			}
		})
	}
}

func TestServeClearerSaysNothingWhenItCannotWork(t *testing.T) {
	for name, tc := range map[string]struct {
		in   string
		clip Clipboard
	}{
		"bad job":      {"nonsense\n", &memClipboard{avail: true}},
		"no clipboard": {strings.Repeat("a", 64) + " 1\n", &memClipboard{avail: false}},
	} {
		ready := &closeBuffer{}
		code := serveClearer(strings.NewReader(tc.in), ready, tc.clip, time.Now, func(time.Duration) { t.Error("it waited") })
		if code == 0 || ready.Len() != 0 || !ready.closed {
			t.Errorf("%s: code %d, ready %q closed %v; want a failure and no ok", name, code, ready.String(), ready.closed)
		}
	}
}

func TestServeClearerWaitsAtMostAnHour(t *testing.T) {
	var in bytes.Buffer
	_ = Job{Sum: sha256.Sum256(nil), Due: time.Now().Add(48 * time.Hour)}.encode(&in)
	var slept time.Duration
	serveClearer(&in, &closeBuffer{}, &memClipboard{avail: true}, time.Now, func(d time.Duration) { slept = d })
	if slept != maxWait {
		t.Fatalf("slept %s, want %s", slept, maxWait)
	}
}

func TestClearIfUnchangedReportsErrorsWithoutText(t *testing.T) {
	c := errClipboard{}
	if _, err := ClearIfUnchanged(c, sha256.Sum256([]byte("x"))); err == nil || !strings.Contains(err.Error(), "read the clipboard") {
		t.Fatalf("err = %v", err)
	}
}

type errClipboard struct{}

func (errClipboard) Available() bool          { return true }
func (errClipboard) WriteAll(string) error    { return errors.New("boom") }
func (errClipboard) ReadAll() (string, error) { return "", errors.New("boom") }

func TestStartClearerReportsAClearerThatNeverSaysReady(t *testing.T) {
	dir := t.TempDir()
	quiet := filepath.Join(dir, "quiet.sh")
	if err := os.WriteFile(quiet, []byte("#!/bin/sh\ncat >/dev/null\nexit 0\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := StartClearer(quiet, nil, Job{Due: time.Now()}, 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), "stopped before it was ready") {
		t.Fatalf("err = %v, want the clearer reported as not ready", err)
	}
	slow := filepath.Join(dir, "slow.sh")
	if err := os.WriteFile(slow, []byte("#!/bin/sh\nsleep 5\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = StartClearer(slow, nil, Job{Due: time.Now()}, 100*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "did not say it was ready within 100ms") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if time.Since(start) > 4*time.Second {
		t.Fatal("StartClearer waited for the slow clearer to finish")
	}
}

var _ io.WriteCloser = (*closeBuffer)(nil)
