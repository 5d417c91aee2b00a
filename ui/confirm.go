package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// confirmResult is what an input did to a confirmation pane.
type confirmResult int

const (
	confirmOpen     confirmResult = iota // still deciding
	confirmAccepted                      // the operator confirmed (and typed the name if asked)
	confirmDeclined                      // the operator cancelled
)

// confirmFocus is what has the keyboard inside a confirmation pane.
type confirmFocus int

const (
	focusCancel confirmFocus = iota
	focusConfirm
	focusName
)

// confirmOptions shapes a confirmation pane.
type confirmOptions struct {
	// danger marks a destructive action: Danger style, and Cancel has the
	// focus first so an absent-minded enter changes nothing.
	danger bool
	// confirmLabel is the button that does it ("Roll back", "Delete").
	confirmLabel string
	// requireName, when set, must be typed exactly before the action is
	// enabled (the production guard, and every deletion).
	requireName string
	// nameReason says why the name is asked for.
	nameReason string
	// guard asks for a name on a production account only: the pane
	// decides from its Env, so no dialog repeats the choice.
	guard *nameGuard
}

// nameGuard is the production guard: the name to type, and why.
type nameGuard struct {
	name, reason string
}

// confirmPane is a reusable confirmation dialog embedded by the write
// screens, after gum's confirm: a title, body lines, Cancel and a confirm
// button, and optionally a "type the secret's name" input. It does no I/O:
// the screen that owns it runs the call when update reports confirmAccepted,
// and keeps the pane open (busy, then with the error) so nothing is lost.
type confirmPane struct {
	env   *common.Env
	title string
	body  []string // as given
	lines []string // body wrapped to the width
	opts  confirmOptions

	focus  confirmFocus
	input  textinput.Model
	hint   string // why the last confirm was refused
	busy   string // shown while the owner's call runs; keys are ignored
	errMsg string // the last failure, shown until the next attempt

	offset        int // first body line shown
	width, height int
}

// newConfirmPane builds a pane. With requireName, the name input has the
// focus; otherwise Cancel (destructive) or the confirm button does.
func newConfirmPane(env *common.Env, title string, body []string, opts confirmOptions) *confirmPane {
	if opts.confirmLabel == "" {
		opts.confirmLabel = "Confirm"
	}
	if opts.guard != nil && env.Production && opts.requireName == "" {
		opts.requireName, opts.nameReason = opts.guard.name, opts.guard.reason
	}
	p := &confirmPane{env: env, title: title, opts: opts, width: 60, height: 20}
	p.input = textinput.New()
	p.input.Prompt = "› "
	p.input.CharLimit = 600
	switch {
	case opts.requireName != "":
		p.focus = focusName
	case opts.danger:
		p.focus = focusCancel
	default:
		p.focus = focusConfirm
	}
	p.setBody(body)
	return p
}

// init focuses the name input when there is one.
func (p *confirmPane) init() tea.Cmd {
	if p.focus == focusName {
		return p.input.Focus()
	}
	return nil
}

// setBody replaces the body lines (styled text; wrapped here).
func (p *confirmPane) setBody(body []string) {
	p.body = body
	p.rewrap()
}

// setSize gives the pane its box.
func (p *confirmPane) setSize(w, h int) {
	p.width, p.height = max(w, 10), max(h, 3)
	p.input.SetWidth(max(p.innerWidth()-3, 4))
	p.rewrap()
}

func (p *confirmPane) innerWidth() int { return max(p.width-4, 6) }

func (p *confirmPane) rewrap() {
	w := p.innerWidth()
	p.lines = p.lines[:0]
	for _, l := range p.body {
		if l == "" {
			p.lines = append(p.lines, "")
			continue
		}
		p.lines = append(p.lines, common.WrapText(l, w)...)
	}
	p.clampOffset()
}

// capturing reports whether the name input has the keyboard.
func (p *confirmPane) capturing() bool { return p.focus == focusName && p.busy == "" }

// nameOK reports whether the name guard, if any, is satisfied.
func (p *confirmPane) nameOK() bool {
	return p.opts.requireName == "" || strings.TrimSpace(p.input.Value()) == p.opts.requireName
}

// setBusy shows text (e.g. "rolling back…") and ignores keys until cleared.
func (p *confirmPane) setBusy(text string) {
	p.busy = text
	if text != "" {
		p.errMsg, p.hint = "", ""
	}
}

// setError shows a failure; the pane stays open with everything typed.
func (p *confirmPane) setError(err error) {
	p.busy = ""
	if err == nil {
		p.errMsg = ""
		return
	}
	p.errMsg = common.DescribeError(p.env.Keys, err)
}

