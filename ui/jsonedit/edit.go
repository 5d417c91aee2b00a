package jsonedit

import (
	"bytes"
	"fmt"
)

// Every edit below returns new document bytes and leaves the Document
// unchanged. Only the edited span changes; all other bytes are copied as
// they are. Parse the result again to keep editing.

// Set replaces the value at p with raw, which must be exactly one JSON value
// (surrounding whitespace is trimmed). If raw spans several lines, lines
// after the first are indented like the line the value starts on. The
// empty path replaces the whole document.
func (d *Document) Set(p Path, raw []byte) ([]byte, error) {
	val, err := checkRaw(raw)
	if err != nil {
		return nil, fmt.Errorf("set %s: %w", p, err)
	}
	_, _, n, err := d.root.locate(p)
	if err != nil {
		return nil, fmt.Errorf("set %w", err)
	}
	ins := reindent(val, string(lineIndent(d.src, n.start)))
	return splice(d.src, n.start, n.end, ins), nil
}

// SetString replaces the value at p with the string s, JSON-encoded
// (ErrInvalidUTF8 if s is not valid UTF-8).
func (d *Document) SetString(p Path, s string) ([]byte, error) {
	raw, err := encodeString(s)
	if err != nil {
		return nil, fmt.Errorf("set %s: %w", p, err)
	}
	return d.Set(p, raw)
}

// SetNumber replaces the value at p with the number spelled exactly as
// text, which must be a JSON number (ErrNotNumber otherwise).
func (d *Document) SetNumber(p Path, text string) ([]byte, error) {
	if err := checkNumber(text); err != nil {
		return nil, fmt.Errorf("set %s: %w", p, err)
	}
	return d.Set(p, []byte(text))
}

// SetBool replaces the value at p with true or false.
func (d *Document) SetBool(p Path, b bool) ([]byte, error) {
	if b {
		return d.Set(p, []byte("true"))
	}
	return d.Set(p, []byte("false"))
}

// SetNull replaces the value at p with null.
func (d *Document) SetNull(p Path) ([]byte, error) { return d.Set(p, []byte("null")) }

// Add appends the member key: raw to the object at p, after its last
// member, following the object's style: a compact object stays compact, a
// pretty-printed one gets a new line at its members' indent with the same
// separator after the colon. An empty object follows the document's style.
// It fails with ErrKeyExists if the object already has key.
func (d *Document) Add(p Path, key string, raw []byte) ([]byte, error) {
	at := p.Append(Key(key))
	val, err := checkRaw(raw)
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", at, err)
	}
	k, err := encodeString(key)
	if err != nil {
		return nil, fmt.Errorf("add %s: key: %w", at, err)
	}
	_, _, obj, err := d.root.locate(p)
	if err != nil {
		return nil, fmt.Errorf("add %w", err)
	}
	if obj.kind != Object {
		return nil, fmt.Errorf("add %s: %w: %s is not an object", at, ErrWrongKind, pathOrTop(p))
	}
	if memberIndex(obj, key) >= 0 {
		return nil, fmt.Errorf("add %s: %w", at, ErrKeyExists)
	}
	var colon string
	if n := len(obj.fields); n > 0 {
		last := obj.fields[n-1]
		colon = string(d.src[last.keyEnd:last.Value.start])
	} else if st := d.style(); st.colon != "" {
		colon = st.colon
	} else if st.pretty || bytes.IndexByte(d.src[obj.start:obj.end], '\n') >= 0 {
		colon = ": "
	} else {
		colon = ":"
	}
	return d.insertChild(obj, func(indent string) []byte {
		out := append(append([]byte(nil), k...), colon...)
		return append(out, reindent(val, indent)...)
	}), nil
}

// Append adds raw as the last element of the array at p, following the
// array's style like Add.
func (d *Document) Append(p Path, raw []byte) ([]byte, error) {
	val, err := checkRaw(raw)
	if err != nil {
		return nil, fmt.Errorf("append to %s: %w", p, err)
	}
	_, _, arr, err := d.root.locate(p)
	if err != nil {
		return nil, fmt.Errorf("append to %w", err)
	}
	if arr.kind != Array {
		return nil, fmt.Errorf("append to %s: %w: it is not an array", p, ErrWrongKind)
	}
	return d.insertChild(arr, func(indent string) []byte { return reindent(val, indent) }), nil
}

// Delete removes the member or array element at p together with exactly
// one adjacent comma: the one after it, or the one before it when it is
// the last. Deleting the only child leaves an empty {} or [].
func (d *Document) Delete(p Path) ([]byte, error) {
	parent, i, _, err := d.root.locate(p)
	if err != nil {
		return nil, fmt.Errorf("delete %w", err)
	}
	if parent == nil {
		return nil, fmt.Errorf("delete: %w", ErrRoot)
	}
	fs := parent.fields
	switch {
	case len(fs) == 1:
		return splice(d.src, parent.start+1, parent.end-1, nil), nil
	case i < len(fs)-1:
		return splice(d.src, fs[i].start(), fs[i+1].start(), nil), nil
	default:
		return splice(d.src, fs[i-1].Value.end, fs[i].Value.end, nil), nil
	}
}

