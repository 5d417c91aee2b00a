package table

import (
	"slices"

	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Merge adds the rows of a page to a table kept in cmp order: a row already
// present (same key) is replaced in place, the others are sorted among
// themselves and merged in, after the loaded rows they tie with. Unlike Add
// then SortStable it never re-sorts the loaded rows: the page is sorted
// (k log k) and merged in one linear pass, and the filter, if any, runs over
// the new rows only. The selection stays on the same secret.
func (t *Secrets) Merge(rows []*Row, cmp func(a, b *Row) int) {
	t.Cache = nil
	sel := t.selectedKey()
	fresh := make([]*Row, 0, len(rows))
	replaced := false
	for _, r := range rows {
		t.maxName = max(t.maxName, r.nameWidth)
		if i, ok := t.index[r.Key]; ok {
			t.Rows[i] = r
			replaced = true
			continue
		}
		fresh = append(fresh, r)
	}
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
	// Merge from the back, in place: the rows after the first insertion
	// point move up by the number of new rows before them; the ones before
	// it stay where they are (and keep their index entries).
	n, k := len(t.Rows), len(fresh)
	t.Rows = slices.Grow(t.Rows, k)[:n+k]
	filtered := t.Query != "" && !replaced
	var moved map[int]int // old index -> new index, for the filter's hits
	if filtered {
		moved = make(map[int]int)
	}
	freshAt := make([]int, 0, k)
	i, w := n-1, n+k-1
	for j := k - 1; j >= 0; w-- {
		if i >= 0 && cmp(t.Rows[i], fresh[j]) > 0 {
			t.Rows[w] = t.Rows[i]
			if filtered {
				moved[i] = w
			}
			i--
			continue
		}
		t.Rows[w] = fresh[j]
		freshAt = append(freshAt, w)
		j--
	}
	for p := w + 1; p < n+k; p++ {
		t.index[t.Rows[p].Key] = p
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
		t.Shown = mergeHits(t.Shown, fuzzy.Find(t.Query, t.Fields, len(t.Rows), freshAt))
	}
	t.keepSelection(sel)
}

// showAll shows every row in order, reusing the visible list's memory (no
// cached query shares it: Merge has dropped the cache).
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
		t.index[r.Key] = len(t.Rows)
		fresh = append(fresh, len(t.Rows))
		t.Rows = append(t.Rows, r)
	}
	switch {
	case t.Query == "":
		for _, i := range fresh {
			t.Shown = append(t.Shown, fuzzy.Hit{Item: i})
		}
	case replaced:
		t.refilter(nil)
	default:
		t.Shown = mergeHits(t.Shown, fuzzy.Find(t.Query, t.Fields, len(t.Rows), fresh))
	}
}

// Retain keeps only the rows keep accepts (one pass; a refresh drops the
// secrets that are gone), keeping the selection on its secret if it stays.
func (t *Secrets) Retain(keep func(r *Row) bool) {
	sel := t.selectedKey()
	out := t.Rows[:0]
	for _, r := range t.Rows {
		if keep(r) {
			out = append(out, r)
		}
	}
	if len(out) == len(t.Rows) {
		return
	}
	clear(t.Rows[len(out):])
	t.Rows = out
	t.Cache = nil
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}

// Row is the row with key, or nil.
func (t *Secrets) Row(key string) *Row {
	if i, ok := t.index[key]; ok {
		return t.Rows[i]
	}
	return nil
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
