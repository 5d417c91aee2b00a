package ui

import (
	"strings"

	"github.com/smtui/smtui/ui/common"
)

// noticeView renders a titled pane of text: a refusal, a loading line or an
// outcome, with the way back.
func noticeView(env *Env, width int, title string, lines []string) string {
	st := env.Styles
	width = max(width, 10)
	inner := max(width-4, 6)
	out := []string{st.Title.Render(cut(common.Sanitize(title), inner)), ""}
	for _, l := range lines {
		out = append(out, wrapText(l, inner)...)
	}
	out = append(out, "", st.Muted.Render(cut(helpLine(env.Keys.Common.Back), inner)))
	return st.Pane.Width(width).Render(strings.Join(out, "\n"))
}
