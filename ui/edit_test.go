package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/jsonedit"
)

const editDoc = `{
  "engine": "postgres",
  "port": 5432,
  "big": 12345678901234567890,
  "ratio": 1e3,
  "note": "caf\u00e9",
  "db": {"host": "h", "tags": [1, 2]}
}`

func mustApply(t *testing.T, s *editSession, op editOp) {
	t.Helper()
	if err := s.apply(op); err != nil {
		t.Fatalf("%v: %v", op, err)
	}
}

func TestEditSessionKeepsUntouchedBytes(t *testing.T) {
	t.Parallel()
	s := newEditSession([]byte(editDoc), true)
	raw, err := jsonedit.ParseInput(jsonedit.Number, "6543")
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, editOp{kind: opSet, path: jsonedit.Keys("port"), raw: raw})
	want := strings.Replace(editDoc, "5432", "6543", 1)
	if string(s.cur) != want {
		t.Fatalf("after set:\n%s\nwant\n%s", s.cur, want)
	}
	if !s.dirty() || len(s.ops) != 1 {
		t.Errorf("dirty %v ops %d", s.dirty(), len(s.ops))
	}
	if m := s.modifiedPaths(); !m["port"] || m["engine"] {
		t.Errorf("modified = %v", m)
	}
	// A nested leaf: the parent is marked too.
	mustApply(t, s, editOp{kind: opSet, path: jsonedit.Keys("db", "host"), raw: []byte(`"h2"`)})
	if m := s.modifiedPaths(); !m["db"] || !m["db.host"] {
		t.Errorf("modified = %v", m)
	}
	if !strings.Contains(string(s.cur), `12345678901234567890`) || !strings.Contains(string(s.cur), `1e3`) ||
		!strings.Contains(string(s.cur), `"caf\u00e9"`) {
		t.Errorf("untouched spellings changed:\n%s", s.cur)
	}
}

func TestEditSessionAddDeleteRename(t *testing.T) {
	t.Parallel()
	s := newEditSession([]byte(editDoc), true)
	mustApply(t, s, editOp{kind: opAdd, key: "sslmode", raw: []byte(`"require"`)})
	mustApply(t, s, editOp{kind: opDelete, path: jsonedit.Keys("ratio")})
	mustApply(t, s, editOp{kind: opRename, path: jsonedit.Keys("engine"), key: "driver"})
	mustApply(t, s, editOp{kind: opAppend, path: jsonedit.Keys("db", "tags"), raw: []byte(`3`)})
	got := string(s.cur)
	for _, want := range []string{`"driver": "postgres"`, `"sslmode": "require"`, `[1, 2, 3]`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "ratio") {
		t.Errorf("ratio not deleted:\n%s", got)
	}
	// Refusals change nothing.
	before := string(s.cur)
	for _, op := range []editOp{
		{kind: opAdd, key: "port", raw: []byte(`1`)},
		{kind: opRename, path: jsonedit.Keys("port"), key: "driver"},
		{kind: opDelete, path: jsonedit.Keys("nope")},
		{kind: opSet, path: jsonedit.Keys("nope"), raw: []byte(`1`)},
	} {
		if err := s.apply(op); err == nil {
			t.Errorf("%v accepted", op)
		}
	}
	if string(s.cur) != before || len(s.ops) != 4 {
		t.Errorf("a refused edit changed the session")
	}
}

func TestEditSessionRefusesOversizeValue(t *testing.T) {
	t.Parallel()
	s := newEditSession([]byte(`{"a":"b"}`), true)
	big, _ := jsonedit.ParseInput(jsonedit.String, strings.Repeat("x", aws.MaxValueBytes))
	err := s.apply(editOp{kind: opSet, path: jsonedit.Keys("a"), raw: big})
	var tl errTooLarge
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "65,536") {
		t.Fatalf("err = %v", err)
	}
	if s.dirty() || len(s.ops) != 0 {
		t.Error("a refused edit changed the session")
	}
	p := newEditSession([]byte("abc"), false)
	if err := p.apply(editOp{kind: opText, raw: []byte(strings.Repeat("y", aws.MaxValueBytes+1))}); err == nil {
		t.Error("oversize plaintext accepted")
	}
	mustApply(t, p, editOp{kind: opText, raw: []byte(strings.Repeat("y", aws.MaxValueBytes))})
}

func TestEditSessionReplay(t *testing.T) {
	t.Parallel()
	s := newEditSession([]byte(`{"user":"a","port":5432,"old":1,"pw":"x"}`), true)
	mustApply(t, s, editOp{kind: opSet, path: jsonedit.Keys("port"), raw: []byte(`6543`)})
	mustApply(t, s, editOp{kind: opRename, path: jsonedit.Keys("old"), key: "new"})
	mustApply(t, s, editOp{kind: opSet, path: jsonedit.Keys("pw"), raw: []byte(`"mine"`)})
	mustApply(t, s, editOp{kind: opAdd, key: "extra", raw: []byte(`true`)})
	// Someone else changed pw, removed old and added extra meanwhile.
	fresh := `{"user":"a", "port":5432,"pw":"rotated","extra":false}`
	out, issues := s.replay([]byte(fresh), true)
	if got, want := string(out.cur), `{"user":"a", "port":6543,"pw":"mine","extra":false}`; got != want {
		t.Errorf("replayed = %s, want %s", got, want)
	}
	text := fmt.Sprint(issues)
	for _, want := range []string{"rename old", "the field is gone", "set pw: re-applied", "add extra: not re-applied", "the key exists now"} {
		if !strings.Contains(text, want) {
			t.Errorf("issues %q lack %q", text, want)
		}
	}
	if strings.Contains(text, "rotated") || strings.Contains(text, "mine") {
		t.Errorf("issues show a value: %s", text)
	}
	if len(s.ops) != 4 || string(s.base) == fresh {
		t.Error("replay changed the original session")
	}
}

func TestEditOpNeverPrintsValue(t *testing.T) {
	t.Parallel()
	op := editOp{kind: opSet, path: jsonedit.Keys("password"), raw: []byte(`"hunter2"`), was: []byte(`"old-pw"`)}
	for _, s := range []string{fmt.Sprint(op), fmt.Sprintf("%v %+v %#v %s", op, op, op, op)} {
		if strings.Contains(s, "hunter2") || strings.Contains(s, "old-pw") {
			t.Errorf("printed a value: %s", s)
		}
	}
}
