package fuzzy

import (
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
// tag), where it starts in the item's whole text (so matched offsets can be
// mapped back for highlighting) and the bonus a match in it gets.
type Field struct {
	text   string
	offset int
	bonus  int
}

// NewField makes a field.
func NewField(text string, offset, bonus int) Field {
	return Field{text: text, offset: offset, bonus: bonus}
}

// Find matches query against the fields of the candidate items (nil
// means items 0..n-1) and returns the hits best first, as Index.Find does;
// for short lists (a picker's), whose fields are built per call: it indexes
// them first.
func Find(query string, fields func(i int) []Field, n int, candidates []int) []Hit {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	var x Index
	slots := make([]int32, n)
	if candidates == nil {
		for i := range n {
			slots[i] = x.add(fields(i))
		}
	}
	for _, i := range candidates {
		slots[i] = x.add(fields(i))
	}
	return x.Find(query, slots, candidates)
}

func (x *Index) add(fields []Field) int32 {
	x.Begin()
	for _, f := range fields {
		x.AddField(f.text, f.offset, f.bonus)
	}
	return x.End()
}

// Find matches query against the candidate items (nil means every item:
// 0..len(slots)-1; item i's text is in slots[i]) and returns the hits best
// first; equal scores in item order. Words separated by spaces must all
// match, in any order; each word must match inside one field (a name, a
// description, a tag), not across them, so a long description does not
// match every short query. An empty query matches nothing; callers show
// everything instead. Candidates must be ascending for equal scores to
// keep item order.
func (x *Index) Find(query string, slots []int32, candidates []int) []Hit {
	return x.search(query, slots, candidates, true)
}

// Rank is Find without the matched positions (every hit's Pos is nil):
// the same hits, scores and order, at less cost, for a caller that shows a
// few hits at a time and asks Positions for those.
func (x *Index) Rank(query string, slots []int32, candidates []int) []Hit {
	return x.search(query, slots, candidates, false)
}

// Positions are the matched positions Find gives the item in slot for
// query (nil when it does not match).
func (x *Index) Positions(query string, slot int32) []int {
	x.one[0] = slot
	if hits := x.search(query, x.one[:], nil, true); len(hits) == 1 {
		return hits[0].Pos
	}
	return nil
}

func (x *Index) search(query string, slots []int32, candidates []int, withPos bool) []Hit {
	terms := strings.Fields(query)
	if len(terms) == 0 {
		return nil
	}
	// One backing array for every hit's positions.
	var arena []int
	var hits []Hit
	for t, term := range terms {
		// The terms' hits alternate between two buffers kept for the next
		// search: each term reads the previous term's.
		out := x.bufs[t%2][:0]
		var pos *[]int // nil: no positions
		if withPos {
			pos = &arena
		}
		if t == 0 {
			hits = x.matchTerm(term, slots, candidates, nil, out, pos)
		} else {
			hits = x.matchTerm(term, slots, nil, hits, out, pos)
		}
		x.bufs[t%2] = hits[:0]
	}
	// Best first; equal scores in item order (the listing's order).
	out := x.sortHits(hits)
	// The buffers still point into this search's positions, which out
	// holds anyway; the next search overwrites them.
	return out
}

// matchTerm runs one term over the items and appends to out a hit for each
// item the term matches, in the order given: the items are prev's hits when
// prev is not nil (an earlier term's, whose score and positions are added
// to), else candidates, else every item. The matched positions go to the
// arena (none are kept when it is nil). Nothing is allocated per item: the first keystroke's search visits
// every loaded row.
func (x *Index) matchTerm(term string, slots []int32, candidates []int, prev []Hit, out []Hit, arena *[]int) []Hit {
	if !isASCII(term) {
		return x.matchTermUnicode(term, slots, candidates, prev, out, arena)
	}
	pat := []byte(asciiLower(term))
	scratch := make([]int, len(pat))
	bestPos := make([]int, len(pat))
	count := len(slots)
	switch {
	case prev != nil:
		count = len(prev)
	case candidates != nil:
		count = len(candidates)
	}
	patMask := maskOf(pat)
	bound0 := len(pat) * (scoreChar + bonusBoundary)
	var h hay
	for k := range count {
		it := k
		switch {
		case prev != nil:
			it = prev[k].Item
		case candidates != nil:
			it = candidates[k]
		}
		e := x.entries[slots[it]]
		bestScore, found := 0, false
		spans := x.spans[e.first : e.first+e.n]
		for j := range spans {
			sp := &spans[j]
			if !sp.mask.has(patMask) {
				continue
			}
			if found && bound0+int(sp.bonus)-int(sp.end-sp.start)/32 <= bestScore {
				continue // this field cannot beat the item's best (scoreBound)
			}
			x.setHay(&h, sp)
			score, ok := matchASCII(&h, pat, scratch)
			if !ok {
				continue
			}
			score += int(sp.bonus)
			if found && bestScore >= score {
				continue
			}
			if arena != nil {
				for i, p := range scratch {
					bestPos[i] = p + int(sp.off)
				}
			}
			bestScore, found = score, true
		}
		if !found {
			continue
		}
		hit := Hit{Item: it, Score: bestScore}
		switch {
		case prev != nil:
			hit.Score += prev[k].Score
			if arena != nil {
				hit.Pos = mergePositions(arena, prev[k].Pos, bestPos)
			}
		case arena != nil:
			hit.Pos = appendArena(arena, bestPos)
		}
		out = append(out, hit)
	}
	return out
}

// appendArena copies pos into the arena and returns the copy.
func appendArena(arena *[]int, pos []int) []int {
	a := *arena
	if len(a)+len(pos) > cap(a) {
		a = make([]int, 0, max(min(2*cap(a), 1<<16), 64*len(pos)))
	}
	a = append(a, pos...)
	*arena = a
	return a[len(a)-len(pos) : len(a) : len(a)]
}

// mergePositions unions two ascending offset lists into the arena.
func mergePositions(arena *[]int, a, b []int) []int {
	a0 := *arena
	if len(a0)+len(a)+len(b) > cap(a0) {
		a0 = make([]int, 0, max(min(2*cap(a0), 1<<16), 64*(len(a)+len(b))))
	}
	start := len(a0)
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var v int
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			v, i = a[i], i+1
		case i == len(a) || b[j] < a[i]:
			v, j = b[j], j+1
		default: // equal
			v, i, j = a[i], i+1, j+1
		}
		a0 = append(a0, v)
	}
	*arena = a0
	return a0[start:len(a0):len(a0)]
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