// update handles one message. It never does I/O.
func (p *confirmPane) update(msg tea.Msg) (confirmResult, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.scroll(-3)
		case tea.MouseWheelDown:
			p.scroll(3)
		}
		return confirmOpen, nil
	case tea.PasteMsg:
		if p.focus == focusName && p.busy == "" {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return confirmOpen, cmd
		}
		return confirmOpen, nil
	case tea.KeyPressMsg:
		if p.busy != "" {
			return confirmOpen, nil
		}
		if p.focus == focusName {
			return p.nameKey(msg)
		}
		return p.buttonKey(msg)
	}
	if p.focus == focusName {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return confirmOpen, cmd
	}
	return confirmOpen, nil
}

func (p *confirmPane) nameKey(msg tea.KeyPressMsg) (confirmResult, tea.Cmd) {
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Input.Submit):
		return p.tryAccept(), nil
	case key.Matches(msg, k.Input.Cancel):
		return confirmDeclined, nil
	case key.Matches(msg, k.Dialog.Switch):
		p.setFocus(focusCancel)
		return confirmOpen, nil
	case common.IsArrow(msg) && p.scrollKey(msg):
		return confirmOpen, nil
	}
	p.hint = ""
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return confirmOpen, cmd
}

func (p *confirmPane) buttonKey(msg tea.KeyPressMsg) (confirmResult, tea.Cmd) {
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Input.Submit): // enter picks the focused button
		if p.focus == focusConfirm {
			return p.tryAccept(), nil
		}
		return confirmDeclined, nil
	case key.Matches(msg, k.Dialog.Yes):
		return p.tryAccept(), nil
	case key.Matches(msg, k.Dialog.No):
		return confirmDeclined, nil
	case key.Matches(msg, k.Dialog.Switch):
		switch {
		case p.focus == focusCancel:
			p.setFocus(focusConfirm)
		case p.opts.requireName != "":
			return confirmOpen, p.setFocus(focusName)
		default:
			p.setFocus(focusCancel)
		}
		return confirmOpen, nil
	}
	p.scrollKey(msg)
	return confirmOpen, nil
}

// tryAccept accepts if the name guard is satisfied, else explains.
func (p *confirmPane) tryAccept() confirmResult {
	if !p.nameOK() {
		p.hint = "the name does not match: type " + common.Sanitize(p.opts.requireName) + " exactly to enable " + p.opts.confirmLabel
		return confirmOpen
	}
	p.hint = ""
	return confirmAccepted
}

func (p *confirmPane) setFocus(f confirmFocus) tea.Cmd {
	p.focus = f
	if f == focusName {
		return p.input.Focus()
	}
	p.input.Blur()
	return nil
}

// scrollKey scrolls the body with the navigation bindings.
func (p *confirmPane) scrollKey(msg tea.KeyPressMsg) bool {
	n := &p.env.Keys.Nav
	switch {
	case key.Matches(msg, n.Up):
		p.scroll(-1)
	case key.Matches(msg, n.Down):
		p.scroll(1)
	case key.Matches(msg, n.PageUp):
		p.scroll(-max(p.bodyHeight()-1, 1))
	case key.Matches(msg, n.PageDown):
		p.scroll(max(p.bodyHeight()-1, 1))
	default:
		return false
	}
	return true
}

func (p *confirmPane) scroll(n int) {
	p.offset += n
	p.clampOffset()
}

func (p *confirmPane) clampOffset() {
	p.offset = min(p.offset, max(len(p.lines)-p.bodyHeight(), 0))
	p.offset = max(p.offset, 0)
}

