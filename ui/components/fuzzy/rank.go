package fuzzy

import "strings"

// ranked is a hit without positions, as a search builds it: 8 bytes a
// hit, so the first keystrokes' searches (which hit every row) move little
// memory.
type ranked struct {
	item, score int32
}

// Find matches query against the candidate items (nil means every item:
// 0..len(slots)-1; item i's text is in slots[i]) and returns the hits best
// first; equal scores in item order. Words separated by spaces must all
// match, in any order; each word must match inside one field (a name, a
// description, a tag), not across them, so a long description does not
// match every short query. An empty query matches nothing; callers show
// everything instead. Candidates must be ascending for equal scores to
// keep item order. Each hit has its matched positions (Positions).
func (x *Index) Find(query string, slots []int32, candidates []int) []Hit {
	hits := x.Rank(query, slots, candidates)
	f := x.newPosFinder(query)
	for i := range hits {
		hits[i].Pos = f.of(slots[hits[i].Item])
	}
	return hits
}

// Rank is Find without the matched positions (every hit's Pos is nil):
// the same hits, scores and order, at less cost, for a caller that shows a
// few hits at a time and asks Positions for those. Its result is a new
// slice; the index's buffers are reused from one search to the next.
func (x *Index) Rank(query string, slots []int32, candidates []int) []Hit {
	return x.RankInto(nil, query, slots, candidates)
}

// RankInto is Rank writing the hits over out's memory (a caller's buffer
// from an earlier search, which it no longer shows), growing it if needed.
func (x *Index) RankInto(out []Hit, query string, slots []int32, candidates []int) []Hit {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		return nil
	}
	var hits []ranked
	for t, term := range terms {
		// The terms' hits alternate between two buffers: each term reads
		// the previous term's.
		buf := x.bufs[t%2][:0]
		if t == 0 {
			hits = x.rankTerm(term, slots, candidates, nil, buf)
		} else {
			hits = x.rankTerm(term, slots, nil, hits, buf)
		}
		x.bufs[t%2] = hits[:0]
		if len(hits) == 0 {
			// No item matched this term (and prev == nil would mean
			// every item to the next one).
			return out[:0]
		}
	}
	// Best first; equal scores in item order (the listing's order).
	return x.sortHits(out[:0], hits)
}

// Positions are the byte offsets, in the item's whole text, of the
// characters query matches in the item in slot (each term's best field's,
// merged), ascending, as Find gives them; nil when it does not match.
func (x *Index) Positions(query string, slot int32) []int {
	return x.newPosFinder(query).of(slot)
}

// FillPositions gives each of hits without positions (Pos nil) the
// positions Find would give it (item i's text is in slots[i]): a caller of
// Rank, for the hits it shows.
func (x *Index) FillPositions(query string, slots []int32, hits []Hit) {
	var f *posFinder
	for i := range hits {
		if hits[i].Pos != nil {
			continue
		}
		if f == nil {
			f = x.newPosFinder(query)
		}
		hits[i].Pos = f.of(slots[hits[i].Item])
	}
}

// posFinder works out the positions of one query's matches in items, its
// lowered patterns and buffers shared by all of them.
type posFinder struct {
	x     *Index
	terms []string
	// pats are the ASCII terms lowered (nil for a non-ASCII term).
	pats    [][]byte
	scratch []int
	arena   []int
	h       hay
}

func (x *Index) newPosFinder(query string) *posFinder {
	f := &posFinder{x: x, terms: strings.Fields(query)}
	longest := 0
	for _, term := range f.terms {
		var pat []byte
		if isASCII(term) {
			pat = []byte(asciiLower(term))
			longest = max(longest, len(pat))
		}
		f.pats = append(f.pats, pat)
	}
	f.scratch = make([]int, longest)
	return f
}

