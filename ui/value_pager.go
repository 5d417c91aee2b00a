package ui

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

// pager is a scrollable block of text over a viewport, used by the detail,
// policy and raw value views. Lines are wrapped to the width (never cut), so
// nothing is lost on a narrow terminal; a last line says where you are when
// the text is taller than the pager.
type pager struct {
	vp     viewport.Model
	src    []string // unwrapped lines, as given
	width  int
	height int
}

func newPager() pager {
	vp := viewport.New()
	vp.SoftWrap = false // we wrap ourselves, so the line count is known
	return pager{vp: vp}
}

// SetSize resizes the pager and rewraps its text.
func (p *pager) SetSize(w, h int) {
	p.width, p.height = max(w, 1), max(h, 1)
	p.rewrap()
}

// SetLines replaces the text, keeping the scroll position where possible.
func (p *pager) SetLines(lines []string) {
	p.src = lines
	p.rewrap()
}

func (p *pager) rewrap() {
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
	p.vp.SetWidth(p.width)
	p.vp.SetHeight(h)
	p.vp.SetContentLines(wrapped)
}

// overflows reports whether the text is taller than the pager.
func (p *pager) overflows() bool { return p.vp.TotalLineCount() > p.vp.Height() }

// handleKey scrolls on the navigation bindings; it reports whether the key
// was one of them.
func (p *pager) handleKey(nav *keymap.Nav, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, nav.Up):
		p.vp.ScrollUp(1)
	case key.Matches(msg, nav.Down):
		p.vp.ScrollDown(1)
	case key.Matches(msg, nav.PageUp):
		p.vp.PageUp()
	case key.Matches(msg, nav.PageDown):
		p.vp.PageDown()
	case key.Matches(msg, nav.Top):
		p.vp.GotoTop()
	case key.Matches(msg, nav.Bottom):
		p.vp.GotoBottom()
	default:
		return false
	}
	return true
}

// handleWheel scrolls on the mouse wheel.
func (p *pager) handleWheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		p.vp.ScrollUp(3)
	case tea.MouseWheelDown:
		p.vp.ScrollDown(3)
	}
}

// View renders the visible lines and, when scrolled text overflows, a
// position line.
func (p *pager) View(st *common.Styles) string {
	v := p.vp.View()
	if !p.overflows() {
		return v
	}
	first := p.vp.YOffset() + 1
	last := min(p.vp.YOffset()+p.vp.Height(), p.vp.TotalLineCount())
	pos := fmt.Sprintf("lines %d-%d of %d", first, last, p.vp.TotalLineCount())
	switch {
	case p.vp.AtTop():
		pos += " ↓"
	case p.vp.AtBottom():
		pos += " ↑"
	default:
		pos += " ↑↓"
	}
	return v + "\n" + st.Muted.Render(common.Cut(pos, p.width))
}
