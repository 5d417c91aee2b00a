package fuzzy

import "github.com/sahilm/fuzzy"

// fieldMatch is a term's best match in one item (pos nil: none).
type fieldMatch struct {
	score int
	pos   []int
}

// matchUnicode matches a non-ASCII term with sahilm/fuzzy (Unicode case
// folding) over every field's text as it was added, of the count items
// item(k) picks among slots, and returns each one's best match (the
// highest score, the first field among equals; positions in the item's
// whole text).
func (x *Index) matchUnicode(term string, slots []int32, count int, item func(k int) int) []fieldMatch {
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
	return best
}

// rankTermUnicode is rankTerm for a non-ASCII term.
func (x *Index) rankTermUnicode(term string, slots []int32, candidates []int, prev, out []ranked) []ranked {
	count := len(slots)
	item := func(k int) int { return k }
	switch {
	case prev != nil:
		count, item = len(prev), func(k int) int { return int(prev[k].item) }
	case candidates != nil:
		count, item = len(candidates), func(k int) int { return candidates[k] }
	}
	for k, m := range x.matchUnicode(term, slots, count, item) {
		if m.pos == nil {
			continue
		}
		score := m.score
		if prev != nil {
			score += int(prev[k].score)
		}
		out = append(out, ranked{item: int32(item(k)), score: int32(score)})
	}
	return out
}
