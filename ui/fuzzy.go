package ui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/sahilm/fuzzy"
)

// fuzzyHit is one item that matched a fuzzy query: its index, its score
// (higher is better) and the byte offsets of the matched characters in its
// text, ascending, for highlighting.
type fuzzyHit struct {
	item  int
	score int
	pos   []int
}

// fuzzyFind matches query against the texts of the candidate items (nil
// means items 0..n-1) and returns the hits best first; equal scores keep the
// candidates' order. Words separated by spaces must all match, in any order.
// An empty query matches nothing; callers show everything instead.
func fuzzyFind(query string, text func(i int) string, n int, candidates []int) []fuzzyHit {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		return nil
	}
	if candidates == nil {
		candidates = make([]int, n)
		for i := range candidates {
			candidates[i] = i
		}
	}
	var hits []fuzzyHit
	for t, term := range terms {
		seq := func(yield func(string) bool) {
			for _, c := range candidates {
				if !yield(text(c)) {
					return
				}
			}
		}
		matches := fuzzy.FindFromIterNoSort(term, seq)
		if t == 0 {
			hits = make([]fuzzyHit, len(matches))
			for i, m := range matches {
				hits[i] = fuzzyHit{item: candidates[m.Index], score: m.Score, pos: m.MatchedIndexes}
			}
		} else {
			// candidates are the previous terms' hits, in the same order.
			next := make([]fuzzyHit, len(matches))
			for i, m := range matches {
				h := hits[m.Index]
				h.score += m.Score
				h.pos = mergePositions(h.pos, m.MatchedIndexes)
				next[i] = h
			}
			hits = next
		}
		candidates = make([]int, len(hits))
		for i, h := range hits {
			candidates[i] = h.item
		}
	}
	slices.SortStableFunc(hits, func(a, b fuzzyHit) int { return b.score - a.score })
	return hits
}

// mergePositions unions two ascending offset lists.
func mergePositions(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// extendsQuery reports whether every item matching next also matched prev,
// so next can be searched among prev's hits only (typing one more letter).
func extendsQuery(prev, next string) bool {
	if strings.TrimSpace(prev) == "" || !strings.HasPrefix(next, prev) {
		return false
	}
	// "ab" then "ab c": c is a new term, still a narrowing. "ab" then "abc"
	// extends the last term. Both narrow, as every term must match.
	return true
}

// fuzzyHighlight renders s with the characters at the given offsets (byte
// offsets into a longer text in which s starts at offset) in the match
// style and the rest in base. pos must be ascending.
func fuzzyHighlight(s string, offset int, pos []int, base, match lipgloss.Style) string {
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
