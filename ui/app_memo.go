package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/ui/common"
)

// chromeMemo remembers the chrome's last drawn lines. The header, banner,
// status line and help footer are redrawn with every frame (60 a second
// while pages arrive) and are the same nearly every time; drawing them with
// lipgloss was a third of a list frame. A line is drawn again when what it
// is drawn from changes: its text, the width, the styles (a new theme is a
// new *common.Styles) or, for the footer, the bindings.
type chromeMemo struct {
	header, banner, status lineMemo
	help                   helpMemo
}

// lineMemo is one line's last drawing: out, drawn from in (and variant,
// such as a status level) at width in styles.
type lineMemo struct {
	styles  *common.Styles
	width   int
	variant int
	in, out string
	ok      bool
}

// get is the line drawn from these inputs last time, if it was.
func (m *lineMemo) get(st *common.Styles, width, variant int, in string) (string, bool) {
	if m.ok && m.styles == st && m.width == width && m.variant == variant && m.in == in {
		return m.out, true
	}
	return "", false
}

// put remembers a line drawn from these inputs.
func (m *lineMemo) put(st *common.Styles, width, variant int, in, out string) string {
	*m = lineMemo{styles: st, width: width, variant: variant, in: in, out: out, ok: true}
	return out
}

// footerItem is what the footer draws of a binding.
type footerItem struct {
	key, desc string
	enabled   bool
}

// helpMemo is the footer's last drawing: out, drawn from items then last
// (the key always kept), by kind of footer, at width in styles.
type helpMemo struct {
	styles *common.Styles
	width  int
	kind   int
	sep    string // the help model's separator and ellipsis
	items  []footerItem
	out    string
	ok     bool
}

// The kinds of footer helpMemo remembers.
const (
	footerScreen = iota // the top screen's keys and "? help"
	footerLayer         // a layer's keys, its close key last
)

func (m *helpMemo) get(st *common.Styles, width, kind int, sep string, items []key.Binding, last key.Binding) (string, bool) {
	if !m.ok || m.styles != st || m.width != width || m.kind != kind || m.sep != sep || len(m.items) != len(items)+1 {
		return "", false
	}
	for i, b := range items {
		if !m.items[i].is(b) {
			return "", false
		}
	}
	if !m.items[len(items)].is(last) {
		return "", false
	}
	return m.out, true
}

func (m *helpMemo) put(st *common.Styles, width, kind int, sep string, items []key.Binding, last key.Binding, out string) string {
	m.items = m.items[:0]
	for _, b := range items {
		m.items = append(m.items, footerItemOf(b))
	}
	m.items = append(m.items, footerItemOf(last))
	m.styles, m.width, m.kind, m.sep, m.out, m.ok = st, width, kind, sep, out, true
	return out
}

func footerItemOf(b key.Binding) footerItem {
	h := b.Help()
	return footerItem{key: h.Key, desc: h.Desc, enabled: b.Enabled()}
}

func (it footerItem) is(b key.Binding) bool {
	if it.enabled != b.Enabled() {
		return false
	}
	h := b.Help()
	return it.key == h.Key && it.desc == h.Desc
}
