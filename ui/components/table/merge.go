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
	// moved[i] is the new index of the loaded row i.
	moved := make([]int, len(t.Rows))
	out := make([]*Row, 0, len(t.Rows)+len(fresh))
	freshAt := make([]int, 0, len(fresh))
	i, j := 0, 0
	for i < len(t.Rows) || j < len(fresh) {
		if j == len(fresh) || (i < len(t.Rows) && cmp(t.Rows[i], fresh[j]) <= 0) {
			moved[i] = len(out)
			out = append(out, t.Rows[i])
			i++
			continue
		}
		freshAt = append(freshAt, len(out))
		out = append(out, fresh[j])
		j++
	}
	t.Rows = out
	for k, r := range out {
		t.index[r.Key] = k
	}
	switch {
	case t.Query == "" || replaced:
		t.refilter(nil)
	default:
		for k := range t.Shown {
			t.Shown[k].Item = moved[t.Shown[k].Item]
		}
		t.Shown = mergeHits(t.Shown, fuzzy.Find(t.Query, t.Fields, len(t.Rows), freshAt))
	}
	t.keepSelection(sel)
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
