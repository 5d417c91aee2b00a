package picker

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Item is one choice of a picker: the text matched and shown, and a
// muted note after it ("current", "recent", "sso").
type Item struct {
	Label string
	Note  string
}

// List is the filterable, optionally multi-select list the region and
// profile pickers share. It does no I/O.
type List struct {
	env     *common.Env
	items   []Item
	multi   bool
	Checked map[int]bool
	query   string
	shown   []fuzzy.Hit
	cursor  int
	offset  int
	height  int
	width   int
	filter  textinput.Model
	editing bool // the filter input has focus
	labelW  int  // the widest label, so notes line up
}

// New makes a pick list of items; multi lets several be checked.
func New(env *common.Env, items []Item, multi bool) *List {
	p := &List{env: env, items: items, multi: multi, Checked: map[int]bool{}}
	p.filter = textinput.New()
	p.filter.Prompt = "/ "
	for _, it := range items {
		p.labelW = max(p.labelW, ansi.StringWidth(it.Label))
	}
	p.refilter()
	return p
}

func (p *List) refilter() {
	p.shown = p.shown[:0]
	if strings.TrimSpace(p.query) == "" {
		for i := range p.items {
			p.shown = append(p.shown, fuzzy.Hit{Item: i})
		}
	} else {
		p.shown = fuzzy.Find(p.query, func(i int) []fuzzy.Field { return []fuzzy.Field{fuzzy.NewField(p.items[i].Label, 0, 0)} }, len(p.items), nil)
	}
	p.clamp()
}

// Current returns the item index under the cursor, or -1.
func (p *List) Current() int {
	if p.cursor < 0 || p.cursor >= len(p.shown) {
		return -1
	}
	return p.shown[p.cursor].Item
}

// MoveToItem puts the cursor on item i if it is shown.
func (p *List) MoveToItem(i int) {
	for j, h := range p.shown {
		if h.Item == i {
			p.cursor = j
			p.clamp()
			return
		}
	}
}

func (p *List) clamp() {
	p.cursor = min(max(p.cursor, 0), max(len(p.shown)-1, 0))
	h := max(p.height, 1)
	if p.offset > p.cursor {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+h {
		p.offset = p.cursor - h + 1
	}
	p.offset = max(min(p.offset, len(p.shown)-h), 0)
}

// Capturing is true while the filter input has focus.
func (p *List) Capturing() bool { return p.editing }

// ClearFilter drops the filter; it reports whether there was one.
func (p *List) ClearFilter() bool {
	had := p.query != "" || p.editing
	p.editing = false
	p.filter.Blur()
	p.filter.SetValue("")
	p.query = ""
	p.refilter()
	return had
}

// Update handles navigation, toggling and the filter. It reports whether
// the operator chose (Picker.Select) the current item(s).
func (p *List) Update(msg tea.Msg) (chosen bool, cmd tea.Cmd) {
	k := p.env.Keys
	if p.editing {
		if km, ok := msg.(tea.KeyPressMsg); ok {
			switch {
			case key.Matches(km, k.Input.Cancel):
				p.ClearFilter()
				return false, nil
			case key.Matches(km, k.Input.Submit):
				p.editing = false
				p.filter.Blur()
				return false, nil
			}
		}
		p.filter, cmd = p.filter.Update(msg)
		if v := p.filter.Value(); v != p.query {
			p.query = v
			p.refilter()
		}
		return false, cmd
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			p.cursor -= 3
		} else if msg.Button == tea.MouseWheelDown {
			p.cursor += 3
		}
		p.clamp()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Nav.Up):
			p.cursor--
		case key.Matches(msg, k.Nav.Down):
			p.cursor++
		case key.Matches(msg, k.Nav.PageUp):
			p.cursor -= max(p.height-1, 1)
		case key.Matches(msg, k.Nav.PageDown):
			p.cursor += max(p.height-1, 1)
		case key.Matches(msg, k.Nav.Top):
			p.cursor = 0
		case key.Matches(msg, k.Nav.Bottom):
			p.cursor = len(p.shown) - 1
		case key.Matches(msg, k.Picker.Filter):
			p.editing = true
			p.filter.SetValue(p.query)
			p.filter.CursorEnd()
			return false, p.filter.Focus()
		case p.multi && key.Matches(msg, k.Picker.Toggle):
			if i := p.Current(); i >= 0 {
				p.Checked[i] = !p.Checked[i]
				p.cursor++
			}
		case p.multi && key.Matches(msg, k.Picker.All):
			p.SelectAll()
		case p.multi && key.Matches(msg, k.Picker.None):
			p.SelectNone()
		case key.Matches(msg, k.Picker.Select):
			return p.Current() >= 0 || (p.multi && len(p.CheckedItems()) > 0), nil
		}
		p.clamp()
	}
	return false, nil
}

