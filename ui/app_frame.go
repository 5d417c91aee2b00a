package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/common"
)

// joinFrame stacks the chrome above the body, the body fitted into width x
// bodyH cells, and the chrome below it, every line padded with spaces to
// the widest: byte for byte what
//
//	lipgloss.JoinVertical(lipgloss.Left, above..., lipgloss.NewStyle().
//		Height(bodyH).MaxHeight(bodyH).MaxWidth(width).Render(body), below...)
//
// makes (joinFrameLipgloss), in one builder and measuring each line once:
// that pipeline split, measured and copied the whole frame four times, a
// third of the list screen's frame. Text with a tab or a carriage return,
// which lipgloss rewrites, goes through lipgloss itself.
func joinFrame(width, bodyH int, above []string, body string, below []string) string {
	lines := make([]frameLine, 0, bodyH+len(above)+len(below)+4)
	var ok bool
	for _, block := range above {
		if lines, ok = appendBlock(lines, block); !ok {
			return joinFrameLipgloss(width, bodyH, above, body, below)
		}
	}
	if lines, ok = appendBody(lines, body, bodyH, width); !ok {
		return joinFrameLipgloss(width, bodyH, above, body, below)
	}
	for _, block := range below {
		if lines, ok = appendBlock(lines, block); !ok {
			return joinFrameLipgloss(width, bodyH, above, body, below)
		}
	}
	widest, size := 0, 0
	for _, l := range lines {
		widest = max(widest, l.width)
		size += len(l.text)
	}
	var b strings.Builder
	b.Grow(size + len(lines)*(widest+1))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
		b.WriteString(common.Spaces(widest - l.width))
	}
	return b.String()
}

// joinFrameLipgloss is what joinFrame does, done by lipgloss.
func joinFrameLipgloss(width, bodyH int, above []string, body string, below []string) string {
	parts := make([]string, 0, len(above)+1+len(below))
	parts = append(parts, above...)
	parts = append(parts, lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(width).Render(body))
	parts = append(parts, below...)
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// frameLine is one line of a frame: its text and its width in cells.
type frameLine struct {
	text  string
	width int
}

// newFrameLine measures a line; ok is false for one with a tab or a
// carriage return (lipgloss rewrites those).
func newFrameLine(text string) (_ frameLine, ok bool) {
	if w, plain := common.PlainWidth(text); plain {
		return frameLine{text, w}, true
	}
	if strings.ContainsAny(text, "\t\r") {
		return frameLine{}, false
	}
	return frameLine{text, common.Width(text)}, true
}

// padTo pads a line with spaces to w cells, as lipgloss's alignment does.
// Spaces after plain text add a cell each; after other text they are
// measured with it (a trailing unfinished escape sequence or a prepending
// mark can swallow them).
func (l frameLine) padTo(w int) frameLine {
	n := w - l.width
	if n <= 0 {
		return l
	}
	if _, plain := common.PlainWidth(l.text); plain {
		return frameLine{l.text + common.Spaces(n), w}
	}
	text := l.text + common.Spaces(n)
	return frameLine{text, common.Width(text)}
}

// appendBlock adds a chrome block's lines.
func appendBlock(lines []frameLine, block string) (_ []frameLine, ok bool) {
	for text := range strings.SplitSeq(block, "\n") {
		l, ok := newFrameLine(text)
		if !ok {
			return lines, false
		}
		lines = append(lines, l)
	}
	return lines, true
}

// appendBody adds the body's lines as the lipgloss style Height(h),
// MaxHeight(h), MaxWidth(w) renders it: blank lines added up to h, every
// line padded to the widest (when there is more than one), cut to w cells,
// then only the first h lines kept.
func appendBody(lines []frameLine, body string, h, w int) (_ []frameLine, ok bool) {
	start := len(lines)
	if lines, ok = appendBlock(lines, body); !ok {
		return lines, false
	}
	for len(lines)-start < h {
		lines = append(lines, frameLine{})
	}
	own := lines[start:]
	if len(own) > 1 {
		widest := 0
		for _, l := range own {
			widest = max(widest, l.width)
		}
		for i := range own {
			own[i] = own[i].padTo(widest)
		}
	}
	for i, l := range own {
		if l.width > w {
			text := common.CutPlain(l.text, w)
			own[i] = frameLine{text, common.Width(text)}
		}
	}
	return lines[:start+min(len(own), h)], true
}
