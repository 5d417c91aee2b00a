package confirm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// footer renders everything below the body: name guard, notes, buttons, help.
// scrollable adds the scroll hint to the help line (same line count).
func (p *Pane) footer(scrollable bool) []string {
	st := p.env.Styles
	w := p.innerWidth()
	var out []string
	compact := p.height < 18 // short windows: fewer blank lines, one-line guard
	tiny := p.tiny()
	if p.opts.RequireName != "" {
		reason := p.opts.NameReason
		if reason == "" {
			reason = "Type the secret's name to confirm"
		}
		if compact {
			out = append(out, st.Label.Render(common.Cut("type "+common.Sanitize(p.opts.RequireName)+" to confirm:", w)), p.input.View())
		} else {
			out = append(out, "", st.Label.Render(common.Cut(reason+":", w)), st.Text.Render(common.Cut(common.Sanitize(p.opts.RequireName), w)), p.input.View())
		}
		switch {
		case tiny && p.hint != "" && p.errMsg == "":
			out = append(out, st.Error.Render(common.Cut(p.hint, w))) // one line: the buttons must fit
		case tiny:
			// no room for the name's state: the buttons say it
		case p.hint != "":
			out = append(out, common.WrapText(st.Error.Render(p.hint), w)...)
		case p.input.Value() == "":
			out = append(out, st.Muted.Render(common.Cut(p.opts.ConfirmLabel+" stays disabled until the name is typed", w)))
		case !p.nameOK():
			out = append(out, st.Warning.Render(common.Cut("does not match the secret's name yet", w)))
		default:
			out = append(out, st.Success.Render(common.Cut("✓ the name matches", w)))
		}
	} else if p.hint != "" {
		out = append(out, common.WrapText(st.Error.Render(p.hint), w)...)
	}
	switch {
	case p.errMsg != "" && tiny:
		out = append(out, st.Error.Render(common.Cut("✗ "+common.Sanitize(p.errMsg), w)))
	case p.errMsg != "":
		out = append(out, common.WrapText(st.Error.Render("✗ "+common.Sanitize(p.errMsg)), w)...)
	}
	if !compact {
		out = append(out, "")
	}
	if p.Busy != "" {
		out = append(out, st.Info.Render(common.Cut(common.Sanitize(p.Busy), w)))
	} else {
		out = append(out, p.buttons())
	}
	if tiny {
		return out // the App's footer names the keys
	}
	help := common.HelpLine(p.ShortHelp()...)
	if scrollable {
		help += " · ↑↓ scroll"
	}
	out = append(out, st.Muted.Render(common.Cut(help, w)))
	return out
}

// buttons renders [ Cancel ] [ Confirm ], the focused one highlighted.
func (p *Pane) buttons() string {
	st := p.env.Styles
	render := func(label string, focused bool, style lipgloss.Style) string {
		text := "[ " + label + " ]"
		if focused {
			return st.Selected.Inherit(style).Render(text)
		}
		return style.Render(text)
	}
	confirmStyle := st.Text
	if p.opts.Danger {
		confirmStyle = st.Danger
	}
	label := p.opts.ConfirmLabel
	if !p.nameOK() {
		confirmStyle = st.Muted
		// Said in words where it fits; the muted style says it anyway, and
		// the buttons must stay readable on a narrow window.
		if ansi.StringWidth("[ Cancel ]  [ "+label+" (disabled) ]") <= p.innerWidth() {
			label += " (disabled)"
		}
	}
	line := render("Cancel", p.focus == focusCancel, st.Text) + "  " +
		render(label, p.focus == focusConfirm, confirmStyle)
	return common.Cut(line, p.innerWidth())
}

// tiny reports a pane too short for its help line and the name's state
// (a 10-line window): the border, title, name input and buttons must fit.
func (p *Pane) tiny() bool { return p.height < 10 }

// bodyHeight is how many body lines fit next to the title and footer; on a
// tiny pane none may, so that the border and buttons stay.
func (p *Pane) bodyHeight() int {
	head := 2 // title + blank line
	if p.height < 18 {
		head = 1
	}
	least := 1
	if p.tiny() {
		least = 0
	}
	return max(p.height-2-head-len(p.footer(false)), least) // border, head, footer
}

// View renders the pane in its box.
func (p *Pane) View() string {
	st := p.env.Styles
	w := p.innerWidth()
	titleStyle := st.Title
	pane := st.Pane
	if p.opts.Danger {
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
		out = append(out, st.Muted.Render(common.Cut(ScrollNote(p.offset, len(visible), len(p.lines)), w)))
	} else {
		out = append(out, visible...)
	}
	out = append(out, p.footer(len(p.lines) > bh)...)
	for i, l := range out {
		out[i] = common.Cut(l, w)
	}
	return pane.Width(p.width).Render(strings.Join(out, "\n"))
}

// ScrollNote says where the visible body lines are in the whole.
func ScrollNote(offset, shown, total int) string {
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

// ShortHelp is a screen's short help while the pane is open: its answers
// (AnswerHelp), then the key that moves between the buttons and the name.
func (p *Pane) ShortHelp() []key.Binding {
	return append(p.AnswerHelp(), p.env.Keys.Dialog.Switch)
}

// AnswerHelp describes the keys that answer the pane by what they do now:
// enter presses the focused button ("enter cancel" on [ Cancel ], "enter
// delete" on [ Delete ] or in the name input), the yes key the confirm
// button, the no key cancels.
func (p *Pane) AnswerHelp() []key.Binding {
	k := p.env.Keys
	action := p.action()
	if p.Capturing() {
		return []key.Binding{common.WithHelpDesc(k.Input.Submit, action), k.Input.Cancel}
	}
	enter := common.WithHelpDesc(k.Input.Submit, "cancel")
	if p.focus == focusConfirm {
		enter = common.WithHelpDesc(k.Input.Submit, action)
	}
	out := []key.Binding{enter}
	if yes, ok := common.WithoutKeys(k.Dialog.Yes, k.Input.Submit, action); ok {
		out = append(out, yes)
	}
	if no, ok := common.WithoutKeys(k.Dialog.No, k.Input.Submit, "cancel"); ok {
		out = append(out, no)
	}
	return out
}

// action is the confirm button's label as a verb for the help: "Roll back"
// is "roll back", "Move AWSCURRENT" is "move AWSCURRENT".
func (p *Pane) action() string {
	l := p.opts.ConfirmLabel
	if l == "" {
		return "confirm"
	}
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToLower(r)) + l[n:]
}
