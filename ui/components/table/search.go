package table

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/components/fuzzy"
)

// searchChunk is how many rows one Update searches when a query has more
// than twice as many candidates: the search goes on a chunk per message,
// so a keystroke's Update stays short and the next keystroke is read at
// once; the hits found so far are on screen, best first, and the rest
// arrive in the next messages. A search over at most 2*searchChunk rows
// is done in the keystroke's Update: with the flat index, 50,000 rows take
// a few ms, less than the steps' own cost (a View and a merge each).
const searchChunk = 30000

// SetSearchChunk sets how many rows one Update searches (searchChunk when
// 0), so tests and benchmarks can run the search in steps over fewer rows.
func (t *Secrets) SetSearchChunk(rows int) { t.chunkRows = rows }

func (t *Secrets) searchChunk() int {
	if t.chunkRows > 0 {
		return t.chunkRows
	}
	return searchChunk
}

// search is a query's search still under way over more than two chunks of
// candidates.
type search struct {
	// gen tells this search's step messages from an earlier search's.
	gen int
	// items are the candidate rows in listing order; nil means every row.
	items []int
	count int // len(items), or the number of rows
	next  int // how many candidates were searched
	// spare is the hits shown before the last step, reused for the next
	// merge (a step would otherwise copy every hit found so far anew).
	spare []fuzzy.Hit
}

// SearchStepMsg asks the table to search the next chunk of rows of the
// query being searched. The filter's Cmd sends it; the screen holding the
// table passes it to UpdateFilter like any message while filtering.
type SearchStepMsg struct {
	table *Secrets
	gen   int
}

// Searching reports whether the query's search is still under way (the
// rows shown are the hits among the rows searched so far).
func (t *Secrets) Searching() bool { return t.search != nil }

// PendingSearchStep is the message that continues the search under way,
// nil when there is none: for a caller that drives the search itself (the
// benchmarks), instead of running the filter's Cmd.
func (t *Secrets) PendingSearchStep() tea.Msg {
	if t.search == nil {
		return nil
	}
	return SearchStepMsg{table: t, gen: t.search.gen}
}

// searchCmd sends the next step of the search under way, if any. It does
// no I/O: it only lets the program read the messages queued meanwhile
// (keystrokes) before the next chunk.
func (t *Secrets) searchCmd() tea.Cmd {
	msg := t.PendingSearchStep()
	if msg == nil {
		return nil
	}
	return func() tea.Msg { return msg }
}

// startSearch searches the query among candidates (nil: every row): at
// once when there are few, else the first chunk now and the rest in steps.
func (t *Secrets) startSearch(candidates []int) {
	t.search = nil
	count := len(t.Rows)
	if candidates != nil {
		count = len(candidates)
	}
	if t.Query == "" || count <= 2*t.searchChunk() {
		t.refilter(candidates)
		t.cacheShown()
		return
	}
	t.searchGen++
	t.search = &search{gen: t.searchGen, items: candidates, count: count}
	t.Shown = nil
	t.searchStep()
}

// searchStep searches the next chunk and merges its hits into those shown
// (chunks go in listing order, so equal scores keep it).
func (t *Secrets) searchStep() {
	s := t.search
	end := min(s.next+t.searchChunk(), s.count)
	var chunk []int
	if s.items != nil {
		chunk = s.items[s.next:end]
	} else {
		chunk = make([]int, end-s.next)
		for i := range chunk {
			chunk[i] = s.next + i
		}
	}
	s.next = end
	if hits := t.find(chunk); len(hits) > 0 {
		out := s.spare[:0]
		if need := len(t.Shown) + len(hits); cap(out) < need {
			out = make([]fuzzy.Hit, 0, min(2*need, s.count))
		}
		merged := mergeHitsInto(out, t.Shown, hits)
		s.spare, t.Shown = t.Shown, merged
	}
	if s.next == s.count {
		t.search = nil
		t.cacheShown()
	}
	t.showPositions()
}

// continueSearch handles a SearchStepMsg: the next chunk, the selection
// kept on its secret, and the Cmd for the step after it.
func (t *Secrets) continueSearch(msg SearchStepMsg) tea.Cmd {
	if msg.table != t || t.search == nil || msg.gen != t.search.gen {
		return nil // an earlier search's step, or another table's
	}
	sel := t.selectedKey()
	if t.Cursor == 0 {
		sel = "" // the cursor stays on the best match, as SetQuery puts it
	}
	t.searchStep()
	t.keepSelection(sel)
	return t.searchCmd()
}

// finishSearch searches the rest of the rows now: before the rows change
// (their indices with them) and when the filter is submitted.
func (t *Secrets) finishSearch() {
	for t.search != nil {
		t.searchStep()
	}
}

// unsearched are the candidates the search under way has not reached, in
// listing order: still candidates for a query that extends its query.
func (t *Secrets) unsearched() []int {
	s := t.search
	if s == nil {
		return nil
	}
	if s.items != nil {
		return slices.Clone(s.items[s.next:])
	}
	out := make([]int, s.count-s.next)
	for i := range out {
		out[i] = s.next + i
	}
	return out
}

// cacheShown keeps the query's complete hits for when it is typed again.
func (t *Secrets) cacheShown() {
	if t.Query == "" {
		return
	}
	if t.Cache == nil || len(t.Cache) >= 32 {
		t.Cache = map[string]cachedHits{}
	}
	t.Cache[t.Query] = cacheOf(t.Shown)
}

// cachedHits are a query's hits as the cache keeps them: rows and scores,
// in order, 8 bytes each (positions are worked out again for the window).
type cachedHits []cachedHit

type cachedHit struct{ item, score int32 }

func cacheOf(hits []fuzzy.Hit) cachedHits {
	out := make(cachedHits, len(hits))
	for i, h := range hits {
		out[i] = cachedHit{item: int32(h.Item), score: int32(h.Score)}
	}
	return out
}

// into writes the hits over dst's memory (the hits shown before, which
// nothing else holds) and returns them.
func (c cachedHits) into(dst []fuzzy.Hit) []fuzzy.Hit {
	dst = slices.Grow(dst[:0], len(c))[:len(c)]
	for i, h := range c {
		dst[i] = fuzzy.Hit{Item: int(h.item), Score: int(h.score)}
	}
	return dst
}

// Fields are row i's searchable fields, built anew: for fuzzy.Find over
// the rows without the table's index (the tests' reference). The table
// searches its index.
func (t *Secrets) Fields(i int) []fuzzy.Field { return t.Rows[i].fields() }

// find searches the query among candidates (nil: every row). The hits
// have no positions: showPositions works them out for the rows on screen.
func (t *Secrets) find(candidates []int) []fuzzy.Hit {
	t.ensureIndexed()
	return t.text.Rank(t.Query, t.slots, candidates)
}

// showPositions gives the hits in the window their matched positions, for
// highlighting (a search leaves them out: at 50,000 rows, keeping them for
// every hit cost more than the search's matching). Hits that have them are
// left alone, so calling it again costs a look at the window.
func (t *Secrets) showPositions() {
	if t.Query == "" {
		return
	}
	end := min(t.offset+max(t.Height, 1), len(t.Shown))
	if start := max(t.offset, 0); start < end {
		t.text.FillPositions(t.Query, t.slots, t.Shown[start:end])
	}
}
