package ui

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Column widths of the secret table.
const (
	gutterWidth    = 2 // "› " marks the cursor row without colour
	regionWidth    = 14
	dateWidth      = 9 // "yesterday", "11mo ago"
	rotationWidth  = 8 // "ROTATION", "stuck"
	flagsWideWidth = 26
	flagsWidth     = 12
	minNameWidth   = 12
	minDescWidth   = 12
)

// tableColumns is which columns fit a width, and how wide each is (0:
// hidden).
type tableColumns struct {
	region, name, desc, changed, accessed, rotation, flags int
	flagsLong                                              bool
	marker                                                 bool // a one-cell flag column instead of flags
}

// layoutColumns drops columns as the width shrinks: description first, then
// last accessed, the flag text (a one-cell marker stays), last changed.
func layoutColumns(width int, showRegion bool, longestName int) tableColumns {
	c := tableColumns{rotation: rotationWidth}
	if showRegion {
		c.region = regionWidth
	}
	switch {
	case width >= 110:
		c.flags, c.flagsLong = flagsWideWidth, true
	case width >= 60:
		c.flags = flagsWidth
	default:
		c.marker = true
	}
	if width >= 80 {
		c.accessed = dateWidth
	}
	if width >= 50 {
		c.changed = dateWidth
	}
	wantDesc := width >= 100
	for {
		fixed := gutterWidth
		n := 0
		for _, w := range []int{c.region, c.changed, c.accessed, c.rotation, c.flags} {
			if w > 0 {
				fixed += w
				n++
			}
		}
		if c.marker {
			fixed++
			n++
		}
		fixed += n // one space before each fixed column
		rest := width - fixed
		if wantDesc {
			c.name = min(max(min(longestName, rest*3/5), 24), rest-minDescWidth-1)
			c.desc = rest - c.name - 1
			if c.name >= minNameWidth && c.desc >= minDescWidth {
				return c
			}
			wantDesc, c.desc = false, 0
			continue
		}
		c.name = rest
		if c.name >= minNameWidth {
			return c
		}
		switch {
		case c.accessed > 0:
			c.accessed = 0
		case c.flags > 0:
			c.flags, c.flagsLong, c.marker = 0, false, true
		case c.changed > 0:
			c.changed = 0
		case c.region > 0 && c.region > 8:
			c.region = 8
		default:
			c.name = max(rest, 1)
			return c
		}
	}
}

// view renders the column titles and the visible rows: its cost depends on
// the height, not on how many rows are loaded.
func (t *secretTable) view(now time.Time) string {
	st := t.env.Styles
	c := layoutColumns(t.width, t.showRegion, t.maxName)
	lines := make([]string, 0, t.height+1)
	lines = append(lines, t.titleLine(c))
	plain, sel := common.NewRowStyles(st, false), common.NewRowStyles(st, true)
	end := min(t.offset+t.height, len(t.shown))
	for i := t.offset; i < end; i++ {
		rs := plain
		if i == t.cursor {
			rs = sel
		}
		lines = append(lines, t.rowLine(c, t.shown[i], rs, i == t.cursor, now))
	}
	return strings.Join(lines, "\n")
}

func (t *secretTable) titleLine(c tableColumns) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", gutterWidth))
	add := func(title string, w int) {
		if w <= 0 {
			return
		}
		b.WriteString(padCell(common.Cut(title, w), w))
		b.WriteByte(' ')
	}
	add("REGION", c.region)
	add("NAME", c.name)
	add("DESCRIPTION", c.desc)
	add("CHANGED", c.changed)
	add("ACCESSED", c.accessed)
	add("ROTATION", c.rotation)
	if c.flags > 0 {
		add("FLAGS", c.flags)
	}
	line := strings.TrimRight(b.String(), " ")
	return t.env.Styles.ColumnTitle.Render(common.Cut(line, t.width))
}

