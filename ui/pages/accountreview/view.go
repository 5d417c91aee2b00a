package accountreview

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws/review"
	"github.com/smtui/smtui/ui/common"
)

// View shows the findings, one line each: severity, title, count and the
// AWS control it follows; the cursor's finding names its first secrets.
func (s *Screen) View() string {
	st := s.env.Styles
	w := s.width
	lines := []string{common.Cut(st.Title.Render(fmt.Sprintf("What needs attention: %s secrets loaded in %s", common.GroupThousands(len(s.secrets)), common.Sanitize(s.region)))+
		st.Muted.Render(fmt.Sprintf(" · metadata only, no value read · N = %d days", review.DefaultDays)), w)}
	switch {
	case s.running:
		lines = append(lines, "", st.Muted.Render(common.Cut("  reading resource policies and replication…", w)))
		return strings.Join(lines, "\n")
	case !s.done:
		return strings.Join(lines, "\n")
	}
	r := s.report
	lines = append(lines, "")
	if len(r.Findings) == 0 {
		lines = append(lines, st.Muted.Render(common.Cut("  nothing found among the loaded secrets", w)))
	}
	countW := 0
	for _, f := range r.Findings {
		countW = max(countW, len(fmt.Sprint(f.Count())))
	}
	for i, f := range r.Findings {
		lines = append(lines, s.findingLine(f, i == s.cursor, countW))
	}
	if f, ok := s.Selected(); ok {
		lines = append(lines, "")
		lines = append(lines, s.detail(f)...)
	}
	var notes []string
	if len(r.Unchecked) > 0 {
		notes = append(notes, st.Warning.Render(fmt.Sprintf("%d secrets not fully checked (a call failed: %s)", len(r.Unchecked), common.Sanitize(r.Unchecked[0].Detail))))
	}
	if s.deletedHidden {
		notes = append(notes, st.Muted.Render("secrets scheduled for deletion are hidden in the list ("+common.KeyHelp(s.env.Keys.List.ShowDeleted)+" there shows them): \"deleted but still read\" needs them"))
	}
	notes = append(notes, st.Muted.Render(review.CostText(r.Cost)))
	body := strings.Join(lines, "\n")
	var tail []string
	for _, n := range notes {
		for _, l := range common.WrapText(n, max(w, 1)) {
			tail = append(tail, common.Cut(l, w))
		}
	}
	if gap := s.height - lipgloss.Height(body) - len(tail); gap > 0 {
		body += strings.Repeat("\n", gap)
	}
	return body + "\n" + strings.Join(tail, "\n")
}

// findingLine is one group: "› HIGH      rotation failed or stuck   2  Security Hub SecretsManager.2".
func (s *Screen) findingLine(f review.Finding, selected bool, countW int) string {
	st := s.env.Styles
	sev := fmt.Sprintf("%-8s", strings.ToUpper(f.Severity.String()))
	switch f.Severity {
	case review.Critical, review.High:
		sev = st.Error.Render(sev)
	case review.Medium:
		sev = st.Warning.Render(sev)
	default:
		sev = st.Muted.Render(sev)
	}
	mark := "  "
	if selected {
		mark = "› "
	}
	count := fmt.Sprintf("%*d", countW, f.Count())
	src := ""
	if f.Control != "" {
		src = "  " + st.Muted.Render(f.Control)
	} else if f.ConfigRule != "" {
		src = "  " + st.Muted.Render(f.ConfigRule)
	}
	line := mark + sev + " " + count + "  " + f.Title + src
	if selected {
		line = st.Selected.Render(common.Pad(line, s.width))
	}
	return common.Cut(line, s.width)
}

// detail names the selected finding's source and first secrets.
func (s *Screen) detail(f review.Finding) []string {
	st := s.env.Styles
	var out []string
	if src := review.Source(f); src != "" {
		out = append(out, st.Muted.Render(common.Cut("  follows "+src, s.width)))
	}
	room := max(s.height-len(s.report.Findings)-10, 1)
	for i, h := range f.Secrets {
		if i == room && len(f.Secrets) > room {
			out = append(out, st.Muted.Render(common.Cut(fmt.Sprintf("    … and %d more (%s shows them all)", len(f.Secrets)-room, common.KeyHelp(s.env.Keys.Nav.Open)), s.width)))
			break
		}
		line := "    " + common.Sanitize(h.Name)
		if h.Detail != "" {
			line += st.Muted.Render("  " + common.Sanitize(h.Detail))
		}
		out = append(out, common.Cut(line, s.width))
	}
	return out
}
