package table

import (
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Column widths of the secret table.
const (
	GutterWidth    = 2 // "› " marks the cursor row without colour
	regionWidth    = 14
	dateWidth      = 9 // "yesterday", "11mo ago"
	rotationWidth  = 8 // "ROTATION", "stuck"
	flagsWideWidth = 26
	flagsWidth     = 12
	MinNameWidth   = 12
	minDescWidth   = 12
)

// tableColumns is which columns fit a width, and how wide each is (0:
// hidden).
type tableColumns struct {
	Region, Name, Desc, Created, Changed, Accessed, Rotation, Flags int
	FlagsLong                                                       bool
	Marker                                                          bool // a one-cell flag column instead of flags

	Account int // set by columns, not LayoutColumns
}

// accountWidth fits "123456789012 profile-name".
const accountWidth = 24

// LayoutColumns drops columns as the width shrinks: created first, then the
// description, last accessed, the flag text (a one-cell marker stays), last
// changed.
func LayoutColumns(width int, showRegion bool, longestName int) tableColumns {
	c := tableColumns{Rotation: rotationWidth}
	if showRegion {
		c.Region = regionWidth
	}
	switch {
	case width >= 110:
		c.Flags, c.FlagsLong = flagsWideWidth, true
	case width >= 60:
		c.Flags = flagsWidth
	default:
		c.Marker = true
	}
	if width >= 80 {
		c.Accessed = dateWidth
	}
	if width >= 50 {
		c.Changed = dateWidth
	}
	if width >= 130 {
		c.Created = dateWidth
	}
	wantDesc := width >= 100
	for {
		fixed := GutterWidth
		n := 0
		for _, w := range []int{c.Region, c.Created, c.Changed, c.Accessed, c.Rotation, c.Flags} {
			if w > 0 {
				fixed += w
				n++
			}
		}
		if c.Marker {
			fixed++
			n++
		}
		fixed += n // one space before each fixed column
		rest := width - fixed
		if wantDesc {
			// The name and description share what is left as if CREATED
			// were hidden; CREATED then takes its room from a long name
			// first, so the description keeps its width.
			created := 0
			if c.Created > 0 {
				created = c.Created + 1
			}
			split := rest + created
			c.Name = min(max(min(longestName, split*3/5), 24), split-minDescWidth-1)
			c.Desc = split - c.Name - 1
			fromName := min(created, max(c.Name-24, 0))
			c.Name -= fromName
			c.Desc -= created - fromName
			if c.Name >= MinNameWidth && c.Desc >= minDescWidth {
				return c
			}
			if c.Created > 0 {
				c.Created = 0 // the description matters more
				continue
			}
			wantDesc, c.Desc = false, 0
			continue
		}
		c.Name = rest
		if c.Name >= MinNameWidth {
			return c
		}
		switch {
		case c.Created > 0:
			c.Created = 0
		case c.Accessed > 0:
			c.Accessed = 0
		case c.Flags > 0:
			c.Flags, c.FlagsLong, c.Marker = 0, false, true
		case c.Changed > 0:
			c.Changed = 0
		case c.Region > 0 && c.Region > 8:
			c.Region = 8
		default:
			c.Name = max(rest, 1)
			return c
		}
	}
}

// columns lays the columns out for the table's width; the ACCOUNT column,
// when shown, takes its room from the others (down to a third of the width).
func (t *Secrets) columns() tableColumns {
	if t.AccountOf == nil {
		return LayoutColumns(t.width, t.ShowRegion, t.maxName)
	}
	w := min(accountWidth, max(t.width/3-1, 1))
	c := LayoutColumns(t.width-w-1, t.ShowRegion, t.maxName)
	c.Account = w
	return c
}

// View renders the column titles and the visible rows: its cost depends on
// the height, not on how many rows are loaded.
func (t *Secrets) View(now time.Time) string {
	var b strings.Builder
	t.WriteView(&b, now)
	return b.String()
}

// WriteView writes View into b, for a screen that draws more around the
// table. The rows are written straight into b (rowWriter), each cell's
// paint around it, as the cells were once rendered one by one and joined.
func (t *Secrets) WriteView(b *strings.Builder, now time.Time) {
	st := t.env.Styles
	c := t.columns()
	title := t.titleLine(c)
	end := min(t.offset+t.Height, len(t.Shown))
	// The first row tells how long the others are (the cursor's paints are
	// longer: a quarter more room).
	b.Grow(len(title) + 2*t.width + 64)
	b.WriteString(title)
	plain, sel := common.NewRowStyles(st, false), common.NewRowStyles(st, true)
	for i := t.offset; i < end; i++ {
		rs := plain
		if i == t.Cursor {
			rs = sel
		}
		before := b.Len()
		b.WriteByte('\n')
		t.writeRow(b, c, t.Shown[i], rs, i == t.Cursor, now)
		if i == t.offset {
			b.Grow((b.Len() - before) * (end - i - 1) * 5 / 4)
		}
	}
}

func (t *Secrets) titleLine(c tableColumns) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", GutterWidth))
	add := func(title string, w int) {
		if w <= 0 {
			return
		}
		b.WriteString(padCell(common.Cut(title, w), w))
		b.WriteByte(' ')
	}
	add("ACCOUNT", c.Account)
	add("REGION", c.Region)
	add("NAME", c.Name)
	add("DESCRIPTION", c.Desc)
	add("CREATED", c.Created)
	add("CHANGED", c.Changed)
	add("ACCESSED", c.Accessed)
	add("ROTATION", c.Rotation)
	if c.Flags > 0 {
		add("FLAGS", c.Flags)
	}
	line := strings.TrimRight(b.String(), " ")
	return t.env.Styles.Lines.ColumnTitle.Render(common.Cut(line, t.width))
}

