package list

import (
	"os/exec"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// SSOConfig says how the sign-in screen reaches IAM Identity Center and
// the operator's browser.
type SSOConfig struct {
	// Endpoint overrides the OIDC endpoint (the emulator); "" for AWS.
	Endpoint string
	// OpenBrowser opens the verification address; nil: aws.OpenBrowser.
	OpenBrowser func(address string) error
	// Runner runs the aws CLI fallback (tests); nil: `aws sso login` with
	// the terminal handed over.
	Runner func(profile string) common.SSOLogin
	// WaitNote is shown under the code while waiting (the demo says it
	// approves by itself); "" for none.
	WaitNote string
}

// ssoState is where the sign-in stands.
type ssoState int

const (
	ssoOffer    ssoState = iota // the three choices
	ssoStarting                 // refreshing, or starting a device authorization
	ssoWaiting                  // the code is shown; polling for approval
	ssoFailed                   // refused, expired or unreachable: enter tries again
)

// The choices of the offer, in order; log in now is the default.
const (
	choiceLogin = iota
	choiceCLI
	choiceLater
	choiceCount
)

// SSOScreen signs in to IAM Identity Center when a profile's SSO session is
// missing or expired: "log in now" runs the device authorization inside
// smtui (a silent refresh first), "run aws sso login instead" hands the
// terminal to the aws CLI, "not now" closes. On success it closes and tells
// the App (common.SSOLoginDoneMsg), which reconnects: the operator is back
// on the screen below.
type SSOScreen struct {
	env    *common.Env
	cfg    SSOConfig
	info   aws.Profile
	reason string // why a sign-in is needed, already sanitized
	err    error  // the failure that brought the screen up, or nil

	state   ssoState
	choice  int
	attempt int // grows with every start and cancel: older results are dropped
	login   aws.DeviceLogin
	opened  bool   // the browser was opened on the address
	failure string // what went wrong in ssoFailed, sanitized
	width   int
	height  int
}

// NewSSOScreen offers to sign in profile info. err is the failure that
// showed the session is over (nil when the cache said so before any call).
func NewSSOScreen(env *common.Env, cfg SSOConfig, info aws.Profile, reason string, err error) *SSOScreen {
	return &SSOScreen{env: env, cfg: cfg, info: info, reason: common.Sanitize(reason), err: err}
}

// Messages of the sign-in, tagged with the screen and attempt that asked.
type (
	ssoRefreshedMsg struct {
		owner   *SSOScreen
		attempt int
		ok      bool
		err     error
	}
	ssoStartedMsg struct {
		owner   *SSOScreen
		attempt int
		login   aws.DeviceLogin
		opened  bool
		err     error
	}
	ssoPollDueMsg struct {
		owner   *SSOScreen
		attempt int
	}
	ssoPolledMsg struct {
		owner   *SSOScreen
		attempt int
		res     aws.PollResult
		err     error
	}
	ssoClockMsg struct {
		owner   *SSOScreen
		attempt int
	}
)

// Init does nothing: the screen waits for a choice.
func (s *SSOScreen) Init() tea.Cmd { return nil }

// Update answers the choices and the steps of the sign-in.
func (s *SSOScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s, s.key(msg)
	case ssoRefreshedMsg:
		if msg.owner != s || msg.attempt != s.attempt {
			return s, nil
		}
		if msg.ok {
			return s, s.succeeded()
		}
		// Nothing to refresh with (or a refusal): ask the operator. A
		// failure to reach IAM Identity Center shows when the login starts.
		return s, s.begin()
	case ssoStartedMsg:
		if msg.owner != s || msg.attempt != s.attempt {
			return s, nil
		}
		if msg.err != nil {
			return s, s.fail(msg.err)
		}
		s.state, s.login, s.opened = ssoWaiting, msg.login, msg.opened
		return s, tea.Batch(s.pollAfter(msg.login.Interval), s.clock())
	case ssoPollDueMsg:
		if msg.owner != s || msg.attempt != s.attempt || s.state != ssoWaiting {
			return s, nil
		}
		return s, s.poll()
	case ssoPolledMsg:
		if msg.owner != s || msg.attempt != s.attempt || s.state != ssoWaiting {
			return s, nil
		}
		switch {
		case msg.err != nil:
			return s, s.fail(msg.err)
		case msg.res.Done:
			return s, s.succeeded()
		}
		s.login.Interval = msg.res.Interval // longer after a slow-down
		return s, s.pollAfter(msg.res.Interval)
	case ssoClockMsg:
		if msg.owner != s || msg.attempt != s.attempt || s.state != ssoWaiting {
			return s, nil
		}
		if !s.env.Now().Before(s.login.ExpiresAt) {
			s.attempt++
			s.state = ssoFailed
			s.failure = common.Sanitize("the code " + s.login.UserCode + " expired before it was approved")
			return s, nil
		}
		return s, s.clock()
	}
	return s, nil
}

// key handles a key press in each state.
func (s *SSOScreen) key(k tea.KeyPressMsg) tea.Cmd {
	keys := s.env.Keys
	switch s.state {
	case ssoOffer:
		switch {
		case key.Matches(k, keys.Nav.Up):
			s.choice = (s.choice + choiceCount - 1) % choiceCount
		case key.Matches(k, keys.Nav.Down), key.Matches(k, keys.Dialog.Switch):
			s.choice = (s.choice + 1) % choiceCount
		case key.Matches(k, keys.Dialog.Choose):
			return s.choose()
		case key.Matches(k, keys.Dialog.No):
			return s.decline()
		}
	case ssoFailed:
		switch {
		case key.Matches(k, keys.Dialog.Choose):
			return s.start()
		case key.Matches(k, keys.Dialog.No):
			s.backToOffer()
		}
	default:
		if key.Matches(k, keys.Dialog.No) {
			s.backToOffer()
		}
	}
	return nil
}

