package jsonedit

import "fmt"

// Pretty re-indents a JSON document with two spaces per level and ": "
// after keys, one member or element per line, empty containers as {} and
// []. Keys keep their order and their exact text, duplicates included;
// numbers and strings keep their exact spelling and escapes (nothing goes
// through a map or a float64). The result has no trailing newline.
func Pretty(raw []byte) ([]byte, error) {
	n, err := parseValue(raw)
	if err != nil {
		return nil, fmt.Errorf("pretty: %w", err)
	}
	out := make([]byte, 0, len(raw)+len(raw)/4)
	return writePretty(out, n, 0), nil
}

func writePretty(out []byte, n *Node, depth int) []byte {
	if len(n.fields) == 0 {
		switch n.kind {
		case Object:
			return append(out, "{}"...)
		case Array:
			return append(out, "[]"...)
		}
		return append(out, n.raw()...)
	}
	open, closing := byte('['), byte(']')
	if n.kind == Object {
		open, closing = '{', '}'
	}
	out = append(out, open)
	for i, f := range n.fields {
		if i > 0 {
			out = append(out, ',')
		}
		out = newline(out, depth+1)
		if f.isMember {
			out = append(out, n.src[f.keyStart:f.keyEnd]...)
			out = append(out, ": "...)
		}
		out = writePretty(out, f.Value, depth+1)
	}
	out = newline(out, depth)
	return append(out, closing)
}

func newline(out []byte, depth int) []byte {
	out = append(out, '\n')
	for range depth {
		out = append(out, ' ', ' ')
	}
	return out
}
