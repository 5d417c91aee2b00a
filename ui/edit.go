package ui

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/jsonedit"
)

// editOpKind is what one local edit does.
type editOpKind int

const (
	opSet    editOpKind = iota + 1 // replace the value at path with raw
	opAdd                          // add member key: raw to the object at path
	opAppend                       // append raw to the array at path
	opDelete                       // remove the member or element at path
	opRename                       // rename the member at path to key
	opText                         // replace a plaintext value with raw
)

// editOp is one edit the operator made, kept as an operation (not as the
// resulting bytes) so that it can be replayed on a freshly loaded document
// when the secret changed underneath: set path X to raw Y, add, delete,
// rename. It never prints its values.
type editOp struct {
	kind editOpKind
	path jsonedit.Path
	key  string // opAdd: the new key; opRename: the new name
	raw  []byte // opSet, opAdd, opAppend: JSON text; opText: the new text
	// was is the raw value an opSet replaced (or the text an opText
	// replaced), to notice on replay that someone else changed it too.
	was []byte
}

// String describes the edit by path only: it never shows a value.
func (o editOp) String() string {
	switch o.kind {
	case opSet:
		return "set " + o.path.String()
	case opAdd:
		return "add " + o.path.Append(jsonedit.Key(o.key)).String()
	case opAppend:
		return "append to " + o.path.String()
	case opDelete:
		return "delete " + o.path.String()
	case opRename:
		return "rename " + o.path.String() + " to " + quoteWhat(o.key)
	case opText:
		return "replace the text"
	}
	return "edit"
}

// GoString keeps %#v as redacted as %v.
func (o editOp) GoString() string { return o.String() }

// editSession is the pending, unsaved state of a value being edited: the
// bytes it was loaded with, the bytes after every edit, and the edits
// themselves. Every JSON edit goes through jsonedit, so bytes outside the
// edited spans stay exactly as loaded.
type editSession struct {
	base []byte // the value as loaded
	cur  []byte // base with every op applied
	json bool   // a JSON object or array (else plaintext)
	ops  []editOp
}

// newEditSession starts editing a loaded value.
func newEditSession(base []byte, isJSON bool) *editSession {
	b := append([]byte(nil), base...)
	return &editSession{base: b, cur: b, json: isJSON}
}

// errTooLarge is the local refusal of a value over aws.MaxValueBytes.
type errTooLarge struct{ size int }

func (e errTooLarge) Error() string {
	return "the value would be " + groupDigits(e.size) + " bytes; Secrets Manager takes at most " +
		groupDigits(aws.MaxValueBytes) + ": nothing was changed"
}

// groupDigits writes n with thousands separators: 65536 → 65,536.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// checkSize refuses a value over aws.MaxValueBytes.
func checkSize(v []byte) error {
	if len(v) > aws.MaxValueBytes {
		return errTooLarge{size: len(v)}
	}
	return nil
}

// document parses the pending bytes.
func (s *editSession) document() (*jsonedit.Document, error) {
	return jsonedit.Parse(s.cur)
}

// apply makes one edit on the pending value. On any error (no such field,
// a key that exists, too large) nothing changes.
func (s *editSession) apply(op editOp) error {
	next, err := applyOp(s.cur, s.json, &op)
	if err != nil {
		return err
	}
	if err := checkSize(next); err != nil {
		return err
	}
	s.cur = next
	s.ops = append(s.ops, op)
	return nil
}

// applyOp returns cur with op applied. For opSet and opText it fills in
// op.was with what it replaced, if not set yet.
func applyOp(cur []byte, isJSON bool, op *editOp) ([]byte, error) {
	if op.kind == opText {
		if isJSON {
			return nil, errors.New("a JSON value is edited field by field")
		}
		if op.was == nil {
			op.was = append([]byte{}, cur...)
		}
		return append([]byte(nil), op.raw...), nil
	}
	if !isJSON {
		return nil, errors.New("a plaintext value has no fields")
	}
	doc, err := jsonedit.Parse(cur)
	if err != nil {
		return nil, fmt.Errorf("the pending value is not JSON: %w", err)
	}
	switch op.kind {
	case opSet:
		if len(op.path) == 0 {
			return nil, jsonedit.ErrRoot
		}
		n, err := doc.Lookup(op.path)
		if err != nil {
			return nil, err
		}
		if op.was == nil {
			op.was = n.Raw()
		}
		return doc.Set(op.path, op.raw)
	case opAdd:
		return doc.Add(op.path, op.key, op.raw)
	case opAppend:
		return doc.Append(op.path, op.raw)
	case opDelete:
		return doc.Delete(op.path)
	case opRename:
		return doc.Rename(op.path, op.key)
	}
	return nil, fmt.Errorf("unknown edit %d", int(op.kind))
}

