package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/components/table"
)

// listScreen is the root screen: the secrets of one region, streamed in page
// by page, with a fuzzy filter over everything loaded, server-side filters
// and sort, and the region, profile and all-regions pickers. It lists the
// session's region with the session's Store: the App connects and tells it
// (sessionConnectingMsg, sessionReadyMsg, sessionFailedMsg).
type listScreen struct {
	env *common.Env

	region     string
	store      aws.Store
	connecting bool // the session is connecting: no Store yet

	// The listing. seq grows with every (re)connect or restart; results
	// carrying another seq are stale and dropped.
	seq      int
	listOpts aws.ListOptions
	loading  bool
	stopped  bool // the operator stopped the listing early
	complete bool // every page arrived
	pages    int
	cancel   context.CancelFunc // cancels the page call in flight
	loadErr  error

	table *table.Secrets
	spin  spinner.Model

	prompt *form.Prompt // the server filter prompt, when open

	width, height int
}

// newRootScreen builds the secret list of the session's first region (the
// App's first screen).
func newRootScreen(env *common.Env, region string) common.Screen { return newListScreen(env, region) }

func newListScreen(env *common.Env, region string) *listScreen {
	return &listScreen{
		env:    env,
		region: region,
		table:  table.New(env),
		spin:   spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
}

// Init does nothing: the listing starts when the App's session is connected.
func (l *listScreen) Init() tea.Cmd { return nil }

// sessionConnecting drops what is loaded while the session connects to
// region.
func (l *listScreen) sessionConnecting(region string) tea.Cmd {
	l.stopLoading()
	l.seq++
	l.region = region
	l.store = nil
	l.connecting = true
	l.loadErr = nil
	l.table.Reset()
	l.complete, l.stopped = false, false
	return l.spin.Tick
}

// restart drops what is loaded and lists again with the current options.
func (l *listScreen) restart() tea.Cmd {
	if l.store == nil {
		if l.connecting {
			return nil
		}
		return common.Ask(common.ReconnectMsg{})
	}
	l.stopLoading()
	l.seq++
	l.table.Reset()
	l.loadErr = nil
	l.pages = 0
	l.complete, l.stopped = false, false
	l.loading = true
	return tea.Batch(l.nextPage(""), l.spin.Tick)
}

// nextPage asks for the page after token.
func (l *listScreen) nextPage(token string) tea.Cmd {
	cmd, cancel := fetchPage(l.env, l.store, l.listOpts, token, l, l.seq)
	l.cancel = cancel
	return cmd
}

// stopLoading cancels the call in flight, if any.
func (l *listScreen) stopLoading() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	l.loading = false
}

// Close cancels the listing when the App drops the screen.
func (l *listScreen) Close() { l.stopLoading() }

// Update handles keys, page results and changes made elsewhere in the app.
func (l *listScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return l, l.handleKey(msg)
	case tea.PasteMsg:
		return l, l.handleInput(msg)
	case tea.MouseWheelMsg:
		l.table.Wheel(msg)
		return l, nil
	case spinner.TickMsg:
		if !l.loading && !l.connecting {
			return l, nil
		}
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	case common.SessionConnectingMsg:
		return l, l.sessionConnecting(msg.Region)
	case common.SessionReadyMsg:
		l.connecting = false
		l.region, l.store = msg.Region, msg.Store
		return l, l.restart()
	case common.SessionFailedMsg:
		l.connecting = false
		l.loadErr = msg.Err
		return l, nil
	case secretsPageMsg:
		if msg.owner != l || msg.seq != l.seq {
			return l, nil
		}
		return l, l.pageArrived(msg)
	case common.SecretChangedMsg:
		return l, l.secretChanged(msg)
	case secretDescribedMsg:
		if msg.owner != l || msg.seq != l.seq {
			return l, nil
		}
		l.described(msg)
		return l, nil
	}
	if l.Capturing() {
		// Cursor blinks and other input-component messages.
		return l, l.handleInput(msg)
	}
	return l, nil
}

