package confirm

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// Choice is one row of a choiceList. A row with a reason cannot be chosen;
// the reason is shown when the cursor is on it.
type Choice struct {
	Text   string // styled
	Reason string // why it cannot be chosen; empty if it can
}

// ChoiceList is a small cursor list for the write dialogs (labels, versions,
// ways out of a stuck rotation). It scrolls to keep the cursor visible.
type ChoiceList struct {
	env    *common.Env
	Items  []Choice
	Cursor int
	offset int
	height int
}

// NewChoiceList makes a choice list of items, the first highlighted.
func NewChoiceList(env *common.Env, items []Choice) *ChoiceList {
	return &ChoiceList{env: env, Items: items, height: 5}
}

// SetHeight sets how many rows are shown.
func (c *ChoiceList) SetHeight(h int) { c.height = max(h, 1); c.follow() }

// Selected is the cursor's index (-1 for an empty list).
func (c *ChoiceList) Selected() int {
	if len(c.Items) == 0 {
		return -1
	}
	return c.Cursor
}

// SetCursor moves the cursor to i.
func (c *ChoiceList) SetCursor(i int) {
	if i >= 0 && i < len(c.Items) {
		c.Cursor = i
		c.follow()
	}
}

// Update moves the cursor; it reports whether the message was used.
func (c *ChoiceList) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			c.move(-1)
		case tea.MouseWheelDown:
			c.move(1)
		}
		return true
	case tea.KeyPressMsg:
		n := &c.env.Keys.Nav
		switch {
		case key.Matches(msg, n.Up):
			c.move(-1)
		case key.Matches(msg, n.Down):
			c.move(1)
		case key.Matches(msg, n.PageUp):
			c.move(-c.height)
		case key.Matches(msg, n.PageDown):
			c.move(c.height)
		case key.Matches(msg, n.Top):
			c.move(-len(c.Items))
		case key.Matches(msg, n.Bottom):
			c.move(len(c.Items))
		default:
			return false
		}
		return true
	}
	return false
}

func (c *ChoiceList) move(d int) {
	c.Cursor = min(max(c.Cursor+d, 0), max(len(c.Items)-1, 0))
	c.follow()
}

func (c *ChoiceList) follow() {
	if c.Cursor < c.offset {
		c.offset = c.Cursor
	}
	if c.Cursor >= c.offset+c.height {
		c.offset = c.Cursor - c.height + 1
	}
	c.offset = max(min(c.offset, len(c.Items)-c.height), 0)
}

// Lines renders the visible rows, cut to width, plus the reason line.
func (c *ChoiceList) Lines(width int) []string {
	st := c.env.Styles
	var out []string
	end := min(c.offset+c.height, len(c.Items))
	for i := c.offset; i < end; i++ {
		it := c.Items[i]
		text := it.Text
		if it.Reason != "" {
			text = st.Muted.Render(ansi.Strip(it.Text))
		}
		if i == c.Cursor {
			out = append(out, st.Selected.Render(common.Cut("› "+text, width)))
		} else {
			out = append(out, common.Cut("  "+text, width))
		}
	}
	if i := c.Selected(); i >= 0 && c.Items[i].Reason != "" {
		out = append(out, st.Warning.Render(common.Cut("  "+c.Items[i].Reason, width)))
	}
	return out
}
