package insight

import (
	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
)

// page is what the answer screens share: one scrolled page of text that
// the screen rebuilds when its answer or its size changes. They have no
// text input, and the same keys: move, refresh, back.
type page struct {
	env           *common.Env
	pager         pager.Model
	width, height int
}

func newPage(env *common.Env) page { return page{env: env, pager: pager.New()} }

// View renders the scrolled page.
func (p *page) View() string { return p.pager.View(p.env.Styles) }

// resize records the screen's share of the window; the screen rebuilds.
func (p *page) resize(w, h int) {
	p.width, p.height = w, h
	p.pager.SetSize(w, h)
}

// Capturing is always false: the page has no text input.
func (p *page) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (p *page) ShortHelp() []key.Binding {
	k := p.env.Keys
	return []key.Binding{k.Nav.Up, k.Nav.Down, k.Common.Refresh, k.Common.Back}
}

// FullHelp lists every binding of the page.
func (p *page) FullHelp() [][]key.Binding {
	k := p.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Refresh, k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}
