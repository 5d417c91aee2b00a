package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// The help layer: Common.Help opens, over the whole body, every key of the
// focused screen (its FullHelp groups), then the keys that work everywhere,
// one "key  description" per line, in columns when the window is wide
// enough. It scrolls with the Nav keys and the mouse wheel; esc, q and ?
// close it. While it is open no key reaches the screen underneath.

// helpLayer is the open help's state: its first shown line.
type helpLayer struct {
	open   bool
	scroll int
}

// helpCloses reports whether msg closes the help: back, quit or help.
func (a *App) helpCloses(msg tea.KeyPressMsg) bool {
	c := &a.env.Keys.Common
	return key.Matches(msg, c.Back) || key.Matches(msg, c.Quit) || key.Matches(msg, c.Help)
}

func (a *App) openHelp() {
	a.helpL = helpLayer{open: true}
	a.layout()
}

func (a *App) closeHelp() {
	a.helpL = helpLayer{}
	a.layout()
}

// helpKey scrolls or closes the help; every other key is dropped.
func (a *App) helpKey(msg tea.KeyPressMsg) {
	n := &a.env.Keys.Nav
	page := max(a.helpRows()-1, 1)
	switch {
	case a.helpCloses(msg):
		a.closeHelp()
		return
	case key.Matches(msg, n.Down):
		a.helpL.scroll++
	case key.Matches(msg, n.Up):
		a.helpL.scroll--
	case key.Matches(msg, n.PageDown):
		a.helpL.scroll += page
	case key.Matches(msg, n.PageUp):
		a.helpL.scroll -= page
	case key.Matches(msg, n.Top):
		a.helpL.scroll = 0
	case key.Matches(msg, n.Bottom):
		a.helpL.scroll = len(a.helpLines())
	}
	a.clampHelp()
}

// helpMouse scrolls the help with the wheel; other mouse events are dropped.
func (a *App) helpMouse(msg tea.MouseMsg) {
	w, ok := msg.(tea.MouseWheelMsg)
	if !ok {
		return
	}
	switch w.Mouse().Button {
	case tea.MouseWheelDown:
		a.helpL.scroll += 3
	case tea.MouseWheelUp:
		a.helpL.scroll -= 3
	}
	a.clampHelp()
}

func (a *App) clampHelp() {
	a.helpL.scroll = max(min(a.helpL.scroll, len(a.helpLines())-a.helpRows()), 0)
}

// helpRows is how many lines of keys the body shows at once: the body less
// the title line and the position line.
func (a *App) helpRows() int {
	bodyH := max(a.height-a.chromeHeight(), 1)
	return max(bodyH-2, 1)
}

