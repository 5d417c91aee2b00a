package aws

import (
	"errors"
	"strings"
)

// StartupAdvice says what to do when smtui cannot start against AWS because
// of err (from Connect or CheckCredentials): the error's hint, or how to
// configure credentials, and how to try smtui without AWS. It is one or more
// lines, each indented by two spaces, without a final newline. It does not
// repeat err, whose text comes from AWS and must be sanitized for display.
func StartupAdvice(err error) string {
	var lines []string
	var e *Error
	if errors.As(err, &e) && e.Hint != "" {
		lines = append(lines, e.Hint)
	} else {
		lines = append(lines, "Configure credentials (aws configure, or aws configure sso) and pass --profile NAME --region REGION.")
	}
	if e == nil || !strings.Contains(e.Hint, "--demo") {
		lines = append(lines, "To try smtui without AWS, run it on its embedded demo account: smtui --demo")
	}
	return "  " + strings.Join(lines, "\n  ")
}
