package list

import (
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/secret"
)

// regionLoad is the listing of one region in the all-regions view.
type regionLoad struct {
	region  string
	store   aws.Store
	loading bool
	done    bool
	err     error
	count   int
	cancel  context.CancelFunc
}

// AllRegions lists several regions at once, each loading on its own
// (concurrently), with a region column. A region that fails shows its error
// next to its name and does not hide the others. Each region's Store comes
// from the App's session (common.StoreRequestMsg), with the session's profile.
type AllRegions struct {
	env     *common.Env
	regions []string
	loads   map[string]*regionLoad
	seq     int
	table   *table.Secrets
	spin    spinner.Model
	width   int
	height  int
}

func newAllRegionsScreen(env *common.Env, regions []string) *AllRegions {
	s := &AllRegions{
		env: env, regions: regions,
		table: table.New(env),
		spin:  spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
	s.table.ShowRegion = true
	return s
}

// Init asks for every region's Store at once.
func (s *AllRegions) Init() tea.Cmd { return s.reload() }

// reload drops everything and lists every region again.
func (s *AllRegions) reload() tea.Cmd {
	s.stopAll()
	s.seq++
	s.table.Reset()
	s.loads = make(map[string]*regionLoad, len(s.regions))
	cmds := []tea.Cmd{s.spin.Tick}
	for _, r := range s.regions {
		s.loads[r] = &regionLoad{region: r, loading: true}
		cmds = append(cmds, common.Ask(common.StoreRequestMsg{Owner: s, Seq: s.seq, Region: r}))
	}
	return tea.Batch(cmds...)
}

func (s *AllRegions) stopAll() {
	for _, l := range s.loads {
		if l.cancel != nil {
			l.cancel()
			l.cancel = nil
		}
		l.loading = false
	}
}

// Close cancels every listing in flight.
func (s *AllRegions) Close() { s.stopAll() }

// LoadingCount is how many regions are still loading.
func (s *AllRegions) LoadingCount() int {
	n := 0
	for _, l := range s.loads {
		if l.loading {
			n++
		}
	}
	return n
}

// regionOrder groups rows by region in the order the regions were chosen.
func (s *AllRegions) regionOrder(a, b *table.Row) int {
	return slices.Index(s.regions, a.Sum.Region) - slices.Index(s.regions, b.Sum.Region)
}

// Update handles keys and each region's results.
func (s *AllRegions) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	case tea.MouseWheelMsg:
		s.table.Wheel(msg)
		return s, nil
	case spinner.TickMsg:
		if s.LoadingCount() == 0 {
			return s, nil
		}
		var cmd tea.Cmd
		s.spin, cmd = s.spin.Update(msg)
		return s, cmd
	case common.StoreReadyMsg:
		l := s.loads[msg.Region]
		if msg.Owner != s || msg.Seq != s.seq || l == nil {
			return s, nil
		}
		defer s.layoutTable()
		if msg.Err != nil {
			l.loading, l.err = false, msg.Err
			return s, nil
		}
		l.store = msg.Store
		return s, s.fetch(l, "")
	case SecretsPageMsg:
		l := s.loads[msg.Region]
		if msg.Owner != s || msg.Seq != s.seq || l == nil {
			return s, nil
		}
		l.cancel = nil
		defer s.layoutTable()
		if msg.Err != nil {
			l.loading, l.err = false, msg.Err
			return s, nil
		}
		l.count += len(msg.Page.Secrets)
		// Merge the page in its region's place: the loaded rows are
		// never re-sorted.
		s.table.Merge(RowsOf(msg.Page.Secrets), s.regionOrder)
		seen := accountSeen(s.env, msg.Page)
		if msg.Page.NextToken == "" {
			l.loading, l.done = false, true
			return s, seen
		}
		return s, tea.Batch(seen, s.fetch(l, msg.Page.NextToken))
	case common.SecretChangedMsg:
		if l := s.loads[msg.Region]; l != nil && l.store != nil {
			if msg.Deleted {
				if r := s.table.Find(msg.Region, msg.SecretID); r != nil {
					s.table.Remove(r.Key)
				}
				return s, nil
			}
			return s, describeCmd(s.env, l.store, msg.SecretID, s, s.seq)
		}
		return s, nil
	case secretDescribedMsg:
		if msg.owner == s && msg.seq == s.seq {
			applyDescribed(s.table, msg, false, s.regionOrder)
		}
		return s, nil
	}
	if s.table.Filtering() {
		return s, s.table.UpdateFilter(msg)
	}
	return s, nil
}

