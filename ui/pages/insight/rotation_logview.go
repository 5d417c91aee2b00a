package insight

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// failMark starts the line that names the failure, so it shows without
// colour too.
const failMark = "▶ "

// logLines shows the last attempt's log: the steps reached, the failing
// step with what it usually means, and the lines themselves (sanitized: log
// text is untrusted), the failing line marked.
func logLines(env *common.Env, d aws.RotationDiagnosis, w int) []string {
	st := env.Styles
	l := d.Logs
	now := env.Now()
	var out []string
	add := func(text string) { out = append(out, common.WrapLines(text, w)...) }
	add(st.Muted.Render(common.Sanitize(l.Group) + ", lines naming this secret's ARN, " +
		common.FormatWhen(l.From, now) + " to " + common.FormatWhen(l.To, now)))
	switch {
	case l.Err != nil:
		add(st.Error.Render(common.FailureText(env.Keys, "could not read the function's logs", l.Err)))
		return out
	case l.GroupMissing && !d.Function.Exists:
		add(st.Warning.Render("The log group does not exist (it was deleted, or the function never ran)."))
		return out
	case l.GroupMissing:
		add(st.Warning.Render("The log group does not exist: the function has never run (Secrets Manager could not invoke it), or it logs elsewhere."))
		return out
	case len(l.Lines) == 0:
		add(st.Warning.Render("No log line names this secret in that window: the function was not invoked for it (check the invoke permission above), or it does not log the secret's ARN."))
		return out
	}
	out = append(out, stepsLine(env, l))
	if l.FailedStep != "" {
		add(st.Error.Render("Failed in " + l.FailedStep + "."))
		add(st.Muted.Render(stepHints[l.FailedStep]))
	} else if finished(l) {
		add(st.Success.Render("The last attempt ran all four steps without an error line."))
	} else {
		add(st.Muted.Render("No error line in the last attempt: it may still be running, or it timed out without logging (refresh with " +
			common.KeyHelp(env.Keys.Common.Refresh) + ")."))
	}
	if l.Truncated {
		add(st.Muted.Render("More lines matched than were read; the first ones are shown."))
	}
	out = append(out, "")
	lines := l.Lines
	skipped := 0
	if len(lines) > maxLogLines {
		skipped = len(lines) - maxLogLines
		lines = lines[skipped:]
		add(st.Muted.Render("… " + common.Plural(skipped, "earlier line") + " not shown"))
	}
	for i, line := range lines {
		out = append(out, logLineText(env, line, i+skipped == l.FailedLine, w)...)
	}
	return out
}

// stepsLine shows the four steps: reached (✓), failed (✗), not reached (·).
func stepsLine(env *common.Env, l aws.RotationLogs) string {
	st := env.Styles
	reached := map[string]bool{}
	for _, line := range l.Lines {
		if line.Step != "" {
			reached[line.Step] = true
		}
	}
	var parts []string
	for _, step := range []string{aws.StepCreateSecret, aws.StepSetSecret, aws.StepTestSecret, aws.StepFinishSecret} {
		switch {
		case step == l.FailedStep:
			parts = append(parts, st.Error.Render("✗ "+step))
		case reached[step]:
			parts = append(parts, st.Success.Render("✓ "+step))
		default:
			parts = append(parts, st.Muted.Render("· "+step))
		}
	}
	return strings.Join(parts, "  ")
}

// logLineText is one event: its time, then its text, one screen line per
// line of the message (a traceback keeps its shape), wrapped to the width.
func logLineText(env *common.Env, line aws.LogLine, failed bool, w int) []string {
	st := env.Styles
	stamp := line.Time.UTC().Format("15:04:05")
	prefix := "  "
	if failed {
		prefix = failMark
	}
	text := strings.TrimRight(common.SanitizeMultiline(compactLogText(line.Message)), "\n")
	indent := strings.Repeat(" ", ansi.StringWidth(prefix+stamp+" "))
	var out []string
	for i, part := range strings.Split(text, "\n") {
		head := indent
		if i == 0 {
			head = prefix + stamp + " "
		}
		style := st.Text
		switch {
		case failed:
			style = st.Error
		case line.Error:
			style = st.Warning
		}
		room := max(w-ansi.StringWidth(head), 10)
		for j, seg := range common.WrapLines(part, room) {
			h := head
			if j > 0 {
				h = indent
			}
			out = append(out, st.Muted.Render(h)+style.Render(seg))
		}
	}
	return out
}

// compactLogText shortens Lambda's Python logger lines,
// "[LEVEL]\tTIME\tREQUEST-ID\tTEXT", to "[LEVEL] TEXT" (the time is in the
// left column, the request id on the invocation's START line), and tabs to
// two spaces, so the text gets the width.
func compactLogText(msg string) string {
	if f := strings.SplitN(msg, "\t", 4); len(f) == 4 && strings.HasPrefix(f[0], "[") && strings.HasSuffix(f[0], "]") {
		msg = f[0] + " " + f[3]
	}
	return strings.ReplaceAll(msg, "\t", "  ")
}

// finished: the attempt logged a finishSecret line.
func finished(l aws.RotationLogs) bool {
	for _, line := range l.Lines {
		if line.Step == aws.StepFinishSecret {
			return true
		}
	}
	return false
}
