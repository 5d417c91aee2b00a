package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// promptResult is what a key press did to a prompt.
type promptResult int

const (
	promptEditing   promptResult = iota // still typing
	promptSubmitted                     // Editor.Submit: read value()
	promptCancelled                     // Editor.Cancel
)

// textPrompt is a one-line text input with a title, a hint and an error
// line, embedded by screens that ask for a short text (a server filter, an
// MFA code). It captures every key while open; Editor.Submit submits and
// Editor.Cancel cancels.
type textPrompt struct {
	env   *common.Env
	title string
	hint  string
	err   string
	input textinput.Model
	width int
}

// newTextPrompt makes a focused prompt holding value.
func newTextPrompt(env *common.Env, title, hint, value string) *textPrompt {
	in := textinput.New()
	in.Prompt = "› "
	in.SetValue(value)
	in.CursorEnd()
	return &textPrompt{env: env, title: title, hint: hint, input: in}
}

// focus gives the prompt the keyboard; the command blinks the cursor.
func (p *textPrompt) focus() tea.Cmd { return p.input.Focus() }

// masked hides what is typed behind bullets (an MFA code).
func (p *textPrompt) masked() *textPrompt {
	p.input.EchoMode = textinput.EchoPassword
	p.input.EchoCharacter = '•'
	return p
}

// value is the text typed so far.
func (p *textPrompt) value() string { return p.input.Value() }

// setError shows why the value was refused; the prompt stays open.
func (p *textPrompt) setError(msg string) { p.err = msg }

// update handles one message while the prompt is open.
func (p *textPrompt) update(msg tea.Msg) (promptResult, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.env.Keys.Input.Submit):
			return promptSubmitted, nil
		case key.Matches(k, p.env.Keys.Input.Cancel):
			return promptCancelled, nil
		}
		p.err = ""
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return promptEditing, cmd
}

// setWidth gives the prompt the width it may use.
func (p *textPrompt) setWidth(w int) {
	p.width = w
	p.input.SetWidth(max(w-6, 4))
}

// height is the number of lines view takes.
func (p *textPrompt) height() int { return lipgloss.Height(p.view()) }

// view renders the title, the input, then the error or the hint, in a pane.
func (p *textPrompt) view() string {
	st := p.env.Styles
	inner := max(p.width-4, 1)
	lines := []string{st.Section.Render(common.Cut(p.title, inner)), p.input.View()}
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
