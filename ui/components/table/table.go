package table

import (
	"cmp"
	"slices"
	"strings"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Secrets holds the loaded rows of a secret list, the fuzzy filter over
// them and the cursor. It does no I/O and knows nothing of regions or
// loading; the list screen and the all-regions screen both use it. Rendering
// is in list_view.go.
type Secrets struct {
	env   *common.Env
	Rows  []*Row
	index map[string]*Row // row key -> row (Row.pos is its index in Rows)
	// text holds every row's searchable text; slots[i] is Rows[i]'s slot
	// in it (Rows[i].slot, kept beside Rows so a search reads no row).
	text  *fuzzy.Index
	slots []int32

	Query  string
	filter Filter
	// Shown lists the visible rows in order: every row when query is empty,
	// else the fuzzy hits, best first.
	Shown []fuzzy.Hit

	Cursor, offset int
	// moved is set once the operator moves the cursor: from then on the
	// cursor follows its secret as rows arrive; before, it stays on top.
	moved         bool
	width, Height int // height is the number of row lines
	ShowRegion    bool
	// AccountOf, when set, shows an ACCOUNT column first with its text for
	// each row (the account id and the profile, listing several accounts).
	AccountOf func(r *Row) string
	// maxName is the widest name loaded, for the name column's width.
	maxName int
	// Cache keeps recent queries' hits while the rows stay the same, so
	// deleting a character costs a lookup (and a copy into Shown). A hit
	// is kept in 8 bytes (no positions): at 50,000 rows, 32 queries'
	// []fuzzy.Hit held 64 MB.
	Cache map[string]cachedHits
	// items and hit are buffers for the candidates of a narrowing search,
	// reused from one keystroke to the next.
	items []int
	hit   []bool
	// search is the query's search still under way, a chunk of rows per
	// message (search.go); searchGen numbers the searches.
	search    *search
	searchGen int
	// shared holds one copy of each set of parts rows share (region, key,
	// rotation function...): 10,000 secrets of one region and key hold
	// them once.
	shared     map[listShared]*listShared
	lastShared *listShared // the set share gave last
	// scratch is reused to pack rows' summaries (NewRow).
	scratch   []byte
	chunkRows int // SetSearchChunk
	// indexed is set once the filter is first used: from then on the
	// table keeps its search index (text) up to date (ensureIndexed).
	indexed bool
}

// New makes an empty secret table.
func New(env *common.Env) *Secrets {
	return &Secrets{env: env, index: map[string]*Row{}, text: &fuzzy.Index{}, filter: NewFilter()}
}

// Reset drops every row (a new listing starts).
func (t *Secrets) Reset() {
	t.search = nil
	t.Cache = nil
	t.Rows = nil
	t.index = map[string]*Row{}
	t.text, t.slots = &fuzzy.Index{}, nil
	t.Shown = nil
	t.Cursor, t.offset = 0, 0
	t.moved = false
	t.maxName = 0
}

// Add appends rows that arrived with a page; a row already present (same
// key) is replaced in place. The filter, if any, runs over the new rows only
// when it can; the selection stays on the same secret.
func (t *Secrets) Add(rows []*Row) {
	t.finishSearch() // the rows' indices may change
	t.Cache = nil
	sel := t.selectedKey()
	fresh := make([]int, 0, len(rows))
	replaced := false
	for _, r := range rows {
		t.maxName = max(t.maxName, int(r.nameWidth))
		if i, ok := t.at(r.Key); ok {
			t.replace(i, r)
			replaced = true
			continue
		}
		t.indexText(r)
		t.put(len(t.Rows), r)
		fresh = append(fresh, len(t.Rows))
		t.Rows = append(t.Rows, r)
		t.slots = append(t.slots, r.slot)
	}
	t.compactText()
	t.showFresh(fresh, replaced)
	t.keepSelection(sel)
}

// hitItemsInOrder lists the rows of the hits shown in listing order, in
// the table's reused buffer. When the hits are many (the first letters
// match nearly every row), marking them costs less than sorting them.
func (t *Secrets) hitItemsInOrder() []int {
	hits, rows := t.Shown, len(t.Rows)
	items := slices.Grow(t.items[:0], len(hits))
	if len(hits) < rows/16 {
		for _, h := range hits {
			items = append(items, h.Item)
		}
		slices.Sort(items)
		return items
	}
	hit := slices.Grow(t.hit[:0], rows)[:rows]
	clear(hit)
	t.hit = hit
	for _, h := range hits {
		hit[h.Item] = true
	}
	for i, ok := range hit {
		if ok {
			items = append(items, i)
		}
	}
	return items
}

// mergeHits merges two hit lists, each sorted best first.
func mergeHits(a, b []fuzzy.Hit) []fuzzy.Hit {
	if len(b) == 0 {
		return a
	}
	return mergeHitsInto(make([]fuzzy.Hit, 0, len(a)+len(b)), a, b)
}

// mergeHitsInto is mergeHits appending to out (empty, which must not
// share memory with a or b).
func mergeHitsInto(out, a, b []fuzzy.Hit) []fuzzy.Hit {
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

// Insert adds or replaces one row (after a change made through the app).
// A new row goes where cmp places it among the others (nil: at the end).
func (t *Secrets) Insert(r *Row, cmp func(a, b *Row) int) {
	t.finishSearch() // the rows' indices may change
	t.Cache = nil
	t.maxName = max(t.maxName, int(r.nameWidth))
	if i, ok := t.at(r.Key); ok {
		sel := t.selectedKey()
		t.replace(i, r)
		t.compactText()
		t.refilter(nil)
		t.keepSelection(sel)
		return
	}
	t.indexText(r)
	pos := len(t.Rows)
	if cmp != nil {
		pos, _ = slices.BinarySearchFunc(t.Rows, r, cmp)
	}
	sel := t.selectedKey()
	t.Rows = slices.Insert(t.Rows, pos, r)
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}

// Remove drops the row with the given key, if present.
func (t *Secrets) Remove(key string) bool {
	t.finishSearch() // the rows' indices may change
	i, ok := t.at(key)
	if !ok {
		return false
	}
	t.Cache = nil
	sel := t.selectedKey()
	t.text.Drop(t.Rows[i].slot)
	t.Rows = slices.Delete(t.Rows, i, i+1)
	t.reindex()
	t.compactText()
	t.refilter(nil)
	t.keepSelection(sel)
	return true
}

// Find returns the row whose ARN or name is id in region, if loaded.
func (t *Secrets) Find(region, id string) *Row {
	if r, ok := t.index[RowKey(region, id, id)]; ok {
		return r
	}
	for _, r := range t.Rows {
		if r.Region() == region && (r.Name() == id || r.ARN() == id) {
			return r
		}
	}
	return nil
}

func (t *Secrets) reindex() {
	clear(t.index)
	t.slots = t.slots[:0]
	for i, r := range t.Rows {
		r.pos = i
		t.index[r.Key] = r
		t.slots = append(t.slots, r.slot)
	}
}

// SetQuery changes the fuzzy filter. Typing one more character searches only
// the rows that matched before.
func (t *Secrets) SetQuery(q string) {
	if q == t.Query {
		return
	}
	sel := t.selectedKey()
	prev := t.Query
	t.Query = q
	if hits, ok := t.Cache[q]; ok && q != "" {
		t.search = nil
		t.Shown = hits.into(t.Shown)
	} else {
		var candidates []int
		if fuzzy.ExtendsQuery(prev, q) {
			// The rows prev's unfinished search did not reach may match too
			// (they all come after the rows it searched). Taken first: that
			// search's candidates may be in the buffer reused below.
			rest := t.unsearched()
			// Search in listing order so equal scores keep it.
			candidates = t.hitItemsInOrder()
			candidates = append(candidates, rest...)
			t.items = candidates
		}
		t.startSearch(candidates)
	}
	// The best match is what the operator is after: the cursor goes to the
	// top, except when clearing the filter, which keeps the selection.
	if q != "" {
		sel = ""
		t.Cursor = 0
	}
	t.keepSelection(sel)
}

// refilter recomputes the visible rows among candidates (nil: all rows).
func (t *Secrets) refilter(candidates []int) {
	if t.Query == "" {
		t.showAll()
		return
	}
	if candidates != nil && len(candidates) == 0 {
		t.Shown = nil
		return
	}
	t.ensureIndexed()
	// The hits shown before are replaced: their memory is reused (no
	// cached query shares it).
	t.Shown = t.text.RankInto(t.Shown, t.Query, t.slots, candidates)
}

// Selected returns the row under the cursor, or nil.
func (t *Secrets) Selected() *Row {
	if t.Cursor < 0 || t.Cursor >= len(t.Shown) {
		return nil
	}
	return t.Rows[t.Shown[t.Cursor].Item]
}

func (t *Secrets) selectedKey() string {
	if r := t.Selected(); r != nil {
		return r.Key
	}
	return ""
}

// keepSelection puts the cursor back on the row with key, if it is still
// visible; otherwise it clamps the cursor.
func (t *Secrets) keepSelection(key string) {
	if !t.moved {
		t.Cursor = 0
		t.clamp()
		return
	}
	if key != "" && t.Cursor < len(t.Shown) && t.Rows[t.Shown[t.Cursor].Item].Key == key {
		t.clamp()
		return
	}
	if key != "" {
		for i, h := range t.Shown {
			if t.Rows[h.Item].Key == key {
				t.Cursor = i
				t.clamp()
				return
			}
		}
	}
	t.clamp()
}

// move moves the cursor by delta rows.
func (t *Secrets) move(delta int) {
	t.moved = true
	t.Cursor += delta
	t.clamp()
}

// moveTo puts the cursor on row i of the visible rows.
func (t *Secrets) moveTo(i int) {
	t.moved = true
	t.Cursor = i
	t.clamp()
}

// clamp keeps the cursor inside the visible rows and the window on it.
func (t *Secrets) clamp() {
	if t.Cursor >= len(t.Shown) {
		t.Cursor = len(t.Shown) - 1
	}
	if t.Cursor < 0 {
		t.Cursor = 0
	}
	h := max(t.Height, 1)
	if t.offset > t.Cursor {
		t.offset = t.Cursor
	}
	if t.Cursor >= t.offset+h {
		t.offset = t.Cursor - h + 1
	}
	if maxOff := max(len(t.Shown)-h, 0); t.offset > maxOff {
		t.offset = maxOff
	}
	if t.offset < 0 {
		t.offset = 0
	}
	t.showPositions()
}

// SetSize gives the table its width and number of row lines.
func (t *Secrets) SetSize(w, h int) {
	t.width, t.Height = w, h
	t.filter.input.SetWidth(max(w-24, 4))
	t.clamp()
}

// SortStable reorders the rows by cmp, keeping the arrival order of equal
// rows (the all-regions view groups rows by region this way). It does
// nothing when the rows are already in order.
func (t *Secrets) SortStable(cmp func(a, b *Row) int) {
	t.finishSearch() // the rows' indices may change
	if slices.IsSortedFunc(t.Rows, cmp) {
		return
	}
	t.Cache = nil
	sel := t.selectedKey()
	slices.SortStableFunc(t.Rows, cmp)
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}

// SortKey is a row's place in an order: by Primary, then by Name.
type SortKey struct {
	Primary int64
	Name    string
}

// CompareSortKeys orders a and b: by Primary, then Name; reversed when
// desc.
func CompareSortKeys(a, b SortKey, desc bool) int {
	c := cmp.Compare(a.Primary, b.Primary)
	if c == 0 {
		c = strings.Compare(a.Name, b.Name)
	}
	if desc {
		return -c
	}
	return c
}

// SortStableByKey is SortStable by each row's key, descending when desc.
// A key is worked out once a row, not twice per comparison: a row's name
// and dates are read off its packed summary, and 50,000 rows sort with
// about 800,000 comparisons.
func (t *Secrets) SortStableByKey(keyOf func(*Row) SortKey, desc bool) {
	type keyed struct {
		k SortKey
		r *Row
	}
	ks := make([]keyed, len(t.Rows))
	for i, r := range t.Rows {
		ks[i] = keyed{keyOf(r), r}
	}
	order := func(a, b keyed) int { return CompareSortKeys(a.k, b.k, desc) }
	t.finishSearch() // the rows' indices may change
	if slices.IsSortedFunc(ks, order) {
		return
	}
	t.Cache = nil
	sel := t.selectedKey()
	slices.SortStableFunc(ks, order)
	for i, k := range ks {
		t.Rows[i] = k.r
	}
	t.reindex()
	t.refilter(nil)
	t.keepSelection(sel)
}
