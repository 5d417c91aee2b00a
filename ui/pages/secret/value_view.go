package secret

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// footerHeight is the height of the selected-field pane under the table:
// a separator, the field's path, and up to three lines of its revealed
// value. Short screens get a smaller pane or none.
func (v *Value) footerHeight() int {
	switch {
	case v.height >= 16:
		return 5
	case v.height >= 9:
		return 2
	}
	return 0
}

// tableHeight is how many table rows fit: the info line and the column
// titles come first, the footer last.
func (v *Value) tableHeight() int { return max(v.height-2-v.footerHeight(), 1) }

// pagerHeight is the height of the raw, text and binary views, under the
// info line.
func (v *Value) pagerHeight() int { return max(v.height-1, 1) }

// rebuild recomputes the pager text after the value, the reveal state or
// the size changed. The table is rendered row by row in View.
func (v *Value) rebuild() {
	if v.width <= 0 || v.height <= 0 {
		return
	}
	st := v.env.Styles
	var lines []string
	switch {
	case v.Loading || v.Err != nil:
		lines = nil
	case v.Kind == ValueJSON && v.raw:
		var text string
		if v.revealAll {
			if pretty, err := jsonedit.Pretty([]byte(v.shownText())); err == nil {
				text = string(pretty)
			}
		} else {
			text = PrettyMasked(v.Doc, v.isRevealed)
		}
		lines = strings.Split(common.SanitizeMultiline(text), "\n")
	case v.Kind == valueText:
		if v.revealAll {
			lines = strings.Split(common.SanitizeMultiline(v.shownText()), "\n")
		} else {
			lines = append([]string{common.RenderMask(st), ""}, common.WrapLines(st.Muted.Render("plaintext, masked — "+
				common.KeyHelp(v.env.Keys.Value.RevealAll)+" reveals, "+common.KeyHelp(v.env.Keys.Value.CopyAll)+" copies without revealing"), v.width)...)
		}
	case v.Kind == ValueBinary:
		lines = v.binaryLines()
	}
	if v.Kind != ValueJSON {
		lines = append(lines, v.factLines()...)
	}
	v.Pager.SetLines(lines)
}

// binaryLines shows a SecretBinary: its size, then base64 and a hex dump,
// both masked until revealed.
func (v *Value) binaryLines() []string {
	st := v.env.Styles
	data := v.Val.Secret.Bytes()
	lines := []string{st.Section.Render("binary value") + st.Muted.Render(" · "+strconv.Itoa(len(data))+" bytes"), ""}
	lines = append(lines, st.Section.Render("base64"))
	if v.revealAll {
		lines = append(lines, base64.StdEncoding.EncodeToString(data))
	} else {
		lines = append(lines, common.RenderMask(st))
	}
	lines = append(lines, "", st.Section.Render("hex"))
	if v.revealAll {
		lines = append(lines, HexDump(data, HexPerLine(v.width))...)
	} else {
		lines = append(lines, common.RenderMask(st))
		lines = append(lines, "")
		lines = append(lines, common.WrapLines(st.Muted.Render(common.KeyHelp(v.env.Keys.Value.RevealAll)+" reveals, "+
			common.KeyHelp(v.env.Keys.Value.CopyAll)+" copies the base64 without revealing"), v.width)...)
	}
	return lines
}

// View renders the info line and the table or the pager.
func (v *Value) View() string {
	st := v.env.Styles
	switch {
	case v.watch.gone:
		return strings.Join(common.WrapLines(st.Danger.Render(common.Sanitize(v.target.String())+" was deleted for good: there is no value to show. Press "+
			common.KeyHelp(v.env.Keys.Common.Back)+" to go back."), max(v.width, 1)), "\n")
	case v.Err != nil:
		return v.errorView()
	case v.Loading || v.Seq == 0:
		return st.Muted.Render(common.Cut("fetching the value of "+common.Sanitize(v.target.String())+"…", v.width))
	}
	info := v.infoLine()
	if v.Kind == ValueJSON && !v.raw {
		return v.editView(info + "\n" + v.tableView())
	}
	return v.editView(info + "\n" + v.Pager.View(st))
}

