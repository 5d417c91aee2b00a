package dialog

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// versionLabelsStyled renders a version's labels, or "no labels".
func versionLabelsStyled(st *common.Styles, labels []string) string {
	if len(labels) == 0 {
		return st.Deprecated.Render("no labels")
	}
	ls := common.SortedLabels(labels)
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = common.StageStyle(st, l).Render(common.Sanitize(l))
	}
	return strings.Join(parts, " ")
}

func (m *MoveLabelScreen) layout() {
	h := max(m.height-6, 1)
	if m.labelSel != nil {
		m.labelSel.SetHeight(h)
	}
	if m.targets != nil {
		m.targets.SetHeight(h)
	}
	m.input.SetWidth(max(m.width-10, 4))
	m.write.setSize(m.width, m.height)
}

// View renders the current step.
func (m *MoveLabelScreen) View() string {
	st := m.env.Styles
	w := max(m.width-4, 6)
	switch {
	case m.loadErr != nil:
		return confirm.Notice(m.env, m.width, "Can't move a label", []string{st.Error.Render(common.DescribeError(m.env.Keys, m.loadErr))})
	case m.loading:
		return confirm.Notice(m.env, m.width, "Move a label of "+m.ref.String(), []string{st.Muted.Render("listing versions…")})
	}
	k := m.env.Keys
	var lines []string
	switch m.step {
	case stepPickLabel:
		lines = append(lines, st.Title.Render(common.Cut("Move a staging label of "+common.Sanitize(m.ref.String()), w)), st.Text.Render("Which label?"))
		lines = append(lines, m.labelSel.Lines(w)...)
		lines = append(lines, st.Muted.Render(common.Cut(common.HelpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	case stepNewLabel:
		lines = append(lines, st.Title.Render(common.Cut("New staging label for "+common.Sanitize(m.ref.String()), w)),
			st.Text.Render("Label (1-256 characters):"), m.input.View())
		if m.inputErr != "" {
			lines = append(lines, st.Error.Render(common.Cut(m.inputErr, w)))
		}
		lines = append(lines, st.Muted.Render(common.Cut(common.HelpLine(k.Input.Submit, k.Input.Cancel), w)))
	case stepPickTarget:
		lines = append(lines, st.Title.Render(common.Cut("Move "+common.Sanitize(m.label)+" to which version?", w)))
		if m.from != "" {
			lines = append(lines, st.Muted.Render(common.Cut("now on version "+m.from, w)))
		} else {
			lines = append(lines, st.Muted.Render(common.Cut("a new label: it is on no version yet", w)))
		}
		lines = append(lines, m.targets.Lines(w)...)
		lines = append(lines, st.Muted.Render(common.Cut(common.HelpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	case stepConfirmMove:
		return m.write.Pane.View()
	}
	return st.Pane.Width(max(m.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window.
func (m *MoveLabelScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

// Title names the screen in the breadcrumb.
func (m *MoveLabelScreen) Title() string { return "move label" }

// Capturing is true while a label is typed or the name guard has focus.
func (m *MoveLabelScreen) Capturing() bool {
	return m.step == stepNewLabel || (m.step == stepConfirmMove && m.write.capturing())
}

// ShortHelp lists the main bindings.
func (m *MoveLabelScreen) ShortHelp() []key.Binding {
	k := m.env.Keys
	if m.step == stepConfirmMove {
		return m.write.Pane.ShortHelp()
	}
	return []key.Binding{chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (m *MoveLabelScreen) FullHelp() [][]key.Binding {
	k := m.env.Keys
	return [][]key.Binding{{chooseKey(k), k.Nav.Up, k.Nav.Down}, {k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Back}}
}
