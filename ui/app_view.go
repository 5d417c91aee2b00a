package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// The chrome around the top screen: header, production banner, status line,
// error box and help footer.

// chromeHeight is the number of lines the header, banner, status line and
// help footer take.
func (a *App) chromeHeight() int { return a.chromeHeightWith(a.helpView()) }

// chromeHeightWith is chromeHeight with the help footer already drawn.
func (a *App) chromeHeightWith(help string) int {
	h := 2 // header + status line
	if a.shownSession().Production {
		h++
	}
	return h + lipgloss.Height(help)
}

func (a *App) helpView() string {
	if a.errBox != nil {
		// The error box is the top layer: its keys, not the screen's.
		return common.Cut(a.help.ShortHelpView(a.errorBoxHelp()), a.width)
	}
	if a.helpL.open {
		// The help is a layer too: the footer shows its keys.
		return a.shortHelpOf(a.helpLayerHelp())
	}
	return a.shortHelpView()
}

// shortHelpView is the one-line footer: the top screen's main keys, as many
// as fit, and always "? help" last, so the rest of the keys are one press away
// however narrow the window.
func (a *App) shortHelpView() string {
	items := a.top().ShortHelp()
	more := a.env.Keys.Common.Help
	sep := a.help.ShortSeparator + a.help.Ellipsis
	if line, ok := a.chrome.help.get(a.env.Styles, a.width, footerScreen, sep, items, more); ok {
		return line
	}
	return a.chrome.help.put(a.env.Styles, a.width, footerScreen, sep, items, more, a.drawShortHelp(items, more))
}

func (a *App) drawShortHelp(items []key.Binding, more key.Binding) string {
	unbounded := a.help
	unbounded.SetWidth(0)
	for n := len(items); n > 0; n-- {
		line := unbounded.ShortHelpView(append(items[:n:n], more))
		if common.Width(line) <= a.width {
			return line
		}
	}
	// cut so a narrow terminal never wraps the footer.
	return common.Cut(unbounded.ShortHelpView([]key.Binding{more}), a.width)
}

// shortHelpOf is a layer's one-line footer: as many of items as fit, the
// last (its close key) always kept.
func (a *App) shortHelpOf(items []key.Binding) string {
	sep := a.help.ShortSeparator + a.help.Ellipsis
	first, last := items[:len(items)-1], items[len(items)-1]
	if line, ok := a.chrome.help.get(a.env.Styles, a.width, footerLayer, sep, first, last); ok {
		return line
	}
	return a.chrome.help.put(a.env.Styles, a.width, footerLayer, sep, first, last, a.drawShortHelpOf(items))
}

func (a *App) drawShortHelpOf(items []key.Binding) string {
	unbounded := a.help
	unbounded.SetWidth(0)
	last := items[len(items)-1]
	for n := len(items) - 1; n > 0; n-- {
		line := unbounded.ShortHelpView(append(items[:n:n], last))
		if common.Width(line) <= a.width {
			return line
		}
	}
	return common.Cut(unbounded.ShortHelpView([]key.Binding{last}), a.width)
}

// View renders the whole window. Its cost depends on the window's size, not
// on how many secrets are loaded: screens render only their visible rows.
func (a *App) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "smtui — " + a.titleTrail()
	if a.width == 0 || a.height == 0 || a.exit.signal != nil {
		return v
	}
	above := []string{a.headerView()}
	if a.shownSession().Production {
		above = append(above, a.bannerView())
	}
	help := a.helpView()
	bodyH := max(a.height-a.chromeHeightWith(help), 1)
	body := a.top().View()
	if _, boxed := a.top().(common.Boxed); boxed && screenWidth(a.top(), a.width) < a.width {
		body = lipgloss.PlaceHorizontal(a.width, lipgloss.Center, body)
	}
	if a.helpL.open {
		body = a.helpLayerView(bodyH)
	}
	if a.errBox != nil {
		body = a.errorBoxView(bodyH)
	}
	v.SetContent(joinFrame(a.width, bodyH, above, body, []string{a.statusView(), help}))
	return v
}

