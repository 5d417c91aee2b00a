package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// Errors in full: the status line says an error on one line and, next to it,
// the key that opens it whole (Common.ErrorDetail). The full view is the
// error box, a layer over the screen that wraps and scrolls, and that esc
// closes: AWS's code and message, the action, the secret and region, the
// advice, and the raw error one step further down.

// noteError remembers err as the latest error, for Common.ErrorDetail.
func (a *App) noteError(title string, err error) {
	if err == nil {
		return
	}
	if title == "" {
		title = "error"
		var e *aws.Error
		if errors.As(err, &e) && e.Where() != "" {
			title = "could not " + e.Where()
		}
		title += " · " + a.opts.Now().Format("15:04:05")
	}
	a.lastErr = &common.ErrorBoxMsg{Title: title, Err: err}
}

func (a *App) openErrorBox(msg common.ErrorBoxMsg) {
	a.errBox = &msg
	a.errScroll = 0
}

// openLastError opens the latest error in full, or says there is none.
func (a *App) openLastError() tea.Cmd {
	if a.lastErr == nil {
		return common.Status(common.LevelInfo, "no error to show", 0)
	}
	a.openErrorBox(*a.lastErr)
	return nil
}

// errorBoxKey scrolls or closes the error box.
func (a *App) errorBoxKey(msg tea.KeyPressMsg) tea.Cmd {
	c, n := &a.env.Keys.Common, &a.env.Keys.Nav
	page := max(a.errorBoxRows()-1, 1)
	switch {
	case key.Matches(msg, c.WhyDenied):
		return a.openAccessDiagnosis()
	case key.Matches(msg, c.Back), key.Matches(msg, c.Quit), key.Matches(msg, c.ErrorDetail),
		key.Matches(msg, n.Open):
		a.errBox = nil
	case key.Matches(msg, n.Down):
		a.errScroll++
	case key.Matches(msg, n.Up):
		a.errScroll--
	case key.Matches(msg, n.PageDown):
		a.errScroll += page
	case key.Matches(msg, n.PageUp):
		a.errScroll -= page
	case key.Matches(msg, n.Top):
		a.errScroll = 0
	case key.Matches(msg, n.Bottom):
		a.errScroll = len(a.errorBoxLines())
	}
	a.errScroll = max(min(a.errScroll, len(a.errorBoxLines())-a.errorBoxRows()), 0)
	return nil
}

// errorBoxWidth is the box's outer width: at most 100 columns.
func (a *App) errorBoxWidth() int { return max(min(a.width-2, 100), 12) }

// errorBoxRows is how many body lines the box shows at once.
func (a *App) errorBoxRows() int {
	bodyH := max(a.height-a.chromeHeight(), 1)
	return max(bodyH-2-2, 1) // border, title line and footer line
}

// errorBoxLines is the error in full, wrapped to the box: "Label: value"
// lines, continuation lines indented under the value.
func (a *App) errorBoxLines() []string {
	if a.errBox == nil {
		return nil
	}
	inner := max(a.errorBoxWidth()-4, 8)
	fields := common.ErrorDetails(a.env.Keys, a.errBox.Err)
	labelW := 0
	for _, f := range fields {
		labelW = max(labelW, ansi.StringWidth(f.Label))
	}
	labelW += 2
	if labelW > inner/3 {
		labelW = 0 // too narrow for a column: values go under their label
	}
	var lines []string
	for _, f := range fields {
		label := f.Label + ":"
		valueW := max(inner-labelW, 4)
		var wrapped []string
		for _, para := range strings.Split(f.Value, "\n") {
			wrapped = append(wrapped, strings.Split(ansi.Wrap(para, valueW, " "), "\n")...)
		}
		if labelW == 0 {
			lines = append(lines, a.env.Styles.Muted.Render(label))
			lines = append(lines, wrapped...)
			continue
		}
		for i, w := range wrapped {
			head := strings.Repeat(" ", labelW)
			if i == 0 {
				head = a.env.Styles.Muted.Render(label) + strings.Repeat(" ", labelW-ansi.StringWidth(label))
			}
			lines = append(lines, head+w)
		}
	}
	return lines
}

func (a *App) errorBoxView(height int) string {
	st := a.env.Styles
	w := a.errorBoxWidth()
	lines := a.errorBoxLines()
	rows := a.errorBoxRows()
	from := min(a.errScroll, max(len(lines)-rows, 0))
	shown := lines[from:min(from+rows, len(lines))]
	k := a.env.Keys
	foot := common.KeyHelp(k.Common.Back) + " close"
	if _, ok := a.diagnosableErr(); ok && a.errBox.Err == a.lastErr.Err {
		foot = common.KeyHelp(k.Common.WhyDenied) + " " + k.Common.WhyDenied.Help().Desc + " · " + foot
	}
	if len(lines) > rows {
		foot = common.KeyHelp(k.Nav.Up) + "/" + common.KeyHelp(k.Nav.Down) + " scroll · " + foot
		if from+rows < len(lines) {
			foot = "more below · " + foot
		}
	}
	body := st.Error.Render(common.Cut(common.Sanitize(a.errBox.Title), w-4)) + "\n" +
		strings.Join(shown, "\n") + "\n" + st.Muted.Render(common.Cut(foot, w-4))
	return lipgloss.Place(a.width, height, lipgloss.Center, lipgloss.Center,
		st.ErrorBox.Width(w).MaxHeight(height).Render(body))
}

// statusView is the status line. An error status ends with the key that
// opens it in full, kept however narrow the window: the text is cut before it.
func (a *App) statusView() string {
	text := common.Sanitize(a.status.Text) // may quote names, labels and AWS messages
	avail := a.width - 2
	if a.statusHasErr && a.lastErr != nil {
		b := a.env.Keys.Common.ErrorDetail
		more := "  " + common.KeyHelp(b) + " " + b.Help().Desc
		if _, ok := a.diagnosableErr(); ok {
			w := a.env.Keys.Common.WhyDenied
			more += " · " + common.KeyHelp(w) + " " + w.Help().Desc
		}
		if ansi.StringWidth(more)+8 <= avail {
			cut := common.Cut(text, avail-ansi.StringWidth(more))
			pad := avail - ansi.StringWidth(cut) - ansi.StringWidth(more)
			return a.drawStatus(cut + strings.Repeat(" ", max(pad, 0)) + more)
		}
	}
	return a.drawStatus(common.Cut(text, avail))
}

// drawStatus renders the status line's text in its level's style (the same
// text at the same level draws the same line: chrome.status remembers it).
func (a *App) drawStatus(text string) string {
	st := a.env.Styles
	level := int(a.status.Level)
	if out, ok := a.chrome.status.get(st, a.width, level, text); ok {
		return out
	}
	style := st.StatusBar
	switch a.status.Level {
	case common.LevelSuccess:
		style = style.Inherit(st.Success)
	case common.LevelWarning:
		style = style.Inherit(st.Warning)
	case common.LevelError:
		style = style.Inherit(st.Error)
	default:
		style = style.Inherit(st.Info)
	}
	return a.chrome.status.put(st, a.width, level, text, style.Width(a.width).Render(text))
}

// errorBoxHelp is the footer while the error box is open.
func (a *App) errorBoxHelp() []key.Binding {
	k := a.env.Keys
	closeKey := key.NewBinding(key.WithKeys(k.Common.Back.Keys()...), key.WithHelp(common.KeyHelp(k.Common.Back), "close"))
	return []key.Binding{k.Nav.Up, k.Nav.Down, k.Nav.PageDown, closeKey}
}