// writeRow writes one row of the table, padded to the table's width.
func (t *Secrets) writeRow(b *strings.Builder, c tableColumns, h fuzzy.Hit, rs common.RowStyles, selected bool, now time.Time) {
	r := t.Rows[h.Item]
	s := r.summary(shownOnly) // drawn every frame: no tags or stages unpacked
	w := rowWriter{b: b, base: rs.Base}
	gutter := "  "
	if selected {
		gutter = "› "
	}
	w.paint(rs.Base, gutter)
	w.used = GutterWidth
	if c.Account > 0 {
		w.cell(common.Sanitize(t.AccountOf(r)), c.Account, rs.Muted)
	}
	if c.Region > 0 {
		w.cell(common.Sanitize(s.Region), c.Region, rs.Muted)
	}
	w.matched(r.name(), 0, h.Pos, c.Name, rs.Base, rs.Match)
	if c.Desc > 0 {
		w.matched(r.desc(), r.descStart(), h.Pos, c.Desc, rs.Muted, rs.Match)
	}
	if c.Created > 0 {
		w.cell(common.RelTime(s.CreatedDate, now, "—"), c.Created, rs.Muted)
	}
	if c.Changed > 0 {
		w.cell(common.RelTime(s.LastChangedDate, now, "—"), c.Changed, rs.Muted)
	}
	if c.Accessed > 0 {
		w.cell(common.RelDate(s.LastAccessedDate, now, "never"), c.Accessed, rs.Muted)
	}
	rot := r.Rotation(now)
	rotStyle := rotationPaint(rot, rs)
	w.cell(rot.String(), c.Rotation, rotStyle)
	flagStyle := rs.Muted
	if !s.DeletedDate.IsZero() {
		flagStyle = rs.Danger
	}
	switch {
	case c.Flags > 0 && c.FlagsLong:
		w.cell(strings.Join(secretMarkers(s), ", "), c.Flags, flagStyle)
	case c.Flags > 0:
		w.cell(shortMarkers(s), c.Flags, flagStyle)
	case c.Marker:
		w.cell(markerRune(s), 1, flagStyle)
	}
	if pad := t.width - w.used; pad > 0 {
		w.paint(rs.Base, common.Spaces(pad))
	}
}

// shortMarkers is the flag text for a medium-width table.
func shortMarkers(s aws.SecretSummary) string {
	var out []string
	if !s.DeletedDate.IsZero() {
		out = append(out, common.DeletionFlag(s.DeletedDate, s.DeletionDate))
	}
	if s.PrimaryRegion != "" {
		if s.Region != "" && s.PrimaryRegion != s.Region {
			out = append(out, "replica")
		} else if len(s.FailedReplicas) > 0 {
			out = append(out, "repl FAILED")
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
	case len(s.FailedReplicas) > 0:
		return "!" // a primary whose replication failed somewhere
	case s.PrimaryRegion != "":
		return "⇄" // a primary with replicas
	case s.OwningService != "":
		return "◆"
	}
	return " "
}

// padCell pads s with spaces to w cells.
func padCell(s string, w int) string {
	if n := w - common.Width(s); n > 0 {
		return s + common.Spaces(n)
	}
	return s
}

// rotationPaint is the paint of a rotation state's cell.
func rotationPaint(rot RotationState, rs common.RowStyles) common.Paint {
	switch rot {
	case RotationOn:
		return rs.On
	case RotationDue:
		return rs.Due
	case RotationStuck:
		return rs.Stuck
	}
	return rs.Muted
}
