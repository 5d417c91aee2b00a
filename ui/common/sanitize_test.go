package common

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestSanitizeNotation(t *testing.T) {
	tests := []struct {
		name, in, one, multi string
	}{
		{"clean ascii", "prod/db/postgres", "prod/db/postgres", "prod/db/postgres"},
		{"clean wide and combining", "密码 café e\u0301 👩", "密码 café e\u0301 👩", "密码 café e\u0301 👩"},
		{"ESC clear screen", "a\x1b[2Jb", `a\x1b[2Jb`, `a\x1b[2Jb`},
		{"OSC 8 link", "\x1b]8;;https://evil\x07click\x1b]8;;\x07", `\x1b]8;;https://evil\x07click\x1b]8;;\x07`, `\x1b]8;;https://evil\x07click\x1b]8;;\x07`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`, `a\x00b\x7f`},
		{"C1 CSI rune", "a\u009b31mb", `a\x9b31mb`, `a\x9b31mb`},
		{"C1 NEL rune", "a\u0085b", `a\x85b`, `a\x85b`},
		{"raw C1 byte is invalid UTF-8", "a\x9bb", "a\uFFFDb", "a\uFFFDb"},
		{"CR overwrite", "PRODUCTION - DO NOT DELETE\rtest scratch", `PRODUCTION - DO NOT DELETE\rtest scratch`, `PRODUCTION - DO NOT DELETE\rtest scratch`},
		{"CRLF", "a\r\nb", `a\r↵b`, "a\nb"},
		{"LF", "a\nb", "a↵b", "a\nb"},
		{"tab", "a\tb", "a b", "a    b"},
		{"RLO bidi", "abc\u202Etxt.exe", `abc\u202etxt.exe`, `abc\u202etxt.exe`},
		{"isolates and marks", "\u2066\u2069\u200E\u200F\u061C", `\u2066\u2069\u200e\u200f\u061c`, `\u2066\u2069\u200e\u200f\u061c`},
		{"zero width and BOM", "a\u200Bb\u2060c\uFEFFd\u00ADe", `a\u200bb\u2060c\ufeffd\xade`, `a\u200bb\u2060c\ufeffd\xade`},
		{"ZWJ emoji", "👩\u200D💻", `👩\u200d💻`, `👩\u200d💻`},
		{"tag character", "\U000E0001x", `\U000e0001x`, `\U000e0001x`},
		{"line separator", "a\u2028b", `a\u2028b`, `a\u2028b`},
		{"invalid UTF-8", "a\xff\xfeb", "a\uFFFD\uFFFDb", "a\uFFFD\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.one {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.one)
			}
			if got := SanitizeMultiline(tt.in); got != tt.multi {
				t.Errorf("SanitizeMultiline(%q) = %q, want %q", tt.in, got, tt.multi)
			}
		})
	}
}

func TestSanitizeCleanInputIsNotCopied(t *testing.T) {
	for _, s := range []string{"prod/db/postgres", "密码 café 👩", "line one\nline two"} {
		allocs := testing.AllocsPerRun(100, func() { _ = SanitizeMultiline(s) })
		if allocs != 0 {
			t.Errorf("SanitizeMultiline(%q) allocated %v times, want 0", s, allocs)
		}
		if got := SanitizeMultiline(s); got != s {
			t.Errorf("SanitizeMultiline(%q) = %q, want it unchanged", s, got)
		}
	}
}

// checkSafe fails when out could do anything to a terminal but show text.
func checkSafe(t *testing.T, in, out string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output of %q is not valid UTF-8: %q", in, out)
	}
	for _, r := range out {
		if r == '\n' && multiline {
			continue
		}
		if unsafeRune(r) || r == '\t' || r == '\n' {
			t.Fatalf("output of %q holds %U: %q", in, r, out)
		}
	}
	if ansi.Strip(out) != out {
		t.Fatalf("output of %q holds an escape sequence: %q", in, out)
	}
	again := sanitize(out, multiline)
	if again != out {
		t.Fatalf("sanitizing twice changed %q to %q", out, again)
	}
	if firstUnclean(in, multiline) < 0 && out != in {
		t.Fatalf("clean input %q was changed to %q", in, out)
	}
	// Width is counted in cells and cutting never overflows.
	w := ansi.StringWidth(out)
	for _, line := range strings.Split(out, "\n") {
		if lw := ansi.StringWidth(line); lw > w && !multiline {
			t.Fatalf("line %q wider (%d) than the whole (%d)", line, lw, w)
		}
		for _, max := range []int{1, 2, 5} {
			if cw := ansi.StringWidth(ansi.Truncate(line, max, "…")); cw > max {
				t.Fatalf("Truncate(%q, %d) is %d cells wide", line, max, cw)
			}
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a\x1b[8mhidden\x1b[0m", "\x1b]8;;http://x\x07link", "\x1b]52;c;ZXZpbA==\x07",
		"\x1b]0;title\x07", "\u009b2J", "\u0085", "A\rB", "a\r\nb", "\u202Egnp.exe", "👩\u200D💻",
		"e\u0301", "中文", "\xff\xfe", "\t\n", "\U000E0041", "\u00AD", string([]byte{0xc2, 0x9b}),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSafe(t, in, Sanitize(in), false)
		checkSafe(t, in, SanitizeMultiline(in), true)
	})
}

func TestSanitizeEscapesEveryFormatCharacter(t *testing.T) {
	// Every Cf rune, every control and the separators come out escaped.
	check := func(r rune) {
		if got := Sanitize(string(r)); !strings.HasPrefix(got, `\`) {
			t.Errorf("Sanitize(%U) = %q, want an escape", r, got)
		}
	}
	for r := rune(0); r < 0xa0; r++ {
		if r == '\n' || r == '\t' || (r >= 0x20 && r < 0x7f) {
			continue
		}
		check(r)
	}
	check(0x2028)
	check(0x2029)
	for _, rng := range unicode.Cf.R16 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			check(r)
		}
	}
	for _, rng := range unicode.Cf.R32 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			check(r)
		}
	}
}

func BenchmarkSanitizeClean(b *testing.B) {
	s := "prod/payments/stripe-api-key — Stripe live key for the checkout service 密码"
	b.ReportAllocs()
	for b.Loop() {
		_ = Sanitize(s)
	}
}

func BenchmarkSanitizeHostile(b *testing.B) {
	s := "PRODUCTION\x1b]8;;https://evil\x07 - DO NOT DELETE\rtest\u202E\u009b2J"
	b.ReportAllocs()
	for b.Loop() {
		_ = Sanitize(s)
	}
}