// of are the positions in the item in slot (nil: it does not match).
func (f *posFinder) of(slot int32) []int {
	var all []int
	for t, term := range f.terms {
		var pos []int
		if pat := f.pats[t]; pat != nil {
			pos = f.ascii(pat, slot)
		} else {
			f.x.one[0] = slot
			pos = f.x.matchUnicode(term, f.x.one[:], 1, func(int) int { return 0 })[0].pos
		}
		switch {
		case pos == nil:
			return nil
		case t == 0:
			all = appendArena(&f.arena, pos)
		default:
			all = mergePositions(all, pos)
		}
	}
	return all
}

// ascii are where the lowered ASCII pattern matches in its best field of
// the item in slot (nil: nowhere), in the finder's scratch.
func (f *posFinder) ascii(pat []byte, slot int32) []int {
	x, pos := f.x, f.scratch[:len(pat)]
	e := x.entries[slot]
	best, _, found := x.bestField(e, pat, maskOf(pat), &f.h, pos)
	if !found {
		return nil
	}
	sp := &x.spans[e.first+uint32(best)]
	x.setHay(&f.h, sp)
	matchASCII(&f.h, pat, pos)
	for i := range pos {
		pos[i] += int(sp.off)
	}
	return pos
}

// appendArena copies pos into the arena (one backing array for many
// hits' positions) and returns the copy.
func appendArena(arena *[]int, pos []int) []int {
	a := *arena
	if len(a)+len(pos) > cap(a) {
		a = make([]int, 0, max(min(2*cap(a), 1<<16), 64*len(pos)))
	}
	a = append(a, pos...)
	*arena = a
	return a[len(a)-len(pos) : len(a) : len(a)]
}

// bestField finds the term's best match among the item's fields: the
// highest score, the first field among equals. It returns the field's
// index among the item's, and the score (the field's bonus included).
// scratch (len(pat)) is overwritten.
func (x *Index) bestField(e entry, pat []byte, patMask charMask, h *hay, scratch []int) (field, score int, found bool) {
	spans := x.spans[e.first : e.first+e.n]
	for j := range spans {
		sp := &spans[j]
		if !sp.mask.has(patMask) {
			continue
		}
		if found && scoreBound(len(pat), sp) <= score {
			continue // this field cannot beat the item's best
		}
		x.setHay(h, sp)
		s, ok := matchASCII(h, pat, scratch)
		if !ok {
			continue
		}
		s += int(sp.bonus)
		if found && score >= s {
			continue
		}
		field, score, found = j, s, true
	}
	return field, score, found
}

// rankTerm runs one term over the items and appends to out a hit for each
// item the term matches, in the order given: the items are prev's hits when
// prev is not nil (an earlier term's, whose score is added to), else
// candidates, else every item. Nothing is allocated per item: the first
// keystroke's search visits every loaded row.
func (x *Index) rankTerm(term string, slots []int32, candidates []int, prev, out []ranked) []ranked {
	if !isASCII(term) {
		return x.rankTermUnicode(term, slots, candidates, prev, out)
	}
	pat := []byte(asciiLower(term))
	patMask := maskOf(pat)
	scratch := make([]int, len(pat))
	var h hay
	count := len(slots)
	switch {
	case prev != nil:
		count = len(prev)
	case candidates != nil:
		count = len(candidates)
	}
	for k := range count {
		it := k
		switch {
		case prev != nil:
			it = int(prev[k].item)
		case candidates != nil:
			it = candidates[k]
		}
		_, score, found := x.bestField(x.entries[slots[it]], pat, patMask, &h, scratch)
		if !found {
			continue
		}
		if prev != nil {
			score += int(prev[k].score)
		}
		out = append(out, ranked{item: int32(it), score: int32(score)})
	}
	return out
}

// mergePositions unions two ascending offset lists.
func mergePositions(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out, i = append(out, a[i]), i+1
		case i == len(a) || b[j] < a[i]:
			out, j = append(out, b[j]), j+1
		default: // equal
			out, i, j = append(out, a[i]), i+1, j+1
		}
	}
	return out
}
