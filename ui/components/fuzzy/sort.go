package fuzzy

import "slices"

// sortHits returns hits ordered best first, equal scores in item order, as
// Find promises, as Hits written over out's memory (grown if needed).
// Hits built over ascending candidates are already in item order, so a
// stable counting sort by score does it in linear time (the first
// keystroke's search over 50,000 rows hits most of them, and a comparison
// sort of that many was a large part of its cost); anything else gets the
// comparison sort.
func (x *Index) sortHits(out []Hit, hits []ranked) []Hit {
	if len(hits) == 0 {
		return out[:0]
	}
	out = slices.Grow(out[:0], len(hits))[:len(hits)]
	lo, hi := int(hits[0].score), int(hits[0].score)
	ordered := true
	for i, h := range hits {
		lo, hi = min(lo, int(h.score)), max(hi, int(h.score))
		if i > 0 && hits[i-1].item >= h.item {
			ordered = false
		}
	}
	const maxBuckets = 1 << 14
	if !ordered || hi-lo >= maxBuckets {
		for i, h := range hits {
			out[i] = Hit{Item: int(h.item), Score: int(h.score)}
		}
		slices.SortFunc(out, func(a, b Hit) int {
			if a.Score != b.Score {
				return b.Score - a.Score
			}
			return a.Item - b.Item
		})
		return out
	}
	// Bucket i holds score hi-i; starts[i] is where it begins in out.
	starts := slices.Grow(x.starts[:0], hi-lo+2)[:hi-lo+2]
	clear(starts)
	x.starts = starts
	for _, h := range hits {
		starts[hi-int(h.score)+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	for _, h := range hits {
		b := hi - int(h.score)
		out[starts[b]] = Hit{Item: int(h.item), Score: int(h.score)}
		starts[b]++
	}
	return out
}
