package jsonedit

import (
	"errors"
	"fmt"
)

// ChangeKind says how a field differs between two documents.
type ChangeKind int

// The kinds of change Diff reports.
const (
	Added ChangeKind = iota + 1
	Removed
	Changed
)

// String returns "added", "removed" or "changed".
func (k ChangeKind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return "invalid"
}

// Change is one difference between two JSON objects. Old and New are the
// raw values as written (Old is nil for Added, New is nil for Removed).
// A Change prints as its kind and path only; the values are redacted.
type Change struct {
	Kind ChangeKind
	Path Path
	Old  []byte
	New  []byte
}

// Format implements fmt.Formatter: a Change never prints its values.
func (c Change) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "%s %s (values redacted)", c.Kind, c.Path)
}

// String implements fmt.Stringer with the redacted form.
func (c Change) String() string { return fmt.Sprint(c) }

// GoString implements fmt.GoStringer with the redacted form.
func (c Change) GoString() string { return fmt.Sprint(c) }

// ErrNotObject means Diff was given a document that is not a JSON object.
var ErrNotObject = errors.New("not a JSON object")

// Diff lists the per-key changes from old to new, two JSON objects.
// Objects present on both sides are compared recursively, so changes are
// reported at leaf paths; arrays and scalars are compared whole. Key order
// and whitespace are not changes; a string compares by its decoded value
// (an escape rewritten as the same character is not a change); a number
// compares by its spelling (1e3 and 1000 differ). With duplicate keys the
// last occurrence counts, as in encoding/json. Changes come in old's key
// order (Removed and Changed), then new's added keys in new's order,
// depth first.
func Diff(old, new []byte) ([]Change, error) {
	a, err := parseValue(old)
	if err != nil {
		return nil, fmt.Errorf("diff: old document: %w", err)
	}
	b, err := parseValue(new)
	if err != nil {
		return nil, fmt.Errorf("diff: new document: %w", err)
	}
	if a.kind != Object {
		return nil, fmt.Errorf("diff: old document: %w (it is a JSON %s)", ErrNotObject, a.kind)
	}
	if b.kind != Object {
		return nil, fmt.Errorf("diff: new document: %w (it is a JSON %s)", ErrNotObject, b.kind)
	}
	var out []Change
	diffObjects(nil, a, b, &out)
	return out, nil
}

func diffObjects(prefix Path, a, b *Node, out *[]Change) {
	am, bm := effective(a), effective(b)
	for i, f := range a.fields {
		if am[f.Key] != i {
			continue
		}
		p := prefix.Append(Key(f.Key))
		j, ok := bm[f.Key]
		if !ok {
			*out = append(*out, Change{Kind: Removed, Path: p, Old: f.Value.Raw()})
			continue
		}
		g := b.fields[j]
		if f.Value.kind == Object && g.Value.kind == Object {
			diffObjects(p, f.Value, g.Value, out)
			continue
		}
		if !equal(f.Value, g.Value) {
			*out = append(*out, Change{Kind: Changed, Path: p, Old: f.Value.Raw(), New: g.Value.Raw()})
		}
	}
	for j, g := range b.fields {
		if bm[g.Key] != j {
			continue
		}
		if _, ok := am[g.Key]; !ok {
			*out = append(*out, Change{Kind: Added, Path: prefix.Append(Key(g.Key)), New: g.Value.Raw()})
		}
	}
}

// effective maps each key of an object to the index of its last member.
func effective(obj *Node) map[string]int {
	m := make(map[string]int, len(obj.fields))
	for i, f := range obj.fields {
		m[f.Key] = i
	}
	return m
}

// equal reports whether two values are the same JSON data (see Diff).
func equal(a, b *Node) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case String:
		return a.Decoded() == b.Decoded()
	case Object:
		am, bm := effective(a), effective(b)
		if len(am) != len(bm) {
			return false
		}
		for k, i := range am {
			j, ok := bm[k]
			if !ok || !equal(a.fields[i].Value, b.fields[j].Value) {
				return false
			}
		}
		return true
	case Array:
		if len(a.fields) != len(b.fields) {
			return false
		}
		for i := range a.fields {
			if !equal(a.fields[i].Value, b.fields[i].Value) {
				return false
			}
		}
		return true
	}
	return string(a.raw()) == string(b.raw())
}
