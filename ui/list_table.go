package ui

import (
	"slices"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// secretTable holds the loaded rows of a secret list, the fuzzy filter over
// them and the cursor. It does no I/O and knows nothing of regions or
// loading; the list screen and the all-regions screen both use it. Rendering
// is in list_view.go.
type secretTable struct {
	env   *common.Env
	rows  []*secretRow
	index map[string]int // row key -> index in rows

	query  string
	filter tableFilter
	// shown lists the visible rows in order: every row when query is empty,
	// else the fuzzy hits, best first.
	shown []fuzzy.Hit

	cursor, offset int
	// moved is set once the operator moves the cursor: from then on the
	// cursor follows its secret as rows arrive; before, it stays on top.
	moved         bool
	width, height int // height is the number of row lines
	showRegion    bool
	// maxName is the widest name loaded, for the name column's width.
	maxName int
	// cache keeps recent queries' hits while the rows stay the same, so
	// deleting a character costs a lookup.
	cache map[string][]fuzzy.Hit
}

func newSecretTable(env *common.Env) *secretTable {
	return &secretTable{env: env, index: map[string]int{}, filter: newTableFilter()}
}

// reset drops every row (a new listing starts).
func (t *secretTable) reset() {
	t.cache = nil
	t.rows = nil
	t.index = map[string]int{}
	t.shown = nil
	t.cursor, t.offset = 0, 0
	t.moved = false
	t.maxName = 0
}

// add appends rows that arrived with a page; a row already present (same
// key) is replaced in place. The filter, if any, runs over the new rows only
// when it can; the selection stays on the same secret.
func (t *secretTable) add(rows []*secretRow) {
	t.cache = nil
	sel := t.selectedKey()
	fresh := make([]int, 0, len(rows))
	replaced := false
	for _, r := range rows {
		t.maxName = max(t.maxName, r.nameWidth)
		if i, ok := t.index[r.key]; ok {
			t.rows[i] = r
			replaced = true
			continue
		}
		t.index[r.key] = len(t.rows)
		fresh = append(fresh, len(t.rows))
		t.rows = append(t.rows, r)
	}
	switch {
	case t.query == "":
		for _, i := range fresh {
			t.shown = append(t.shown, fuzzy.Hit{Item: i})
		}
	case replaced:
		t.refilter(nil)
	default:
		// Merge the new rows' hits into the existing ones by score; a
		// stable merge keeps the older rows first among equals.
		hits := fuzzy.Find(t.query, t.fields, len(t.rows), fresh)
		t.shown = mergeHits(t.shown, hits)
	}
	t.keepSelection(sel)
}

// mergeHits merges two hit lists, each sorted best first.
func mergeHits(a, b []fuzzy.Hit) []fuzzy.Hit {
	if len(b) == 0 {
		return a
	}
	out := make([]fuzzy.Hit, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if b[j].Score > a[i].Score {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// insert adds or replaces one row (after a change made through the app).
// A new row goes where cmp places it among the others (nil: at the end).
func (t *secretTable) insert(r *secretRow, cmp func(a, b *secretRow) int) {
	t.cache = nil
	t.maxName = max(t.maxName, r.nameWidth)
	if i, ok := t.index[r.key]; ok {
		sel := t.selectedKey()
		t.rows[i] = r
		t.refilter(nil)
		t.keepSelection(sel)
		return
	}
	pos := len(t.rows)
	if cmp != nil {
		pos, _ = slices.BinarySearchFunc(t.rows, r, cmp)
	}
	sel := t.selectedKey()
	t.rows = slices.Insert(t.rows, pos, r)
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}

// remove drops the row with the given key, if present.
func (t *secretTable) remove(key string) bool {
	i, ok := t.index[key]
	if !ok {
		return false
	}
	t.cache = nil
	sel := t.selectedKey()
	t.rows = slices.Delete(t.rows, i, i+1)
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
	return true
}

// find returns the row whose ARN or name is id in region, if loaded.
func (t *secretTable) find(region, id string) *secretRow {
	if i, ok := t.index[rowKey(region, id, id)]; ok {
		return t.rows[i]
	}
	for _, r := range t.rows {
		if r.sum.Region == region && (r.sum.Name == id || r.sum.ARN == id) {
			return r
		}
	}
	return nil
}

func (t *secretTable) reindex() {
	clear(t.index)
	for i, r := range t.rows {
		t.index[r.key] = i
	}
}

func (t *secretTable) fields(i int) []fuzzy.Field { return t.rows[i].fields }

// setQuery changes the fuzzy filter. Typing one more character searches only
// the rows that matched before.
func (t *secretTable) setQuery(q string) {
	if q == t.query {
		return
	}
	sel := t.selectedKey()
	prev := t.query
	t.query = q
	if hits, ok := t.cache[q]; ok && q != "" {
		t.shown = hits
	} else {
		var candidates []int
		if fuzzy.ExtendsQuery(prev, q) {
			candidates = make([]int, len(t.shown))
			for i, h := range t.shown {
				candidates[i] = h.Item
			}
			// Search in listing order so equal scores keep it.
			slices.Sort(candidates)
		}
		t.refilter(candidates)
		if q != "" {
			if t.cache == nil || len(t.cache) >= 32 {
				t.cache = map[string][]fuzzy.Hit{}
			}
			t.cache[q] = t.shown
		}
	}
	// The best match is what the operator is after: the cursor goes to the
	// top, except when clearing the filter, which keeps the selection.
	if q != "" {
		sel = ""
		t.cursor = 0
	}
	t.keepSelection(sel)
}

// refilter recomputes the visible rows among candidates (nil: all rows).
func (t *secretTable) refilter(candidates []int) {
	if t.query == "" {
		t.shown = make([]fuzzy.Hit, 0, len(t.rows))
		for i := range t.rows {
			t.shown = append(t.shown, fuzzy.Hit{Item: i})
		}
		return
	}
	if candidates != nil && len(candidates) == 0 {
		t.shown = nil
		return
	}
	t.shown = fuzzy.Find(t.query, t.fields, len(t.rows), candidates)
}

// selected returns the row under the cursor, or nil.
func (t *secretTable) selected() *secretRow {
	if t.cursor < 0 || t.cursor >= len(t.shown) {
		return nil
	}
	return t.rows[t.shown[t.cursor].Item]
}

func (t *secretTable) selectedKey() string {
	if r := t.selected(); r != nil {
		return r.key
	}
	return ""
}

// keepSelection puts the cursor back on the row with key, if it is still
// visible; otherwise it clamps the cursor.
func (t *secretTable) keepSelection(key string) {
	if !t.moved {
		t.cursor = 0
		t.clamp()
		return
	}
	if key != "" && t.cursor < len(t.shown) && t.rows[t.shown[t.cursor].Item].key == key {
		t.clamp()
		return
	}
	if key != "" {
		for i, h := range t.shown {
			if t.rows[h.Item].key == key {
				t.cursor = i
				t.clamp()
				return
			}
		}
	}
	t.clamp()
}

// move moves the cursor by delta rows.
func (t *secretTable) move(delta int) {
	t.moved = true
	t.cursor += delta
	t.clamp()
}

// moveTo puts the cursor on row i of the visible rows.
func (t *secretTable) moveTo(i int) {
	t.moved = true
	t.cursor = i
	t.clamp()
}

// clamp keeps the cursor inside the visible rows and the window on it.
func (t *secretTable) clamp() {
	if t.cursor >= len(t.shown) {
		t.cursor = len(t.shown) - 1
	}
	if t.cursor < 0 {
		t.cursor = 0
	}
	h := max(t.height, 1)
	if t.offset > t.cursor {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	if maxOff := max(len(t.shown)-h, 0); t.offset > maxOff {
		t.offset = maxOff
	}
	if t.offset < 0 {
		t.offset = 0
	}
}

// setSize gives the table its width and number of row lines.
func (t *secretTable) setSize(w, h int) {
	t.width, t.height = w, h
	t.filter.input.SetWidth(max(w-24, 4))
	t.clamp()
}

// sortStable reorders the rows by cmp, keeping the arrival order of equal
// rows (the all-regions view groups rows by region this way). It does
// nothing when the rows are already in order.
func (t *secretTable) sortStable(cmp func(a, b *secretRow) int) {
	if slices.IsSortedFunc(t.rows, cmp) {
		return
	}
	t.cache = nil
	sel := t.selectedKey()
	slices.SortStableFunc(t.rows, cmp)
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}
