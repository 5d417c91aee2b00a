package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the width of s in cells, exactly as ansi.StringWidth counts it,
// without its per-character grapheme segmentation when s is plain text
// (PlainWidth): printable ASCII and the few marks smtui draws, with, at
// most, CSI escape sequences (the colours of styled text). Any other text
// (a control byte, another escape, other characters) goes to
// ansi.StringWidth. A frame measures every line it draws, nearly all of
// them plain, and the segmentation was half the cost of drawing one.
func Width(s string) int {
	if w, ok := PlainWidth(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

// PlainWidth counts the cells of plain text: printable ASCII and the marks
// of singleCell, one cell each, and CSI sequences, none; ok is false for
// any other text, which Width measures with ansi. Each character of plain
// text is a grapheme cluster of its own, and spaces after it add one cell
// each.
func PlainWidth(s string) (w int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x7e:
			w++
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !singleCell(r) {
				return 0, false
			}
			w++
			i += size - 1
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

// singleCell reports whether r is one of the marks smtui draws that ansi
// counts as one cell and that never joins a neighbour in a grapheme
// cluster (no mark is an extending, prepending or joining character).
func singleCell(r rune) bool {
	switch r {
	case '…', '·', '—', '–', '•', '›', '‹', '↵', '“', '”', '↑', '↓', '←', '→':
		return true
	}
	return r >= 0x2800 && r <= 0x28ff // braille: the spinner
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
	if sw, ok := PlainWidth(s); ok && sw <= w {
		return s // ansi.Truncate returns what fits unchanged
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
	if sw, ok := PlainWidth(s); ok && sw <= w {
		return s
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
