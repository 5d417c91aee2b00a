package fuzzy

// The search as it was before the index, kept as the reference the index's
// search must equal: the same per-field matcher over strings, then a plain
// loop over every item, field and term, and a comparison sort.

import (
	"slices"
	"strings"
)

// refField is a field as the old search held it: its text and lowered copy.
type refField struct {
	text, lower   string
	offset, bonus int
}

// refFind is Find written plainly: every term over every field of every
// item, the best field per term, the scores summed, the positions merged,
// then sorted best first and in item order. ASCII queries only.
func refFind(query string, items [][]refField) []Hit {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		return nil
	}
	var hits []Hit
	for i, fs := range items {
		total, all := 0, true
		var pos []int
		for _, term := range terms {
			pat := asciiLower(term)
			best, found := 0, false
			var bestPos []int
			for _, f := range fs {
				p := make([]int, len(pat))
				sc, ok := refMatchASCII(f.text, f.lower, pat, p)
				if !ok || (found && sc+f.bonus <= best) {
					continue
				}
				best, found = sc+f.bonus, true
				bestPos = nil
				for _, q := range p {
					bestPos = append(bestPos, q+f.offset)
				}
			}
			if !found {
				all = false
				break
			}
			total += best
			pos = append(pos, bestPos...)
		}
		if !all {
			continue
		}
		slices.Sort(pos)
		hits = append(hits, Hit{Item: i, Score: total, Pos: slices.Compact(pos)})
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return b.Score - a.Score })
	return hits
}

// matchASCII finds the lowered ASCII pattern in text (low is text with
// ASCII letters lowered) and scores it (in the spirit of fzf: boundaries,
// camel case and runs score, gaps cost). A contiguous occurrence is
// preferred, one starting a word first; otherwise the pattern matches as a
// subsequence in the tightest window ending at the first place a match can
// end, and a weak one (letters picked out of the middle of several words)
// is dropped. pos receives the byte offsets of the matched characters. It
// allocates nothing.
func refMatchASCII(text, low, pat string, pos []int) (int, bool) {
	if at := refContiguous(text, low, pat); at >= 0 {
		for i := range pos {
			pos[i] = at + i
		}
		return refScorePositions(text, pos), true
	}
	// Forward: where the earliest complete match ends.
	end := -1
	from := 0
	for i := 0; i < len(pat); i++ {
		j := strings.IndexByte(low[from:], pat[i])
		if j < 0 {
			return 0, false
		}
		end = from + j
		from = end + 1
	}
	// Backward from there: the latest occurrences, for the tightest window
	// (and runs of consecutive characters at its end).
	at := end + 1
	for i := len(pat) - 1; i >= 0; i-- {
		at = strings.LastIndexByte(low[:at], pat[i])
		pos[i] = at
	}
	if refWeak(text, pos) {
		return 0, false
	}
	return refScorePositions(text, pos), true
}

// contiguous returns where pat occurs in low, preferring an occurrence that
// starts a word; -1 if it does not occur.
func refContiguous(text, low, pat string) int {
	first := strings.Index(low, pat)
	if first < 0 {
		return -1
	}
	for at := first; at >= 0; {
		if refWordStart(text, at) {
			return at
		}
		next := strings.Index(low[at+1:], pat)
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return first
}

// wordStart reports whether the character at p starts a word: the start
// of the text, after a separator, or a capital after a small letter.
func refWordStart(text string, p int) bool {
	return p == 0 || isSeparator(text[p-1]) ||
		(text[p-1] >= 'a' && text[p-1] <= 'z' && text[p] >= 'A' && text[p] <= 'Z')
}

// weak reports whether a subsequence match is scattered: more than one of
// its runs of consecutive characters begins inside a word ("orders" picked
// out of "for dev emails... resend"). Matches whose runs start words
// ("pdp" for "prod/db/postgres") are kept.
func refWeak(text string, pos []int) bool {
	inside := 0
	for i, p := range pos {
		if i > 0 && p == pos[i-1]+1 {
			continue // the run goes on
		}
		if !refWordStart(text, p) {
			inside++
		}
	}
	return inside > 1
}

// scorePositions scores matched positions in text.
func refScorePositions(text string, pos []int) int {
	score := 0
	run := 0 // the bonus of the run of consecutive matches we are in
	for i, p := range pos {
		score += scoreChar
		bonus := 0
		switch {
		case p == 0 || isSeparator(text[p-1]):
			bonus = bonusBoundary
		case text[p-1] >= 'a' && text[p-1] <= 'z' && text[p] >= 'A' && text[p] <= 'Z':
			bonus = bonusCamel
		}
		if i > 0 {
			if gap := p - pos[i-1] - 1; gap == 0 {
				// A run keeps the bonus it started with.
				bonus = max(bonus, run, bonusConsecutive)
			} else {
				score -= min(gapStartPenalty+gap-1, maxGapPenalty)
			}
		}
		if i == 0 || p != pos[i-1]+1 {
			run = bonus
		}
		score += bonus
	}
	if pos[0] > 0 && !isSeparator(text[pos[0]-1]) {
		score -= min(pos[0], maxLeadingPenalty)
	}
	score -= len(text) / 32 // a match in a short field says more
	return score
}
