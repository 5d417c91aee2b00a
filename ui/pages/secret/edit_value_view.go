package secret

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// editView draws the open editor (or the discard question) over the
// bottom of the viewer's body.
func (v *Value) editView(body string) string {
	var pane string
	switch {
	case v.Edit.discard:
		st := v.env.Styles
		k := v.env.Keys.Dialog
		pane = st.Pane.Width(max(v.width, 6)).Render(lipgloss.JoinVertical(lipgloss.Left,
			st.Warning.Render(common.Cut("Discard "+common.Plural(v.PendingEdits(), "unsaved edit")+"?", max(v.width-4, 1))),
			st.Muted.Render(common.Cut(common.KeyHelp(k.Yes)+" discard and leave · "+common.KeyHelp(k.No)+" keep editing", max(v.width-4, 1)))))
	case v.Edit.Editor != nil:
		pane = v.Edit.Editor.View()
	default:
		return body
	}
	ph := lipgloss.Height(pane)
	lines := strings.Split(body, "\n")
	keep := max(min(v.height-ph, len(lines)), 0)
	return strings.Join(append(lines[:keep], pane), "\n")
}

// editMarker marks a row with an unsaved change.
func (v *Value) editMarker(p jsonedit.Path) string {
	if v.Edit.modified[p.String()] {
		return " *"
	}
	return ""
}

// editInfo is the info line's note about unsaved edits.
func (v *Value) editInfo() string {
	n := v.PendingEdits()
	if n == 0 {
		return ""
	}
	return v.env.Styles.Changed.Render(common.Plural(n, "unsaved edit") + " (*) — " + common.KeyHelp(v.env.Keys.Editing.Save) + " reviews")
}

// editHelp is the short help while editing, or the editing bindings.
func (v *Value) editHelp() []key.Binding {
	k := v.env.Keys
	switch {
	case v.Edit.discard:
		return []key.Binding{common.WithHelpDesc(k.Dialog.Yes, "discard and leave"), common.WithHelpDesc(k.Dialog.No, "keep editing")}
	case v.Edit.Editor != nil:
		b := []key.Binding{v.Edit.Editor.SubmitKey(), k.Input.Cancel, k.Input.Reveal}
		if v.Edit.Editor.CanToggle() {
			b = append(b, v.Edit.Editor.ToggleKey())
		}
		return b
	}
	return nil
}

// editBindings are the viewer's editing bindings for its help (disabled
// ones, in read-only mode, are left out by the help itself).
func (v *Value) editBindings() []key.Binding {
	k := v.env.Keys.Editing
	return []key.Binding{k.Edit, k.AddField, k.DelField, k.Rename, k.External, k.Save}
}