// footer renders everything below the body: name guard, notes, buttons, help.
// scrollable adds the scroll hint to the help line (same line count).
func (p *confirmPane) footer(scrollable bool) []string {
	st := p.env.Styles
	w := p.innerWidth()
	var out []string
	compact := p.height < 18 // short windows: fewer blank lines, one-line guard
	if p.opts.requireName != "" {
		reason := p.opts.nameReason
		if reason == "" {
			reason = "Type the secret's name to confirm"
		}
		if compact {
			out = append(out, st.Label.Render(common.Cut("type "+common.Sanitize(p.opts.requireName)+" to confirm:", w)), p.input.View())
		} else {
			out = append(out, "", st.Label.Render(common.Cut(reason+":", w)), st.Text.Render(common.Cut(common.Sanitize(p.opts.requireName), w)), p.input.View())
		}
		switch {
		case p.hint != "":
			out = append(out, common.WrapText(st.Error.Render(p.hint), w)...)
		case p.input.Value() == "":
			out = append(out, st.Muted.Render(common.Cut(p.opts.confirmLabel+" stays disabled until the name is typed", w)))
		case !p.nameOK():
			out = append(out, st.Warning.Render(common.Cut("does not match the secret's name yet", w)))
		default:
			out = append(out, st.Success.Render(common.Cut("✓ the name matches", w)))
		}
	} else if p.hint != "" {
		out = append(out, common.WrapText(st.Error.Render(p.hint), w)...)
	}
	if p.errMsg != "" {
		out = append(out, common.WrapText(st.Error.Render("✗ "+common.Sanitize(p.errMsg)), w)...)
	}
	if !compact {
		out = append(out, "")
	}
	if p.busy != "" {
		out = append(out, st.Info.Render(common.Cut(common.Sanitize(p.busy), w)))
	} else {
		out = append(out, p.buttons())
	}
	k := p.env.Keys
	help := common.HelpLine(k.Dialog.Switch, k.Input.Submit, k.Input.Cancel)
	if p.focus != focusName {
		help = common.HelpLine(k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch)
	}
	if scrollable {
		help += " · ↑↓ scroll"
	}
	out = append(out, st.Muted.Render(common.Cut(help, w)))
	return out
}

// buttons renders [ Cancel ] [ Confirm ], the focused one highlighted.
func (p *confirmPane) buttons() string {
	st := p.env.Styles
	render := func(label string, focused bool, style lipgloss.Style) string {
		text := "[ " + label + " ]"
		if focused {
			return st.Selected.Inherit(style).Render(text)
		}
		return style.Render(text)
	}
	confirmStyle := st.Text
	if p.opts.danger {
		confirmStyle = st.Danger
	}
	label := p.opts.confirmLabel
	if !p.nameOK() {
		confirmStyle = st.Muted
		label += " (disabled)"
	}
	line := render("Cancel", p.focus == focusCancel, st.Text) + "  " +
		render(label, p.focus == focusConfirm, confirmStyle)
	return common.Cut(line, p.innerWidth())
}

// bodyHeight is how many body lines fit next to the title and footer.
func (p *confirmPane) bodyHeight() int {
	head := 2 // title + blank line
	if p.height < 18 {
		head = 1
	}
	return max(p.height-2-head-len(p.footer(false)), 1) // border, head, footer
}

// view renders the pane in its box.
func (p *confirmPane) view() string {
	st := p.env.Styles
	w := p.innerWidth()
	titleStyle := st.Title
	pane := st.Pane
	if p.opts.danger {
		titleStyle = st.Danger
		pane = pane.BorderForeground(st.Danger.GetForeground())
	}
	out := []string{titleStyle.Render(common.Cut(common.Sanitize(p.title), w))}
	if p.height >= 18 {
		out = append(out, "")
	}
	bh := p.bodyHeight()
	end := min(p.offset+bh, len(p.lines))
	visible := p.lines[p.offset:end]
	if len(p.lines) > bh && bh > 1 {
		visible = p.lines[p.offset:min(p.offset+bh-1, len(p.lines))]
		out = append(out, visible...)
		out = append(out, st.Muted.Render(common.Cut(scrollNote(p.offset, len(visible), len(p.lines)), w)))
	} else {
		out = append(out, visible...)
	}
	out = append(out, p.footer(len(p.lines) > bh)...)
	for i, l := range out {
		out[i] = common.Cut(l, w)
	}
	return pane.Width(p.width).Render(strings.Join(out, "\n"))
}

// scrollNote says where the visible body lines are in the whole.
func scrollNote(offset, shown, total int) string {
	more := total - offset - shown
	switch {
	case more > 0 && offset > 0:
		return "… " + common.Plural(offset, "line") + " above, " + common.Plural(more, "line") + " below"
	case more > 0:
		return "… " + common.Plural(more, "more line") + " below (↓ to scroll)"
	default:
		return "… " + common.Plural(offset, "line") + " above"
	}
}

// closePane is esc on a screen that may show a confirmation pane: it closes
// the pane unless a call is in flight, and reports whether there was one
// (then esc goes no further).
func closePane(p **confirmPane) bool {
	if *p == nil {
		return false
	}
	if (*p).busy == "" {
		*p = nil
	}
	return true
}

// shortHelp is a screen's short help while the pane is open: the name
// guard's keys while it has the keyboard, yes/no otherwise.
func (p *confirmPane) shortHelp() []key.Binding {
	k := p.env.Keys
	if p.capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel, k.Dialog.Switch}
	}
	return []key.Binding{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}
}
