package dialog

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// discardAsk is the question the form dialogs (create, first value) ask on
// esc when something was typed: throw it away, or keep editing. While it is
// open it takes every key.
type discardAsk struct {
	env   *common.Env
	open  bool
	what  string // what is thrown away, for the status line: "the new secret"
	never string // what did not happen: "created"
}

// update answers the question; handled reports whether it took the message.
func (d *discardAsk) update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !d.open {
		return nil, false
	}
	switch {
	case key.Matches(k, d.env.Keys.Dialog.Yes):
		return tea.Batch(common.Pop(), common.Info("discarded "+d.what+"; nothing was "+d.never)), true
	case key.Matches(k, d.env.Keys.Dialog.No):
		d.open = false
	}
	return nil, true
}

// line replaces the form's key line while the question is open.
func (d *discardAsk) line(w int) string {
	k := d.env.Keys
	return d.env.Styles.Warning.Render(common.Cut("Discard what you typed? Nothing was "+d.never+". "+
		common.KeyHelp(k.Dialog.Yes)+" discards · "+common.KeyHelp(k.Dialog.No)+" keeps editing", w))
}

// shortHelp is the footer while the question is open.
func (d *discardAsk) shortHelp() []key.Binding {
	k := d.env.Keys
	return []key.Binding{common.WithHelpDesc(k.Dialog.Yes, "discard"), common.WithHelpDesc(k.Dialog.No, "keep editing")}
}
