package dialog

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/form"
)

// formDialog is what the form dialogs (create, first value, rotation
// settings) share: a form, the write its submission confirms, and the
// question asked before what was typed is thrown away. A dialog embeds it
// and says what differs: its title, the lines around the form and its keys.
type formDialog struct {
	env     *common.Env
	Form    *form.Form
	Write   Lifecycle
	discard discardAsk // never opened by a dialog that does not ask

	// chrome is how many lines of the pane are not the form's: its border
	// and the dialog's lines around the form.
	chrome        int
	width, height int
}

// newFormDialog starts the form dialog of owner, whose pane shows chrome
// lines besides the form.
func newFormDialog(env *common.Env, owner common.Screen, chrome int, discard discardAsk) formDialog {
	return formDialog{env: env, Form: form.New(env), Write: NewLifecycle(env, owner), discard: discard, chrome: chrome}
}

// handleWrite takes what the write and the discard question handle: a
// write's result, anything once the write is done, the confirmation's
// messages (declining it goes back to the form, nothing lost) and the
// question's answer. handled is false for what is the form's.
func (d *formDialog) handleWrite(msg tea.Msg, op func() WriteOp) (cmd tea.Cmd, handled bool) {
	if m, ok := msg.(WrittenMsg); ok {
		cmd, _ := d.Write.Result(m)
		return cmd, true
	}
	if d.Write.Done {
		return nil, true
	}
	if d.Write.Pane != nil {
		res, cmd := d.Write.update(msg, op)
		if res == confirm.ConfirmDeclined {
			d.Write.Pane = nil
			return nil, true
		}
		return cmd, true
	}
	return d.discard.update(msg)
}

// HandleBack closes the confirmation (back to the form, nothing lost), and
// asks before leaving a form that has input in it.
func (d *formDialog) HandleBack() (bool, tea.Cmd) {
	if d.Write.close() {
		return true, nil
	}
	if !d.Write.Done && d.Form.HasText() {
		d.discard.open = true
		return true, nil
	}
	return false, nil
}

// leave closes the form, asking first if anything was typed into it.
func (d *formDialog) leave() tea.Cmd {
	if d.Form.HasText() {
		d.discard.open = true
		return nil
	}
	return common.Pop()
}

// textWidth is the width of a line inside the pane.
func (d *formDialog) textWidth() int { return max(d.width-4, 6) }

// view renders the confirmation while it is open, or the pane: the title,
// the lines above the form, the form, the lines below it and the help line
// of keys (the discard question while it is open).
func (d *formDialog) view(title string, above, below []string, keys ...key.Binding) string {
	if d.Write.Pane != nil {
		return d.Write.Pane.View()
	}
	st := d.env.Styles
	w := d.textWidth()
	lines := append([]string{st.Title.Render(common.Cut(title, w))}, above...)
	lines = append(lines, d.Form.View())
	lines = append(lines, below...)
	help := st.Muted.Render(common.Cut(common.HelpLine(keys...), w))
	if d.discard.open {
		help = d.discard.line(w)
	}
	lines = append(lines, help)
	return st.Pane.Width(max(d.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window: the form has what the
// pane's chrome leaves.
func (d *formDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	d.Form.SetSize(max(w-4, 8), max(h-d.chrome, 3))
	d.Write.setSize(w, h)
}

// Capturing is true while the discard question is open, a text field or the
// name guard has focus.
func (d *formDialog) Capturing() bool {
	if d.discard.open {
		return true
	}
	if d.Write.Pane != nil {
		return d.Write.capturing()
	}
	return d.Form.Capturing()
}

// shortHelp is the discard question's keys, the confirmation's, or the
// form's keys given.
func (d *formDialog) shortHelp(keys ...key.Binding) []key.Binding {
	if d.discard.open {
		return d.discard.shortHelp()
	}
	return d.Write.shortHelp(keys...)
}
