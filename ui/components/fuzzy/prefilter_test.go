package fuzzy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestMaskRejectsOnlyFieldsThatCannotMatch(t *testing.T) {
	t.Parallel()
	// Random texts and patterns over a small alphabet (letters of both
	// cases, digits, separators, a non-ASCII byte): whenever the matcher
	// finds the pattern, the mask must let the field through; and a field
	// the mask rejects really lacks one of the pattern's bytes.
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcXYZ019/-_. é"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	rejected, matched := 0, 0
	for range 20000 {
		text, pat := word(1+rng.IntN(12)), asciiLower(word(1+rng.IntN(3)))
		f := NewField(text, 0, 0)
		pos := make([]int, len(pat))
		_, ok := matchASCII(f.text, f.lower, pat, pos)
		through := f.mask.has(maskOf(pat))
		if ok {
			matched++
			if !through {
				t.Fatalf("mask rejected %q in %q, which matches at %v", pat, text, pos)
			}
		}
		if !through {
			rejected++
			lacks := false
			for i := 0; i < len(pat); i++ {
				lacks = lacks || !slices.Contains([]byte(f.lower), pat[i])
			}
			if !lacks {
				t.Fatalf("mask rejected %q in %q, which has every byte of it", pat, text)
			}
		}
	}
	if rejected == 0 || matched == 0 {
		t.Fatalf("rejected %d, matched %d: the case proves nothing", rejected, matched)
	}
}

func TestSortHitsIsBestFirstThenItemOrder(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct {
		name    string
		ordered bool
		spread  int
	}{
		{"in item order, small scores", true, 50},
		{"in item order, scores too far apart for buckets", true, 1 << 20},
		{"out of item order", false, 50},
	} {
		hits := make([]Hit, 5000)
		for i := range hits {
			hits[i] = Hit{Item: i, Score: rng.IntN(c.spread) - c.spread/2}
		}
		if !c.ordered {
			rng.Shuffle(len(hits), func(i, j int) { hits[i], hits[j] = hits[j], hits[i] })
		}
		want := slices.Clone(hits)
		slices.SortFunc(want, func(a, b Hit) int {
			if a.Score != b.Score {
				return b.Score - a.Score
			}
			return a.Item - b.Item
		})
		got := sortHits(slices.Clone(hits))
		if !slices.EqualFunc(got, want, func(a, b Hit) bool { return a.Item == b.Item && a.Score == b.Score }) {
			t.Errorf("%s: sortHits differs from the comparison sort", c.name)
		}
	}
}

func TestFindSkipsOnlyFieldsThatCannotWin(t *testing.T) {
	t.Parallel()
	// Items of several fields (the first with the name's bonus): Find's
	// best field per item, with fields skipped by their bound, must be
	// the best of matching every field.
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "abcdeSV/-_ 01"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	items := make([][]Field, 3000)
	for i := range items {
		off := 0
		for j := range 1 + rng.IntN(4) {
			text := word(1 + rng.IntN(40))
			bonus := 0
			if j == 0 {
				bonus = 10
			}
			items[i] = append(items[i], NewField(text, off, bonus))
			off += len(text) + 1
		}
	}
	fields := func(i int) []Field { return items[i] }
	for _, q := range []string{"a", "sv", "b-", "ab c", "e0"} {
		hits := Find(q, fields, len(items), nil)
		got := map[int]int{}
		for _, h := range hits {
			got[h.Item] = h.Score
		}
		for i, fs := range items {
			total, all := 0, true
			for _, term := range strings.Fields(q) {
				pat := asciiLower(term)
				best, found := 0, false
				for _, f := range fs {
					pos := make([]int, len(pat))
					if sc, ok := matchASCII(f.text, f.lower, pat, pos); ok && (!found || sc+f.bonus > best) {
						best, found = sc+f.bonus, true
					}
				}
				all = all && found
				total += best
			}
			if score, hit := got[i]; hit != all || (all && score != total) {
				t.Fatalf("query %q, item %d: Find says hit %v score %d; every field says hit %v score %d", q, i, hit, score, all, total)
			}
		}
	}
}
