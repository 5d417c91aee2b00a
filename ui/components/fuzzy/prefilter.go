package fuzzy

import "slices"

// charMask is a set of the lowered ASCII bytes of a text, one bit each for
// a-z and 0-9 and the other bytes sharing the remaining 28 bits. A pattern
// byte whose bit is missing from a field's mask cannot occur in the field,
// so the field cannot match (contiguously or as a subsequence): the check
// rejects it without scanning it. Shared bits only let a field through to
// the real matcher, never reject one that matches.
type charMask uint64

// maskOf is the mask of low (already lowered); a byte outside ASCII sets
// its shared bit like any other byte.
func maskOf(low string) charMask {
	var m charMask
	for i := 0; i < len(low); i++ {
		m |= byteBit(low[i])
	}
	return m
}

func byteBit(c byte) charMask {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << (36 + c%28)
}

// has reports whether every byte of pat may occur in the masked text.
func (m charMask) has(pat charMask) bool { return m&pat == pat }

// sortHits orders hits best first, equal scores in item order, as Find
// promises. Hits built over ascending candidates are already in item
// order, so a stable counting sort by score does it in linear time (the
// first keystroke's search over 50,000 rows hits most of them, and a
// comparison sort of that many was a large part of its cost); anything
// else gets the comparison sort.
func sortHits(hits []Hit) []Hit {
	if len(hits) < 2 {
		return hits
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
		slices.SortFunc(hits, func(a, b Hit) int {
			if a.Score != b.Score {
				return b.Score - a.Score
			}
			return a.Item - b.Item
		})
		return hits
	}
	// Bucket i holds score hi-i; starts[i] is where it begins in out.
	starts := make([]int, hi-lo+2)
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

// scoreBound is the most a pattern of n bytes can score in f: each matched
// character scores scoreChar plus at most bonusBoundary (the largest bonus,
// which a run keeps at most), and every penalty only subtracts. A field
// whose bound is not above a candidate's best match so far cannot replace
// it (a later field wins only with a higher score), so it is not scanned:
// once the name matches at a word start, the description and tags of most
// rows are skipped.
func scoreBound(n int, f Field) int {
	return n*(scoreChar+bonusBoundary) + f.bonus - len(f.text)/32
}