// SelectAll ticks every shown item (every item when there is no filter).
func (p *List) SelectAll() {
	for _, h := range p.shown {
		p.Checked[h.Item] = true
	}
}

// SelectNone unticks every item, shown or not.
func (p *List) SelectNone() { clear(p.Checked) }

// Multi reports whether several items can be checked.
func (p *List) Multi() bool { return p.multi }

// CheckedItems are the checked items in list order.
func (p *List) CheckedItems() []int {
	var out []int
	for i := range p.items {
		if p.Checked[i] {
			out = append(out, i)
		}
	}
	return out
}

// SetSize gives the list its share of the window.
func (p *List) SetSize(w, h int) {
	p.width, p.height = w, h
	p.filter.SetWidth(max(w-12, 4))
	p.clamp()
}

// View renders the visible items and, when filtering, the filter line.
func (p *List) View() string {
	st := p.env.Styles
	var lines []string
	end := min(p.offset+p.height, len(p.shown))
	for j := p.offset; j < end; j++ {
		h := p.shown[j]
		it := p.items[h.Item]
		sel := j == p.cursor
		rs := common.NewRowStyles(st, sel)
		var b strings.Builder
		gutter := "  "
		if sel {
			gutter = "› "
		}
		b.WriteString(rs.Base.Render(gutter))
		used := 2
		if p.multi {
			box := "[ ] "
			if p.Checked[h.Item] {
				box = "[x] "
			}
			b.WriteString(rs.Base.Render(box))
			used += 4
		}
		avail := max(p.width-used, 1)
		labelW := min(ansi.StringWidth(it.Label), avail)
		if it.Note != "" || p.hasNotes() {
			labelW = min(p.labelW, avail) // notes start in one column
		}
		b.WriteString(fuzzy.MatchedCell(it.Label, 0, h.Pos, labelW, rs.Base, rs.Match))
		used += labelW
		if it.Note != "" && p.width-used > 3 {
			note := common.Cut("  "+it.Note, p.width-used)
			b.WriteString(rs.Muted.Render(note))
			used += ansi.StringWidth(note)
		}
		if pad := p.width - used; pad > 0 {
			b.WriteString(rs.Base.Render(strings.Repeat(" ", pad)))
		}
		lines = append(lines, b.String())
	}
	if len(p.shown) == 0 {
		lines = append(lines, st.Muted.Render(common.Cut("  nothing matches “"+p.query+"”", p.width)))
	}
	return strings.Join(lines, "\n")
}

func (p *List) hasNotes() bool {
	for _, it := range p.items {
		if it.Note != "" {
			return true
		}
	}
	return false
}

// FilterLine is the filter input or the applied filter; "" when none.
func (p *List) FilterLine() string {
	switch {
	case p.editing:
		return common.Cut(p.filter.View(), p.width)
	case p.query != "":
		return common.Cut(p.env.Styles.Match.Render("/ "+p.query)+p.env.Styles.Muted.Render("  ("+p.env.Keys.Common.Back.Help().Key+" clears)"), p.width)
	}
	return ""
}
