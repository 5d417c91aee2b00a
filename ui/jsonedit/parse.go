package jsonedit

import (
	"fmt"
)

// maxDepth is the deepest nesting accepted, the same limit as encoding/json.
const maxDepth = 10000

// Document is a parsed JSON document: its bytes and the tree of values.
// It is immutable; edits return new bytes, which the caller parses again.
// A Document prints as a redacted placeholder with every fmt verb.
type Document struct {
	src  []byte
	root *Node
}

// Parse parses one JSON value (surrounding whitespace allowed) and keeps a
// private copy of data. It accepts exactly what encoding/json.Valid accepts.
// On invalid input it returns a *SyntaxError, whose message never contains
// any of the input.
func Parse(data []byte) (*Document, error) {
	src := append([]byte(nil), data...)
	root, err := parseValue(src)
	if err != nil {
		return nil, err
	}
	return &Document{src: src, root: root}, nil
}

// parseValue parses src as a single JSON value with optional surrounding
// whitespace, without copying it.
func parseValue(src []byte) (*Node, error) {
	p := parser{src: src}
	p.skipWS()
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipWS()
	if p.pos != len(src) {
		return nil, p.fail("unexpected data after the top-level value")
	}
	return root, nil
}

// Bytes returns a copy of the document's bytes.
func (d *Document) Bytes() []byte { return append([]byte(nil), d.src...) }

// Root returns the top-level value.
func (d *Document) Root() *Node { return d.root }

// Fields lists the top-level value's members or elements in document order
// (nil when the document is a scalar).
func (d *Document) Fields() []Field { return d.root.Fields() }

// Format implements fmt.Formatter: a Document never prints its contents.
func (d *Document) Format(f fmt.State, _ rune) {
	if d == nil {
		fmt.Fprint(f, "jsonedit.Document(nil)")
		return
	}
	fmt.Fprintf(f, "jsonedit.Document(%s, %d bytes, redacted)", d.root.kind, len(d.src))
}

// String implements fmt.Stringer with the redacted placeholder.
func (d *Document) String() string { return fmt.Sprint(d) }

// GoString implements fmt.GoStringer with the redacted placeholder.
func (d *Document) GoString() string { return fmt.Sprint(d) }

type parser struct {
	src   []byte
	pos   int
	depth int
}

func (p *parser) fail(msg string) error { return newSyntaxError(p.src, p.pos, msg) }

func (p *parser) skipWS() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (*Node, error) {
	if p.pos >= len(p.src) {
		return nil, p.fail("unexpected end of input, expected a value")
	}
	start := p.pos
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		esc, err := p.str()
		if err != nil {
			return nil, err
		}
		return &Node{kind: String, src: p.src, start: start, end: p.pos, escaped: esc}, nil
	case c == 't':
		return p.literal("true", Bool)
	case c == 'f':
		return p.literal("false", Bool)
	case c == 'n':
		return p.literal("null", Null)
	case c == '-' || (c >= '0' && c <= '9'):
		end, msg := scanNumber(p.src, p.pos)
		if msg != "" {
			p.pos = end
			return nil, p.fail(msg)
		}
		p.pos = end
		return &Node{kind: Number, src: p.src, start: start, end: end}, nil
	}
	return nil, p.fail("unexpected character, expected a value")
}

func (p *parser) literal(word string, kind Kind) (*Node, error) {
	start := p.pos
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.src) || p.src[p.pos] != word[i] {
			return nil, p.fail("invalid literal, expected " + word)
		}
		p.pos++
	}
	return &Node{kind: kind, src: p.src, start: start, end: p.pos}, nil
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.fail("nesting too deep")
	}
	return nil
}

func (p *parser) object() (*Node, error) {
	n := &Node{kind: Object, src: p.src, start: p.pos}
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++
	p.skipWS()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		n.end = p.pos
		p.depth--
		return n, nil
	}
	for {
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of input inside an object")
		}
		if p.src[p.pos] != '"' {
			return nil, p.fail("expected a quoted member name")
		}
		ks := p.pos
		esc, err := p.str()
		if err != nil {
			return nil, err
		}
		ke := p.pos
		key := p.src[ks+1 : ke-1]
		var k string
		if esc {
			k = decodeString(p.src[ks:ke])
		} else {
			k = string(key)
		}
		p.skipWS()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.fail("expected ':' after member name")
		}
		p.pos++
		p.skipWS()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.fields = append(n.fields, Field{Key: k, Index: len(n.fields), Value: v, isMember: true, keyStart: ks, keyEnd: ke})
		p.skipWS()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipWS()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			break
		}
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of input inside an object")
		}
		return nil, p.fail("expected ',' or '}' after object member")
	}
	n.end = p.pos
	p.depth--
	markDuplicates(n.fields)
	return n, nil
}

func (p *parser) array() (*Node, error) {
	n := &Node{kind: Array, src: p.src, start: p.pos}
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++
	p.skipWS()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		n.end = p.pos
		p.depth--
		return n, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.fields = append(n.fields, Field{Index: len(n.fields), Value: v})
		p.skipWS()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			p.skipWS()
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			break
		}
		if p.pos >= len(p.src) {
			return nil, p.fail("unexpected end of input inside an array")
		}
		return nil, p.fail("expected ',' or ']' after array element")
	}
	n.end = p.pos
	p.depth--
	return n, nil
}

// str scans a quoted string starting at p.pos and reports whether it
// contains escapes.
func (p *parser) str() (escaped bool, err error) {
	p.pos++ // opening quote
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return escaped, nil
		case c == '\\':
			escaped = true
			if p.pos+1 >= len(p.src) {
				p.pos++
				return false, p.fail("unexpected end of input inside a string")
			}
			switch p.src[p.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos += 2
			case 'u':
				for i := 2; i < 6; i++ {
					if p.pos+i >= len(p.src) || !isHex(p.src[p.pos+i]) {
						p.pos += i
						return false, p.fail("invalid \\u escape in string, expected four hex digits")
					}
				}
				p.pos += 6
			default:
				p.pos++
				return false, p.fail("invalid escape sequence in string")
			}
		case c < 0x20:
			return false, p.fail("control character in string, it must be escaped")
		default:
			p.pos++
		}
	}
	return false, p.fail("unexpected end of input inside a string")
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber scans a JSON number starting at i and returns its end, or the
// offset of the problem and a message.
func scanNumber(b []byte, i int) (end int, msg string) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b) || !isDigit(b[i]):
		return i, "a number needs digits"
	case b[i] == '0':
		i++
		if i < len(b) && isDigit(b[i]) {
			return i, "leading zeros are not allowed in a number"
		}
	default:
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || !isDigit(b[i]) {
			return i, "a number needs digits after the decimal point"
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !isDigit(b[i]) {
			return i, "a number needs digits in its exponent"
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	return i, ""
}

// markDuplicates flags members whose decoded key appears more than once.
func markDuplicates(fs []Field) {
	if len(fs) < 2 {
		return
	}
	if len(fs) <= 16 {
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				if fs[i].Key == fs[j].Key {
					fs[i].Duplicate = true
					fs[j].Duplicate = true
				}
			}
		}
		return
	}
	first := make(map[string]int, len(fs))
	for i := range fs {
		if j, ok := first[fs[i].Key]; ok {
			fs[i].Duplicate = true
			fs[j].Duplicate = true
			continue
		}
		first[fs[i].Key] = i
	}
}
