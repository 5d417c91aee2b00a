// Package common holds what every screen of the UI shares. For now it is the
// sanitizer that every string from AWS, the endpoint or a secret passes
// through before it becomes view text.
package common

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes one line of untrusted text (a name, a description, a tag, an
// error message, a JSON key or value) safe to put on the terminal. Nothing it
// returns can start an escape sequence, move the cursor, overwrite a line,
// reorder text or hide itself:
//
//   - invalid UTF-8 becomes U+FFFD;
//   - ESC and every other C0 control, DEL and the C1 controls U+0080–U+009F
//     are shown as Go-style escapes: `\x1b`, `\x7f`, `\x9b`; CR is `\r`, so
//     "A\rB" shows both A and B;
//   - every invisible format character (Unicode category Cf: the bidi
//     controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, and
//     U+00AD, U+200B, U+200C, U+200D, U+2060–U+2064, U+FEFF, the tag
//     characters U+E0001–U+E007F, ...) and the separators U+2028, U+2029
//     are shown as `\u202e`-style escapes (`\U000e0001` above U+FFFF).
//     ZWJ (U+200D) is escaped too, even inside an emoji sequence: terminals
//     disagree on whether they join it into one 2-cell glyph, while the
//     parts of an escaped sequence are measured the same way by
//     ansi.StringWidth and by every terminal, so borders stay straight;
//   - a newline is shown as ↵ and a tab as one space.
//
// Wide characters and combining marks are kept: callers measure the result in
// cells with ansi.StringWidth and cut it with ansi.Truncate. Those count a
// grapheme cluster as a terminal with grapheme support does, so emoji with a
// presentation selector (U+FE0F) or a skin-tone modifier count 2 cells; a
// terminal that lacks that support may draw them narrower or wider. The
// escapes are
// for reading, not a round trip (a literal `\x1b` in the input looks the
// same). Clean input is returned unchanged without allocating.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeMultiline is Sanitize for text shown over several lines (a
// plaintext value, a resource policy): newlines are kept, CRLF becomes LF, a
// lone CR is still shown as `\r`, and a tab becomes four spaces.
func SanitizeMultiline(s string) string { return sanitize(s, true) }

// sanitize is the one implementation behind Sanitize and SanitizeMultiline.
func sanitize(s string, multiline bool) string {
	first := firstUnclean(s, multiline)
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteRune('↵')
		case r == '\r' && multiline && i < len(s) && s[i] == '\n':
			// CRLF is a line break; the LF is written next.
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t' && multiline:
			b.WriteString("    ")
		case r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
			writeEscape(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstUnclean returns the byte offset of the first byte or rune sanitize
// would change, or -1 when s is clean. Printable ASCII is checked a byte at a
// time; only non-ASCII text is decoded.
func firstUnclean(s string, multiline bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if c == '\n' && multiline {
					i++
					continue
				}
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports whether r must never be written to the terminal as it
// is: controls (C0, DEL, C1), invisible format characters (Cf) and the line
// and paragraph separators.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r < 0xad:
		return false // printable ASCII and Latin-1: the common case
	case r == 0x2028, r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// writeEscape writes r as a visible Go-style escape: \xNN up to U+00FF,
// \uNNNN up to U+FFFF, \UNNNNNNNN above.
func writeEscape(b *strings.Builder, r rune) {
	var prefix string
	var digits int
	switch {
	case r <= 0xff:
		prefix, digits = `\x`, 2
	case r <= 0xffff:
		prefix, digits = `\u`, 4
	default:
		prefix, digits = `\U`, 8
	}
	b.WriteString(prefix)
	h := strconv.FormatInt(int64(r), 16)
	b.WriteString(strings.Repeat("0", digits-len(h)))
	b.WriteString(h)
}
