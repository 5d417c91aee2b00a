package table

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// referenceView is the table's View as it was before the rows were
// written into one builder: each cell rendered on its own, the lines
// joined. The new View must draw the same bytes.
func referenceView(t *Secrets, now time.Time) string {
	st := t.env.Styles
	c := t.columns()
	// The titles, drawn by lipgloss itself.
	lines := []string{st.ColumnTitle.Render(ansi.Strip(t.titleLine(c)))}
	plain, sel := common.NewRowStyles(st, false), common.NewRowStyles(st, true)
	end := min(t.offset+t.Height, len(t.Shown))
	for i := t.offset; i < end; i++ {
		rs := plain
		if i == t.Cursor {
			rs = sel
		}
		lines = append(lines, referenceRowLine(t, c, t.Shown[i], rs, i == t.Cursor, now))
	}
	return strings.Join(lines, "\n")
}

func referenceRowLine(t *Secrets, c tableColumns, h fuzzy.Hit, rs common.RowStyles, selected bool, now time.Time) string {
	r := t.Rows[h.Item]
	s := r.Summary()
	var b strings.Builder
	gutter := "  "
	if selected {
		gutter = "› "
	}
	b.WriteString(rs.Base.Render(gutter))
	space := rs.Base.Render(" ")
	used := GutterWidth
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
	styled := func(text string, w int, style common.TextRenderer) string {
		text = ansi.Truncate(text, w, "…")
		return style.Render(text + strings.Repeat(" ", max(w-ansi.StringWidth(text), 0)))
	}
	if c.Account > 0 {
		cell(styled(common.Sanitize(t.AccountOf(r)), c.Account, rs.Muted), c.Account)
	}
	if c.Region > 0 {
		cell(styled(common.Sanitize(s.Region), c.Region, rs.Muted), c.Region)
	}
	cell(fuzzy.MatchedCell(r.name(), 0, h.Pos, c.Name, rs.Base, rs.Match), c.Name)
	if c.Desc > 0 {
		cell(fuzzy.MatchedCell(r.desc(), r.descStart(), h.Pos, c.Desc, rs.Muted, rs.Match), c.Desc)
	}
	if c.Created > 0 {
		cell(styled(common.RelTime(s.CreatedDate, now, "—"), c.Created, rs.Muted), c.Created)
	}
	if c.Changed > 0 {
		cell(styled(common.RelTime(s.LastChangedDate, now, "—"), c.Changed, rs.Muted), c.Changed)
	}
	if c.Accessed > 0 {
		cell(styled(common.RelDate(s.LastAccessedDate, now, "never"), c.Accessed, rs.Muted), c.Accessed)
	}
	rot := RotationOf(s, now)
	rotStyle := rotationPaint(rot, rs)
	cell(styled(rot.String(), c.Rotation, rotStyle), c.Rotation)
	flagStyle := rs.Muted
	if !s.DeletedDate.IsZero() {
		flagStyle = rs.Danger
	}
	switch {
	case c.Flags > 0 && c.FlagsLong:
		cell(styled(strings.Join(secretMarkers(s), ", "), c.Flags, flagStyle), c.Flags)
	case c.Flags > 0:
		cell(styled(shortMarkers(s), c.Flags, flagStyle), c.Flags)
	case c.Marker:
		cell(styled(markerRune(s), 1, flagStyle), 1)
	}
	if pad := t.width - used; pad > 0 {
		b.WriteString(rs.Base.Render(strings.Repeat(" ", pad)))
	}
	return b.String()
}

// viewRows are secrets whose cells take every path: long and wide names,
// combining marks, empty and multi-line descriptions, every rotation state
// and flag.
func viewRows(now time.Time) []*Row {
	day := 24 * time.Hour
	sums := []aws.SecretSummary{
		{Name: "payments/db", Description: "the payments database", Region: "us-east-1",
			RotationEnabled: true, NextRotationDate: now.Add(day), CreatedDate: now.Add(-3 * day),
			LastChangedDate: now.Add(-time.Hour), LastAccessedDate: now.Add(-2 * day)},
		{Name: strings.Repeat("very-long-name/", 12) + "db", Description: strings.Repeat("long words ", 30),
			Region: "eu-west-1", RotationEnabled: true, NextRotationDate: now.Add(-day)},
		{Name: "日本語/シークレット/データベース/接続", Description: "説明\nline two\tafter tab", Region: "ap-northeast-1",
			PrimaryRegion: "us-east-1", VersionStages: map[string][]string{"a": {"AWSCURRENT"}, "b": {"AWSPENDING"}}},
		{Name: "cafe\u0301/db", Region: "us-east-1", PrimaryRegion: "us-east-1", FailedReplicas: []string{"eu-west-2"},
			DeletedDate: now.Add(-day), DeletionDate: now.Add(6 * day)},
		{Name: "svc/owned", Description: "", Region: "us-west-2", OwningService: "rds\x1b[31m",
			PrimaryRegion: "us-west-2", LastAccessedDate: now.Add(-400 * day)},
		{Name: "a", Description: "x", Region: "us-east-1"},
	}
	rows := make([]*Row, len(sums))
	for i, s := range sums {
		s.ARN = "arn:" + s.Name
		rows[i] = NewRow(s)
	}
	return rows
}

func TestViewMatchesCellByCellRendering(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	queries := []string{"", "db", "long", "日本", "x"}
	for _, account := range []bool{false, true} {
		for _, region := range []bool{false, true} {
			for _, q := range queries {
				tb := newTestTable()
				tb.ShowRegion = region
				if account {
					tb.AccountOf = func(r *Row) string { return "123456789012 prod-" + r.Region() + "-帳" }
				}
				tb.Add(viewRows(now))
				tb.SetQuery(q)
				for _, w := range []int{20, 35, 45, 55, 70, 85, 105, 120, 135, 200} {
					tb.SetSize(w, 8)
					for cursor := range len(tb.Shown) {
						tb.moveTo(cursor)
						if got, want := tb.View(now), referenceView(tb, now); got != want {
							t.Fatalf("account %v, region %v, query %q, width %d, cursor %d:\ngot  %q\nwant %q",
								account, region, q, w, cursor, got, want)
						}
					}
				}
			}
		}
	}
}

// TestViewComparesStyledRows guards the comparison above: the rows it
// compares carry colours, and the filter's matches are highlighted.
func TestViewComparesStyledRows(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	tb := newTestTable()
	tb.Add(viewRows(now))
	tb.SetSize(120, 8)
	tb.SetQuery("db")
	out := tb.View(now)
	if len(tb.Shown) == 0 || len(tb.Shown[0].Pos) == 0 {
		t.Fatalf("query db: %d hits, first without positions", len(tb.Shown))
	}
	match := common.NewRowStyles(tb.env.Styles, false).Match
	if match.Pre == "" || !strings.Contains(out, match.Pre) {
		t.Fatalf("the view draws no match highlight (%q)", match.Pre)
	}
	for i, line := range strings.Split(out, "\n")[1:] {
		if w := ansi.StringWidth(line); w != 120 {
			t.Errorf("row %d is %d cells wide, want 120: %q", i, w, ansi.Strip(line))
		}
	}
}
