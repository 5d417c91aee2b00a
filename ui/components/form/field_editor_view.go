package form

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// View renders the pane: title, input, type and state, what applying does
// while replacing a masked value, error or help.
func (e *FieldEditor) View() string {
	st := e.env.Styles
	inner := max(e.width-4, 1)
	k := &e.env.Keys.Input
	var body string
	switch {
	case e.Area != nil:
		body = e.Area.view(st)
	case e.masked && e.mode != modeKey:
		// The input's own password echo draws one dot per character, which
		// would give away the value's length: show the fixed mask instead,
		// and whether the text was changed, so typing still has feedback.
		body = common.Cut(e.input.Prompt+st.Masked.Render(common.MaskText)+" "+st.Muted.Render(e.maskedState()), inner)
	default:
		body = e.input.View()
	}
	var info []string
	if e.mode == modeValue {
		t := "type " + e.Kind.String()
		if e.CanToggle() {
			tk := e.ToggleKey()
			t += " (" + common.KeyHelp(tk) + " " + tk.Help().Desc + ")"
		}
		info = append(info, t)
	}
	if e.mode != modeKey {
		if e.masked {
			info = append(info, "masked while you type — "+common.KeyHelp(k.Reveal)+" reveals")
		} else {
			info = append(info, "revealed")
		}
	}
	lines := []string{st.Section.Render(common.Cut(e.title, inner)), body}
	if len(info) > 0 {
		lines = append(lines, st.Muted.Render(common.Cut(strings.Join(info, " · "), inner)))
	}
	if hint := e.replaceHint(); hint != "" {
		lines = append(lines, st.Muted.Render(common.Cut(hint, inner)))
	}
	if e.Err != "" {
		lines = append(lines, st.Error.Render(common.Cut(e.Err, inner)))
	}
	sub := e.SubmitKey()
	help := common.KeyHelp(sub) + " " + sub.Help().Desc + " · " + common.KeyHelp(k.Cancel) + " " + k.Cancel.Help().Desc
	lines = append(lines, st.Muted.Render(common.Cut(help, inner)))
	return st.Pane.Width(max(e.width, 6)).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// maskedState is the one-line editor's feedback while masked. Replacing,
// it says only whether anything was typed: comparing the typed text with
// the hidden value would tell the operator (or a bystander) whether a
// guess matches it.
func (e *FieldEditor) maskedState() string {
	changed := e.Text() != e.origText
	if e.replacing {
		changed = e.Text() != ""
	}
	if changed {
		return "changed"
	}
	return "unchanged"
}

// replaceHint says what applying does while the editor replaces a masked
// value, or "" when it edits in place.
func (e *FieldEditor) replaceHint() string {
	if !e.replacing {
		return ""
	}
	sub := common.KeyHelp(e.SubmitKey())
	if e.keepsCurrent() {
		return "type the new value · " + sub + " with nothing typed keeps the current one"
	}
	return "your text replaces the current value · erase it to keep the current one"
}
