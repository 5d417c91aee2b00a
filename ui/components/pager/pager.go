package pager

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

// Model is a scrollable block of text over a viewport, used by the detail,
// policy and raw value views. Lines are wrapped to the width (never cut), so
// nothing is lost on a narrow terminal; a last line says where you are when
// the text is taller than the pager.
type Model struct {
	Vp     viewport.Model
	src    []string // unwrapped lines, as given
	width  int
	height int
}

// New makes an empty pager.
func New() Model {
	vp := viewport.New()
	vp.SoftWrap = false // we wrap ourselves, so the line count is known
	return Model{Vp: vp}
}

// SetSize resizes the pager and rewraps its text.
func (p *Model) SetSize(w, h int) {
	p.width, p.height = max(w, 1), max(h, 1)
	p.rewrap()
}

// SetLines replaces the text, keeping the scroll position where possible.
func (p *Model) SetLines(lines []string) {
	p.src = lines
	p.rewrap()
}

func (p *Model) rewrap() {
	wrapped := make([]string, 0, len(p.src))
	for _, l := range p.src {
		if ansi.StringWidth(l) <= p.width {
			wrapped = append(wrapped, l)
			continue
		}
		wrapped = append(wrapped, strings.Split(ansi.Hardwrap(l, p.width, true), "\n")...)
	}
	h := p.height
	if len(wrapped) > h && h > 1 {
		h-- // room for the position line
	}
	p.Vp.SetWidth(p.width)
	p.Vp.SetHeight(h)
	p.Vp.SetContentLines(wrapped)
}

// overflows reports whether the text is taller than the pager.
func (p *Model) overflows() bool { return p.Vp.TotalLineCount() > p.Vp.Height() }

// HandleKey scrolls on the navigation bindings; it reports whether the key
// was one of them.
func (p *Model) HandleKey(nav *keymap.Nav, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, nav.Up):
		p.Vp.ScrollUp(1)
	case key.Matches(msg, nav.Down):
		p.Vp.ScrollDown(1)
	case key.Matches(msg, nav.PageUp):
		p.Vp.PageUp()
	case key.Matches(msg, nav.PageDown):
		p.Vp.PageDown()
	case key.Matches(msg, nav.Top):
		p.Vp.GotoTop()
	case key.Matches(msg, nav.Bottom):
		p.Vp.GotoBottom()
	default:
		return false
	}
	return true
}

// HandleWheel scrolls on the mouse wheel.
func (p *Model) HandleWheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		p.Vp.ScrollUp(3)
	case tea.MouseWheelDown:
		p.Vp.ScrollDown(3)
	}
}

// View renders the visible lines and, when scrolled text overflows, a
// position line.
func (p *Model) View(st *common.Styles) string {
	v := p.Vp.View()
	if !p.overflows() {
		return v
	}
	first := p.Vp.YOffset() + 1
	last := min(p.Vp.YOffset()+p.Vp.Height(), p.Vp.TotalLineCount())
	pos := fmt.Sprintf("lines %d-%d of %d", first, last, p.Vp.TotalLineCount())
	switch {
	case p.Vp.AtTop():
		pos += " ↓"
	case p.Vp.AtBottom():
		pos += " ↑"
	default:
		pos += " ↑↓"
	}
	return v + "\n" + st.Muted.Render(common.Cut(pos, p.width))
}
