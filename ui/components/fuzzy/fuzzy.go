package fuzzy

import (
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Hit is one item that matched a fuzzy query: its index, its score
// (higher is better) and the byte offsets of the matched characters in its
// text, ascending, for highlighting.
type Hit struct {
	Item  int
	Score int
	Pos   []int
}

// Field is one searchable field of an item (a name, a description, a
// tag) and where it starts in the item's whole text, so matched offsets can
// be mapped back for highlighting.
type Field struct {
	text   string
	offset int
	// lower is text with ASCII letters lowered (same byte offsets).
	lower string
	// bonus is added to a match in this field (the name ranks first).
	bonus int
	// mask is the set of lower's bytes, to reject a field lacking a
	// byte of the pattern without scanning it.
	mask charMask
}

// NewField makes a field, lowering it and taking its byte set once.
func NewField(text string, offset, bonus int) Field {
	low := asciiLower(text)
	return Field{text: text, offset: offset, lower: low, bonus: bonus, mask: maskOf(low)}
}

// asciiLower lowers ASCII letters only, so byte offsets do not move.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Find matches query against the fields of the candidate items (nil
// means items 0..n-1) and returns the hits best first; equal scores in item
// order. Words separated by spaces must all match, in any order; each word
// must match inside one field (a name, a description, a tag), not across
// them, so a long description does not match every short query. An empty
// query matches nothing; callers show everything instead.
func Find(query string, fields func(i int) []Field, n int, candidates []int) []Hit {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		return nil
	}
	var hits []Hit
	for t, term := range terms {
		if t == 0 {
			hits = matchTerm(term, fields, n, candidates, nil)
		} else {
			hits = matchTerm(term, fields, 0, nil, hits)
		}
	}
	// Best first; equal scores in item order (the listing's order).
	return sortHits(hits)
}

// matchTerm runs one term over the items and returns a hit for each item
// the term matches, in the order given: the items are prev's hits when
// prev is not nil (an earlier term's, whose score and positions are added
// to), else candidates, else 0..n-1. No index list or per-item scratch is
// allocated: the first keystroke's search visits every loaded row, and
// its garbage was a large part of its cost.
func matchTerm(term string, fields func(i int) []Field, n int, candidates []int, prev []Hit) []Hit {
	count, item := n, func(k int) int { return k }
	switch {
	case prev != nil:
		count, item = len(prev), func(k int) int { return prev[k].Item }
	case candidates != nil:
		count, item = len(candidates), func(k int) int { return candidates[k] }
	}
	if !isASCII(term) {
		return matchTermUnicode(term, fields, count, item, prev)
	}
	pat := asciiLower(term)
	patMask := maskOf(pat)
	scratch := make([]int, len(pat))
	bestPos := make([]int, len(pat))
	hits := make([]Hit, 0, count)
	// One backing array for every hit's positions.
	var arena []int
	for k := range count {
		it := item(k)
		bestScore, found := 0, false
		for _, f := range fields(it) {
			if !f.mask.has(patMask) {
				continue
			}
			if found && scoreBound(len(pat), f) <= bestScore {
				continue // this field cannot beat the item's best
			}
			score, ok := matchASCII(f.text, f.lower, pat, scratch)
			if !ok {
				continue
			}
			score += f.bonus
			if found && bestScore >= score {
				continue
			}
			for i, p := range scratch {
				bestPos[i] = p + f.offset
			}
			bestScore, found = score, true
		}
		if !found {
			continue
		}
		h := Hit{Item: it, Score: bestScore}
		if prev != nil {
			h.Score += prev[k].Score
			h.Pos = mergePositions(prev[k].Pos, bestPos)
		} else {
			if len(arena)+len(pat) > cap(arena) {
				arena = make([]int, 0, max(min(2*cap(arena), 1<<16), 64*len(pat)))
			}
			arena = append(arena, bestPos...)
			h.Pos = arena[len(arena)-len(pat) : len(arena) : len(arena)]
		}
		hits = append(hits, h)
	}
	return hits
}

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

