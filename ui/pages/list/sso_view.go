package list

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
)

// View shows the sign-in pane of the current state.
func (s *SSOScreen) View() string {
	st := s.env.Styles
	w := min(s.width, 76)
	inner := max(w-4, 10)
	var lines []string
	add := func(ls ...string) { lines = append(lines, ls...) }
	title := "Sign in to IAM Identity Center for profile " + common.Sanitize(s.info.Name)
	add(st.Title.Render(wrap(title, inner)), "")
	switch s.state {
	case ssoOffer:
		add(wrap(st.Warning.Render(s.reason), inner), "")
		if s.err != nil {
			add(wrap(common.DescribeError(s.env.Keys, s.err), inner), "")
		}
		labels := [choiceCount]string{
			"Log in now (shows a code to approve in your browser)",
			"Run aws sso login --profile " + common.Sanitize(s.info.Name) + " instead",
			"Not now",
		}
		for i, l := range labels {
			mark := "  "
			if i == s.choice {
				mark = "> "
			}
			// A long choice wraps under its own start, not under the mark.
			l = strings.ReplaceAll(wrap(l, inner-2), "\n", "\n  ")
			if i == s.choice {
				l = st.Selected.Render(l)
			}
			add(mark + l)
		}
	case ssoStarting:
		add(st.Muted.Render("contacting IAM Identity Center…"))
	case ssoWaiting:
		add(s.waitingLines(inner)...)
	case ssoFailed:
		add(wrap(st.Error.Render(s.failure), inner), "",
			common.Cut("press "+common.KeyHelp(s.env.Keys.Dialog.Choose)+" to try again, "+
				common.KeyHelp(s.env.Keys.Dialog.No)+" for the other choices", inner))
	}
	body := strings.Join(lines, "\n")
	return lipgloss.Place(s.width, s.height, lipgloss.Center, lipgloss.Center, st.Pane.Width(w).Render(body))
}

// waitingLines show the address (whole, wrapped rather than cut: the
// operator must be able to type it), the code large and clear and the
// countdown.
func (s *SSOScreen) waitingLines(inner int) []string {
	st := s.env.Styles
	address := s.login.VerificationURIComplete
	if address == "" {
		address = s.login.VerificationURI
	}
	how := "Open this address on any device (phone, laptop) and approve:"
	if s.opened {
		how = "Opened in your browser. If it did not open, visit this address on any device:"
	}
	code := spaced(common.Sanitize(s.login.UserCode))
	left := max(s.login.ExpiresAt.Sub(s.env.Now()), 0)
	lines := []string{
		wrap(how, inner),
		hardWrap(common.Sanitize(address), inner),
		"",
		"Check that the page shows this code:",
		"",
		lipgloss.PlaceHorizontal(inner, lipgloss.Center, st.Pane.Render(st.Title.Render(code))),
		"",
		st.Muted.Render(wrap("waiting for approval · the code expires in "+countdown(left), inner)),
	}
	if s.cfg.WaitNote != "" {
		lines = append(lines, st.Muted.Render(wrap(common.Sanitize(s.cfg.WaitNote), inner)))
	}
	return append(lines, st.Muted.Render(common.Cut(common.KeyHelp(s.env.Keys.Dialog.No)+" cancel", inner)))
}

// spaced puts a space between the characters of a user code, so each one
// reads clearly.
func spaced(code string) string {
	return strings.Join(strings.Split(code, ""), " ")
}

// countdown is d as minutes and seconds, e.g. "9:05".
func countdown(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// wrap wraps text at spaces to width cells.
func wrap(text string, width int) string { return lipgloss.Wrap(text, width, " ") }

// hardWrap breaks text every width cells (an address has no spaces).
func hardWrap(text string, width int) string { return ansi.Hardwrap(text, width, false) }