// choose acts on the choice under the cursor.
func (s *SSOScreen) choose() tea.Cmd {
	switch s.choice {
	case choiceLogin:
		return s.start()
	case choiceCLI:
		return tea.Sequence(common.Pop(), ssoCLILogin(s.cfg.Runner, s.info.Name))
	}
	return s.decline()
}

// backToOffer cancels the log-in under way: its results are dropped.
func (s *SSOScreen) backToOffer() {
	s.attempt++
	s.state, s.failure = ssoOffer, ""
}

func (s *SSOScreen) decline() tea.Cmd {
	s.attempt++
	return tea.Batch(common.Pop(), common.Warn("not signed in to "+s.info.Name+": press "+
		common.KeyHelp(s.env.Keys.Common.Refresh)+" to try again"))
}

// succeeded closes the screen and tells the App, which says so and
// reconnects.
func (s *SSOScreen) succeeded() tea.Cmd {
	s.attempt++
	return tea.Sequence(common.Pop(), common.Ask(common.SSOLoginDoneMsg{Profile: s.info.Name}))
}

// fail shows err and offers to try again.
func (s *SSOScreen) fail(err error) tea.Cmd {
	s.attempt++
	s.state = ssoFailed
	s.failure = common.DescribeError(s.env.Keys, err)
	return nil
}

func (s *SSOScreen) options() aws.SSOLoginOptions {
	return aws.SSOLoginOptions{Profile: s.info.Name, EndpointURL: s.cfg.Endpoint}
}

// start tries a silent refresh with the cached refresh token, then (from
// Update) starts a device authorization.
func (s *SSOScreen) start() tea.Cmd {
	s.attempt++
	s.state, s.failure = ssoStarting, ""
	env, o, attempt, refused := s.env, s.options(), s.attempt, s.err != nil
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		if refused {
			// AWS refused a token the cache may still call valid: only a
			// new log-in helps (RefreshSSOIfPossible would trust the cache).
			if sess, err := aws.SSOSessionOf(ctx, o, env.Now()); err == nil && sess.Status == aws.SSOValid {
				return ssoRefreshedMsg{owner: s, attempt: attempt}
			}
		}
		ok, err := aws.RefreshSSOIfPossible(ctx, o)
		return ssoRefreshedMsg{owner: s, attempt: attempt, ok: ok, err: err}
	}
}

// begin starts a device authorization and opens the browser on its address
// when one can be opened here.
func (s *SSOScreen) begin() tea.Cmd {
	env, o, attempt, open := s.env, s.options(), s.attempt, s.cfg.OpenBrowser
	if open == nil {
		open = aws.OpenBrowser
	}
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		l, err := aws.BeginSSOLogin(ctx, o)
		msg := ssoStartedMsg{owner: s, attempt: attempt, login: l, err: err}
		if err == nil {
			address := l.VerificationURIComplete
			if address == "" {
				address = l.VerificationURI
			}
			msg.opened = open(address) == nil
		}
		return msg
	}
}

// pollAfter asks for the next poll once the device's interval has passed.
func (s *SSOScreen) pollAfter(d time.Duration) tea.Cmd {
	owner, attempt := s, s.attempt
	return tea.Tick(d, func(time.Time) tea.Msg { return ssoPollDueMsg{owner: owner, attempt: attempt} })
}

// poll asks IAM Identity Center once whether the code was approved.
func (s *SSOScreen) poll() tea.Cmd {
	env, l, attempt := s.env, s.login, s.attempt
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		res, err := l.Poll(ctx)
		return ssoPolledMsg{owner: s, attempt: attempt, res: res, err: err}
	}
}

// clock repaints the countdown every second.
func (s *SSOScreen) clock() tea.Cmd {
	owner, attempt := s, s.attempt
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return ssoClockMsg{owner: owner, attempt: attempt} })
}

// ssoCLILogin runs the sign-in: through runner (Options.SSOLoginRunner) when
// set (tests), else `aws sso login --profile NAME` with the terminal handed
// over.
func ssoCLILogin(runner func(profile string) common.SSOLogin, profile string) tea.Cmd {
	done := func(err error) tea.Msg { return common.SSOLoginDoneMsg{Profile: profile, Err: err} }
	if runner != nil {
		return func() tea.Msg { return done(runner(profile).Run()) }
	}
	return tea.ExecProcess(exec.Command("aws", "sso", "login", "--profile", profile), done)
}

// HandleBack is "not now" on the offer; elsewhere it cancels back to it.
func (s *SSOScreen) HandleBack() (bool, tea.Cmd) {
	if s.state == ssoOffer {
		return true, s.decline()
	}
	s.backToOffer()
	return true, nil
}

// SetSize gives the screen its share of the window.
func (s *SSOScreen) SetSize(w, h int) { s.width, s.height = w, h }

// Title names the screen in the breadcrumb.
func (s *SSOScreen) Title() string { return "sign in" }

// Capturing is false: q and ? keep working.
func (s *SSOScreen) Capturing() bool { return false }

// ShortHelp lists the keys of the current state.
func (s *SSOScreen) ShortHelp() []key.Binding {
	k := s.env.Keys
	switch s.state {
	case ssoOffer:
		return []key.Binding{k.Nav.Up, k.Nav.Down, k.Dialog.Choose, k.Dialog.No}
	case ssoFailed:
		return []key.Binding{k.Dialog.Choose, k.Dialog.No}
	}
	return []key.Binding{k.Dialog.No}
}

// FullHelp lists the keys of the current state.
func (s *SSOScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
