package fuzzy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomItems makes n items of 1 to 4 fields (the first with the name's
// bonus) over a small alphabet of both cases, digits, separators and a
// non-ASCII letter, so queries match in many ways: contiguous, scattered,
// at word starts, at camel humps, in several fields.
func randomItems(rng *rand.Rand, n int) [][]refField {
	const alphabet = "abcdeSVDB/-_ 01aeé"
	word := func(n int) string {
		b := make([]byte, 0, n)
		for len(b) < n {
			c := alphabet[rng.IntN(len(alphabet))]
			b = append(b, c)
		}
		return string(b)
	}
	items := make([][]refField, n)
	for i := range items {
		off := 0
		for j := range 1 + rng.IntN(4) {
			text := word(rng.IntN(70))
			bonus := 0
			if j == 0 {
				bonus = 10
			}
			items[i] = append(items[i], refField{text: text, lower: asciiLower(text), offset: off, bonus: bonus})
			off += len(text) + 1 + rng.IntN(2)
		}
	}
	return items
}

func sameHits(a, b []Hit) bool {
	return slices.EqualFunc(a, b, func(x, y Hit) bool {
		return x.Item == y.Item && x.Score == y.Score && slices.Equal(x.Pos, y.Pos)
	})
}

// The index's search gives exactly the reference's hits (items, scores,
// positions, order) over random items and queries, with and without
// candidates, also after other items were dropped and when items are
// indexed out of slot order.
func TestIndexFindEqualsReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	items := randomItems(rng, 3000)
	var x Index
	slots := make([]int32, len(items))
	// Index the items in a shuffled order, with dropped items between.
	order := rng.Perm(len(items))
	for _, i := range order {
		if rng.IntN(4) == 0 {
			x.Begin()
			x.AddField("dropped SVdb", 0, 10)
			x.Drop(x.End())
		}
		x.Begin()
		for _, f := range items[i] {
			x.AddField(f.text, f.offset, f.bonus)
		}
		slots[i] = x.End()
	}
	const qchars = "abcdeSVDB/-_01 "
	// "zz a" first: a term that matches nothing, on an index that has
	// not searched yet, then one that matches.
	queries := []string{"zz a", "a", "s", "sv", "db", "ab c", "e0", "B-", "svdb", "a a", "zz", "_1 d", "a zz", "zz a"}
	for range 200 {
		q := make([]byte, 1+rng.IntN(5))
		for i := range q {
			q[i] = qchars[rng.IntN(len(qchars))]
		}
		queries = append(queries, string(q))
	}
	var some []int
	for i := range items {
		if rng.IntN(3) == 0 {
			some = append(some, i)
		}
	}
	hitsSeen := 0
	for _, q := range queries {
		want := refFind(q, items)
		got := x.Find(q, slots, nil)
		if !sameHits(got, want) {
			t.Fatalf("query %q: index and reference differ\n got %s\nwant %s", q, brief(got), brief(want))
		}
		hitsSeen += len(got)
		// Rank: the same ranking without positions; Positions: any hit's.
		ranked := x.Rank(q, slots, nil)
		if len(ranked) != len(want) {
			t.Fatalf("query %q: Rank found %d hits, the reference %d", q, len(ranked), len(want))
		}
		for i, h := range ranked {
			if h.Item != want[i].Item || h.Score != want[i].Score || h.Pos != nil {
				t.Fatalf("query %q: Rank's hit %d is %v, the reference's %v", q, i, h, want[i])
			}
		}
		x.FillPositions(q, slots, ranked)
		if !sameHits(ranked, want) {
			t.Fatalf("query %q: the ranked hits' filled positions differ from the reference's", q)
		}
		for i := 0; i < len(want); i += 1 + len(want)/20 {
			if got := x.Positions(q, slots[want[i].Item]); !slices.Equal(got, want[i].Pos) {
				t.Fatalf("query %q: Positions of item %d = %v, the reference's %v", q, want[i].Item, got, want[i].Pos)
			}
		}
		var wantSome []Hit
		for _, h := range want {
			if _, ok := slices.BinarySearch(some, h.Item); ok {
				wantSome = append(wantSome, h)
			}
		}
		if got := x.Find(q, slots, some); !sameHits(got, wantSome) {
			t.Fatalf("query %q over candidates: index and reference differ\n got %s\nwant %s", q, brief(got), brief(wantSome))
		}
	}
	if hitsSeen < 10000 {
		t.Fatalf("only %d hits over %d queries: the case proves little", hitsSeen, len(queries))
	}
}

