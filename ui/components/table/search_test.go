package table

import (
	"fmt"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/components/fuzzy"
)

// testChunk is the search's chunk in these tests: small, so the steps run
// over a few thousand rows.
const testChunk = 2000

// bigTable holds n rows (more than one search chunk), names varied so
// queries rank them differently.
func bigTable(n int) *Secrets {
	tb := newTestTable()
	tb.SetSearchChunk(testChunk)
	tb.SetSize(100, 10)
	kinds := []string{"db", "api-key", "oauth", "ssh", "tls"}
	rows := make([]*Row, n)
	for i := range rows {
		rows[i] = row(fmt.Sprintf("team%d/svc-%05d/%s", i%7, i, kinds[i%len(kinds)]),
			fmt.Sprintf("Synthetic %s secret %d", kinds[i%len(kinds)], i))
	}
	tb.Add(rows)
	return tb
}

// type_ types s into the open filter, one keystroke each, without running
// the search's steps.
func type_(tb *Secrets, s string) {
	for _, r := range s {
		tb.UpdateFilter(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// drain runs the search's steps until it is done; it returns how many.
func drain(t *testing.T, tb *Secrets) int {
	t.Helper()
	steps := 0
	for msg := tb.PendingSearchStep(); msg != nil; msg = tb.PendingSearchStep() {
		tb.UpdateFilter(msg)
		if steps++; steps > 100 {
			t.Fatal("the search never ends")
		}
	}
	return steps
}

// sameHits reports whether the table shows exactly the hits of want (one
// search with positions), in its order, with the same scores, and the
// same positions for every hit in the window (the table works positions
// out for the rows on screen only; any hit that has them must agree).
func sameHits(tb *Secrets, want []fuzzy.Hit) bool {
	if !slices.EqualFunc(tb.Shown, want, func(x, y fuzzy.Hit) bool {
		return x.Item == y.Item && x.Score == y.Score && (x.Pos == nil || slices.Equal(x.Pos, y.Pos))
	}) {
		return false
	}
	for i := tb.offset; i < min(tb.offset+tb.Height, len(tb.Shown)); i++ {
		if tb.Shown[i].Pos == nil {
			return false
		}
	}
	return true
}

// Moving through the hits gives every row that comes into the window its
// matched positions, the same as a whole search's.
func TestWindowHitsGetTheirPositions(t *testing.T) {
	t.Parallel()
	tb := bigTable(3000)
	tb.StartFilter()
	type_(tb, "svc 1d")
	want := fuzzy.Find(tb.Query, tb.Fields, len(tb.Rows), nil)
	if len(want) < 100 {
		t.Fatalf("%d hits: too few to scroll", len(want))
	}
	for _, to := range []int{0, 5, 57, len(want) / 2, len(want) - 1, 3} {
		tb.moveTo(to)
		if !sameHits(tb, want) {
			t.Fatalf("cursor at %d (window from %d): the hits or their positions differ from one search's", to, tb.offset)
		}
	}
	withPos := 0
	for _, h := range tb.Shown {
		if h.Pos != nil {
			withPos++
		}
	}
	if withPos > 6*tb.Height {
		t.Errorf("%d of %d hits were given positions, more than the windows shown", withPos, len(tb.Shown))
	}
}

// A search over more rows than a chunk is done in steps; once they have
// run, the rows shown are exactly what one search over every row gives
// (the same hits, scores and positions, in the same order).
func TestSearchInStepsEndsWithTheWholeSearch(t *testing.T) {
	t.Parallel()
	n := 2*testChunk + 2*testChunk + 500
	tb := bigTable(n)
	tb.StartFilter()
	type_(tb, "s")
	if !tb.Searching() {
		t.Fatalf("a search over %d rows finished in the keystroke", n)
	}
	if len(tb.Shown) == 0 || len(tb.Shown) > testChunk {
		t.Fatalf("after the keystroke %d rows shown; want the first chunk's hits", len(tb.Shown))
	}
	if steps, want := drain(t, tb), (n+testChunk-1)/testChunk-1; steps != want {
		t.Errorf("%d steps after the keystroke, want %d", steps, want)
	}
	want := fuzzy.Find("s", tb.Fields, len(tb.Rows), nil)
	if !sameHits(tb, want) {
		t.Fatalf("after the steps %d hits differ from one search's %d", len(tb.Shown), len(want))
	}
	if tb.Cursor != 0 {
		t.Errorf("cursor at %d, want the best match (0)", tb.Cursor)
	}
}

// Typing on before the search is done narrows what was found and still
// searches the rows it had not reached; a step message of the earlier
// search does nothing.
func TestSearchExtendedMidwayMatchesAWholeSearch(t *testing.T) {
	t.Parallel()
	tb := bigTable(2*testChunk + 3*testChunk)
	tb.StartFilter()
	type_(tb, "s")
	stale := tb.PendingSearchStep()
	type_(tb, "vc-0001")
	if cmd := tb.UpdateFilter(stale); cmd != nil {
		t.Error("the earlier search's step asked for another step")
	}
	drain(t, tb)
	want := fuzzy.Find("svc-0001", tb.Fields, len(tb.Rows), nil)
	if len(want) == 0 || !sameHits(tb, want) {
		t.Fatalf("shown %d hits, one search finds %d (or none)", len(tb.Shown), len(want))
	}
	// Deleting back to the unfinished query searches it again, whole.
	for range len("vc-0001") {
		tb.UpdateFilter(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	drain(t, tb)
	if want := fuzzy.Find("s", tb.Fields, len(tb.Rows), nil); !sameHits(tb, want) {
		t.Fatalf("back at %q: %d hits, one search finds %d", tb.Query, len(tb.Shown), len(want))
	}
}

// Rows arriving, and submitting the filter, finish the search first: the
// hits are never left partial.
func TestSearchFinishesBeforeRowsChangeAndOnSubmit(t *testing.T) {
	t.Parallel()
	tb := bigTable(2*testChunk + testChunk)
	tb.StartFilter()
	type_(tb, "s")
	tb.Add([]*Row{row("zz/svc-new", "")})
	if tb.Searching() {
		t.Fatal("still searching after rows arrived")
	}
	if want := fuzzy.Find("s", tb.Fields, len(tb.Rows), nil); !sameHits(tb, want) {
		t.Fatalf("after a page: %d hits, one search finds %d", len(tb.Shown), len(want))
	}
	type_(tb, "s") // "ss": a new search over the hits of "s"
	tb.UpdateFilter(tea.KeyPressMsg{Code: tea.KeyEnter})
	if tb.Searching() || tb.Filtering() {
		t.Fatalf("searching %v, filtering %v after enter", tb.Searching(), tb.Filtering())
	}
	if want := fuzzy.Find("ss", tb.Fields, len(tb.Rows), nil); !sameHits(tb, want) {
		t.Fatalf("after enter: %d hits, one search finds %d", len(tb.Shown), len(want))
	}
}