// infoLine says which version this is, what kind of value, and whether
// anything is revealed.
func (v *Value) infoLine() string {
	st := v.env.Styles
	parts := []string{}
	switch {
	case v.revealAll:
		parts = append(parts, st.Revealed.Render("REVEALED"))
	case len(v.revealed) > 0:
		parts = append(parts, st.Revealed.Render("partly revealed"))
	default:
		parts = append(parts, st.Muted.Render("masked"))
	}
	if n := v.newerNote(); n != "" {
		parts = append(parts, n)
	}
	if n := v.expiryNote(); n != "" {
		parts = append(parts, n)
	}
	if e := v.editInfo(); e != "" {
		parts = append(parts, e)
	}
	if len(v.Val.Stages) > 0 {
		parts = append(parts, common.StageLabels(st, aws.Version{Stages: v.Val.Stages}))
	} else {
		parts = append(parts, st.Deprecated.Render("deprecated"))
	}
	parts = append(parts, st.Muted.Render("version "+common.ShortID(v.Val.VersionID)))
	switch v.Kind {
	case ValueJSON:
		kind := "JSON " + v.Doc.Root().Kind().String()
		if v.raw {
			kind += " (raw)"
		}
		parts = append(parts, st.Muted.Render(kind))
	case valueText:
		parts = append(parts, st.Muted.Render("plaintext"))
	case ValueBinary:
		parts = append(parts, st.Muted.Render("binary"))
	}
	return common.Cut(strings.Join(parts, st.Muted.Render(" · ")), v.width)
}

// valueCols are the table's column widths.
type valueCols struct{ key, typ, val int }

const typeColWidth = 7 // "boolean"

func (v *Value) cols() valueCols {
	keyW := 3
	for _, r := range v.Table.Rows {
		keyW = max(keyW, 2*r.depth+2+ansi.StringWidth(common.Sanitize(r.Key)))
	}
	keyW = min(keyW, max(v.width/3, 8))
	return valueCols{key: keyW, typ: typeColWidth, val: max(v.width-2-keyW-2-typeColWidth-2, common.MaskWidth)}
}

// tableView renders the column titles, the visible rows and the selected
// field's pane. Only visible rows are rendered.
func (v *Value) tableView() string {
	st := v.env.Styles
	c := v.cols()
	var b strings.Builder
	b.WriteString(st.ColumnTitle.Render(common.Cut("  "+common.Pad("KEY", c.key)+"  "+common.Pad("TYPE", c.typ)+"  VALUE", v.width)))
	if len(v.Table.Rows) == 0 {
		b.WriteString("\n" + st.Muted.Render(common.Cut("(empty)", v.width)))
	}
	h := v.tableHeight()
	end := min(v.Table.offset+h, len(v.Table.Rows))
	for i := v.Table.offset; i < end; i++ {
		b.WriteString("\n" + v.rowView(v.Table.Rows[i], c, i == v.Table.cursor))
	}
	if fh := v.footerHeight(); fh > 0 {
		for i := end - v.Table.offset; i < h; i++ {
			b.WriteString("\n")
		}
		b.WriteString("\n" + strings.Join(v.footerLines(fh), "\n"))
	}
	return b.String()
}

// rowView renders one table row.
func (v *Value) rowView(r valueRow, c valueCols, selected bool) string {
	st := v.env.Styles
	marker := "  "
	if selected {
		marker = "› "
	}
	icon := "  "
	if r.container() && r.node.Len() > 0 {
		icon = "▸ "
		if v.Table.isExpanded(r.Path) {
			icon = "▾ "
		}
	}
	keyText := strings.Repeat("  ", r.depth) + icon + common.Sanitize(r.Key)
	if r.dup {
		keyText += " (dup)"
	}
	keyText += v.editMarker(r.Path)
	left := marker + common.Pad(keyText, c.key) + "  "
	if selected {
		left = st.Selected.Render(left)
	}
	typ := st.TypeBadge.Render(common.Pad(r.kind().String(), c.typ))
	return common.Cut(left+typ+"  "+v.cellValue(r, c.val), v.width)
}

