package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// tableFilter is the fuzzy filter input of a secret table.
type tableFilter struct {
	editing bool // the input has focus
	input   textinput.Model
}

func newTableFilter() tableFilter {
	in := textinput.New()
	in.Prompt = "/ "
	return tableFilter{input: in}
}

// navigate moves the cursor for a navigation key; false if msg is not one.
func (t *secretTable) navigate(msg tea.KeyPressMsg) bool {
	k := t.env.Keys.Nav
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.PageUp):
		t.move(-max(t.height-1, 1))
	case key.Matches(msg, k.PageDown):
		t.move(max(t.height-1, 1))
	case key.Matches(msg, k.Top):
		t.moveTo(0)
	case key.Matches(msg, k.Bottom):
		t.moveTo(len(t.shown) - 1)
	default:
		return false
	}
	return true
}

// wheel scrolls for a mouse wheel message.
func (t *secretTable) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		t.move(-3)
	case tea.MouseWheelDown:
		t.move(3)
	}
}

// startFilter focuses the filter input, holding the current query.
func (t *secretTable) startFilter() tea.Cmd {
	t.filter.editing = true
	t.filter.input.SetValue(t.query)
	t.filter.input.CursorEnd()
	return t.filter.input.Focus()
}

// filtering is true while the filter input has focus.
func (t *secretTable) filtering() bool { return t.filter.editing }

// filterShown is true when the filter line takes a line of the screen.
func (t *secretTable) filterShown() bool { return t.filter.editing || t.query != "" }

// updateFilter handles a message while the filter input has focus: typing
// filters live, Editor.Submit keeps the filter and returns to the rows,
// Editor.Cancel clears it.
func (t *secretTable) updateFilter(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, t.env.Keys.Input.Cancel):
			t.clearFilter()
			return nil
		case key.Matches(k, t.env.Keys.Input.Submit):
			t.filter.editing = false
			t.filter.input.Blur()
			return nil
		}
	}
	var cmd tea.Cmd
	t.filter.input, cmd = t.filter.input.Update(msg)
	t.setQuery(t.filter.input.Value())
	return cmd
}

// clearFilter drops the query and closes the input; it reports whether
// there was anything to clear.
func (t *secretTable) clearFilter() bool {
	had := t.filter.editing || t.query != ""
	t.filter.editing = false
	t.filter.input.Blur()
	t.filter.input.SetValue("")
	t.setQuery("")
	return had
}

// filterLine is the filter input (or the applied filter) and how many
// loaded rows match.
func (t *secretTable) filterLine() string {
	st := t.env.Styles
	count := st.Muted.Render("  " + common.GroupThousands(len(t.shown)) + "/" + common.GroupThousands(len(t.rows)))
	if t.filter.editing {
		return common.Cut(t.filter.input.View()+count, t.width)
	}
	hint := st.Muted.Render("  (" + t.env.Keys.Common.Back.Help().Key + " clears)")
	return common.Cut(st.Match.Render("/ "+t.query)+count+hint, t.width)
}
