package secret

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// versionsFooterLines is the height of the selected-version pane (with its
// separator); it is dropped on short screens.
const versionsFooterLines = 5

func (v *Versions) showFooter() bool { return v.height >= 12 }

// tableHeight is how many version rows fit.
func (v *Versions) tableHeight() int {
	h := v.height - 1 // column titles
	if v.showFooter() {
		h -= versionsFooterLines
	}
	return max(h, 1)
}

// versionCols says which columns fit the width.
type versionCols struct {
	idW      int
	created  bool
	accessed bool
}

func (v *Versions) cols() versionCols {
	switch {
	case v.width >= 110:
		return versionCols{idW: 36, created: true, accessed: true}
	case v.width >= 70:
		return versionCols{idW: 9, created: true, accessed: true}
	case v.width >= 56:
		return versionCols{idW: 9, created: true}
	default:
		return versionCols{idW: 9}
	}
}

// View renders the column titles, the visible rows and the selected
// version's details. Its cost depends on the screen's height only.
func (v *Versions) View() string {
	st := v.env.Styles
	switch {
	case v.deleted:
		return strings.Join(common.WrapLines(st.Danger.Render(common.Sanitize(v.target.String())+" was deleted for good: it has no versions any more. Press "+
			common.KeyHelp(v.env.Keys.Common.Back)+" to go back."), max(v.width, 1)), "\n")
	case v.err != nil && len(v.Versions) == 0:
		return strings.Join(common.WrapLines(st.Error.Render(common.FailureText(v.env.Keys, "could not list versions", v.err)), max(v.width, 1)), "\n") +
			"\n" + st.Muted.Render(common.Cut("press "+common.KeyHelp(v.env.Keys.Common.Refresh)+" to retry", v.width))
	case !v.Loaded:
		return st.Muted.Render(common.Cut("loading versions…", v.width))
	case len(v.Versions) == 0:
		return st.Muted.Render(common.Cut("this secret has no versions", v.width))
	}
	c := v.cols()
	now := v.env.Now()
	var b strings.Builder
	b.WriteString(st.ColumnTitle.Render(common.Cut(v.row(c, "VERSION", "CREATED", "ACCESSED", "LABELS", false), v.width)))
	end := min(v.offset+v.tableHeight(), len(v.Versions))
	for i := v.offset; i < end; i++ {
		ver := v.Versions[i]
		id := common.Sanitize(ver.ID)
		if ansi.StringWidth(id) > c.idW {
			id = ansi.Truncate(id, c.idW, "…")
		}
		cells := v.row(c, id, common.ShortDate(ver.CreatedDate), common.ShortDate(ver.LastAccessedDate), "", i == v.cursor)
		if i == v.cursor {
			cells = st.Selected.Render(cells)
		}
		b.WriteString("\n" + common.Cut(cells+common.StageLabels(st, ver), v.width))
	}
	if v.showFooter() {
		for i := end - v.offset; i < v.tableHeight(); i++ {
			b.WriteString("\n")
		}
		ver := v.Versions[v.cursor]
		b.WriteString("\n" + st.Muted.Render(strings.Repeat("─", max(v.width, 0))))
		b.WriteString("\n" + common.Cut(st.Label.Render("version  ")+common.Sanitize(ver.ID), v.width))
		b.WriteString("\n" + common.Cut(st.Label.Render("created  ")+common.FormatWhen(ver.CreatedDate, now), v.width))
		b.WriteString("\n" + common.Cut(st.Label.Render("accessed ")+common.FormatDay(ver.LastAccessedDate, now), v.width))
		b.WriteString("\n" + common.Cut(st.Label.Render("labels   ")+common.StageLabels(st, ver), v.width))
	}
	return b.String()
}

// row lays out one line of the table.
func (v *Versions) row(c versionCols, id, created, accessed, labels string, selected bool) string {
	marker := "  "
	if selected {
		marker = "› "
	}
	s := marker + common.Pad(id, c.idW) + "  "
	if c.created {
		s += common.Pad(created, 10) + "  "
	}
	if c.accessed {
		s += common.Pad(accessed, 10) + "  "
	}
	return s + labels
}
