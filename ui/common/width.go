package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is the width of s in cells, exactly as ansi.StringWidth counts it,
// without its per-character grapheme segmentation when s is printable ASCII
// with, at most, CSI escape sequences (the colours of styled text): those
// count one cell a byte and nothing a sequence. Any other text (a control
// byte, another escape, anything outside ASCII) goes to ansi.StringWidth.
// A frame measures every line it draws, most of them plain or styled ASCII,
// and the segmentation was half the cost of drawing one.
func Width(s string) int {
	if w, ok := ASCIIWidth(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

// ASCIIWidth counts the cells of printable ASCII text with CSI sequences
// (one a byte, none a sequence); ok is false for any other text, which
// Width measures with ansi. Spaces after such text add one cell each.
func ASCIIWidth(s string) (w int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x7e:
			w++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// CSI: parameter and intermediate bytes (0x20-0x3f), then one
			// final byte (0x40-0x7e); a sequence that ends otherwise is
			// left to ansi.
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return 0, false
			}
			i = j
		default:
			return 0, false
		}
	}
	return w, true
}

// isPrintableASCII reports whether every byte of s is printable ASCII
// (0x20-0x7e): one cell a byte, cut by slicing.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Cut shortens s to at most w cells, with an ellipsis when it had to cut.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if isPrintableASCII(s) {
		if len(s) <= w {
			return s
		}
		return s[:w-1] + "…"
	}
	return ansi.Truncate(s, w, "…")
}

// CutPlain shortens s to at most w cells with no ellipsis, as
// ansi.Truncate(s, w, "") does.
func CutPlain(s string, w int) string {
	if isPrintableASCII(s) {
		if len(s) <= max(w, 0) {
			return s
		}
		return s[:max(w, 0)]
	}
	return ansi.Truncate(s, w, "")
}

// Pad fits s into exactly w cells.
func Pad(s string, w int) string {
	s = Cut(s, w)
	return s + Spaces(max(w-Width(s), 0))
}

// spaces is the longest run of spaces Spaces hands out without allocating.
const spaces = "                                                                " +
	"                                                                " +
	"                                                                " +
	"                                                                "

// Spaces is n spaces (none when n ≤ 0); runs up to 256 cells share one
// constant instead of allocating.
func Spaces(n int) string {
	switch {
	case n <= 0:
		return ""
	case n <= len(spaces):
		return spaces[:n]
	}
	return strings.Repeat(" ", n)
}