// cellValue is a row's value as the table shows it: masked, or revealed
// (cut to the column; the pane below shows it whole).
func (v *Value) cellValue(r valueRow, width int) string {
	st := v.env.Styles
	size := ""
	switch r.kind() {
	case jsonedit.Null:
		return st.Muted.Render("null")
	case jsonedit.Object:
		size = common.Spell(r.node.Len(), "field")
	case jsonedit.Array:
		size = common.Spell(r.node.Len(), "item")
	}
	if r.container() {
		if r.node.Len() == 0 || v.Table.isExpanded(r.Path) {
			return st.Muted.Render(size)
		}
		if !v.isRevealed(r.Path) {
			return common.RenderMask(st) + st.Muted.Render(" "+size)
		}
		return st.Revealed.Render(common.Cut(common.Sanitize(compactJSON(r.node.Raw())), width))
	}
	if !v.isRevealed(r.Path) {
		return common.RenderMask(st)
	}
	return st.Revealed.Render(common.Cut(common.Sanitize(displayValue(r.node)), width))
}

// displayValue is a scalar as the operator reads it: a string decoded, any
// other value as written.
func displayValue(n *jsonedit.Node) string {
	if n.Kind() == jsonedit.String {
		return n.Decoded()
	}
	return string(n.Raw())
}

// footerLines is the selected field's pane: its path, type and state, and,
// when revealed, its value wrapped over up to fh-2 lines.
func (v *Value) footerLines(fh int) []string {
	st := v.env.Styles
	lines := []string{st.Muted.Render(strings.Repeat("─", max(v.width, 0)))}
	r, ok := v.Table.Selected()
	if !ok {
		return lines
	}
	state := "masked — " + common.KeyHelp(v.env.Keys.Common.Reveal) + " reveals, " + common.KeyHelp(v.env.Keys.Value.CopyField) + " copies without revealing"
	if v.isRevealed(r.Path) {
		state = "revealed"
	}
	lines = append(lines, common.Cut(common.Sanitize(r.Path.String())+st.Muted.Render(" · "+r.kind().String()+" · "+state), v.width))
	if r.depth == 0 && fh > 2 {
		for _, f := range v.factsOfField(r.Key) {
			if len(lines) < fh {
				lines = append(lines, common.Cut(v.factText(f), v.width))
			}
		}
	}
	if fh <= 2 || !v.isRevealed(r.Path) || r.kind() == jsonedit.Null {
		return lines
	}
	text := displayValue(r.node)
	if r.container() {
		text = compactJSON(r.node.Raw())
	}
	room := fh - len(lines)
	if room <= 0 {
		return lines
	}
	var wrapped []string
	for _, l := range strings.Split(common.SanitizeMultiline(text), "\n") {
		wrapped = append(wrapped, strings.Split(ansi.Hardwrap(l, max(v.width, 1), true), "\n")...)
	}
	more := 0
	if len(wrapped) > room {
		more = len(wrapped) - room + 1
		wrapped = wrapped[:room-1]
	}
	for _, l := range wrapped {
		lines = append(lines, st.Revealed.Render(l))
	}
	if more > 0 {
		lines = append(lines, st.Muted.Render(common.Cut("… "+common.Spell(more, "more line")+": "+common.KeyHelp(v.env.Keys.Value.Raw)+" shows the raw view", v.width)))
	}
	return lines
}

// errorView explains why the value could not be read, and what to do.
func (v *Value) errorView() string {
	st := v.env.Styles
	w := max(v.width, 1)
	lines := common.WrapLines(st.Error.Render("could not read the value of "+common.Sanitize(v.target.String())), w)
	lines = append(lines, "")
	lines = append(lines, common.WrapLines(common.DescribeError(v.env.Keys, v.Err), w)...)
	var e *aws.Error
	if errors.As(v.Err, &e) && e.Kind == aws.KindDecryption && e.KMSKeyID == "" {
		lines = append(lines, "", common.Cut("the secret's KMS key: "+kmsKeyText(v.kmsKeyID), w))
	}
	lines = append(lines, "", st.Muted.Render(common.Cut(common.KeyHelp(v.env.Keys.Common.Refresh)+" retries · "+common.KeyHelp(v.env.Keys.Common.Back)+" goes back", w)))
	return strings.Join(lines, "\n")
}
