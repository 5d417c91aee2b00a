package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRecordWritesPrivateJSONLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "smtui", "audit.log")
	l, err := Open(path, "prod")
	if err != nil {
		t.Fatal(err)
	}
	l.now = func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }
	l.Record(Event{Action: "put-value", Region: "us-east-1", SecretARN: "arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf", VersionIDs: []string{"v2", "v1"}, Outcome: "ok"})
	l.Record(Event{Action: "copy", Region: "us-east-1", SecretARN: "arn:x", Outcome: "ok", Detail: `field "password"`})
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("audit log mode = %o, want 600", mode)
	}
	di, _ := os.Stat(filepath.Dir(path))
	if mode := di.Mode().Perm(); mode != 0o700 {
		t.Errorf("audit dir mode = %o, want 700", mode)
	}
	f, _ := os.Open(path)
	defer f.Close()
	var got []Entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		got = append(got, e)
	}
	if len(got) != 2 {
		t.Fatalf("got %d lines, want 2", len(got))
	}
	if got[0].Profile != "prod" || got[0].Action != "put-value" || len(got[0].VersionIDs) != 2 || got[1].Detail != `field "password"` {
		t.Errorf("entries = %+v", got)
	}
}

func TestOpenTightensExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Open(path, "p")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %o, want 600", fi.Mode().Perm())
	}
}

// Record is safe from many goroutines, never blocks on the file, and Close
// writes every queued entry before returning.
func TestRecordConcurrentThenCloseWritesEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := Open(path, "p")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				l.Record(Event{Action: "copy", Outcome: "ok", Detail: fmt.Sprintf("g%d-%d", g, i)})
			}
		}()
	}
	wg.Wait()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 800 {
		t.Fatalf("%d lines written, want 800", len(lines))
	}
	last := map[string]int{}
	for _, line := range lines {
		var e Entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		var g, i int
		fmt.Sscanf(e.Detail, "g%d-%d", &g, &i)
		key := fmt.Sprint(g)
		if prev, ok := last[key]; ok && i != prev+1 {
			t.Fatalf("goroutine %d's entries out of order: %d after %d", g, i, prev)
		}
		last[key] = i
	}
}

func TestRecordAfterCloseIsDropped(t *testing.T) {
	l, err := Open(filepath.Join(t.TempDir(), "audit.log"), "p")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l.Record(Event{Action: "copy", Outcome: "ok"}) // must not panic
}
