package list

import (
	"os/exec"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// SSOScreen offers to run `aws sso login --profile NAME` when an SSO
// profile's credentials are missing or expired. Yes hands the terminal to
// the AWS CLI, then the App connects the session again (common.SSOLoginDoneMsg).
type SSOScreen struct {
	env    *common.Env
	runner func(profile string) common.SSOLogin // nil: the AWS CLI
	info   aws.Profile
	err    error
	width  int
	height int
}

// NewSSOScreen offers an `aws sso login` for profile info, whose connect failed with err.
func NewSSOScreen(env *common.Env, runner func(profile string) common.SSOLogin, info aws.Profile, err error) *SSOScreen {
	return &SSOScreen{env: env, runner: runner, info: info, err: err}
}

// Init does nothing: the screen waits for an answer.
func (s *SSOScreen) Init() tea.Cmd { return nil }

// Update waits for yes or no.
func (s *SSOScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.env.Keys.Dialog.Yes):
		return s, tea.Sequence(common.Pop(), ssoLogin(s.runner, s.info.Name))
	case key.Matches(k, s.env.Keys.Dialog.No):
		return s, s.decline()
	}
	return s, nil
}

func (s *SSOScreen) decline() tea.Cmd {
	return tea.Batch(common.Pop(), common.Warn("not signed in: run aws sso login --profile "+s.info.Name+", then press "+
		s.env.Keys.Common.Refresh.Help().Key))
}

// ssoLogin runs the sign-in: through runner (Options.SSOLoginRunner) when
// set (tests), else `aws sso login --profile NAME` with the terminal handed
// over.
func ssoLogin(runner func(profile string) common.SSOLogin, profile string) tea.Cmd {
	done := func(err error) tea.Msg { return common.SSOLoginDoneMsg{Profile: profile, Err: err} }
	if runner != nil {
		return func() tea.Msg { return done(runner(profile).Run()) }
	}
	return tea.ExecProcess(exec.Command("aws", "sso", "login", "--profile", profile), done)
}

// HandleBack answers no.
func (s *SSOScreen) HandleBack() (bool, tea.Cmd) { return true, s.decline() }

// View shows the question in a pane.
func (s *SSOScreen) View() string {
	st := s.env.Styles
	w := min(s.width, 72)
	inner := max(w-4, 10)
	body := lipgloss.JoinVertical(lipgloss.Left,
		st.Warning.Render(common.Cut("Your AWS SSO session for profile "+s.info.Name+" has expired or is missing.", inner)),
		"",
		lipgloss.Wrap(common.DescribeError(s.env.Keys, s.err), inner, " "),
		"",
		common.Cut("Sign in now with: aws sso login --profile "+s.info.Name, inner),
		"",
		st.Muted.Render(common.Cut(s.env.Keys.Dialog.Yes.Help().Key+" sign in · "+s.env.Keys.Dialog.No.Help().Key+" not now", inner)),
	)
	return lipgloss.Place(s.width, s.height, lipgloss.Center, lipgloss.Center, st.Pane.Width(w).Render(body))
}

// SetSize gives the screen its share of the window.
func (s *SSOScreen) SetSize(w, h int) { s.width, s.height = w, h }

// Title names the screen in the breadcrumb.
func (s *SSOScreen) Title() string { return "sign in" }

// Capturing is false: q and ? keep working.
func (s *SSOScreen) Capturing() bool { return false }

// ShortHelp lists yes and no.
func (s *SSOScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.env.Keys.Dialog.Yes, s.env.Keys.Dialog.No}
}

// FullHelp lists yes and no.
func (s *SSOScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
