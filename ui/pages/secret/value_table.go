package secret

import (
	"strconv"

	"github.com/smtui/smtui/ui/jsonedit"
)

// valueRow is one visible row of the JSON table: a member or element of
// the document, addressed by its jsonedit path so that later features
// (inline edit, add, delete, rename) can act on the selection directly.
type valueRow struct {
	Path  jsonedit.Path
	Key   string // the member name, or "[i]" for an array element
	depth int    // 0 for top-level fields
	node  *jsonedit.Node
	dup   bool // the key appears more than once in its object
}

// kind is the row value's JSON kind.
func (r valueRow) kind() jsonedit.Kind { return r.node.Kind() }

// container reports whether the row is an object or an array.
func (r valueRow) container() bool {
	k := r.kind()
	return k == jsonedit.Object || k == jsonedit.Array
}

// valueTable is the JSON table's model: the document's fields in document
// order, with containers expanded or collapsed, and a cursor. It knows
// nothing about masking or rendering.
type valueTable struct {
	Rows     []valueRow
	expanded map[string]bool // by path string
	cursor   int
	offset   int
}

func newValueTable() valueTable { return valueTable{expanded: map[string]bool{}} }

// build lists the visible rows of doc, keeping the cursor on keep when that
// path still exists.
func (t *valueTable) build(doc *jsonedit.Document, keep jsonedit.Path) {
	t.Rows = t.Rows[:0]
	if doc != nil {
		t.add(doc.Root(), nil, 0)
	}
	t.cursor = 0
	if keep != nil {
		want := keep.String()
		for i, r := range t.Rows {
			if r.Path.String() == want {
				t.cursor = i
				break
			}
		}
	}
}

func (t *valueTable) add(n *jsonedit.Node, parent jsonedit.Path, depth int) {
	for _, f := range n.Fields() {
		p := parent.Append(f.Elem())
		key := f.Key
		if n.Kind() == jsonedit.Array {
			key = "[" + strconv.Itoa(f.Index) + "]"
		}
		t.Rows = append(t.Rows, valueRow{Path: p, Key: key, depth: depth, node: f.Value, dup: f.Duplicate})
		k := f.Value.Kind()
		if (k == jsonedit.Object || k == jsonedit.Array) && t.expanded[p.String()] {
			t.add(f.Value, p, depth+1)
		}
	}
}

// Selected returns the row under the cursor.
func (t *valueTable) Selected() (valueRow, bool) {
	if t.cursor < 0 || t.cursor >= len(t.Rows) {
		return valueRow{}, false
	}
	return t.Rows[t.cursor], true
}

// selectedPath is the path under the cursor, nil when the table is empty.
func (t *valueTable) selectedPath() jsonedit.Path {
	if r, ok := t.Selected(); ok {
		return r.Path
	}
	return nil
}

// toggle expands or collapses the selected container; it reports whether
// the selection was a non-empty container.
func (t *valueTable) toggle(doc *jsonedit.Document) bool {
	r, ok := t.Selected()
	if !ok || !r.container() || r.node.Len() == 0 {
		return false
	}
	k := r.Path.String()
	if t.expanded[k] {
		delete(t.expanded, k)
	} else {
		t.expanded[k] = true
	}
	t.build(doc, r.Path)
	return true
}

// isExpanded reports whether the container at p shows its children.
func (t *valueTable) isExpanded(p jsonedit.Path) bool { return t.expanded[p.String()] }

// move moves the cursor by n rows and keeps it within height visible rows.
func (t *valueTable) move(n, height int) {
	t.cursor += n
	t.clamp(height)
}

// clamp keeps the cursor on a row and the row on the screen.
func (t *valueTable) clamp(height int) {
	height = max(height, 1)
	t.cursor = max(min(t.cursor, len(t.Rows)-1), 0)
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+height {
		t.offset = t.cursor - height + 1
	}
	t.offset = max(min(t.offset, len(t.Rows)-height), 0)
}
