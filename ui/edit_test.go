package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/secret"
)

const editDoc = `{
  "engine": "postgres",
  "port": 5432,
  "big": 12345678901234567890,
  "ratio": 1e3,
  "note": "caf\u00e9",
  "db": {"host": "h", "tags": [1, 2]}
}`

func mustApply(t *testing.T, s *secret.EditSession, op secret.EditOp) {
	t.Helper()
	if err := s.Apply(op); err != nil {
		t.Fatalf("%v: %v", op, err)
	}
}

func TestEditSessionKeepsUntouchedBytes(t *testing.T) {
	t.Parallel()
	s := secret.NewEditSession([]byte(editDoc), true)
	raw, err := jsonedit.ParseInput(jsonedit.Number, "6543")
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("port"), Raw: raw})
	want := strings.Replace(editDoc, "5432", "6543", 1)
	if string(s.Cur) != want {
		t.Fatalf("after set:\n%s\nwant\n%s", s.Cur, want)
	}
	if !s.Dirty() || len(s.Ops) != 1 {
		t.Errorf("dirty %v ops %d", s.Dirty(), len(s.Ops))
	}
	if m := s.ModifiedPaths(); !m["port"] || m["engine"] {
		t.Errorf("modified = %v", m)
	}
	// A nested leaf: the parent is marked too.
	mustApply(t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("db", "host"), Raw: []byte(`"h2"`)})
	if m := s.ModifiedPaths(); !m["db"] || !m["db.host"] {
		t.Errorf("modified = %v", m)
	}
	if !strings.Contains(string(s.Cur), `12345678901234567890`) || !strings.Contains(string(s.Cur), `1e3`) ||
		!strings.Contains(string(s.Cur), `"caf\u00e9"`) {
		t.Errorf("untouched spellings changed:\n%s", s.Cur)
	}
}

func TestEditSessionAddDeleteRename(t *testing.T) {
	t.Parallel()
	s := secret.NewEditSession([]byte(editDoc), true)
	mustApply(t, s, secret.EditOp{Kind: secret.OpAdd, Key: "sslmode", Raw: []byte(`"require"`)})
	mustApply(t, s, secret.EditOp{Kind: secret.OpDelete, Path: jsonedit.Keys("ratio")})
	mustApply(t, s, secret.EditOp{Kind: secret.OpRename, Path: jsonedit.Keys("engine"), Key: "driver"})
	mustApply(t, s, secret.EditOp{Kind: secret.OpAppend, Path: jsonedit.Keys("db", "tags"), Raw: []byte(`3`)})
	got := string(s.Cur)
	for _, want := range []string{`"driver": "postgres"`, `"sslmode": "require"`, `[1, 2, 3]`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "ratio") {
		t.Errorf("ratio not deleted:\n%s", got)
	}
	// Refusals change nothing.
	before := string(s.Cur)
	for _, op := range []secret.EditOp{
		{Kind: secret.OpAdd, Key: "port", Raw: []byte(`1`)},
		{Kind: secret.OpRename, Path: jsonedit.Keys("port"), Key: "driver"},
		{Kind: secret.OpDelete, Path: jsonedit.Keys("nope")},
		{Kind: secret.OpSet, Path: jsonedit.Keys("nope"), Raw: []byte(`1`)},
	} {
		if err := s.Apply(op); err == nil {
			t.Errorf("%v accepted", op)
		}
	}
	if string(s.Cur) != before || len(s.Ops) != 4 {
		t.Errorf("a refused edit changed the session")
	}
}

func TestEditSessionRefusesOversizeValue(t *testing.T) {
	t.Parallel()
	s := secret.NewEditSession([]byte(`{"a":"b"}`), true)
	big, _ := jsonedit.ParseInput(jsonedit.String, strings.Repeat("x", aws.MaxValueBytes))
	err := s.Apply(secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("a"), Raw: big})
	var tl secret.ErrTooLarge
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "65,536") {
		t.Fatalf("err = %v", err)
	}
	if s.Dirty() || len(s.Ops) != 0 {
		t.Error("a refused edit changed the session")
	}
	p := secret.NewEditSession([]byte("abc"), false)
	if err := p.Apply(secret.EditOp{Kind: secret.OpText, Raw: []byte(strings.Repeat("y", aws.MaxValueBytes+1))}); err == nil {
		t.Error("oversize plaintext accepted")
	}
	mustApply(t, p, secret.EditOp{Kind: secret.OpText, Raw: []byte(strings.Repeat("y", aws.MaxValueBytes))})
}

func TestEditSessionReplay(t *testing.T) {
	t.Parallel()
	s := secret.NewEditSession([]byte(`{"user":"a","port":5432,"old":1,"pw":"x"}`), true)
	mustApply(t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("port"), Raw: []byte(`6543`)})
	mustApply(t, s, secret.EditOp{Kind: secret.OpRename, Path: jsonedit.Keys("old"), Key: "new"})
	mustApply(t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("pw"), Raw: []byte(`"mine"`)})
	mustApply(t, s, secret.EditOp{Kind: secret.OpAdd, Key: "extra", Raw: []byte(`true`)})
	// Someone else changed pw, removed old and added extra meanwhile.
	fresh := `{"user":"a", "port":5432,"pw":"rotated","extra":false}`
	out, issues := s.Replay([]byte(fresh), true)
	if got, want := string(out.Cur), `{"user":"a", "port":6543,"pw":"mine","extra":false}`; got != want {
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
	if len(s.Ops) != 4 || string(s.Base) == fresh {
		t.Error("replay changed the original session")
	}
}

func TestEditOpNeverPrintsValue(t *testing.T) {
	t.Parallel()
	op := secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("password"), Raw: []byte(`"hunter2"`), Was: []byte(`"old-pw"`)}
	for _, s := range []string{fmt.Sprint(op), fmt.Sprintf("%v %+v %#v %s", op, op, op, op)} {
		if strings.Contains(s, "hunter2") || strings.Contains(s, "old-pw") {
			t.Errorf("printed a value: %s", s)
		}
	}
}
