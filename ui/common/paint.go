package common

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// TextRenderer is what cells are drawn with: a lipgloss.Style or a paint.
type TextRenderer interface {
	Render(strs ...string) string
}

// Paint is a plain text style (colours, bold, underline; no padding or
// width) reduced to the escape codes around its text, so drawing a row
// costs concatenation rather than a lipgloss render per cell.
type Paint struct{ Pre, Post string }

func newPaint(s lipgloss.Style) Paint {
	r := s.Render("X")
	i := strings.Index(r, "X")
	if i < 0 {
		return Paint{}
	}
	return Paint{Pre: r[:i], Post: r[i+1:]}
}

// RowStyles are the styles of one row, plain or under the cursor.
type RowStyles struct {
	Base, Muted, Match, On, Due, Stuck, Danger Paint
}

// NewRowStyles is the paints of a row; a selected row inherits the
// Selected style. NewStyles works both out once (every frame draws rows),
// so a Styles is not changed after NewStyles: a new theme is a new Styles.
func NewRowStyles(st *Styles, selected bool) RowStyles {
	if st.rows != nil {
		return st.rows[boolIndex(selected)]
	}
	return newRowStyles(st, selected)
}

// rowStyles is a Styles' row paints, plain and selected, worked out once.
type rowStyles [2]RowStyles

func newRowStylePair(st *Styles) *rowStyles {
	return &rowStyles{newRowStyles(st, false), newRowStyles(st, true)}
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newRowStyles(st *Styles, selected bool) RowStyles {
	base, muted, match := st.Text, st.Muted, st.Match
	on, due, stuck := st.Success, st.Warning, st.Danger
	if selected {
		sel := st.Selected
		base, muted, match = base.Inherit(sel), muted.Inherit(sel), match.Inherit(sel)
		on, due, stuck = on.Inherit(sel), due.Inherit(sel), stuck.Inherit(sel)
	}
	return RowStyles{
		Base: newPaint(base), Muted: newPaint(muted), Match: newPaint(match),
		On: newPaint(on), Due: newPaint(due), Stuck: newPaint(stuck), Danger: newPaint(stuck),
	}
}

// Render wraps the joined strings in the style's escape codes.
func (p Paint) Render(strs ...string) string {
	s := strings.Join(strs, "")
	if s == "" || p.Pre == "" {
		return s
	}
	return p.Pre + s + p.Post
}

// LineStyle draws one line in a style that only colours (a foreground,
// bold, italic: no size, padding, border, margin, underline or
// strikethrough), as the style's Render does, by writing the style's escape
// codes around the text: lipgloss measured and copied the text several
// times to find it needed none of its layout. Text it would rewrite (empty,
// or with a tab, carriage return or newline) goes to the style itself.
type LineStyle struct {
	Paint
	style lipgloss.Style
}

func newLineStyle(s lipgloss.Style) LineStyle { return LineStyle{Paint: newPaint(s), style: s} }

// Render draws s as the style's Render does.
func (l LineStyle) Render(s string) string {
	if s == "" || strings.ContainsAny(s, "\t\r\n") {
		return l.style.Render(s)
	}
	return l.Pre + s + l.Post
}

// LineStyles are the colour-only styles drawn on every frame, as
// LineStyles; each draws what the Styles field of its name draws.
type LineStyles struct {
	Title, Muted, ColumnTitle, Info, Success, Warning, Error LineStyle
}

func newLineStyles(st *Styles) LineStyles {
	return LineStyles{
		Title: newLineStyle(st.Title), Muted: newLineStyle(st.Muted), ColumnTitle: newLineStyle(st.ColumnTitle),
		Info: newLineStyle(st.Info), Success: newLineStyle(st.Success), Warning: newLineStyle(st.Warning),
		Error: newLineStyle(st.Error),
	}
}
