package fuzzy

import "bytes"

// Scores of the ASCII matcher.
const (
	scoreChar         = 16 // each matched character
	bonusBoundary     = 12 // at the start, or after / - _ . : = or a space
	bonusCamel        = 10 // a capital after a small letter
	bonusConsecutive  = 8  // right after the previous matched character
	gapStartPenalty   = 3  // for a gap between matched characters
	maxGapPenalty     = 12 // ... growing by 1 per skipped character
	maxLeadingPenalty = 15 // for characters before the first match
)

func isSeparator(c byte) bool {
	switch c {
	case '/', '-', '_', '.', ':', '=', ' ', '\\', '!', '(', ')', ',':
		return true
	}
	return false
}

// matchASCII finds the lowered ASCII pattern in the field and scores it (in
// the spirit of fzf: boundaries, camel case and runs score, gaps cost). A
// contiguous occurrence is preferred, one starting a word first; otherwise
// the pattern matches as a subsequence in the tightest window ending at the
// first place a match can end, and a weak one (letters picked out of the
// middle of several words) is dropped. pos receives the byte offsets of the
// matched characters. It allocates nothing.
func matchASCII(h *hay, pat []byte, pos []int) (int, bool) {
	if at := contiguous(h, pat); at >= 0 {
		for i := range pos {
			pos[i] = at + i
		}
		return scorePositions(h, pos), true
	}
	// Forward: where the earliest complete match ends.
	low := h.low
	end := -1
	from := 0
	for i := 0; i < len(pat); i++ {
		j := bytes.IndexByte(low[from:], pat[i])
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
		at = bytes.LastIndexByte(low[:at], pat[i])
		pos[i] = at
	}
	if weak(h, pos) {
		return 0, false
	}
	return scorePositions(h, pos), true
}

// contiguous returns where pat occurs in the field, preferring an
// occurrence that starts a word; -1 if it does not occur.
func contiguous(h *hay, pat []byte) int {
	first := bytes.Index(h.low, pat)
	if first < 0 {
		return -1
	}
	for at := first; at >= 0; {
		if wordStart(h, at) {
			return at
		}
		next := bytes.Index(h.low[at+1:], pat)
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return first
}

// camel reports whether the character at p is a capital after a small
// letter.
func camel(h *hay, p int) bool {
	if h.upper == nil {
		return false
	}
	c, d := h.low[p-1], h.low[p]
	return c >= 'a' && c <= 'z' && d >= 'a' && d <= 'z' && !h.isUpper(p-1) && h.isUpper(p)
}

// wordStart reports whether the character at p starts a word: the start
// of the text, after a separator, or a capital after a small letter.
func wordStart(h *hay, p int) bool {
	return p == 0 || isSeparator(h.low[p-1]) || camel(h, p)
}

// weak reports whether a subsequence match is scattered: more than one of
// its runs of consecutive characters begins inside a word ("orders" picked
// out of "for dev emails... resend"). Matches whose runs start words
// ("pdp" for "prod/db/postgres") are kept.
func weak(h *hay, pos []int) bool {
	inside := 0
	for i, p := range pos {
		if i > 0 && p == pos[i-1]+1 {
			continue // the run goes on
		}
		if !wordStart(h, p) {
			inside++
		}
	}
	return inside > 1
}

// scorePositions scores matched positions in the field.
func scorePositions(h *hay, pos []int) int {
	text := h.low
	score := 0
	run := 0 // the bonus of the run of consecutive matches we are in
	for i, p := range pos {
		score += scoreChar
		bonus := 0
		switch {
		case p == 0 || isSeparator(text[p-1]):
			bonus = bonusBoundary
		case camel(h, p):
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

// scoreBound is the most a pattern of n bytes can score in sp: each matched
// character scores scoreChar plus at most bonusBoundary (the largest bonus,
// which a run keeps at most), and every penalty only subtracts. A field
// whose bound is not above a candidate's best match so far cannot replace
// it (a later field wins only with a higher score), so it is not scanned:
// once the name matches at a word start, the description and tags of most
// rows are skipped.
func scoreBound(n int, sp *span) int {
	return n*(scoreChar+bonusBoundary) + int(sp.bonus) - int(sp.end-sp.start)/32
}