// bannerView is the production banner.
func (a *App) bannerView() string {
	st := a.env.Styles
	if out, ok := a.chrome.banner.get(st, a.width, 0, ""); ok {
		return out
	}
	text := common.Cut("PRODUCTION — every change asks you to type the secret's name", a.width-2)
	return a.chrome.banner.put(st, a.width, 0, "", st.Banner.Width(a.width).Render(text))
}

// screenWidth is the width a screen is given: the window's, or at most
// common.BoxMaxWidth for a dialog box, which View centres.
func screenWidth(s common.Screen, width int) int {
	if _, boxed := s.(common.Boxed); boxed {
		return min(width, common.BoxMaxWidth)
	}
	return width
}

// crumbSep separates the screens' titles in the header and window title.
const crumbSep = " › "

func (a *App) titleTrail() string { return strings.Join(a.trailNames(), crumbSep) }

func (a *App) trailNames() []string {
	names := make([]string, 0, len(a.stack))
	for _, s := range a.stack {
		names = append(names, common.Sanitize(s.Title()))
	}
	return names
}

// secretCrumb is the index in the stack of the screen about one secret
// (common.SecretScreen) nearest the top, or -1.
func (a *App) secretCrumb() int {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if _, ok := a.stack[i].(common.SecretScreen); ok {
			return i
		}
	}
	return -1
}

// fitTrail joins the titles in width cells, dropping the first ones ("… › ")
// before cutting the last. The title at keep (the secret's name; -1: none)
// stays: the titles after it are cut first, then it.
func fitTrail(names []string, keep, width int) string {
	for i := range names {
		if keep >= 0 && i > keep {
			break
		}
		t := strings.Join(names[i:], crumbSep)
		if i > 0 {
			t = "…" + crumbSep + t
		}
		if common.Width(t) <= width {
			return t
		}
	}
	if len(names) == 0 {
		return ""
	}
	if keep < 0 || keep >= len(names) {
		return common.Cut(names[len(names)-1], width)
	}
	name, tail := names[keep], strings.Join(names[keep+1:], crumbSep)
	if tail == "" {
		return common.Cut(name, width)
	}
	tail = crumbSep + tail
	if common.Width(name+tail) <= width {
		return name + tail
	}
	if room := width - common.Width(name); room >= common.Width(crumbSep)+3 {
		return name + common.Cut(tail, room)
	}
	return common.Cut(name, width)
}

func (a *App) headerView() string {
	st := a.env.Styles
	left := "smtui"
	if a.opts.Demo {
		left += " [demo]"
	}
	if a.env.ReadOnly {
		left += " [read-only]"
	}
	shown := a.shownSession()
	profile := shown.Profile
	if profile == "" {
		profile = "default"
	}
	// Where the operator is matters more than the account: on a narrow
	// window the account goes first, then the profile, and the trail keeps
	// its end (the screen on top).
	rights := []string{"profile " + common.Sanitize(profile)}
	if shown.Account != "" {
		rights = append([]string{rights[0] + " · " + common.Sanitize(shown.Account)}, rights...)
	}
	rights = append(rights, "")
	trail := a.trailNames()
	keep := a.secretCrumb()
	// The trail needs room for the top screen's title, or for the secret's
	// name and what is open over it: the account and profile give way.
	need := min(24, common.Width(strings.Join(trail, crumbSep)))
	if keep >= 0 {
		need = common.Width(strings.Join(trail[keep:], crumbSep))
	}
	var right string
	avail := 0
	for _, right = range rights {
		avail = a.width - 2 - common.Width(left) - common.Width(right) - 4
		if avail >= need {
			break
		}
	}
	line := left + "  " + fitTrail(trail, keep, max(avail, 0))
	gap := a.width - 2 - common.Width(line) - common.Width(right)
	if gap < 1 {
		line = common.Cut(line, a.width-2)
	} else {
		line += strings.Repeat(" ", gap) + right
	}
	if out, ok := a.chrome.header.get(st, a.width, 0, line); ok {
		return out
	}
	return a.chrome.header.put(st, a.width, 0, line, st.Header.Width(a.width).Render(line))
}

// shownSession is the session the chrome shows: the App's, or that of the
// topmost screen working in another (common.SessionScoped).
func (a *App) shownSession() common.Session {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if s, ok := a.stack[i].(common.SessionScoped); ok {
			return s.ScopedSession()
		}
	}
	return a.env.Session
}