// dirty reports whether the pending value differs from the loaded one.
func (s *editSession) dirty() bool { return !bytes.Equal(s.base, s.cur) }

// changes lists the per-key differences for the review and the markers.
func (s *editSession) changes() ([]jsonedit.Change, error) {
	if !s.json {
		return nil, nil
	}
	return jsonedit.Diff(s.base, s.cur)
}

// modifiedPaths is the set of paths (as path strings) whose value differs
// from the loaded one, with every ancestor of such a path, so the table can
// mark a collapsed object that holds a change.
func (s *editSession) modifiedPaths() map[string]bool {
	out := map[string]bool{}
	changes, err := s.changes()
	if err != nil {
		return out
	}
	for _, c := range changes {
		for i := 1; i <= len(c.Path); i++ {
			out[c.Path[:i].String()] = true
		}
	}
	return out
}

// replayIssue is one edit that could not be re-applied, or that overrides
// someone else's change, on a reloaded value. It names paths only.
type replayIssue struct {
	op       editOp
	skipped  bool   // not applied
	problem  string // why, in words
	override bool   // applied, but the field had been changed by someone else too
}

// String explains the issue without any value.
func (r replayIssue) String() string {
	if r.skipped {
		return r.op.String() + ": not re-applied — " + r.problem
	}
	return r.op.String() + ": re-applied — " + r.problem
}

// replay re-applies the session's edits, in order, on a freshly loaded
// value. Edits that no longer apply are skipped and reported; so are edits
// that replace a field someone else changed meanwhile (those are applied:
// the review shows them). The original session is not modified.
func (s *editSession) replay(base []byte, isJSON bool) (*editSession, []replayIssue) {
	out := newEditSession(base, isJSON)
	var issues []replayIssue
	for _, op := range s.ops {
		fresh := op
		fresh.was = nil
		next, err := applyOp(out.cur, out.json, &fresh)
		if err == nil {
			err = checkSize(next)
		}
		if err != nil {
			issues = append(issues, replayIssue{op: op, skipped: true, problem: replayProblem(err)})
			continue
		}
		if (op.kind == opSet || op.kind == opText) && !sameJSONOrText(op.was, fresh.was, isJSON) {
			issues = append(issues, replayIssue{op: op, override: true,
				problem: "it was changed by someone else since you loaded it; your value replaces theirs"})
		}
		out.cur = next
		out.ops = append(out.ops, fresh)
	}
	return out, issues
}

// replayProblem explains in words why an edit no longer applies.
func replayProblem(err error) string {
	switch {
	case errors.Is(err, jsonedit.ErrNotFound):
		return "the field is gone"
	case errors.Is(err, jsonedit.ErrKeyExists):
		return "the key exists now"
	case errors.Is(err, jsonedit.ErrDuplicateKey):
		return "the key appears more than once now"
	case errors.Is(err, jsonedit.ErrWrongKind):
		return "the field has another type now"
	}
	return err.Error()
}

// sameJSONOrText compares two raw values: JSON by meaning where it can
// (a string by its decoded text), plaintext byte for byte.
func sameJSONOrText(a, b []byte, isJSON bool) bool {
	if bytes.Equal(a, b) || !isJSON {
		return bytes.Equal(a, b)
	}
	// Wrap both as an object member so Diff can compare them.
	ca, cb := append(append([]byte(`{"v":`), a...), '}'), append(append([]byte(`{"v":`), b...), '}')
	ch, err := jsonedit.Diff(ca, cb)
	return err == nil && len(ch) == 0
}
