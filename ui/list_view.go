package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// View renders the list: an information line, the table, the filter line
// and the server filter prompt when open.
func (l *listScreen) View() string {
	st := l.env.Styles
	parts := []string{l.infoLine()}
	switch {
	case len(l.table.Rows) == 0 && !l.loading && !l.connecting:
		parts = append(parts, "", st.Muted.Render(common.Cut("  "+l.emptyText(), l.width)))
	case len(l.table.Shown) == 0 && l.table.Query != "":
		parts = append(parts, "", st.Muted.Render(common.Cut("  nothing loaded matches “"+l.table.Query+"”", l.width)))
	default:
		parts = append(parts, l.table.View(l.env.Now()))
	}
	body := strings.Join(parts, "\n")
	var bottom []string
	if l.table.FilterShown() {
		bottom = append(bottom, l.table.FilterLine())
	}
	if l.prompt != nil {
		bottom = append(bottom, l.prompt.View())
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

func (l *listScreen) emptyText() string {
	switch {
	case l.loadErr != nil:
		return "could not list secrets in " + l.region + ": " + common.Sanitize(l.loadErr.Error())
	case l.store == nil:
		return "not connected"
	case len(l.listOpts.Filters) > 0:
		return "no secrets in " + l.region + " match the server filter (f to change it)"
	}
	return "no secrets in " + l.region
}

// infoLine says where we are, how many secrets are loaded, whether loading
// goes on, and the sort and server filter in force.
func (l *listScreen) infoLine() string {
	st := l.env.Styles
	region := l.region
	if region == "" {
		region = "no region"
	}
	n := len(l.table.Rows)
	var state string
	style := st.Muted
	switch {
	case l.connecting:
		state = l.spin.View() + " connecting…"
	case l.loading:
		state = l.spin.View() + " loading… " + countText(n)
	case l.stopped:
		state, style = "stopped early: "+countText(n)+" loaded ("+l.env.Keys.Common.Refresh.Help().Key+" reloads all)", st.Warning
	case l.loadErr != nil:
		state, style = countText(n)+" loaded; listing failed ("+l.env.Keys.Common.Refresh.Help().Key+" retries)", st.Error
	default:
		state = countText(n)
	}
	parts := []string{st.Title.Render(region), style.Render(state)}
	if l.listOpts.SortBy != "" || l.listOpts.SortOrder != "" {
		arrow := "↑"
		if l.listOpts.SortOrder == aws.SortDesc {
			arrow = "↓"
		}
		parts = append(parts, st.Muted.Render("sort: "+sortName(l.listOpts.SortBy)+" "+arrow))
	}
	if l.listOpts.IncludePlannedDeletion {
		parts = append(parts, st.Warning.Render("incl. deleted"))
	}
	if len(l.listOpts.Filters) > 0 {
		parts = append(parts, st.Info.Render("server filter: "+common.Sanitize(formatServerFilter(l.listOpts.Filters))))
	}
	return common.Cut(strings.Join(parts, st.Muted.Render(" · ")), l.width)
}