// matchASCII finds the lowered ASCII pattern in text (low is text with
// ASCII letters lowered) and scores it (in the spirit of fzf: boundaries,
// camel case and runs score, gaps cost). A contiguous occurrence is
// preferred, one starting a word first; otherwise the pattern matches as a
// subsequence in the tightest window ending at the first place a match can
// end, and a weak one (letters picked out of the middle of several words)
// is dropped. pos receives the byte offsets of the matched characters. It
// allocates nothing.
func matchASCII(text, low, pat string, pos []int) (int, bool) {
	if at := contiguous(text, low, pat); at >= 0 {
		for i := range pos {
			pos[i] = at + i
		}
		return scorePositions(text, pos), true
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
	if weak(text, pos) {
		return 0, false
	}
	return scorePositions(text, pos), true
}

// contiguous returns where pat occurs in low, preferring an occurrence that
// starts a word; -1 if it does not occur.
func contiguous(text, low, pat string) int {
	first := strings.Index(low, pat)
	if first < 0 {
		return -1
	}
	for at := first; at >= 0; {
		if wordStart(text, at) {
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
func wordStart(text string, p int) bool {
	return p == 0 || isSeparator(text[p-1]) ||
		(text[p-1] >= 'a' && text[p-1] <= 'z' && text[p] >= 'A' && text[p] <= 'Z')
}

// weak reports whether a subsequence match is scattered: more than one of
// its runs of consecutive characters begins inside a word ("orders" picked
// out of "for dev emails... resend"). Matches whose runs start words
// ("pdp" for "prod/db/postgres") are kept.
func weak(text string, pos []int) bool {
	inside := 0
	for i, p := range pos {
		if i > 0 && p == pos[i-1]+1 {
			continue // the run goes on
		}
		if !wordStart(text, p) {
			inside++
		}
	}
	return inside > 1
}

// scorePositions scores matched positions in text.
func scorePositions(text string, pos []int) int {
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

// fieldMatch is a term's best match in one item (pos nil: none).
type fieldMatch struct {
	score int
	pos   []int
}

// matchTermUnicode matches a non-ASCII term with sahilm/fuzzy (Unicode
// case folding), one pass over every field, with matchTerm's items and
// result.
func matchTermUnicode(term string, fields func(i int) []Field, count int, item func(k int) int, prev []Hit) []Hit {
	best := make([]fieldMatch, count)
	type ref struct{ k, field int32 }
	refs := make([]ref, 0, count)
	seq := func(yield func(string) bool) {
		for k := range count {
			for fj, f := range fields(item(k)) {
				refs = append(refs, ref{int32(k), int32(fj)})
				if !yield(f.text) {
					return
				}
			}
		}
	}
	for _, m := range fuzzy.FindFromIterNoSort(term, seq) {
		r := refs[m.Index]
		f := fields(item(int(r.k)))[r.field]
		score := m.Score + f.bonus
		b := &best[r.k]
		if b.pos != nil && b.score >= score {
			continue
		}
		pos := m.MatchedIndexes
		for i := range pos {
			pos[i] += f.offset
		}
		*b = fieldMatch{score: score, pos: pos}
	}
	var hits []Hit
	for k, m := range best {
		if m.pos == nil {
			continue
		}
		h := Hit{Item: item(k), Score: m.score, Pos: m.pos}
		if prev != nil {
			h.Score += prev[k].Score
			h.Pos = mergePositions(prev[k].Pos, m.pos)
		}
		hits = append(hits, h)
	}
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

// ExtendsQuery reports whether every item matching next also matched prev,
// so next can be searched among prev's hits only (typing one more letter).
func ExtendsQuery(prev, next string) bool {
	if strings.TrimSpace(prev) == "" || !strings.HasPrefix(next, prev) {
		return false
	}
	// "ab" then "ab c": c is a new term, still a narrowing. "ab" then "abc"
	// extends the last term. Both narrow, as every term must match.
	return true
}
