package common

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// widthSamples are texts the fast paths must measure and cut exactly as
// ansi does: plain and styled ASCII, and everything that must fall back.
var widthSamples = []string{
	"", "a", "payments/svc-00001/db", strings.Repeat("x", 300),
	"\x1b[1;38;2;230;237;243mname\x1b[m", "\x1b[4mu\x1b[0m \x1b[m",
	"\x1b[", "\x1b[31", "a\x1b", "a\x1b]8;;http://x\x07link\x1b]8;;\x07", "\x1b(B",
	"tab\there", "cr\r\nlf", "nul\x00", "del\x7f", "é", "e\u0301", "日本語", "👍🏽x", "a\u200db",
	"\x1b[31m日本\x1b[m", "\x9b31m", "x\x1b[?25l", "x\x1b[ q",
}

// Every mark PlainWidth counts alone is one cell for ansi, alone and
// between letters.
func TestSingleCellMarks(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if !singleCell(r) {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r) + " "} {
			w, ok := PlainWidth(s)
			if !ok || w != ansi.StringWidth(s) {
				t.Errorf("%q: PlainWidth %d (%v), ansi %d", s, w, ok, ansi.StringWidth(s))
			}
		}
	}
}

// randomText mixes the bytes and runes that change how text is measured.
func randomText(r *rand.Rand) string {
	parts := []string{"a", "Z", " ", "~", "\x1b", "[", "31", ";", "m", "?", " ", "\x7f", "\t", "\n", "\r",
		"é", "\u0301", "日", "👍", "…", "·", "—", "↑", "›", "“", "\u0600", "\u200d", "\ufe0f", "\U0001F3FD", "\x1b[1m", "\x1b[m", "\x1b]", "\x07", "\xff"}
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

func TestWidthMatchesAnsi(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	samples := append([]string(nil), widthSamples...)
	for range 20000 {
		samples = append(samples, randomText(r))
	}
	fast := 0
	for _, s := range samples {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
		if _, ok := PlainWidth(s); ok {
			fast++
		}
	}
	// The comparison means something only if both paths were taken.
	if fast == 0 || fast == len(samples) {
		t.Fatalf("%d of %d samples took the fast path; want some, not all", fast, len(samples))
	}
}

func TestCutMatchesAnsi(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	samples := append([]string(nil), widthSamples...)
	for range 5000 {
		samples = append(samples, randomText(r))
	}
	for _, s := range samples {
		for w := -1; w <= 14; w++ {
			wantCut := ""
			if w > 0 {
				wantCut = ansi.Truncate(s, w, "…")
			}
			if got := Cut(s, w); got != wantCut {
				t.Fatalf("Cut(%q, %d) = %q, want %q", s, w, got, wantCut)
			}
			if got, want := CutPlain(s, w), ansi.Truncate(s, w, ""); got != want {
				t.Fatalf("CutPlain(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
	}
	if got := Cut("abcdef", 4); got != "abc…" {
		t.Fatalf(`Cut("abcdef", 4) = %q, want "abc…"`, got)
	}
}

func TestPadFitsExactly(t *testing.T) {
	for _, s := range widthSamples {
		for w := 0; w <= 10; w++ {
			got := Pad(s, w)
			want := ansi.Truncate(s, w, "…")
			if w == 0 {
				want = ""
			}
			want += strings.Repeat(" ", max(w-ansi.StringWidth(want), 0))
			if got != want {
				t.Fatalf("Pad(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
	}
}

func TestSpaces(t *testing.T) {
	for _, n := range []int{-3, 0, 1, 255, 256, 257, 1000} {
		if got := Spaces(n); got != strings.Repeat(" ", max(n, 0)) {
			t.Fatalf("Spaces(%d) is %d bytes of %q…", n, len(got), got[:min(len(got), 3)])
		}
	}
}

// BenchmarkWidth compares a styled ASCII row's width with ansi's.
func BenchmarkWidth(b *testing.B) {
	s := "\x1b[38;2;230;237;243m  payments/svc-00001/db        \x1b[m\x1b[38;2;139;148;158mSynthetic db secret\x1b[m"
	b.Run("common", func(b *testing.B) {
		for range b.N {
			_ = Width(s)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for range b.N {
			_ = ansi.StringWidth(s)
		}
	})
}
