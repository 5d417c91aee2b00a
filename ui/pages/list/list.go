package list

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/secret"
)

// Screen is the root screen: the secrets of one region, streamed in page
// by page, with a fuzzy filter over everything loaded, server-side filters
// and sort, and the region, profile and all-regions pickers. It lists the
// session's region with the session's Store: the App connects and tells it
// (sessionConnectingMsg, sessionReadyMsg, sessionFailedMsg).
type Screen struct {
	env *common.Env

	Region     string
	Store      aws.Store
	Connecting bool // the session is connecting: no Store yet

	// The listing. seq grows with every (re)connect or restart; results
	// carrying another seq are stale and dropped.
	Seq      int
	ListOpts aws.ListOptions
	Loading  bool
	Stopped  bool        // the operator stopped the listing early
	Complete bool        // every page arrived
	Pages    int         // batches of rows taken in
	stream   *listStream // the listing in flight, if any
	LoadErr  error
	// Mode is the mode of the last listing ("auto" settles on one).
	Mode string

	// The cache: fromCache is set while the rows shown came from the
	// cache (written at cachedAt) and the refresh has not completed;
	// arrival numbers the rows the refresh has returned so far.
	fromCache bool
	cachedAt  time.Time
	arrival   map[string]int
	conn      int // counts connections; tags the cache read of each

	// Replication checks (replication.go): the rows described, and
	// whether a check is running.
	replChecked map[string]bool
	replBusy    bool

	Table *table.Secrets
	spin  spinner.Model

	prompt *form.Prompt // the server filter prompt, when open
	menu   *sortMenu    // the sort menu, when open
	only   *onlyFilter  // a review finding's secrets only, when set

	// The last click, for double clicks.
	lastClick   time.Time
	lastClickAt int

	width, height int
}

// NewRootScreen builds the secret list of the session's first region (the
// App's first screen).
func NewRootScreen(env *common.Env, region string) common.Screen { return newListScreen(env, region) }