// pageArrived adds a page's rows and asks for the next page.
func (l *listScreen) pageArrived(msg secretsPageMsg) tea.Cmd {
	if l.cancel != nil {
		l.cancel() // the call is over; release its timer
		l.cancel = nil
	}
	if msg.err != nil {
		l.loading = false
		l.loadErr = msg.err
		return l.failedLoad(msg.err)
	}
	l.pages++
	l.table.Add(rowsOf(msg.page.Secrets))
	seen := accountSeen(l.env, msg.page)
	if msg.page.NextToken == "" {
		l.loading = false
		l.complete = true
		return seen
	}
	return tea.Batch(seen, l.nextPage(msg.page.NextToken))
}

// failedLoad reports a listing error: the App handles expired credentials
// (SSO sign-in, a new MFA code); otherwise the status line says what failed
// and what to do.
func (l *listScreen) failedLoad(err error) tea.Cmd {
	if aws.KindOf(err) == aws.KindCredentials {
		return common.Ask(common.CredentialsExpiredMsg{Err: err})
	}
	return common.Failed(err)
}

// secretChanged re-reads a secret changed through the app, since
// ListSecrets may not show the change yet.
func (l *listScreen) secretChanged(msg common.SecretChangedMsg) tea.Cmd {
	if l.store == nil || msg.Region != l.region {
		return nil
	}
	if msg.Deleted {
		if r := l.table.Find(msg.Region, msg.SecretID); r != nil {
			l.table.Remove(r.Key)
		}
		return nil
	}
	return describeCmd(l.env, l.store, msg.SecretID, l, l.seq)
}

// described puts a re-read secret into the list, or takes it out.
func (l *listScreen) described(msg secretDescribedMsg) {
	applyDescribed(l.table, msg, l.listOpts.IncludePlannedDeletion, listOrder(l.listOpts))
}

// SetSize gives the list its share of the window.
func (l *listScreen) SetSize(w, h int) {
	l.width, l.height = w, h
	if l.prompt != nil {
		l.prompt.SetWidth(w)
	}
	l.layoutTable()
}

// layoutTable sizes the table to what the header, filter and prompt leave.
func (l *listScreen) layoutTable() {
	rows := l.height - 2 // info line + column titles
	if l.table.FilterShown() {
		rows--
	}
	if l.prompt != nil {
		rows -= l.prompt.Height()
	}
	l.table.ShowRegion = false
	l.table.SetSize(l.width, max(rows, 1))
}

// Title names the screen in the breadcrumb.
func (l *listScreen) Title() string {
	if l.region == "" {
		return "secrets"
	}
	return "secrets in " + l.region
}

// Capturing is true while the filter input or the server filter prompt has
// focus.
func (l *listScreen) Capturing() bool { return l.table.Filtering() || l.prompt != nil }

// HandleBack clears an applied filter before esc does anything else.
func (l *listScreen) HandleBack() (bool, tea.Cmd) {
	if l.table.ClearFilter() {
		l.layoutTable()
		return true, nil
	}
	return false, nil
}

// ShortHelp lists the main keys.
func (l *listScreen) ShortHelp() []key.Binding {
	k := l.env.Keys
	if l.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	// The most useful first: the footer drops keys from the end to fit.
	out := []key.Binding{k.Nav.Open, k.List.Filter}
	if l.loading {
		out = append(out, k.List.StopLoading)
	}
	if r := l.table.Selected(); r != nil && !r.Sum.DeletedDate.IsZero() {
		out = append(out, k.Common.Restore)
	} else {
		out = append(out, k.Common.Delete)
	}
	deleted := k.List.ShowDeleted
	if l.listOpts.IncludePlannedDeletion {
		deleted = common.WithHelpDesc(deleted, "hide deleted")
	}
	out = append(out, k.Common.New, k.List.Region, deleted)
	if !l.loading {
		out = append(out, k.Common.Refresh)
	}
	return out
}

// FullHelp lists every key of the list.
func (l *listScreen) FullHelp() [][]key.Binding {
	k := l.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom, k.Nav.Open},
		{k.List.Filter, k.List.ServerFilter, k.List.Sort, k.List.SortOrder, k.List.ShowDeleted},
		{k.Common.Refresh, k.List.StopLoading, k.List.Region, k.List.AllRegions, k.List.Profile},
		{k.Common.CopyName, k.Common.CopyARN, k.Common.New, k.Common.Delete, k.Common.Restore},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}

// countText is "1,234 secrets".
func countText(n int) string {
	if n == 1 {
		return "1 secret"
	}
	return common.GroupThousands(n) + " secrets"
}
