package list

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
)

// MFAScreen asks for the MFA code of a profile whose role needs one, before
// the session connects (seq is that connect's). What is typed shows as
// bullets.
type MFAScreen struct {
	env    *common.Env
	seq    int
	info   aws.Profile
	region string
	prompt *form.Prompt
	width  int
	height int
}

// NewMFAScreen asks for the MFA code of profile info, for the session's connect seq.
func NewMFAScreen(env *common.Env, seq int, info aws.Profile, region string) *MFAScreen {
	p := form.NewPrompt(env, "MFA code for profile "+info.Name,
		"the 6-digit code of "+info.MFASerial, "").Masked()
	p.Input.CharLimit = 6
	return &MFAScreen{env: env, seq: seq, info: info, region: region, prompt: p}
}

// Init focuses the code input.
func (m *MFAScreen) Init() tea.Cmd { return m.prompt.Focus() }

// Update reads the code; submit checks it is six digits and hands it over.
func (m *MFAScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	res, cmd := m.prompt.Update(msg)
	switch res {
	case form.PromptCancelled:
		return m, tea.Batch(common.Pop(), common.Ask(common.MFACodeMsg{Seq: m.seq, Cancelled: true}))
	case form.PromptSubmitted:
		code := strings.TrimSpace(m.prompt.Value())
		if !validMFACode(code) {
			m.prompt.SetError("an MFA code is 6 digits")
			return m, nil
		}
		return m, tea.Batch(common.Pop(), common.Ask(common.MFACodeMsg{Seq: m.seq, Code: code}))
	}
	return m, cmd
}

// validMFACode reports whether code is six ASCII digits.
func validMFACode(code string) bool {
	if len(code) != 6 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// View centres the prompt.
func (m *MFAScreen) View() string {
	st := m.env.Styles
	note := st.Muted.Render(common.Cut("connecting to "+m.region+" with role "+m.info.RoleARN, max(m.width-2, 1)))
	body := lipgloss.JoinVertical(lipgloss.Left, m.prompt.View(), note)
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, body)
}

// SetSize gives the screen its share of the window.
func (m *MFAScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.prompt.SetWidth(min(w, 60))
}

// Title names the screen in the breadcrumb.
func (m *MFAScreen) Title() string { return "MFA code" }

// Capturing is always true: every key goes to the code input.
func (m *MFAScreen) Capturing() bool { return true }

// ShortHelp lists the prompt's keys.
func (m *MFAScreen) ShortHelp() []key.Binding {
	return []key.Binding{m.env.Keys.Input.Submit, m.env.Keys.Input.Cancel}
}

// FullHelp lists the prompt's keys.
func (m *MFAScreen) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
