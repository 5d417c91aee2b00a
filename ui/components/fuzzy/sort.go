package fuzzy

import "slices"

// sortHits returns hits ordered best first, equal scores in item order, as
// Find promises, in a new slice (hits is a buffer the next search reuses).
// Hits built over ascending candidates are already in item order, so a
// stable counting sort by score does it in linear time (the first
// keystroke's search over 50,000 rows hits most of them, and a comparison
// sort of that many was a large part of its cost); anything else gets the
// comparison sort.
func (x *Index) sortHits(hits []Hit) []Hit {
	if len(hits) == 0 {
		return nil
	}
	lo, hi := hits[0].Score, hits[0].Score
	ordered := true
	for i, h := range hits {
		lo, hi = min(lo, h.Score), max(hi, h.Score)
		if i > 0 && hits[i-1].Item >= h.Item {
			ordered = false
		}
	}
	const maxBuckets = 1 << 14
	if !ordered || hi-lo >= maxBuckets {
		out := slices.Clone(hits)
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
		starts[hi-h.Score+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	out := make([]Hit, len(hits))
	for _, h := range hits {
		b := hi - h.Score
		out[starts[b]] = h
		starts[b]++
	}
	return out
}
