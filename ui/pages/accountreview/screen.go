package accountreview

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/review"
	"github.com/smtui/smtui/ui/common"
)

// collectDeadline bounds a whole review's calls; each call also has the
// Store's own per-call timeout.
const collectDeadline = 5 * time.Minute

// Screen is the review of the loaded secrets of one region.
type Screen struct {
	env     *common.Env
	store   aws.Store
	region  string
	secrets []aws.SecretSummary
	// deletedHidden is true when the list hid secrets scheduled for
	// deletion, so "deleted but read" could not be checked.
	deletedHidden bool

	seq     int
	running bool
	cancel  context.CancelFunc
	report  review.Report
	done    bool

	cursor        int
	width, height int
}

// reviewedMsg is a finished review for the screen that asked.
type reviewedMsg struct {
	owner  *Screen
	seq    int
	report review.Report
}

// New builds the review of secrets (the list's loaded rows, copied) of
// region, read through store. deletedHidden says the list hides secrets
// scheduled for deletion.
func New(env *common.Env, store aws.Store, region string, secrets []aws.SecretSummary, deletedHidden bool) *Screen {
	return &Screen{env: env, store: store, region: region, secrets: secrets, deletedHidden: deletedHidden}
}

// Init starts the review.
func (s *Screen) Init() tea.Cmd { return s.run() }

// run reads the policies and replication (bounded concurrency, in one
// command) and reviews; no value is read.
func (s *Screen) run() tea.Cmd {
	s.stop()
	s.seq++
	s.running = true
	ctx, cancel := context.WithTimeout(context.Background(), collectDeadline)
	s.cancel = cancel
	owner, seq, store, secrets, days, now := s, s.seq, s.store, s.secrets, review.DefaultDays, s.env.Now()
	return func() tea.Msg {
		defer cancel()
		storeOf := func(string) (aws.Store, error) { return store, nil }
		in := review.Collect(ctx, secrets, storeOf, review.DefaultConcurrency)
		return reviewedMsg{owner: owner, seq: seq, report: review.Run(in, review.Options{Days: days, Now: now})}
	}
}

func (s *Screen) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

// Close cancels a review in progress when the screen leaves the stack.
func (s *Screen) Close() { s.stop() }

// Update handles the review's result and the keys.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewedMsg:
		if msg.owner == s && msg.seq == s.seq {
			s.running, s.done, s.report, s.cancel = false, true, msg.report, nil
			s.cursor = min(s.cursor, max(len(s.report.Findings)-1, 0))
		}
	case tea.KeyPressMsg:
		return s, s.key(msg)
	}
	return s, nil
}

func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.env.Keys
	n := len(s.report.Findings)
	switch {
	case key.Matches(msg, k.Nav.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, k.Nav.Down):
		s.cursor = max(min(s.cursor+1, n-1), 0)
	case key.Matches(msg, k.Nav.Top), key.Matches(msg, k.Nav.PageUp):
		s.cursor = 0
	case key.Matches(msg, k.Nav.Bottom), key.Matches(msg, k.Nav.PageDown):
		s.cursor = max(n-1, 0)
	case key.Matches(msg, k.Common.Refresh):
		if !s.running {
			return s.run()
		}
	case key.Matches(msg, k.Nav.Open):
		if f, ok := s.Selected(); ok {
			show := common.ShowOnlyMsg{Region: s.region, Label: f.Title, ARNs: f.ARNs()}
			return tea.Batch(common.Pop(), common.Ask(show))
		}
	}
	return nil
}

// Selected is the finding under the cursor.
func (s *Screen) Selected() (review.Finding, bool) {
	if !s.done || s.cursor >= len(s.report.Findings) {
		return review.Finding{}, false
	}
	return s.report.Findings[s.cursor], true
}

// SetSize gives the screen its share of the window.
func (s *Screen) SetSize(w, h int) { s.width, s.height = w, h }

// Title names the screen in the breadcrumb.
func (s *Screen) Title() string { return "review of " + s.region }

// Capturing is false: the screen has no text input.
func (s *Screen) Capturing() bool { return false }

// ShortHelp lists the main keys.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.env.Keys
	return []key.Binding{common.WithHelpDesc(k.Nav.Open, "show its secrets"), k.Nav.Up, k.Nav.Down,
		common.WithHelpDesc(k.Common.Refresh, "review again"), k.Common.Back}
}

// FullHelp lists every key.
func (s *Screen) FullHelp() [][]key.Binding {
	k := s.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.Top, k.Nav.Bottom, common.WithHelpDesc(k.Nav.Open, "show its secrets")},
		{common.WithHelpDesc(k.Common.Refresh, "review again"), k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}
