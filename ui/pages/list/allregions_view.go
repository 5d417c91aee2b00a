package list

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// maxRegionLines caps the lines of per-region counts above the table.
const maxRegionLines = 3

// statusLines are one summary line, then each region's state ("us-east-1 ·
// 21", "eu-west-1 · loading…") packed into at most maxRegionLines lines, then
// one line per failed region with its error (at most three, then a count).
func (s *AllRegions) statusLines() []string {
	st := s.env.Styles
	var failed []*regionLoad
	var chips, empty []string // regions with secrets or loading first
	for _, sc := range s.scopes {
		l := s.loads[sc]
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
	if s.manyProfiles() {
		summary[0] = st.Title.Render(counted(len(s.profiles), "profile") + " × " + counted(len(s.regions), "region"))
	}
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
			lines = append(lines, st.Error.Render(common.Cut("  + "+common.GroupThousands(len(failed)-3)+" more failed", s.width)))
			break
		}
		lines = append(lines, common.Cut(st.Error.Render("✗ "+s.scopeName(l.scope)+" · ")+s.loadError(l), s.width))
	}
	return lines
}

// regionChip is one region's state: its count, "loading…" with the count
// so far, or "stopped".
func (s *AllRegions) regionChip(l *regionLoad) string {
	st := s.env.Styles
	name := s.scopeName(l.scope)
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
func (s *AllRegions) Title() string {
	if s.manyProfiles() {
		return "several accounts"
	}
	return "all regions"
}

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
	out := []key.Binding{k.Nav.Open, k.List.Filter}
	if s.signInNeeded() != nil {
		out = append(out, k.List.SignIn)
	}
	return append(out, k.Common.Refresh, k.List.StopLoading, k.Common.Back)
}

// FullHelp lists every key of the view.
func (s *AllRegions) FullHelp() [][]key.Binding {
	k := s.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom, k.Nav.Open},
		{k.List.Filter, k.Common.Refresh, k.List.StopLoading, k.List.SignIn, k.Common.CopyName, k.Common.CopyARN, k.Common.Back},
	}
}

// scopeName is "eu-west-1", or "profile/eu-west-1" when several profiles
// are listed.
func (s *AllRegions) scopeName(sc scope) string {
	if !s.manyProfiles() {
		return common.Sanitize(sc.region)
	}
	return common.Sanitize(sc.profile + "/" + sc.region)
}

// loadError says why a (profile, region) failed; for expired credentials,
// first the key to log in (List.SignIn), since the line may be cut.
func (s *AllRegions) loadError(l *regionLoad) string {
	text := common.DescribeError(s.env.Keys, l.err)
	if aws.KindOf(l.err) == aws.KindCredentials {
		text = "press " + common.KeyHelp(s.env.Keys.List.SignIn) + " to log in to " + common.Sanitize(s.profileName(l.profile)) + " · " + text
	}
	return text
}

// accountCell is a row's ACCOUNT column: the account id from its ARN and
// the profile it was listed with.
func (s *AllRegions) accountCell(r *table.Row) string {
	sc := s.rowScope[r.Key]
	return common.AccountOf(r.ARN()) + " " + sc.profile
}

// counted is "1 region", "2 regions".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return common.GroupThousands(n) + " " + noun + "s"
}
