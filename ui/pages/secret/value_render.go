package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// compactJSON removes insignificant whitespace from a JSON value, keeping
// key order and number spelling; invalid input is returned as it is.
func compactJSON(raw []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}

// PrettyMasked renders a document the way jsonedit.Pretty does (two-space
// indent, keys in document order) with every scalar that is not revealed
// replaced by the mask. Keys are shown; they are the secret's structure.
func PrettyMasked(doc *jsonedit.Document, revealed func(jsonedit.Path) bool) string {
	var b strings.Builder
	writeMasked(&b, doc.Root(), nil, 0, revealed)
	return b.String()
}

func writeMasked(b *strings.Builder, n *jsonedit.Node, p jsonedit.Path, depth int, revealed func(jsonedit.Path) bool) {
	k := n.Kind()
	if k != jsonedit.Object && k != jsonedit.Array {
		switch {
		case k == jsonedit.Null:
			b.WriteString("null")
		case len(p) > 0 && revealed(p):
			b.Write(n.Raw())
		default:
			b.WriteString(common.MaskText)
		}
		return
	}
	open, close := "{", "}"
	if k == jsonedit.Array {
		open, close = "[", "]"
	}
	fields := n.Fields()
	if len(fields) == 0 {
		b.WriteString(open + close)
		return
	}
	if len(p) > 0 && revealed(p) {
		// A revealed container prints exactly, re-indented to its depth.
		if pretty, err := jsonedit.Pretty(n.Raw()); err == nil {
			b.WriteString(strings.ReplaceAll(string(pretty), "\n", "\n"+strings.Repeat("  ", depth)))
			return
		}
	}
	b.WriteString(open + "\n")
	indent := strings.Repeat("  ", depth+1)
	for i, f := range fields {
		b.WriteString(indent)
		if k == jsonedit.Object {
			b.Write(f.RawKey())
			b.WriteString(": ")
		}
		writeMasked(b, f.Value, p.Append(f.Elem()), depth+1, revealed)
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat("  ", depth) + close)
}

// HexPerLine picks how many bytes a hex dump line holds at a width.
func HexPerLine(width int) int {
	for _, n := range []int{16, 8} {
		if 10+4*n+4 <= width {
			return n
		}
	}
	return 4
}

// HexDump renders bytes as "offset  hex bytes  |ascii|" lines.
func HexDump(data []byte, perLine int) []string {
	lines := make([]string, 0, len(data)/perLine+1)
	for off := 0; off < len(data); off += perLine {
		chunk := data[off:min(off+perLine, len(data))]
		var hx, asc strings.Builder
		for i := range perLine {
			if i < len(chunk) {
				fmt.Fprintf(&hx, "%02x ", chunk[i])
				if c := chunk[i]; c >= 0x20 && c < 0x7f {
					asc.WriteByte(c)
				} else {
					asc.WriteByte('.')
				}
			} else {
				hx.WriteString("   ")
			}
		}
		lines = append(lines, fmt.Sprintf("%08x  %s |%s|", off, hx.String(), asc.String()))
	}
	return lines
}
