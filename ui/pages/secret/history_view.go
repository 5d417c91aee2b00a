package secret

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// historyLateNote says why the newest calls may be missing.
const historyLateNote = "CloudTrail delivers events about 5 minutes late; the last minutes may be missing."

// historyDetailLines is the height of the selected event's pane (with its
// separator); it is dropped on short screens.
const historyDetailLines = 5

func (h *History) showDetail() bool { return h.height >= 16 }

// headerLines is the height of the note and status above the table.
func (h *History) headerLines() int {
	n := 2 // the note and the status line
	if h.prompt != nil {
		n += h.prompt.Height()
	}
	return n
}

// tableHeight is how many event rows fit.
func (h *History) tableHeight() int {
	rows := h.height - h.headerLines() - 1 // column titles
	if h.showDetail() {
		rows -= historyDetailLines
	}
	return max(rows, 1)
}

// historyCols are the column widths that fit the width; 0 drops a column.
type historyCols struct {
	time, event, source, principal int
	longTime                       bool
}

func (h *History) cols() historyCols {
	w := h.width - 2 // the cursor gutter
	c := historyCols{time: 11, event: 20}
	if w < 56 {
		c.event = 14
	}
	switch {
	case w >= 100:
		c.time, c.longTime, c.event, c.source = 16, true, 24, 15
	case w >= 70:
		c.source = 15
	}
	used := c.time + 2 + c.event + 2
	if c.source > 0 {
		used += c.source + 2
	}
	c.principal = max(w-used, 8)
	return c
}

// View renders the note, the status, the table and the selected event.
func (h *History) View() string {
	st := h.env.Styles
	w := max(h.width, 1)
	var b strings.Builder
	b.WriteString(st.Muted.Render(common.Cut(historyLateNote, w)))
	b.WriteString("\n" + common.Cut(h.status(), w))
	if h.prompt != nil {
		b.WriteString("\n" + h.prompt.View())
	}
	if h.err != nil && len(h.events) == 0 {
		for _, l := range common.WrapLines(st.Error.Render(common.FailureText(h.env.Keys, "could not read the CloudTrail history", h.err)), w) {
			b.WriteString("\n" + l)
		}
		b.WriteString("\n" + st.Muted.Render(common.Cut("press "+common.KeyHelp(h.env.Keys.Common.Refresh)+" to retry", w)))
		return b.String()
	}
	c := h.cols()
	b.WriteString("\n" + st.ColumnTitle.Render(common.Cut(h.row(c, "TIME", "EVENT", "SOURCE", "PRINCIPAL", false), w)))
	end := min(h.offset+h.tableHeight(), len(h.shown))
	for i := h.offset; i < end; i++ {
		ev := h.events[h.shown[i]]
		when := ev.Time.UTC().Format("01-02 15:04")
		if c.longTime {
			when = ev.Time.UTC().Format("2006-01-02 15:04")
		}
		name := common.Sanitize(ev.Name)
		if ev.ErrorCode != "" {
			name = "✗ " + name
		}
		line := h.row(c, when, name, common.Sanitize(ev.SourceIP), principalCell(ev, c.principal), i == h.cursor)
		switch {
		case i == h.cursor:
			line = st.Selected.Render(common.Cut(line, w))
		case ev.ErrorCode != "":
			line = st.Error.Render(common.Cut(line, w))
		case ev.Service:
			line = st.Muted.Render(common.Cut(line, w))
		default:
			line = common.Cut(line, w)
		}
		b.WriteString("\n" + line)
	}
	if h.showDetail() {
		for i := end - h.offset; i < h.tableHeight(); i++ {
			b.WriteString("\n")
		}
		b.WriteString("\n" + st.Muted.Render(strings.Repeat("─", w)))
		for _, l := range h.detailLines() {
			b.WriteString("\n" + common.Cut(l, w))
		}
	}
	return b.String()
}