// Rename changes the key of the member at p to newKey, keeping its value
// bytes and position. It fails with ErrKeyExists if the object already has
// newKey; renaming a key to itself returns the document unchanged.
func (d *Document) Rename(p Path, newKey string) ([]byte, error) {
	parent, i, _, err := d.root.locate(p)
	if err != nil {
		return nil, fmt.Errorf("rename %w", err)
	}
	if parent == nil {
		return nil, fmt.Errorf("rename: %w", ErrRoot)
	}
	if parent.kind != Object {
		return nil, fmt.Errorf("rename %s: %w: array elements have no key", p, ErrWrongKind)
	}
	f := parent.fields[i]
	if f.Key == newKey {
		return d.Bytes(), nil
	}
	if memberIndex(parent, newKey) >= 0 {
		return nil, fmt.Errorf("rename %s: %w: %s", p, ErrKeyExists, p[:len(p)-1].Append(Key(newKey)))
	}
	k, err := encodeString(newKey)
	if err != nil {
		return nil, fmt.Errorf("rename %s: new key: %w", p, err)
	}
	return splice(d.src, f.keyStart, f.keyEnd, k), nil
}

// checkRaw validates raw as one JSON value and returns it trimmed.
func checkRaw(raw []byte) ([]byte, error) {
	val := bytes.TrimSpace(raw)
	if _, err := parseValue(val); err != nil {
		return nil, fmt.Errorf("invalid value: %w", err)
	}
	return val, nil
}

// insertChild adds a child after the last one of container c (an object
// or array), built by item for the indent of its line.
func (d *Document) insertChild(c *Node, item func(indent string) []byte) []byte {
	fs := c.fields
	if len(fs) == 0 {
		open, closing := c.start+1, c.end-1
		st := d.style()
		if st.pretty || bytes.IndexByte(d.src[open:closing], '\n') >= 0 {
			base := string(lineIndent(d.src, c.start))
			indent := base + st.unit
			ins := append([]byte("\n"+indent), item(indent)...)
			ins = append(ins, "\n"+base...)
			return splice(d.src, open, closing, ins)
		}
		return splice(d.src, open, closing, item(""))
	}
	last := fs[len(fs)-1]
	var pre, post []byte
	if len(fs) >= 2 {
		gap := d.src[fs[len(fs)-2].Value.end:last.start()]
		comma := bytes.IndexByte(gap, ',')
		pre, post = gap[:comma], gap[comma+1:]
	} else {
		post = d.src[c.start+1 : last.start()]
		if len(post) == 0 {
			// {"a": 1} says nothing about what follows a comma: ask the document.
			post = []byte(d.style().inline)
		}
	}
	var indent string
	if nl := bytes.LastIndexByte(post, '\n'); nl >= 0 {
		indent = string(post[nl+1:])
	} else {
		indent = string(lineIndent(d.src, last.start()))
	}
	ins := make([]byte, 0, len(pre)+len(post)+32)
	ins = append(append(append(ins, pre...), ','), post...)
	ins = append(ins, item(indent)...)
	return splice(d.src, last.Value.end, last.Value.end, ins)
}

// style is the document's formatting, inferred from its first non-empty
// container, its first object member and its first comma between two
// children on the same line.
type style struct {
	pretty bool   // children go on their own lines
	unit   string // one level of indentation
	colon  string // what separates a key from its value; "" if no member
	inline string // what follows a comma on the same line; "" if none
}

func (d *Document) style() style {
	st := style{unit: "  "}
	var container *Node
	var member *Field
	inlineFound := false
	var find func(n *Node) bool // reports whether everything was found
	find = func(n *Node) bool {
		if len(n.fields) > 0 && container == nil {
			container = n
		}
		if n.kind == Object && len(n.fields) > 0 && member == nil {
			member = &n.fields[0]
		}
		if !inlineFound && len(n.fields) >= 2 {
			gap := d.src[n.fields[0].Value.end:n.fields[1].start()]
			if bytes.IndexByte(gap, '\n') < 0 {
				inlineFound = true
				st.inline = string(gap[bytes.IndexByte(gap, ',')+1:])
			}
		}
		if container != nil && member != nil && inlineFound {
			return true
		}
		for _, f := range n.fields {
			if find(f.Value) {
				return true
			}
		}
		return false
	}
	find(d.root)
	if container != nil {
		gap := d.src[container.start+1 : container.fields[0].start()]
		if nl := bytes.LastIndexByte(gap, '\n'); nl >= 0 {
			st.pretty = true
			child, parent := string(gap[nl+1:]), string(lineIndent(d.src, container.start))
			if len(child) > len(parent) && child[:len(parent)] == parent {
				st.unit = child[len(parent):]
			}
		}
	}
	if member != nil {
		st.colon = string(d.src[member.keyEnd:member.Value.start])
	}
	return st
}

// lineIndent returns the spaces and tabs that start the line holding pos.
func lineIndent(src []byte, pos int) []byte {
	i := bytes.LastIndexByte(src[:pos], '\n') + 1
	j := i
	for j < pos && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	return src[i:j]
}

// reindent prefixes every non-empty line of raw after the first with
// indent. Raw JSON has newlines only in whitespace, never inside strings,
// so this changes formatting only.
func reindent(raw []byte, indent string) []byte {
	if indent == "" || bytes.IndexByte(raw, '\n') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw)+len(indent)*4)
	for i, c := range raw {
		out = append(out, c)
		if c == '\n' && i+1 < len(raw) && raw[i+1] != '\n' && raw[i+1] != '\r' {
			out = append(out, indent...)
		}
	}
	return out
}

// splice returns a new slice: src with src[start:end] replaced by ins.
func splice(src []byte, start, end int, ins []byte) []byte {
	out := make([]byte, 0, len(src)-(end-start)+len(ins))
	out = append(out, src[:start]...)
	out = append(out, ins...)
	return append(out, src[end:]...)
}
