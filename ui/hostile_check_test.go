package ui

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// terminalHazard returns what in raw View output could do more to a terminal
// than show text in the window's width, or "" when nothing: any escape
// sequence but an SGR style (and no SGR conceal), any C0 control but the
// line feed, DEL, any C1 control, any bidi control or other invisible format
// character (Unicode Cf), invalid UTF-8, and any line wider than width.
func terminalHazard(raw string, width int) string {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == 0x1b {
			n, bad := sgrLen(raw[i:])
			if bad != "" {
				return bad + " at " + around(raw, i)
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return "invalid UTF-8 at " + around(raw, i)
		case r == '\r':
			return "a raw CR at " + around(raw, i)
		case r < 0x20 && r != '\n':
			return "a C0 control at " + around(raw, i)
		case r >= 0x7f && r < 0xa0:
			return "DEL or a C1 control at " + around(raw, i)
		case unicode.Is(unicode.Cf, r), r == 0x2028, r == 0x2029:
			return "an invisible format or bidi character at " + around(raw, i)
		}
		i += size
	}
	for n, line := range strings.Split(raw, "\n") {
		if w := ansi.StringWidth(line); w > width {
			return "line " + strconv.Itoa(n) + " is " + strconv.Itoa(w) + " cells wide in a window of " + strconv.Itoa(width) + ": " + ansi.Strip(line)
		}
	}
	return ""
}

// sgrLen measures the SGR sequence at the start of s ("\x1b[" params "m"),
// or says why it is not one the app's styles could have written.
func sgrLen(s string) (int, string) {
	if len(s) < 2 || s[1] != '[' {
		return 0, "an escape sequence that is not CSI"
	}
	j := 2
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
		j++
	}
	if j >= len(s) || s[j] != 'm' {
		return 0, "a CSI sequence that is not SGR"
	}
	params := strings.Split(s[2:j], ";")
	for k := 0; k < len(params); k++ {
		switch params[k] {
		case "38", "48", "58": // extended colour: 5;n or 2;r;g;b follow
			if k+1 < len(params) && params[k+1] == "5" {
				k += 2
			} else if k+1 < len(params) && params[k+1] == "2" {
				k += 4
			}
		case "8":
			return 0, "SGR conceal"
		}
	}
	return j + 1, ""
}

// around quotes raw output around byte i, escapes and all.
func around(s string, i int) string {
	return strconv.Quote(s[max(0, i-40):min(len(s), i+40)])
}

func TestTerminalHazardCatchesWhatItMust(t *testing.T) {
	t.Parallel()
	safe := "\x1b[1;38;5;8mbold\x1b[m plain 密码 e\u0301\n\x1b[38;2;255;0;8mx\x1b[0m"
	if h := terminalHazard(safe, 20); h != "" {
		t.Fatalf("app styles flagged: %s", h)
	}
	for _, bad := range []string{
		"\x1b]8;;https://x\x07link", "\x1b[2J", "\x1b[8mhidden", "\x1b[1;8m", "a\u009bb", "a\rb", "a\x00b", "\x7f",
		"\u202Eabc", "a\u200Bb", "\xff", "\x1b]0;title\x07", "\x1bc", strings.Repeat("x", 21), strings.Repeat("密", 11),
	} {
		if terminalHazard(bad, 20) == "" {
			t.Errorf("%q passed", bad)
		}
	}
}