// status says what was read, the filter and whether more is coming.
func (h *History) status() string {
	st := h.env.Styles
	var parts []string
	switch {
	case !h.started || (h.loading && len(h.events) == 0):
		parts = append(parts, "reading CloudTrail…")
	default:
		n := common.Plural(len(h.events), "event") + " read"
		if !h.filter.IsZero() {
			n = common.GroupThousands(len(h.shown)) + " of " + n + " shown"
		}
		parts = append(parts, n)
	}
	if f := h.filterText(); f != "" {
		parts = append(parts, st.Warning.Render("filter "+f))
	}
	switch {
	case h.loading && len(h.events) > 0:
		parts = append(parts, "reading the next page…")
	case h.err != nil && len(h.events) > 0:
		parts = append(parts, st.Error.Render("the next page failed: "+common.KeyHelp(h.env.Keys.Nav.Down)+" at the end retries"))
	case h.done && h.started:
		parts = append(parts, "the whole history (90 days)")
	case h.started && !h.loading:
		parts = append(parts, "more as you scroll")
	}
	return strings.Join(parts, " · ")
}

func (h *History) filterText() string {
	var f []string
	if h.filter.EventName != "" {
		f = append(f, "event ~ "+common.Sanitize(h.filter.EventName))
	}
	if h.filter.Principal != "" {
		f = append(f, "who ~ "+common.Sanitize(h.filter.Principal))
	}
	return strings.Join(f, ", ")
}

// detailLines describe the selected event in full.
func (h *History) detailLines() []string {
	st := h.env.Styles
	ev, ok := h.selected()
	if !ok {
		msg := "no events"
		if !h.filter.IsZero() {
			msg = "no events match the filter (" + common.KeyHelp(h.env.Keys.Common.Back) + " clears it)"
		}
		if !h.done {
			msg += "; more are read as you scroll"
		}
		return []string{st.Muted.Render(msg)}
	}
	who := common.Sanitize(ev.Principal)
	if ev.Role != "" {
		who += "  (role " + common.Sanitize(ev.Role) + ")"
	}
	what := common.Sanitize(ev.Name)
	switch {
	case ev.ErrorCode != "":
		what += "  " + st.Error.Render("refused: "+common.Sanitize(ev.ErrorCode))
	case ev.Service:
		what += "  " + st.Muted.Render("recorded by Secrets Manager")
	}
	from := common.Sanitize(ev.SourceIP)
	if ev.UserAgent != "" && ev.UserAgent != ev.SourceIP {
		from += "  " + st.Muted.Render(common.Sanitize(ev.UserAgent))
	}
	return []string{
		st.Label.Render("when   ") + common.FormatWhen(ev.Time, h.env.Now()),
		st.Label.Render("event  ") + what,
		st.Label.Render("who    ") + who,
		st.Label.Render("from   ") + from,
	}
}

// principalCell names the caller in w cells: "user/alice" or
// "assumed-role/Role/session" when it fits, else the session name first,
// which tells people apart ("bob@example.com (Role)"), cut if need be.
func principalCell(ev aws.TrailEvent, w int) string {
	p := common.Sanitize(ev.ShortPrincipal())
	if ansi.StringWidth(p) <= w {
		return p
	}
	if rest, ok := strings.CutPrefix(p, "assumed-role/"); ok {
		if role, session, ok := strings.Cut(rest, "/"); ok && session != "" {
			return common.Cut(session+" ("+role+")", w)
		}
	}
	return common.Cut(p, w)
}

// row lays out one line of the table.
func (h *History) row(c historyCols, when, event, source, principal string, selected bool) string {
	marker := "  "
	if selected {
		marker = "› "
	}
	s := marker + common.Pad(when, c.time) + "  " + common.Pad(event, c.event) + "  "
	if c.source > 0 {
		s += common.Pad(source, c.source) + "  "
	}
	return s + common.Cut(principal, c.principal)
}
