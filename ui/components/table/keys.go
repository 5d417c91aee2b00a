package table

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// Filter is the fuzzy filter input of a secret table.
type Filter struct {
	editing bool // the input has focus
	input   textinput.Model
}

// NewFilter makes the filter input, empty and unfocused.
func NewFilter() Filter {
	in := textinput.New()
	in.Prompt = "/ "
	return Filter{input: in}
}

// Navigate moves the cursor for a navigation key; false if msg is not one.
func (t *Secrets) Navigate(msg tea.KeyPressMsg) bool {
	k := t.env.Keys.Nav
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.PageUp):
		t.move(-max(t.Height-1, 1))
	case key.Matches(msg, k.PageDown):
		t.move(max(t.Height-1, 1))
	case key.Matches(msg, k.Top):
		t.moveTo(0)
	case key.Matches(msg, k.Bottom):
		t.moveTo(len(t.Shown) - 1)
	default:
		return false
	}
	return true
}

// Wheel scrolls for a mouse wheel message.
func (t *Secrets) Wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		t.move(-3)
	case tea.MouseWheelDown:
		t.move(3)
	}
}

// RowAt returns the index among the visible rows of the row shown on line
// y of the row lines (0: the first line under the column titles), or -1.
func (t *Secrets) RowAt(y int) int {
	if y < 0 || y >= t.Height {
		return -1
	}
	i := t.offset + y
	if i >= len(t.Shown) {
		return -1
	}
	return i
}

// SelectVisible puts the cursor on row i of the visible rows (a click).
func (t *Secrets) SelectVisible(i int) { t.moveTo(i) }

// Select puts the cursor on the row with key when it is visible and
// reports whether it is.
func (t *Secrets) Select(key string) bool {
	for i, h := range t.Shown {
		if t.Rows[h.Item].Key == key {
			t.moveTo(i)
			return true
		}
	}
	return false
}

// StartFilter focuses the filter input, holding the current query.
func (t *Secrets) StartFilter() tea.Cmd {
	t.ensureIndexed() // now, not on the first character typed
	t.filter.editing = true
	t.filter.input.SetValue(t.Query)
	t.filter.input.CursorEnd()
	return t.filter.input.Focus()
}

// Filtering is true while the filter input has focus.
func (t *Secrets) Filtering() bool { return t.filter.editing }

// FilterShown is true when the filter line takes a line of the screen.
func (t *Secrets) FilterShown() bool { return t.filter.editing || t.Query != "" }

// UpdateFilter handles a message while the filter input has focus: typing
// filters live, Editor.Submit keeps the filter and returns to the rows,
// Editor.Cancel clears it.
func (t *Secrets) UpdateFilter(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case SearchStepMsg:
		return t.continueSearch(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, t.env.Keys.Input.Cancel):
			t.ClearFilter()
			return nil
		case key.Matches(msg, t.env.Keys.Input.Submit):
			// The rows to act on are all the hits: finish the search now
			// (no step message reaches a table that is not filtering).
			t.finishSearch()
			t.filter.editing = false
			t.filter.input.Blur()
			return nil
		}
	}
	var cmd tea.Cmd
	t.filter.input, cmd = t.filter.input.Update(msg)
	t.SetQuery(t.filter.input.Value())
	return tea.Batch(cmd, t.searchCmd())
}

// ClearFilter drops the query and closes the input; it reports whether
// there was anything to clear.
func (t *Secrets) ClearFilter() bool {
	had := t.filter.editing || t.Query != ""
	t.filter.editing = false
	t.filter.input.Blur()
	t.filter.input.SetValue("")
	t.SetQuery("")
	return had
}

// FilterLine is the filter input (or the applied filter) and how many
// loaded rows match.
func (t *Secrets) FilterLine() string {
	st := t.env.Styles
	counted := common.GroupThousands(len(t.Shown)) + "/" + common.GroupThousands(len(t.Rows))
	if t.search != nil {
		counted += " searching…"
	}
	count := st.Muted.Render("  " + counted)
	if t.filter.editing {
		return common.Cut(t.filter.input.View()+count, t.width)
	}
	hint := st.Muted.Render("  (" + t.env.Keys.Common.Back.Help().Key + " clears)")
	return common.Cut(st.Match.Render("/ "+t.Query)+count+hint, t.width)
}
