package jsonedit

import (
	"fmt"
	"strconv"
	"strings"
)

// Elem is one step of a Path: an object key or an array index. Build it
// with Key or Index.
type Elem struct {
	// Key is the decoded member name when IsIndex is false.
	Key string
	// Index is the array position, from 0, when IsIndex is true.
	Index int
	// IsIndex tells an array index from an object key.
	IsIndex bool
}

// Key returns the path element for the object member named k.
func Key(k string) Elem { return Elem{Key: k} }

// Index returns the path element for array element i (from 0).
func Index(i int) Elem { return Elem{Index: i, IsIndex: true} }

// Path addresses a value inside a document, from the top level down.
// The empty Path is the top-level value itself.
type Path []Elem

// Keys builds a Path of object keys only: Keys("db", "host").
func Keys(keys ...string) Path {
	p := make(Path, len(keys))
	for i, k := range keys {
		p[i] = Key(k)
	}
	return p
}

// Append returns a new Path with elems added; p itself is not modified.
func (p Path) Append(elems ...Elem) Path {
	out := make(Path, 0, len(p)+len(elems))
	return append(append(out, p...), elems...)
}

// String renders the path for display: keys joined by dots, indexes in
// brackets, and keys that are not plain identifiers quoted in brackets:
// db.host, replicas[0].port, ["my.key"]. The empty path renders as "(top level)".
func (p Path) String() string {
	if len(p) == 0 {
		return "(top level)"
	}
	var b strings.Builder
	for i, e := range p {
		switch {
		case e.IsIndex:
			b.WriteString("[" + strconv.Itoa(e.Index) + "]")
		case isIdent(e.Key):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e.Key)
		default:
			b.WriteString("[" + strconv.Quote(e.Key) + "]")
		}
	}
	return b.String()
}

// isIdent reports whether a key can be shown bare in a dotted path.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && i > 0) {
			continue
		}
		return false
	}
	return true
}

// Lookup returns the value at path p, or an error wrapping ErrNotFound,
// ErrWrongKind or ErrDuplicateKey.
func (d *Document) Lookup(p Path) (*Node, error) { return d.root.Lookup(p) }

// Lookup returns the value at path p below n (see Document.Lookup).
func (n *Node) Lookup(p Path) (*Node, error) {
	_, _, v, err := n.locate(p)
	return v, err
}

// locate walks p from n and returns the parent container of the target
// (nil for the empty path), the target's index in it, and the target.
func (n *Node) locate(p Path) (parent *Node, idx int, target *Node, err error) {
	cur := n
	idx = -1
	for i, e := range p {
		at := p[:i+1]
		if e.IsIndex {
			if cur.kind != Array {
				return nil, 0, nil, fmt.Errorf("%s: %w: %s is not an array", at, ErrWrongKind, pathOrTop(p[:i]))
			}
			if e.Index < 0 || e.Index >= len(cur.fields) {
				return nil, 0, nil, fmt.Errorf("%s: %w (the array has %d elements)", at, ErrNotFound, len(cur.fields))
			}
			parent, idx, cur = cur, e.Index, cur.fields[e.Index].Value
			continue
		}
		if cur.kind != Object {
			return nil, 0, nil, fmt.Errorf("%s: %w: %s is not an object", at, ErrWrongKind, pathOrTop(p[:i]))
		}
		j := memberIndex(cur, e.Key)
		if j < 0 {
			return nil, 0, nil, fmt.Errorf("%s: %w", at, ErrNotFound)
		}
		if cur.fields[j].Duplicate {
			return nil, 0, nil, fmt.Errorf("%s: %w", at, ErrDuplicateKey)
		}
		parent, idx, cur = cur, j, cur.fields[j].Value
	}
	return parent, idx, cur, nil
}

func pathOrTop(p Path) string {
	if len(p) == 0 {
		return "the top-level value"
	}
	return p.String()
}

// memberIndex returns the index of the first member named key, or -1.
func memberIndex(obj *Node, key string) int {
	for i := range obj.fields {
		if obj.fields[i].Key == key {
			return i
		}
	}
	return -1
}

// Walk visits every value below the top level in document order
// (depth first), calling fn with the value's path and its Field. When fn
// returns false the children of that field are skipped. The path passed to
// fn is a fresh copy the callee may keep.
func (d *Document) Walk(fn func(p Path, f Field) bool) {
	walk(d.root, nil, fn)
}

func walk(n *Node, prefix Path, fn func(Path, Field) bool) {
	for _, f := range n.fields {
		p := prefix.Append(f.Elem())
		if fn(p, f) && len(f.Value.fields) > 0 {
			walk(f.Value, p, fn)
		}
	}
}

// Duplicates returns one path for every key that appears more than once in
// its object (the path of its first occurrence), in document order. Edits
// refuse these paths.
func (d *Document) Duplicates() []Path {
	var out []Path
	duplicates(d.root, nil, &out)
	return out
}

func duplicates(n *Node, prefix Path, out *[]Path) {
	for _, f := range n.fields {
		p := prefix.Append(f.Elem())
		if f.Duplicate && memberIndex(n, f.Key) == f.Index {
			*out = append(*out, p)
		}
		duplicates(f.Value, p, out)
	}
}