// fetch asks for one region's page after token.
func (s *AllRegions) fetch(l *regionLoad, token string) tea.Cmd {
	cmd, cancel := fetchPage(s.env, l.store, aws.ListOptions{}, token, s, s.seq)
	l.cancel = cancel
	return cmd
}

func (s *AllRegions) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	t := s.table
	if t.Filtering() {
		cmd := t.UpdateFilter(msg)
		s.layoutTable()
		return cmd
	}
	if t.Navigate(msg) {
		return nil
	}
	k := s.env.Keys
	switch {
	case key.Matches(msg, k.Nav.Open):
		if r := t.Selected(); r != nil {
			if l := s.loads[r.Sum.Region]; l != nil && l.store != nil {
				return common.Push(secret.NewDetail(s.env, l.store, r.Sum))
			}
		}
	case key.Matches(msg, k.List.Filter):
		cmd := t.StartFilter()
		s.layoutTable()
		return cmd
	case key.Matches(msg, k.Common.Refresh):
		return s.reload()
	case key.Matches(msg, k.List.StopLoading):
		if s.LoadingCount() > 0 {
			s.stopAll()
			s.seq++
			return common.Info("stopped loading: " + CountText(len(t.Rows)) + " loaded")
		}
	case key.Matches(msg, k.Common.CopyName):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Sum, r.Sum.Name, "the name")
		}
	case key.Matches(msg, k.Common.CopyARN):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Sum, r.Sum.ARN, "the ARN")
		}
	}
	return nil
}

// maxRegionLines caps the lines of per-region counts above the table.
const maxRegionLines = 3

// statusLines are one summary line, then each region's state ("us-east-1 ·
// 21", "eu-west-1 · loading…") packed into at most maxRegionLines lines, then
// one line per failed region with its error (at most three, then a count).
func (s *AllRegions) statusLines() []string {
	st := s.env.Styles
	var failed []*regionLoad
	var chips, empty []string // regions with secrets or loading first
	for _, r := range s.regions {
		l := s.loads[r]
		switch {
		case l == nil:
		case l.err != nil:
			failed = append(failed, l)
		case l.done && l.count == 0:
			empty = append(empty, s.regionChip(l))
		default:
			chips = append(chips, s.regionChip(l))
		}
	}
	chips = append(chips, empty...)
	summary := []string{st.Title.Render(common.GroupThousands(len(s.regions)) + " regions"), st.Muted.Render(CountText(len(s.table.Rows)))}
	if n := s.LoadingCount(); n > 0 {
		summary = append(summary, st.Muted.Render(s.spin.View()+" loading "+common.GroupThousands(n)+" …"))
	}
	if len(failed) > 0 {
		summary = append(summary, st.Error.Render(common.GroupThousands(len(failed))+" failed"))
	}
	lines := []string{common.Cut(strings.Join(summary, st.Muted.Render(" · ")), s.width)}
	lines = append(lines, packChips(chips, s.width, maxRegionLines, func(n int) string {
		return st.Muted.Render("+" + common.GroupThousands(n) + " more")
	})...)
	for i, l := range failed {
		if i == 3 {
			lines = append(lines, st.Error.Render(common.Cut("  + "+common.GroupThousands(len(failed)-3)+" more regions failed", s.width)))
			break
		}
		lines = append(lines, common.Cut(st.Error.Render("✗ "+common.Sanitize(l.region)+" · ")+common.DescribeError(s.env.Keys, l.err), s.width))
	}
	return lines
}

