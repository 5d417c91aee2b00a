package list

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// sortChoice is one line of the sort menu: a key and a direction.
type sortChoice struct {
	by, order string
}

// sortChoices are the sort menu's lines: each key, ascending then
// descending.
func sortChoices() []sortChoice {
	var out []sortChoice
	for _, by := range []string{"", aws.SortByName, aws.SortByLastChanged, aws.SortByLastAccessed} {
		out = append(out, sortChoice{by, aws.SortAsc}, sortChoice{by, aws.SortDesc})
	}
	return out
}

// sortArrow is ↑ for ascending (the server's default) and ↓ for
// descending.
func sortArrow(order string) string {
	if order == aws.SortDesc {
		return "↓"
	}
	return "↑"
}

// SortText is what the header says of the order in force: "created ↑".
func SortText(opts aws.ListOptions) string {
	return sortName(opts.SortBy) + " " + sortArrow(opts.SortOrder)
}

// applySort puts the rows in the order of the list options: at once, here,
// when every secret is loaded; else the listing restarts so the server
// sorts what is not loaded yet.
func (l *Screen) applySort() tea.Cmd {
	text := "sorted by " + SortText(l.ListOpts)
	if l.Complete && !l.Loading && l.LoadErr == nil {
		start := time.Now() // the real clock: how long the operator waited
		l.Table.SortStableByKey(listKey(l.ListOpts))
		d := time.Since(start)
		took := "in " + d.Round(time.Millisecond).String()
		if d < time.Millisecond {
			took = "in under 1ms" // not "in 0s"
		}
		return common.Info(fmt.Sprintf("%s: %s sorted here %s", text, CountText(len(l.Table.Rows)), took))
	}
	return tea.Batch(common.Info(text+" (listing again: not everything was loaded)"), l.restart())
}

// sortMenu is the small menu that picks a sort key and direction.
type sortMenu struct {
	cursor int
}

// openSortMenu opens the menu on the order in force.
func (l *Screen) openSortMenu() {
	l.menu = &sortMenu{}
	for i, c := range sortChoices() {
		if c.by == l.ListOpts.SortBy && sortArrow(c.order) == sortArrow(l.ListOpts.SortOrder) {
			l.menu.cursor = i
		}
	}
	l.layoutTable()
}

// menuKey handles a key while the sort menu is open: up and down move,
// enter picks, esc (or the menu's key again) closes it.
func (l *Screen) menuKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.env.Keys
	choices := sortChoices()
	switch {
	case key.Matches(msg, k.Nav.Up):
		l.menu.cursor = max(l.menu.cursor-1, 0)
	case key.Matches(msg, k.Nav.Down):
		l.menu.cursor = min(l.menu.cursor+1, len(choices)-1)
	case key.Matches(msg, k.Nav.Open):
		c := choices[l.menu.cursor]
		l.closeSortMenu()
		l.ListOpts.SortBy, l.ListOpts.SortOrder = c.by, c.order
		return l.applySort()
	case key.Matches(msg, k.Common.Back), key.Matches(msg, k.List.SortMenu):
		l.closeSortMenu()
	}
	return nil
}

func (l *Screen) closeSortMenu() {
	l.menu = nil
	l.layoutTable()
}

// menuHeight is the lines the sort menu takes (0 when closed).
func (l *Screen) menuHeight() int {
	if l.menu == nil {
		return 0
	}
	return len(sortChoices()) + 1
}

// menuView renders the sort menu.
func (l *Screen) menuView() string {
	st := l.env.Styles
	k := l.env.Keys
	lines := []string{st.Title.Render(common.Cut("Sort by ("+k.Nav.Open.Help().Key+" picks, "+k.Common.Back.Help().Key+" closes)", l.width))}
	for i, c := range sortChoices() {
		text := "  " + sortName(c.by) + " " + sortArrow(c.order)
		style := st.Muted
		if i == l.menu.cursor {
			text = "› " + sortName(c.by) + " " + sortArrow(c.order)
			style = st.Match
		}
		lines = append(lines, style.Render(common.Cut(text, l.width)))
	}
	return strings.Join(lines, "\n")
}
