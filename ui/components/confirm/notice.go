package confirm

import (
	"strings"

	"github.com/smtui/smtui/ui/common"
)

// Notice renders a titled pane of text: a refusal, a loading line or an
// outcome, with the way back.
func Notice(env *common.Env, width int, title string, lines []string) string {
	st := env.Styles
	width = max(width, 10)
	inner := max(width-4, 6)
	out := []string{st.Title.Render(common.Cut(common.Sanitize(title), inner)), ""}
	for _, l := range lines {
		out = append(out, common.WrapText(l, inner)...)
	}
	out = append(out, "", st.Muted.Render(common.Cut(common.HelpLine(env.Keys.Common.Back), inner)))
	return st.Pane.Width(width).Render(strings.Join(out, "\n"))
}