func newListScreen(env *common.Env, region string) *Screen {
	return &Screen{
		env:    env,
		Region: region,
		Table:  table.New(env),
		spin:   spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
}

// Init does nothing: the listing starts when the App's session is connected.
func (l *Screen) Init() tea.Cmd { return nil }

// sessionConnecting drops what is loaded while the session connects to
// region.
func (l *Screen) sessionConnecting(region string) tea.Cmd {
	l.stopLoading()
	l.Seq++
	l.conn++
	l.Region = region
	l.Store = nil
	l.Connecting = true
	l.LoadErr = nil
	l.Table.Reset()
	l.dropCache()
	l.replChecked = nil
	l.Complete, l.Stopped = false, false
	return tea.Batch(l.spin.Tick, l.loadCache(region))
}

// Close cancels the listing when the App drops the screen.
func (l *Screen) Close() { l.stopLoading() }

// Update handles keys, page results and changes made elsewhere in the app.
func (l *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if l.only != nil && rowsChanging(msg) {
		defer l.rebuildOnly()
	}
	switch msg := msg.(type) {
	case table.SearchStepMsg:
		// The next chunk of a long search, whether or not the filter
		// input still has focus (another screen may be on top): the
		// results are never left half-done.
		cmd := l.Table.UpdateFilter(msg)
		l.layoutTable()
		return l, cmd
	case common.ShowOnlyMsg:
		return l, l.showOnly(msg)
	case tea.KeyPressMsg:
		cmd := l.handleKey(msg)
		return l, tea.Batch(cmd, l.checkReplication())
	case tea.PasteMsg:
		return l, l.handleInput(msg)
	case tea.MouseWheelMsg:
		if l.only != nil {
			l.only.table.Wheel(msg)
			return l, nil
		}
		l.Table.Wheel(msg)
		return l, l.checkReplication()
	case tea.MouseClickMsg:
		return l, l.click(msg)
	case spinner.TickMsg:
		if !l.Loading && !l.Connecting {
			return l, nil
		}
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	case common.SessionConnectingMsg:
		return l, l.sessionConnecting(msg.Region)
	case common.SessionReadyMsg:
		l.Connecting = false
		// A profile whose region comes from its config is known only now:
		// the cache could not be read while connecting.
		var cached tea.Cmd
		if l.Region == "" && msg.Region != "" {
			cached = l.loadCache(msg.Region)
		}
		l.Region, l.Store = msg.Region, msg.Store
		return l, tea.Batch(l.refresh(), cached)
	case common.SessionFailedMsg:
		l.Connecting = false
		l.LoadErr = msg.Err
		return l, nil
	case listBatchMsg:
		if msg.stream != l.stream || l.stream == nil {
			return l, nil
		}
		return l, l.batchArrived(msg)
	case SecretsPageMsg:
		if msg.Owner != l || msg.Seq != l.Seq {
			return l, nil
		}
		return l, l.pageArrived(msg)
	case cacheLoadedMsg:
		if msg.owner == l && msg.seq == l.conn {
			return l, l.cacheLoaded(msg)
		}
		return l, nil
	case cacheRestMsg:
		if msg.owner == l {
			return l, l.cacheRest(msg)
		}
		return l, nil
	case cacheSavedMsg:
		return l, nil
	case replicationCheckedMsg:
		if msg.owner != l {
			return l, nil
		}
		return l, l.replicationChecked(msg)
	case common.SecretChangedMsg:
		return l, l.secretChanged(msg)
	case secretDescribedMsg:
		if msg.owner != l || msg.seq != l.Seq {
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

// failedLoad reports a listing error: the App handles expired credentials
// (SSO sign-in, a new MFA code); otherwise the status line says what failed
// and what to do.
func (l *Screen) failedLoad(err error) tea.Cmd {
	if aws.KindOf(err) == aws.KindCredentials {
		return common.Ask(common.CredentialsExpiredMsg{Err: err})
	}
	return common.Failed(err)
}

// secretChanged re-reads a secret changed through the app, since
// ListSecrets may not show the change yet.
func (l *Screen) secretChanged(msg common.SecretChangedMsg) tea.Cmd {
	if l.Store == nil || msg.Region != l.Region {
		return nil
	}
	if msg.Deleted {
		if r := l.Table.Find(msg.Region, msg.SecretID); r != nil {
			l.Table.Remove(r.Key)
		}
		return nil
	}
	return describeCmd(l.env, l.Store, msg.SecretID, l, l.Seq)
}

// described puts a re-read secret into the list, or takes it out. A secret
// that was not in the list (one just created) gets the cursor.
func (l *Screen) described(msg secretDescribedMsg) {
	had := l.Table.Find(msg.region, msg.secretID) != nil
	applyDescribed(l.Table, msg, l.ListOpts.IncludePlannedDeletion, listOrder(l.ListOpts))
	if had || msg.err != nil {
		return
	}
	sum := msg.secret.SecretSummary
	if r := l.Table.Find(sum.Region, sum.ARN); r != nil {
		l.Table.Select(r.Key)
	}
}

// doubleClick is the longest time between the clicks of a double click.
const doubleClick = 500 * time.Millisecond

// click selects the row under the mouse; a second click on it soon after
// opens it. The list is drawn under the App's header (and the production
// banner), then its information line and column titles.
func (l *Screen) click(msg tea.MouseClickMsg) tea.Cmd {
	m := msg.Mouse()
	if m.Button != tea.MouseLeft || l.Capturing() || l.menu != nil {
		return nil
	}
	top := 1 + 2 // the App's header, then the info line and column titles
	if l.env.Production {
		top++
	}
	t := l.Table
	if l.only != nil {
		t = l.only.table // a review finding's secrets only
	}
	i := t.RowAt(m.Y - top)
	if i < 0 {
		return nil
	}
	now := l.env.Now()
	double := i == l.lastClickAt && !l.lastClick.IsZero() && now.Sub(l.lastClick) < doubleClick
	t.SelectVisible(i)
	if double {
		l.lastClick = time.Time{}
		if r := t.Selected(); r != nil && l.Store != nil {
			return common.Push(secret.NewDetail(l.env, l.Store, r.Summary()))
		}
		return nil
	}
	l.lastClick, l.lastClickAt = now, i
	return nil
}

// SetSize gives the list its share of the window.
func (l *Screen) SetSize(w, h int) {
	l.width, l.height = w, h
	if l.prompt != nil {
		l.prompt.SetWidth(w)
	}
	l.layoutTable()
}

// layoutTable sizes the table to what the header, filter and prompt leave.
func (l *Screen) layoutTable() {
	rows := l.height - 2 // info line + column titles
	if l.Table.FilterShown() {
		rows--
	}
	if l.prompt != nil {
		rows -= l.prompt.Height()
	}
	rows -= l.menuHeight()
	l.Table.ShowRegion = false
	l.Table.SetSize(l.width, max(rows, 1))
	if l.only != nil {
		l.only.table.SetSize(l.width, max(l.height-2, 1))
	}
}

// Title names the screen in the breadcrumb.
func (l *Screen) Title() string {
	if l.Region == "" {
		return "secrets"
	}
	return "secrets in " + l.Region
}

// Capturing is true while the filter input or the server filter prompt has
// focus.
func (l *Screen) Capturing() bool { return l.Table.Filtering() || l.prompt != nil }

// HandleBack closes the sort menu, then clears the fuzzy filter, then the
// server filter, before esc does anything else.
func (l *Screen) HandleBack() (bool, tea.Cmd) {
	if l.only != nil {
		l.clearOnly()
		return true, nil
	}
	if l.menu != nil {
		l.closeSortMenu()
		return true, nil
	}
	if l.Table.ClearFilter() {
		l.layoutTable()
		return true, nil
	}
	if len(l.ListOpts.Filters) > 0 {
		l.ListOpts.Filters = nil
		return true, tea.Batch(common.Info("server filter cleared"), l.restart())
	}
	return false, nil
}

// ShortHelp lists the main keys.
func (l *Screen) ShortHelp() []key.Binding {
	k := l.env.Keys
	if l.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	// The most useful first: the footer drops keys from the end to fit.
	if l.menu != nil {
		return []key.Binding{k.Nav.Up, k.Nav.Down, common.WithHelpDesc(k.Nav.Open, "sort"), common.WithHelpDesc(k.Common.Back, "close")}
	}
	if l.only != nil {
		return []key.Binding{k.Nav.Open, common.WithHelpDesc(k.Common.Back, "show all"), k.Common.CopyName, k.Common.CopyARN}
	}
	out := []key.Binding{k.Nav.Open, k.List.Filter}
	if len(l.ListOpts.Filters) > 0 && !l.Table.FilterShown() {
		out = append(out, common.WithHelpDesc(k.Common.Back, "clear server filter"))
	}
	if l.Loading {
		out = append(out, k.List.StopLoading)
	}
	if r := l.Table.Selected(); r != nil && !r.DeletedDate().IsZero() {
		out = append(out, k.Common.Restore)
	} else {
		out = append(out, k.Common.Delete)
	}
	deleted := k.List.ShowDeleted
	if l.ListOpts.IncludePlannedDeletion {
		deleted = common.WithHelpDesc(deleted, "hide deleted")
	}
	out = append(out, k.Common.New, k.List.Region, deleted)
	if !l.Loading {
		out = append(out, k.Common.Refresh)
	}
	return out
}

// FullHelp lists every key of the list.
func (l *Screen) FullHelp() [][]key.Binding {
	k := l.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom, k.Nav.Open},
		{k.List.Filter, k.List.ServerFilter, k.List.Sort, k.List.SortOrder, k.List.ShowDeleted},
		{k.List.SortMenu, k.Common.Refresh, k.List.StopLoading, k.List.Region, k.List.AllRegions, k.List.Profile, k.List.Review},
		{k.Common.CopyName, k.Common.CopyARN, k.Common.New, k.Common.Delete, k.Common.Restore},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}

// CountText is "1,234 secrets".
func CountText(n int) string {
	if n == 1 {
		return "1 secret"
	}
	return common.GroupThousands(n) + " secrets"
}
