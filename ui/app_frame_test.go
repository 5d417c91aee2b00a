package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// frameText makes a random block: lines of mixed width, plain, styled,
// wide, combining, unfinished escapes, tabs and carriage returns (the last
// two send joinFrame to lipgloss).
func frameText(r *rand.Rand, maxLines int, rare bool) string {
	pieces := []string{"a", "secret/name", " ", "  ", "·", "…", "›", "—", "日本", "e\u0301", "👍🏽",
		"\x1b[1;38;2;1;2;3m", "\x1b[m", "\x1b[4m", "\u0600", "\x1b[", "\x1b]8;;x\x07"}
	if rare {
		pieces = append(pieces, "\t", "\r", "\r\n")
	}
	n := r.IntN(maxLines + 1)
	lines := make([]string, n)
	for i := range lines {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

func TestJoinFrameMatchesLipgloss(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 11))
	fallbacks := 0
	for i := range 4000 {
		rare := i%4 == 0
		width, bodyH := 1+r.IntN(40), 1+r.IntN(8)
		var above, below []string
		for range r.IntN(3) {
			above = append(above, frameText(r, 2, rare))
		}
		for range 1 + r.IntN(2) {
			below = append(below, frameText(r, 2, rare))
		}
		body := frameText(r, 12, rare)
		got := joinFrame(width, bodyH, above, body, below)
		want := joinFrameLipgloss(width, bodyH, above, body, below)
		if got != want {
			t.Fatalf("width %d, height %d, above %q, body %q, below %q:\ngot  %q\nwant %q",
				width, bodyH, above, body, below, got, want)
		}
		if strings.ContainsAny(strings.Join(append(append(above, body), below...), ""), "\t\r") {
			fallbacks++
		}
	}
	if fallbacks == 0 || fallbacks > 1500 {
		t.Fatalf("%d frames had tabs or carriage returns; want some, most without", fallbacks)
	}
}

// TestJoinFrameListScreen compares a real frame of the list screen, a
// cursor row and a long name in it, with the lipgloss pipeline.
func TestJoinFrameListScreen(t *testing.T) {
	a, _ := loadedApp(t, 300)
	for _, size := range [][2]int{{120, 15}, {80, 40}, {40, 12}} {
		a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		a.Update(keyPress(a.env.Keys.Nav.Down.Keys()[0]))
		help := a.helpView()
		bodyH := max(a.height-a.chromeHeightWith(help), 1)
		above, body, below := []string{a.headerView()}, a.top().View(), []string{a.statusView(), help}
		got := joinFrame(a.width, bodyH, above, body, below)
		if want := joinFrameLipgloss(a.width, bodyH, above, body, below); got != want {
			t.Fatalf("%dx%d: the frame differs from lipgloss's:\ngot  %q\nwant %q", size[0], size[1], got, want)
		}
		if got != a.View().Content {
			t.Fatalf("%dx%d: View does not draw joinFrame's frame", size[0], size[1])
		}
	}
}