// regionChip is one region's state: its count, "loading…" with the count
// so far, or "stopped".
func (s *AllRegions) regionChip(l *regionLoad) string {
	st := s.env.Styles
	name := common.Sanitize(l.region)
	count := common.GroupThousands(l.count)
	switch {
	case l.loading && l.count == 0:
		return st.Muted.Render(name + " · loading…")
	case l.loading:
		return st.Muted.Render(name+" · ") + count + st.Muted.Render(" loading…")
	case !l.done:
		return st.Muted.Render(name+" · ") + count + st.Muted.Render(" stopped")
	}
	return st.Muted.Render(name+" · ") + count
}

// packChips lays chips out left to right in lines of width w, at most
// maxLines; when they do not fit the last line ends with more(n left).
func packChips(chips []string, w, maxLines int, more func(int) string) []string {
	const gap = "   "
	var lines []string
	cur := ""
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + gap + b
	}
	for i, c := range chips {
		next := join(cur, common.Cut(c, w))
		last := len(lines) == maxLines-1
		fits := ansi.StringWidth(next) <= w
		if last && fits && i < len(chips)-1 {
			fits = ansi.StringWidth(join(next, more(len(chips)-i-1))) <= w
		}
		if fits || cur == "" {
			cur = next
			continue
		}
		if last {
			return append(lines, common.Cut(join(cur, more(len(chips)-i)), w))
		}
		lines = append(lines, cur)
		cur = common.Cut(c, w)
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// View renders the status lines, the table and the filter line.
func (s *AllRegions) View() string {
	st := s.env.Styles
	lines := s.statusLines()
	switch {
	case len(s.table.Rows) == 0 && s.LoadingCount() == 0:
		lines = append(lines, "", st.Muted.Render(common.Cut("  no secrets in these regions", s.width)))
	case len(s.table.Shown) == 0 && s.table.Query != "":
		lines = append(lines, "", st.Muted.Render(common.Cut("  nothing loaded matches “"+s.table.Query+"”", s.width)))
	default:
		lines = append(lines, s.table.View(s.env.Now()))
	}
	body := strings.Join(lines, "\n")
	if !s.table.FilterShown() {
		return body
	}
	if gap := s.height - strings.Count(body, "\n") - 2; gap > 0 {
		body += strings.Repeat("\n", gap)
	}
	return body + "\n" + s.table.FilterLine()
}

// layoutTable sizes the table to what the status and filter lines leave.
func (s *AllRegions) layoutTable() {
	rows := s.height - len(s.statusLines()) - 1
	if s.table.FilterShown() {
		rows--
	}
	s.table.SetSize(s.width, max(rows, 1))
}

// SetSize gives the screen its share of the window.
func (s *AllRegions) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layoutTable()
}

// Title names the screen in the breadcrumb.
func (s *AllRegions) Title() string { return "all regions" }

// Capturing is true while the filter input has focus.
func (s *AllRegions) Capturing() bool { return s.table.Filtering() }

// HandleBack clears the filter before closing the view.
func (s *AllRegions) HandleBack() (bool, tea.Cmd) {
	if s.table.ClearFilter() {
		s.layoutTable()
		return true, nil
	}
	return false, nil
}

// ShortHelp lists the main keys.
func (s *AllRegions) ShortHelp() []key.Binding {
	k := s.env.Keys
	if s.table.Filtering() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	return []key.Binding{k.Nav.Open, k.List.Filter, k.Common.Refresh, k.List.StopLoading, k.Common.Back}
}

// FullHelp lists every key of the view.
func (s *AllRegions) FullHelp() [][]key.Binding {
	k := s.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom, k.Nav.Open},
		{k.List.Filter, k.Common.Refresh, k.List.StopLoading, k.Common.CopyName, k.Common.CopyARN, k.Common.Back},
	}
}