// fieldMatch is a term's best match in one item (pos nil: none).
type fieldMatch struct {
	score int
	pos   []int
}

// matchTermUnicode matches a non-ASCII term with sahilm/fuzzy (Unicode
// case folding) over every field's text as it was added, with matchTerm's
// items and result.
func (x *Index) matchTermUnicode(term string, slots []int32, candidates []int, prev []Hit, out []Hit, arena *[]int) []Hit {
	count := len(slots)
	item := func(k int) int { return k }
	switch {
	case prev != nil:
		count, item = len(prev), func(k int) int { return prev[k].Item }
	case candidates != nil:
		count, item = len(candidates), func(k int) int { return candidates[k] }
	}
	best := make([]fieldMatch, count)
	type ref struct{ k, field int32 }
	refs := make([]ref, 0, count)
	seq := func(yield func(string) bool) {
		for k := range count {
			fs := x.fields(slots[item(k)])
			for fj := range fs {
				refs = append(refs, ref{int32(k), int32(fj)})
				if !yield(string(x.original(&fs[fj]))) {
					return
				}
			}
		}
	}
	for _, m := range fuzzy.FindFromIterNoSort(term, seq) {
		r := refs[m.Index]
		sp := x.fields(slots[item(int(r.k))])[r.field]
		score := m.Score + int(sp.bonus)
		b := &best[r.k]
		if b.pos != nil && b.score >= score {
			continue
		}
		pos := m.MatchedIndexes
		for i := range pos {
			pos[i] += int(sp.off)
		}
		*b = fieldMatch{score: score, pos: pos}
	}
	for k, m := range best {
		if m.pos == nil {
			continue
		}
		h := Hit{Item: item(k), Score: m.score}
		if prev != nil {
			h.Score += prev[k].Score
		}
		switch {
		case arena == nil:
		case prev != nil:
			h.Pos = mergePositions(arena, prev[k].Pos, m.pos)
		default:
			h.Pos = m.pos
		}
		out = append(out, h)
	}
	return out
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
