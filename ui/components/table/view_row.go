package table

import (
	"strings"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// rowWriter writes a row's cells into the table's builder, each in its
// paint, a space in the base paint between them; used counts the cells
// written. The bytes are those of rendering each cell with Paint.Render
// and concatenating them, without the intermediate strings.
type rowWriter struct {
	b     *strings.Builder
	base  common.Paint
	used  int
	cells int
}

// paint writes text in p, as p.Render(text) would.
func (w *rowWriter) paint(p common.Paint, text string) {
	if text == "" || p.Pre == "" {
		w.b.WriteString(text)
		return
	}
	w.b.WriteString(p.Pre)
	w.b.WriteString(text)
	w.b.WriteString(p.Post)
}

// sep writes the space before every cell but the first.
func (w *rowWriter) sep() {
	if w.cells > 0 {
		w.paint(w.base, " ")
		w.used++
	}
	w.cells++
}

// cell writes text cut to width cells (with an ellipsis) and padded with
// spaces, all in p.
func (w *rowWriter) cell(text string, width int, p common.Paint) {
	w.sep()
	text = common.Cut(text, width)
	pad := common.Spaces(width - common.Width(text))
	if p.Pre == "" || len(text)+len(pad) == 0 {
		w.b.WriteString(text)
		w.b.WriteString(pad)
	} else {
		w.b.WriteString(p.Pre)
		w.b.WriteString(text)
		w.b.WriteString(pad)
		w.b.WriteString(p.Post)
	}
	w.used += width
}

// matched writes a cell whose filter matches are highlighted, as
// fuzzy.MatchedCell draws it; a row with no matches (no filter) is written
// here without its intermediate strings.
func (w *rowWriter) matched(text string, offset int, pos []int, width int, base, match common.Paint) {
	w.sep()
	w.used += width
	if len(pos) > 0 {
		w.b.WriteString(fuzzy.MatchedCell(text, offset, pos, width, base, match))
		return
	}
	kept, cutOff := text, false
	if common.Width(text) > width {
		kept, cutOff = common.CutPlain(text, max(width-1, 0)), true
	}
	w.paint(base, kept)
	used := common.Width(kept)
	if cutOff && width > 0 {
		w.paint(base, "…")
		used++
	}
	if used < width {
		w.paint(base, common.Spaces(width-used))
	}
}