func brief(hits []Hit) string {
	if len(hits) > 5 {
		return fmt.Sprintf("%v ... (%d hits)", hits[:5], len(hits))
	}
	return fmt.Sprint(hits)
}

// A search reuses the index's buffers: the hits of an earlier search,
// which callers keep, are not overwritten by the next.
func TestIndexFindResultsSurviveTheNextSearch(t *testing.T) {
	t.Parallel()
	var x Index
	texts := []string{"prod/db/postgres", "dev/db/mysql", "prod/api/stripe"}
	slots := make([]int32, len(texts))
	for i, s := range texts {
		x.Begin()
		x.AddField(s, 0, 0)
		slots[i] = x.End()
	}
	first := x.Find("db", slots, nil)
	keep := slices.Clone(first)
	for i := range keep {
		keep[i].Pos = slices.Clone(keep[i].Pos)
	}
	for _, q := range []string{"prod", "p s", "stripe api", "d"} {
		x.Find(q, slots, nil)
	}
	if !sameHits(first, keep) || len(first) != 2 {
		t.Fatalf("the first search's hits changed: %v, were %v", first, keep)
	}
}

// A non-ASCII query ranks the same with and without positions, alone and
// after an ASCII word.
func TestIndexRankUnicodeEqualsFind(t *testing.T) {
	t.Parallel()
	var x Index
	texts := []string{"team/café-ünicode-名前", "prod/db", "Über/dev/Café", "cafe ünd db"}
	slots := make([]int32, len(texts))
	for i, s := range texts {
		x.Begin()
		x.AddField(s, 0, 10)
		x.AddField("desc "+s, len(s)+1, 0)
		slots[i] = x.End()
	}
	for _, q := range []string{"ÜNI", "caf é", "d ü", "ü", "名"} {
		full, ranked := x.Find(q, slots, nil), x.Rank(q, slots, nil)
		if len(full) == 0 || len(full) != len(ranked) {
			t.Fatalf("%q: Find %v, Rank %v", q, full, ranked)
		}
		for i := range full {
			if full[i].Item != ranked[i].Item || full[i].Score != ranked[i].Score || ranked[i].Pos != nil {
				t.Fatalf("%q: Find %v, Rank %v", q, full, ranked)
			}
			if p := x.Positions(q, slots[full[i].Item]); !slices.Equal(p, full[i].Pos) {
				t.Fatalf("%q: Positions %v, Find's %v", q, p, full[i].Pos)
			}
		}
	}
}

// Capitals are kept as bits: a camel hump still scores, and a non-ASCII
// query (matched over the original text) still sees the capitals.
func TestIndexKeepsCapitals(t *testing.T) {
	t.Parallel()
	var x Index
	x.Begin()
	x.AddField("myDbSecret", 0, 0)
	s := x.End()
	sp := x.fields(s)[0]
	if got := string(x.original(&sp)); got != "myDbSecret" {
		t.Fatalf("original text %q", got)
	}
	pos := make([]int, 2)
	camelScore, ok := matchASCII(x.hay(&sp), []byte("db"), pos)
	flat, _ := matchASCII(testHay("mydbsecret"), []byte("db"), pos)
	if !ok || camelScore <= flat {
		t.Fatalf("camel hump scored %d (ok=%v), flat text %d", camelScore, ok, flat)
	}
}

func TestIndexDropCountsWaste(t *testing.T) {
	t.Parallel()
	var x Index
	big := string(make([]byte, 1<<15))
	var slots []int32
	for range 6 {
		x.Begin()
		x.AddField(big, 0, 0)
		slots = append(slots, x.End())
	}
	x.Drop(slots[0])
	x.Drop(slots[1])
	if x.Wasted() {
		t.Fatal("a third dropped reported as wasted")
	}
	x.Drop(slots[2])
	x.Drop(slots[3])
	if !x.Wasted() {
		t.Fatal("two thirds dropped not reported as wasted")
	}
}

func TestSortHitsIsBestFirstThenItemOrder(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	var x Index
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
		in := make([]ranked, len(hits))
		for i, h := range hits {
			in[i] = ranked{item: int32(h.Item), score: int32(h.Score)}
		}
		got := x.sortHits(nil, in)
		if !slices.EqualFunc(got, want, func(a, b Hit) bool { return a.Item == b.Item && a.Score == b.Score }) {
			t.Errorf("%s: sortHits differs from the comparison sort", c.name)
		}
	}
}
