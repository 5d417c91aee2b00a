package fuzzy

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/smtui/smtui/ui/common"
)

// Highlight renders s with the characters at the given offsets (byte
// offsets into a longer text in which s starts at offset) in the match
// style and the rest in base. pos must be ascending.
func Highlight(s string, offset int, pos []int, base, match common.TextRenderer) string {
	// Skip offsets before s.
	i, _ := slices.BinarySearch(pos, offset)
	if i == len(pos) || pos[i] >= offset+len(s) {
		return base.Render(s)
	}
	var b strings.Builder
	runStart := 0
	runMatched := false
	flush := func(end int) {
		if end <= runStart {
			return
		}
		if runMatched {
			b.WriteString(match.Render(s[runStart:end]))
		} else {
			b.WriteString(base.Render(s[runStart:end]))
		}
		runStart = end
	}
	for j := range s { // j walks rune starts
		for i < len(pos) && pos[i] < offset+j {
			i++
		}
		m := i < len(pos) && pos[i] == offset+j
		if m != runMatched {
			flush(j)
			runMatched = m
		}
	}
	flush(len(s))
	return b.String()
}

// MatchedCell cuts text to w cells and renders it with the fuzzy matches
// (byte offsets into the row's search text, where text starts at offset)
// highlighted.
func MatchedCell(text string, offset int, pos []int, w int, base, match common.TextRenderer) string {
	kept, cutOff := text, false
	if ansi.StringWidth(text) > w {
		kept, cutOff = ansi.Truncate(text, max(w-1, 0), ""), true
	}
	var b strings.Builder
	if len(pos) == 0 {
		b.WriteString(base.Render(kept))
	} else {
		b.WriteString(Highlight(kept, offset, pos, base, match))
	}
	used := ansi.StringWidth(kept)
	if cutOff && w > 0 {
		b.WriteString(base.Render("…"))
		used++
	}
	if used < w {
		b.WriteString(base.Render(strings.Repeat(" ", w-used)))
	}
	return b.String()
}