// helpBindings splits the keys into the screen's own and the global ones
// (the Common group: the App's keys and those every screen shares), each
// enabled binding once.
func (a *App) helpBindings() (screen, global []key.Binding) {
	c := &a.env.Keys.Common
	commons := []key.Binding{c.Help, c.Back, c.ErrorDetail, c.WhyDenied, c.Refresh, c.Quit, c.ForceQuit,
		c.Reveal, c.CopyName, c.CopyARN, c.New, c.Delete, c.Restore}
	isCommon := func(b key.Binding) bool {
		for _, cb := range commons {
			if sameBinding(b, cb) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	add := func(list []key.Binding, b key.Binding) []key.Binding {
		h := b.Help()
		id := h.Key + "\x00" + h.Desc
		if !b.Enabled() || h.Key == "" || seen[id] {
			return list
		}
		seen[id] = true
		return append(list, b)
	}
	var shared []key.Binding
	for _, g := range a.top().FullHelp() {
		for _, b := range g {
			if isCommon(b) {
				shared = append(shared, b)
				continue
			}
			screen = add(screen, b)
		}
	}
	if a.top().Capturing() {
		// A text field takes every key but the ones it shows itself.
		for _, b := range shared {
			global = add(global, b)
		}
		return screen, global
	}
	for _, b := range append([]key.Binding{c.Help, c.Back, c.ErrorDetail, c.WhyDenied}, shared...) {
		global = add(global, b)
	}
	if common.IsLayer(a.top()) {
		global = add(global, common.WithHelpDesc(c.Quit, "close")) // q closes a dialog or picker
	} else {
		global = add(global, c.Quit)
	}
	global = add(global, c.ForceQuit)
	return screen, global
}

func sameBinding(a, b key.Binding) bool {
	return a.Help() == b.Help() && strings.Join(a.Keys(), " ") == strings.Join(b.Keys(), " ")
}

// helpLines is the help's text, wrapped into columns for the window's width:
// the screen's section, the global one, then where the audit log is.
func (a *App) helpLines() []string {
	st := a.env.Styles
	screen, global := a.helpBindings()
	var lines []string
	lines = append(lines, st.Muted.Render(common.Cut("this screen ("+common.Sanitize(a.top().Title())+")", a.width)))
	lines = append(lines, a.helpColumns(screen)...)
	lines = append(lines, "", st.Muted.Render("everywhere"))
	lines = append(lines, a.helpColumns(global)...)
	if a.env.Audit != nil {
		// Where changes, reveals and copies are recorded (never values).
		lines = append(lines, "", st.Muted.Render(common.Cut("audit log: "+a.env.Audit.Path(), a.width)))
	}
	return lines
}

// helpColumns lays bindings out "key  description", down the first column
// then the next, as many columns as the width holds.
func (a *App) helpColumns(bs []key.Binding) []string {
	if len(bs) == 0 {
		return []string{"  (none)"}
	}
	keyW, descW := 0, 0
	for _, b := range bs {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		descW = max(descW, ansi.StringWidth(b.Help().Desc))
	}
	const gap = 4
	cellW := 2 + keyW + 2 + descW
	cols := max(min((a.width+gap)/(cellW+gap), len(bs)), 1)
	rows := (len(bs) + cols - 1) / cols
	lines := make([]string, rows)
	for i, b := range bs {
		r, c := i%rows, i/rows
		h := b.Help()
		cell := "  " + a.env.Styles.Help.FullKey.Render(h.Key) + strings.Repeat(" ", keyW-ansi.StringWidth(h.Key)+2) +
			a.env.Styles.Help.FullDesc.Render(h.Desc)
		if c > 0 {
			lines[r] += strings.Repeat(" ", max(c*(cellW+gap)-ansi.StringWidth(lines[r]), gap))
		}
		lines[r] += cell
	}
	for i := range lines {
		lines[i] = common.Cut(lines[i], a.width)
	}
	return lines
}

// helpLayerView is the open help, height lines tall.
func (a *App) helpLayerView(height int) string {
	st := a.env.Styles
	lines := a.helpLines()
	rows := a.helpRows()
	from := min(a.helpL.scroll, max(len(lines)-rows, 0))
	to := min(from+rows, len(lines))
	shown := append([]string{st.Title.Render(common.Cut("help", a.width))}, lines[from:to]...)
	for len(shown) < height-1 {
		shown = append(shown, "")
	}
	pos := "all keys shown"
	if len(lines) > rows {
		pos = fmt.Sprintf("lines %d–%d of %d", from+1, to, len(lines))
		if to < len(lines) {
			pos = "more below · " + pos
		}
	}
	shown = append(shown, st.Muted.Render(common.Cut(pos, a.width)))
	return strings.Join(shown[:min(len(shown), height)], "\n")
}

// helpLayerHelp is the footer while the help is open: its own keys.
func (a *App) helpLayerHelp() []key.Binding {
	k := a.env.Keys
	c := &k.Common
	var keys []string
	for _, b := range []key.Binding{c.Back, c.Quit, c.Help} {
		keys = append(keys, b.Keys()...)
	}
	closeKey := key.NewBinding(key.WithKeys(keys...), key.WithHelp(
		common.KeyHelp(c.Back)+"/"+common.KeyHelp(c.Quit)+"/"+common.KeyHelp(c.Help), "close help"))
	return []key.Binding{k.Nav.Up, k.Nav.Down, k.Nav.PageDown, k.Nav.PageUp, k.Nav.Top, k.Nav.Bottom, closeKey}
}