func (t *secretTable) rowLine(c tableColumns, h fuzzy.Hit, rs common.RowStyles, selected bool, now time.Time) string {
	r := t.rows[h.Item]
	s := r.sum
	var b strings.Builder
	gutter := "  "
	if selected {
		gutter = "› "
	}
	b.WriteString(rs.Base.Render(gutter))
	space := rs.Base.Render(" ")
	used := gutterWidth
	first := true
	cell := func(text string, w int) {
		if !first {
			b.WriteString(space)
			used++
		}
		first = false
		b.WriteString(text)
		used += w
	}
	if c.region > 0 {
		cell(styledCell(common.Sanitize(s.Region), c.region, rs.Muted), c.region)
	}
	cell(fuzzy.MatchedCell(r.name(), 0, h.Pos, c.name, rs.Base, rs.Match), c.name)
	if c.desc > 0 {
		cell(fuzzy.MatchedCell(r.desc(), r.descStart, h.Pos, c.desc, rs.Muted, rs.Match), c.desc)
	}
	if c.changed > 0 {
		cell(styledCell(relTime(s.LastChangedDate, now, "—"), c.changed, rs.Muted), c.changed)
	}
	if c.accessed > 0 {
		cell(styledCell(relDate(s.LastAccessedDate, now, "never"), c.accessed, rs.Muted), c.accessed)
	}
	rot := rotationOf(s, now)
	rotStyle := rs.Muted
	switch rot {
	case rotationOn:
		rotStyle = rs.On
	case rotationDue:
		rotStyle = rs.Due
	case rotationStuck:
		rotStyle = rs.Stuck
	}
	cell(styledCell(rot.String(), c.rotation, rotStyle), c.rotation)
	flagStyle := rs.Muted
	if !s.DeletedDate.IsZero() {
		flagStyle = rs.Danger
	}
	switch {
	case c.flags > 0 && c.flagsLong:
		cell(styledCell(strings.Join(secretMarkers(s), ", "), c.flags, flagStyle), c.flags)
	case c.flags > 0:
		cell(styledCell(shortMarkers(s), c.flags, flagStyle), c.flags)
	case c.marker:
		cell(styledCell(markerRune(s), 1, flagStyle), 1)
	}
	if pad := t.width - used; pad > 0 {
		b.WriteString(rs.Base.Render(strings.Repeat(" ", pad)))
	}
	return b.String()
}

// shortMarkers is the flag text for a medium-width table.
func shortMarkers(s aws.SecretSummary) string {
	var out []string
	if !s.DeletedDate.IsZero() {
		out = append(out, "del "+s.DeletedDate.UTC().Format("Jan 02"))
	}
	if s.PrimaryRegion != "" {
		if s.Region != "" && s.PrimaryRegion != s.Region {
			out = append(out, "replica")
		} else {
			out = append(out, "replicated")
		}
	}
	if s.OwningService != "" {
		out = append(out, "svc:"+common.Sanitize(s.OwningService))
	}
	return strings.Join(out, " ")
}

// markerRune is the one-cell flag of a narrow table.
func markerRune(s aws.SecretSummary) string {
	switch {
	case !s.DeletedDate.IsZero():
		return "✗"
	case s.PrimaryRegion != "" && s.Region != "" && s.PrimaryRegion != s.Region:
		return "↳" // a replica of a secret in another region
	case s.PrimaryRegion != "":
		return "⇄" // a primary with replicas
	case s.OwningService != "":
		return "◆"
	}
	return " "
}

// padCell pads s with spaces to w cells.
func padCell(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// styledCell cuts text to w cells, pads it and renders it in style.
func styledCell(text string, w int, style common.TextRenderer) string {
	return style.Render(padCell(common.Cut(text, w), w))
}

// View renders the list: an information line, the table, the filter line
// and the server filter prompt when open.
func (l *listScreen) View() string {
	st := l.env.Styles
	parts := []string{l.infoLine()}
	switch {
	case len(l.table.rows) == 0 && !l.loading && !l.connecting:
		parts = append(parts, "", st.Muted.Render(common.Cut("  "+l.emptyText(), l.width)))
	case len(l.table.shown) == 0 && l.table.query != "":
		parts = append(parts, "", st.Muted.Render(common.Cut("  nothing loaded matches “"+l.table.query+"”", l.width)))
	default:
		parts = append(parts, l.table.view(l.env.Now()))
	}
	body := strings.Join(parts, "\n")
	var bottom []string
	if l.table.filterShown() {
		bottom = append(bottom, l.table.filterLine())
	}
	if l.prompt != nil {
		bottom = append(bottom, l.prompt.view())
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
	n := len(l.table.rows)
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
