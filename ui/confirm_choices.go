package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// choice is one row of a choiceList. A row with a reason cannot be chosen;
// the reason is shown when the cursor is on it.
type choice struct {
	text   string // styled
	reason string // why it cannot be chosen; empty if it can
}

// choiceList is a small cursor list for the write dialogs (labels, versions,
// ways out of a stuck rotation). It scrolls to keep the cursor visible.
type choiceList struct {
	env    *common.Env
	items  []choice
	cursor int
	offset int
	height int
}

func newChoiceList(env *common.Env, items []choice) *choiceList {
	return &choiceList{env: env, items: items, height: 5}
}

// setHeight sets how many rows are shown.
func (c *choiceList) setHeight(h int) { c.height = max(h, 1); c.follow() }

// selected is the cursor's index (-1 for an empty list).
func (c *choiceList) selected() int {
	if len(c.items) == 0 {
		return -1
	}
	return c.cursor
}

// setCursor moves the cursor to i.
func (c *choiceList) setCursor(i int) {
	if i >= 0 && i < len(c.items) {
		c.cursor = i
		c.follow()
	}
}

// update moves the cursor; it reports whether the message was used.
func (c *choiceList) update(msg tea.Msg) bool {
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
			c.move(-len(c.items))
		case key.Matches(msg, n.Bottom):
			c.move(len(c.items))
		default:
			return false
		}
		return true
	}
	return false
}

func (c *choiceList) move(d int) {
	c.cursor = min(max(c.cursor+d, 0), max(len(c.items)-1, 0))
	c.follow()
}

func (c *choiceList) follow() {
	if c.cursor < c.offset {
		c.offset = c.cursor
	}
	if c.cursor >= c.offset+c.height {
		c.offset = c.cursor - c.height + 1
	}
	c.offset = max(min(c.offset, len(c.items)-c.height), 0)
}

// lines renders the visible rows, cut to width, plus the reason line.
func (c *choiceList) lines(width int) []string {
	st := c.env.Styles
	var out []string
	end := min(c.offset+c.height, len(c.items))
	for i := c.offset; i < end; i++ {
		it := c.items[i]
		text := it.text
		if it.reason != "" {
			text = st.Muted.Render(ansi.Strip(it.text))
		}
		if i == c.cursor {
			out = append(out, st.Selected.Render(common.Cut("› "+text, width)))
		} else {
			out = append(out, common.Cut("  "+text, width))
		}
	}
	if i := c.selected(); i >= 0 && c.items[i].reason != "" {
		out = append(out, st.Warning.Render(common.Cut("  "+c.items[i].reason, width)))
	}
	return out
}
