package secret

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// editOpKind is what one local edit does.
type editOpKind int

const (
	OpSet    editOpKind = iota + 1 // replace the value at path with raw
	OpAdd                          // add member key: raw to the object at path
	OpAppend                       // append raw to the array at path
	OpDelete                       // remove the member or element at path
	OpRename                       // rename the member at path to key
	OpText                         // replace a plaintext value with raw
)

// EditOp is one edit the operator made, kept as an operation (not as the
// resulting bytes) so that it can be replayed on a freshly loaded document
// when the secret changed underneath: set path X to raw Y, add, delete,
// rename. It never prints its values.
type EditOp struct {
	Kind editOpKind
	Path jsonedit.Path
	Key  string // opAdd: the new key; opRename: the new name
	Raw  []byte // opSet, opAdd, opAppend: JSON text; opText: the new text
	// Was is the raw value an opSet replaced (or the text an opText
	// replaced), to notice on replay that someone else changed it too.
	Was []byte
}

// String describes the edit by path only: it never shows a value.
func (o EditOp) String() string {
	switch o.Kind {
	case OpSet:
		return "set " + o.Path.String()
	case OpAdd:
		return "add " + o.Path.Append(jsonedit.Key(o.Key)).String()
	case OpAppend:
		return "append to " + o.Path.String()
	case OpDelete:
		return "delete " + o.Path.String()
	case OpRename:
		return "rename " + o.Path.String() + " to " + quoteWhat(o.Key)
	case OpText:
		return "replace the text"
	}
	return "edit"
}

// GoString keeps %#v as redacted as %v.
func (o EditOp) GoString() string { return o.String() }

// EditSession is the pending, unsaved state of a value being edited: the
// bytes it was loaded with, the bytes after every edit, and the edits
// themselves. Every JSON edit goes through jsonedit, so bytes outside the
// edited spans stay exactly as loaded.
type EditSession struct {
	Base []byte // the value as loaded
	Cur  []byte // base with every op applied
	JSON bool   // a JSON object or array (else plaintext)
	Ops  []EditOp
}

// NewEditSession starts editing a loaded value.
func NewEditSession(base []byte, isJSON bool) *EditSession {
	b := append([]byte(nil), base...)
	return &EditSession{Base: b, Cur: b, JSON: isJSON}
}

// ErrTooLarge is the local refusal of a value over aws.MaxValueBytes.
type ErrTooLarge struct{ size int }

// Error says how large the value would be.
func (e ErrTooLarge) Error() string {
	return "the value would be " + common.GroupThousands(e.size) + " bytes; Secrets Manager takes at most " +
		common.GroupThousands(aws.MaxValueBytes) + ": nothing was changed"
}

// checkSize refuses a value over aws.MaxValueBytes.
func checkSize(v []byte) error {
	if len(v) > aws.MaxValueBytes {
		return ErrTooLarge{size: len(v)}
	}
	return nil
}

// document parses the pending bytes.
func (s *EditSession) document() (*jsonedit.Document, error) {
	return jsonedit.Parse(s.Cur)
}

// Apply makes one edit on the pending value. On any error (no such field,
// a key that exists, too large) nothing changes.
func (s *EditSession) Apply(op EditOp) error {
	next, err := applyOp(s.Cur, s.JSON, &op)
	if err != nil {
		return err
	}
	if err := checkSize(next); err != nil {
		return err
	}
	s.Cur = next
	s.Ops = append(s.Ops, op)
	return nil
}

// applyOp returns cur with op applied. For opSet and opText it fills in
// op.was with what it replaced, if not set yet.
func applyOp(cur []byte, isJSON bool, op *EditOp) ([]byte, error) {
	if op.Kind == OpText {
		if isJSON {
			return nil, errors.New("a JSON value is edited field by field")
		}
		if op.Was == nil {
			op.Was = append([]byte{}, cur...)
		}
		return append([]byte(nil), op.Raw...), nil
	}
	if !isJSON {
		return nil, errors.New("a plaintext value has no fields")
	}
	doc, err := jsonedit.Parse(cur)
	if err != nil {
		return nil, fmt.Errorf("the pending value is not JSON: %w", err)
	}
	switch op.Kind {
	case OpSet:
		if len(op.Path) == 0 {
			return nil, jsonedit.ErrRoot
		}
		n, err := doc.Lookup(op.Path)
		if err != nil {
			return nil, err
		}
		if op.Was == nil {
			op.Was = n.Raw()
		}
		return doc.Set(op.Path, op.Raw)
	case OpAdd:
		return doc.Add(op.Path, op.Key, op.Raw)
	case OpAppend:
		return doc.Append(op.Path, op.Raw)
	case OpDelete:
		return doc.Delete(op.Path)
	case OpRename:
		return doc.Rename(op.Path, op.Key)
	}
	return nil, fmt.Errorf("unknown edit %d", int(op.Kind))
}

// Dirty reports whether the pending value differs from the loaded one.
func (s *EditSession) Dirty() bool { return !bytes.Equal(s.Base, s.Cur) }

// changes lists the per-key differences for the review and the markers.
func (s *EditSession) changes() ([]jsonedit.Change, error) {
	if !s.JSON {
		return nil, nil
	}
	return jsonedit.Diff(s.Base, s.Cur)
}

// ModifiedPaths is the set of paths (as path strings) whose value differs
// from the loaded one, with every ancestor of such a path, so the table can
// mark a collapsed object that holds a change.
func (s *EditSession) ModifiedPaths() map[string]bool {
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
	op       EditOp
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

// Replay re-applies the session's edits, in order, on a freshly loaded
// value. Edits that no longer apply are skipped and reported; so are edits
// that replace a field someone else changed meanwhile (those are applied:
// the review shows them). The original session is not modified.
func (s *EditSession) Replay(base []byte, isJSON bool) (*EditSession, []replayIssue) {
	out := NewEditSession(base, isJSON)
	var issues []replayIssue
	for _, op := range s.Ops {
		fresh := op
		fresh.Was = nil
		next, err := applyOp(out.Cur, out.JSON, &fresh)
		if err == nil {
			err = checkSize(next)
		}
		if err != nil {
			issues = append(issues, replayIssue{op: op, skipped: true, problem: replayProblem(err)})
			continue
		}
		if (op.Kind == OpSet || op.Kind == OpText) && !sameJSONOrText(op.Was, fresh.Was, isJSON) {
			issues = append(issues, replayIssue{op: op, override: true,
				problem: "it was changed by someone else since you loaded it; your value replaces theirs"})
		}
		out.Cur = next
		out.Ops = append(out.Ops, fresh)
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
