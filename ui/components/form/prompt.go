package form

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// PromptResult is what a key press did to a prompt.
type PromptResult int

const (
	promptEditing   PromptResult = iota // still typing
	PromptSubmitted                     // Editor.Submit: read value()
	PromptCancelled                     // Editor.Cancel
)

// Prompt is a one-line text input with a title, a hint and an error
// line, embedded by screens that ask for a short text (a server filter, an
// MFA code). It captures every key while open; Editor.Submit submits and
// Editor.Cancel cancels.
type Prompt struct {
	env   *common.Env
	title string
	hint  string
	err   string
	Input textinput.Model
	width int
}

// NewPrompt makes a focused prompt holding value.
func NewPrompt(env *common.Env, title, hint, value string) *Prompt {
	in := textinput.New()
	in.Prompt = "› "
	in.SetValue(value)
	in.CursorEnd()
	return &Prompt{env: env, title: title, hint: hint, Input: in}
}

// Focus gives the prompt the keyboard; the command blinks the cursor.
func (p *Prompt) Focus() tea.Cmd { return p.Input.Focus() }

// Masked hides what is typed behind bullets (an MFA code).
func (p *Prompt) Masked() *Prompt {
	p.Input.EchoMode = textinput.EchoPassword
	p.Input.EchoCharacter = '•'
	return p
}

// Value is the text typed so far.
func (p *Prompt) Value() string { return p.Input.Value() }

// SetError shows why the value was refused; the prompt stays open.
func (p *Prompt) SetError(msg string) { p.err = msg }

// Update handles one message while the prompt is open.
func (p *Prompt) Update(msg tea.Msg) (PromptResult, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.env.Keys.Input.Submit):
			return PromptSubmitted, nil
		case key.Matches(k, p.env.Keys.Input.Cancel):
			return PromptCancelled, nil
		}
		p.err = ""
	}
	var cmd tea.Cmd
	p.Input, cmd = p.Input.Update(msg)
	return promptEditing, cmd
}

// SetWidth gives the prompt the width it may use.
func (p *Prompt) SetWidth(w int) {
	p.width = w
	p.Input.SetWidth(max(w-6, 4))
}

// Height is the number of lines view takes.
func (p *Prompt) Height() int { return lipgloss.Height(p.View()) }

// View renders the title, the input, then the error or the hint, in a pane.
func (p *Prompt) View() string {
	st := p.env.Styles
	inner := max(p.width-4, 1)
	lines := []string{st.Section.Render(common.Cut(p.title, inner)), p.Input.View()}
	switch {
	case p.err != "":
		lines = append(lines, st.Error.Render(common.Cut(p.err, inner)))
	case p.hint != "":
		lines = append(lines, st.Muted.Render(common.Cut(p.hint, inner)))
	}
	help := p.env.Keys.Input.Submit.Help().Key + " " + p.env.Keys.Input.Submit.Help().Desc + " · " +
		p.env.Keys.Input.Cancel.Help().Key + " " + p.env.Keys.Input.Cancel.Help().Desc
	lines = append(lines, st.Muted.Render(common.Cut(help, inner)))
	return st.Pane.Width(max(p.width, 6)).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
