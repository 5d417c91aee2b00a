package list

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// View renders the list: an information line, the table, the filter line
// and the server filter prompt when open.
func (l *Screen) View() string {
	st := l.env.Styles
	var b strings.Builder
	b.WriteString(l.infoLine())
	b.WriteByte('\n')
	switch {
	case l.only != nil:
		l.only.table.WriteView(&b, l.env.Now())
	case len(l.Table.Rows) == 0 && !l.Loading && !l.Connecting:
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(common.Cut("  "+l.emptyText(), l.width)))
	case len(l.Table.Shown) == 0 && l.Table.Query != "":
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(common.Cut("  nothing loaded matches “"+l.Table.Query+"”", l.width)))
	default:
		l.Table.WriteView(&b, l.env.Now())
	}
	body := b.String()
	var bottom []string
	if l.Table.FilterShown() {
		bottom = append(bottom, l.Table.FilterLine())
	}
	if l.prompt != nil {
		bottom = append(bottom, l.prompt.View())
	}
	if l.menu != nil {
		bottom = append(bottom, l.menuView())
	}
	if len(bottom) == 0 {
		return body
	}
	// Keep the bottom lines at the bottom of the screen.
	used := lipgloss.Height(body)
	tail := strings.Join(bottom, "\n")
	if gap := l.height - used - lipgloss.Height(tail); gap > 0 {
		body += strings.Repeat("\n", gap)
	}
	return body + "\n" + tail
}

func (l *Screen) emptyText() string {
	switch {
	case l.LoadErr != nil:
		return common.FailureText(l.env.Keys, "could not list secrets in "+l.Region, l.LoadErr)
	case l.Store == nil:
		return "not connected"
	case len(l.ListOpts.Filters) > 0:
		return "no secrets in " + l.Region + " match the server filter (f to change it)"
	}
	return "no secrets in " + l.Region
}

// infoLine says where we are, how many secrets are loaded, whether loading
// goes on, and the sort and server filter in force.
func (l *Screen) infoLine() string {
	st := &l.env.Styles.Lines // each part is one line
	region := l.Region
	if region == "" {
		region = "no region"
	}
	n := len(l.Table.Rows)
	var state string
	style := st.Muted
	switch {
	case l.Connecting && l.fromCache:
		state = l.cacheAgeText() + " · " + l.spin.View() + " connecting… " + CountText(n)
	case l.Connecting:
		state = l.spin.View() + " connecting…"
	case l.Loading && l.fromCache:
		state = l.cacheAgeText() + " · " + l.spin.View() + " refreshing… " + CountText(n)
	case l.fromCache && !l.Stopped && l.LoadErr == nil:
		state = l.cacheAgeText() + " · " + CountText(n)
	case l.Loading:
		state = l.spin.View() + " loading… " + CountText(n)
	case l.Stopped:
		state, style = "stopped early: "+CountText(n)+" loaded ("+l.env.Keys.Common.Refresh.Help().Key+" reloads all)", st.Warning
	case l.LoadErr != nil:
		state, style = CountText(n)+" loaded; listing failed ("+l.env.Keys.Common.Refresh.Help().Key+" retries)", st.Error
	default:
		state = CountText(n)
	}
	// The breadcrumb names the region ("secrets in us-east-1"); the line
	// names it only when there is none.
	var parts []string
	if l.Region == "" {
		parts = append(parts, st.Title.Render(region))
	}
	if l.only != nil {
		parts = append(parts, l.onlyInfo())
	}
	parts = append(parts, style.Render(state), st.Muted.Render("sort: "+SortText(l.ListOpts)))
	if l.ListOpts.IncludePlannedDeletion {
		parts = append(parts, st.Warning.Render("incl. deleted"))
	}
	if len(l.ListOpts.Filters) > 0 {
		parts = append(parts, st.Info.Render("server filter: "+common.Sanitize(FormatServerFilter(l.ListOpts.Filters))))
	}

	return common.Cut(strings.Join(parts, st.Muted.Render(" · ")), l.width)
}
