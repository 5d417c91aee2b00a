package table

import (
	"slices"
	"sort"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Merge adds the rows of a page to a table kept in cmp order: a row already
// present (same key) is replaced in place, the others are sorted among
// themselves and merged in, after the loaded rows they tie with. Unlike Add
// then SortStable it never re-sorts the loaded rows: the page is sorted
// (k log k) and merged in one linear pass, and the filter, if any, runs over
// the new rows only. The selection stays on the same secret.
func (t *Secrets) Merge(rows []*Row, cmp func(a, b *Row) int) {
	t.finishSearch() // the rows' indices may change
	t.Cache = nil
	sel := t.selectedKey()
	fresh := make([]*Row, 0, len(rows))
	replaced := false
	for _, r := range rows {
		t.maxName = max(t.maxName, int(r.nameWidth))
		if i, ok := t.at(r.Key); ok {
			t.replace(i, r)
			replaced = true
			continue
		}
		t.indexText(r)
		fresh = append(fresh, r)
	}
	// Once every row is in place: the new rows' slots are the index's as
	// it is now.
	defer t.compactText()
	if len(fresh) == 0 {
		if replaced {
			t.refilter(nil)
		}
		t.keepSelection(sel)
		return
	}
	slices.SortStableFunc(fresh, cmp)
	// Fast path: the page sorts after everything loaded (a listing in
	// server order), so it is appended as Add would.
	if len(t.Rows) == 0 || cmp(t.Rows[len(t.Rows)-1], fresh[0]) <= 0 {
		t.appendSorted(fresh, replaced)
		t.keepSelection(sel)
		return
	}
	// Merge from the back, in place: each new row's place is found by
	// binary search (after the rows it ties with), and the block of loaded
	// rows after it moves up in one copy; only their positions are
	// rewritten, not the key index. The rows before the first new one do
	// not move.
	n, k := len(t.Rows), len(fresh)
	t.Rows = slices.Grow(t.Rows, k)[:n+k]
	t.slots = slices.Grow(t.slots, k)[:n+k]
	filtered := t.Query != "" && !replaced
	var moved map[int]int // old index -> new index, for the filter's hits
	if filtered {
		moved = make(map[int]int)
	}
	freshAt := make([]int, 0, k)
	end := n // the loaded rows not yet placed are t.Rows[:end]
	for j := k - 1; j >= 0; j-- {
		r := fresh[j]
		at := sort.Search(end, func(i int) bool { return cmp(t.Rows[i], r) > 0 })
		shift := j + 1 // new rows still to place before this block, this one included
		copy(t.Rows[at+shift:end+shift], t.Rows[at:end])
		copy(t.slots[at+shift:end+shift], t.slots[at:end])
		for p := at + shift; p < end+shift; p++ {
			if filtered {
				moved[t.Rows[p].pos] = p
			}
			t.Rows[p].pos = p
		}
		t.put(at+j, r)
		freshAt = append(freshAt, at+j)
		end = at
	}
	switch {
	case t.Query == "":
		t.showAll()
	case replaced:
		t.refilter(nil)
	default:
		for x := range t.Shown {
			if to, ok := moved[t.Shown[x].Item]; ok {
				t.Shown[x].Item = to
			}
		}
		slices.Sort(freshAt)
		t.Shown = mergeHits(t.Shown, t.find(freshAt))
	}
	t.keepSelection(sel)
}

// at is the index of the row with key.
func (t *Secrets) at(key string) (int, bool) {
	if r, ok := t.index[key]; ok {
		return r.pos, true
	}
	return 0, false
}

// put places r at index i of Rows (i == len(Rows): the caller appends it
// and its slot) and indexes it.
func (t *Secrets) put(i int, r *Row) {
	r.pos = i
	t.index[r.Key] = r
	if i < len(t.Rows) {
		t.Rows[i] = r
		t.slots[i] = r.slot
	}
}

// indexText adds a row that arrived to the search index, once the table
// keeps one (indexed); until then its slot is -1.
func (t *Secrets) indexText(r *Row) {
	if !t.indexed {
		r.slot = -1
		return
	}
	r.slot = r.indexInto(t.text)
}

// ensureIndexed builds the search index of the rows loaded, the first time
// the filter is used; from then on rows are indexed as they arrive. A list
// that is never filtered holds no index (about 260 bytes a secret) and
// spends no time building one.
func (t *Secrets) ensureIndexed() {
	if t.indexed {
		return
	}
	t.indexed = true
	for i, r := range t.Rows {
		r.slot = r.indexInto(t.text)
		t.slots[i] = r.slot
	}
}

// replace puts r in place of row i. A refresh replaces every row, mostly
// with the same text: r then takes row i's slot; otherwise it is indexed
// and row i's text dropped.
func (t *Secrets) replace(i int, r *Row) {
	if old := t.Rows[i]; old == r || sameSearchText(old, r) {
		r.slot = old.slot
	} else {
		t.indexText(r)
		t.text.Drop(old.slot)
	}
	t.put(i, r)
}

// compactText rebuilds the search index from the rows when most of its
// text is dropped rows' (a refresh replaces every row once). Rows are
// indexed again, in order, under new slots.
func (t *Secrets) compactText() {
	if !t.text.Wasted() {
		return
	}
	t.text = &fuzzy.Index{}
	for i, r := range t.Rows {
		r.slot = r.indexInto(t.text)
		t.slots[i] = r.slot
	}
}

// UpdateSummary changes the summary of the row with the given key, if
// present, in a part the filter does not search (its fields are kept). The
// row is replaced by a changed copy, never changed in place: a Cmd may be
// reading the rows (the cache's save).
func (t *Secrets) UpdateSummary(key string, change func(s *aws.SecretSummary)) bool {
	i, ok := t.at(key)
	if !ok {
		return false
	}
	r := *t.Rows[i]
	s := r.Summary()
	change(&s)
	r.sum, r.shared = packSummary(&s, &t.scratch, uncleanFlag(&s)), t.share(s)
	t.put(i, &r)
	return true
}

// showAll shows every row in order, reusing the visible list's memory (no
// cached query shares it: the cache keeps copies).
func (t *Secrets) showAll() {
	t.Shown = t.Shown[:0]
	for i := range t.Rows {
		t.Shown = append(t.Shown, fuzzy.Hit{Item: i})
	}
}

// appendSorted appends rows that sort after every loaded row.
func (t *Secrets) appendSorted(rows []*Row, replaced bool) {
	fresh := make([]int, 0, len(rows))
	for _, r := range rows {
		t.put(len(t.Rows), r)
		fresh = append(fresh, len(t.Rows))
		t.Rows = append(t.Rows, r)
		t.slots = append(t.slots, r.slot)
	}
	t.showFresh(fresh, replaced)
}

// showFresh adds the rows just appended at the indexes fresh to what is
// shown: all of them with no filter; with one, their hits merged into the
// shown ones by score (a stable merge keeps the older rows first among
// equals), or the whole filter again when rows were replaced in place.
func (t *Secrets) showFresh(fresh []int, replaced bool) {
	switch {
	case t.Query == "":
		for _, i := range fresh {
			t.Shown = append(t.Shown, fuzzy.Hit{Item: i})
		}
	case replaced:
		t.refilter(nil)
	default:
		t.Shown = mergeHits(t.Shown, t.find(fresh))
	}
}

// Retain keeps only the rows keep accepts (one pass; a refresh drops the
// secrets that are gone), keeping the selection on its secret if it stays.
func (t *Secrets) Retain(keep func(r *Row) bool) {
	t.finishSearch() // the rows' indices may change
	sel := t.selectedKey()
	out := t.Rows[:0]
	for _, r := range t.Rows {
		if keep(r) {
			out = append(out, r)
		} else {
			t.text.Drop(r.slot)
		}
	}
	if len(out) == len(t.Rows) {
		return
	}
	clear(t.Rows[len(out):])
	t.Rows = out
	t.Cache = nil
	t.reindex()
	t.compactText()
	t.refilter(nil)
	t.keepSelection(sel)
}

// Row is the row with key, or nil.
func (t *Secrets) Row(key string) *Row {
	return t.index[key]
}

// Visible are the rows in the window, top to bottom.
func (t *Secrets) Visible() []*Row {
	end := min(t.offset+max(t.Height, 1), len(t.Shown))
	if t.offset >= end {
		return nil
	}
	out := make([]*Row, 0, end-t.offset)
	for _, h := range t.Shown[t.offset:end] {
		out = append(out, t.Rows[h.Item])
	}
	return out
}
