package jsonedit

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// Node is one JSON value of a parsed Document: its kind, its exact text and,
// for objects and arrays, its children in document order. Nodes are
// read-only. A Node prints as a redacted placeholder with every fmt verb.
type Node struct {
	kind       Kind
	src        []byte // the whole document
	start, end int    // the value's span in src
	escaped    bool   // a String whose raw text contains a backslash
	fields     []Field
}

// Field is one child of an object (a member) or of an array (an element).
type Field struct {
	// Key is the decoded member name; empty for array elements.
	Key string
	// Index is the position among the parent's children, from 0.
	Index int
	// Value is the member's or element's value.
	Value *Node
	// Duplicate reports that another member of the same object has the
	// same decoded key. Lookups and edits refuse paths through it.
	Duplicate bool

	isMember         bool
	keyStart, keyEnd int // span of the quoted key in the document
}

// RawKey returns the member name exactly as written, quotes and escapes
// included, or nil for an array element.
func (f Field) RawKey() []byte {
	if !f.isMember {
		return nil
	}
	return append([]byte(nil), f.Value.src[f.keyStart:f.keyEnd]...)
}

// Elem returns the path element that addresses this field from its parent:
// Key(f.Key) for a member, Index(f.Index) for an array element.
func (f Field) Elem() Elem {
	if f.isMember {
		return Key(f.Key)
	}
	return Index(f.Index)
}

// start is where the field begins in the document: its key for a member,
// its value for an array element.
func (f Field) start() int {
	if f.isMember {
		return f.keyStart
	}
	return f.Value.start
}

// Kind returns the value's kind.
func (n *Node) Kind() Kind { return n.kind }

// Raw returns a copy of the value's exact text as written in the document
// (for a string, with its quotes and escapes).
func (n *Node) Raw() []byte { return append([]byte(nil), n.raw()...) }

func (n *Node) raw() []byte { return n.src[n.start:n.end] }

// Span returns the byte offsets [start, end) of the value in the document.
func (n *Node) Span() (start, end int) { return n.start, n.end }

// Decoded returns a string value unescaped; for any other kind it returns
// the raw text as written (a number keeps its exact spelling).
func (n *Node) Decoded() string {
	if n.kind != String {
		return string(n.raw())
	}
	if !n.escaped {
		return string(n.src[n.start+1 : n.end-1])
	}
	return decodeString(n.raw())
}

// Len returns the number of members or elements; 0 for scalars.
func (n *Node) Len() int { return len(n.fields) }

// Fields lists an object's members or an array's elements in document
// order, duplicates included; nil for scalars.
func (n *Node) Fields() []Field {
	if len(n.fields) == 0 {
		return nil
	}
	return append([]Field(nil), n.fields...)
}

// Format implements fmt.Formatter: a Node never prints its contents.
func (n *Node) Format(f fmt.State, _ rune) {
	if n == nil {
		fmt.Fprint(f, "jsonedit.Node(nil)")
		return
	}
	fmt.Fprintf(f, "jsonedit.Node(%s, %d bytes, redacted)", n.kind, n.end-n.start)
}

// String implements fmt.Stringer with the redacted placeholder.
func (n *Node) String() string { return fmt.Sprint(n) }

// GoString implements fmt.GoStringer with the redacted placeholder.
func (n *Node) GoString() string { return fmt.Sprint(n) }

// decodeString unescapes a valid quoted JSON string. Lone surrogates decode
// to U+FFFD, as in encoding/json.
func decodeString(raw []byte) string {
	s := raw[1 : len(raw)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch s[i+1] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := rune(hex4(s[i+2:]))
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, rune(hex4(s[i+2:]))); r2 != utf8.RuneError {
						r = r2
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
			continue
		default: // '"', '\\', '/'
			out = append(out, s[i+1])
		}
		i += 2
	}
	return string(out)
}

// hex4 decodes four hex digits already validated by the parser.
func hex4(b []byte) int {
	v := 0
	for _, c := range b[:4] {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= int(c - '0')
		case c >= 'a' && c <= 'f':
			v |= int(c-'a') + 10
		default:
			v |= int(c-'A') + 10
		}
	}
	return v
}
