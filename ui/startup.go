package ui

import (
	"errors"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// StartupError is what smtui prints on stderr when it cannot start against
// AWS: the error on one line and what to do. The error carries AWS's (or an
// endpoint's) text and the advice may name profiles from the config files,
// so both go through the sanitizer like everything else on the terminal.
// Each fact is said once: "cannot use AWS" is not followed by "connect:".
func StartupError(err error) string {
	text := err.Error()
	var e *aws.Error
	if errors.As(err, &e) && e.Op == "connect" && e.SecretID == "" {
		text = e.Detail()
		if e.Region != "" {
			text = "in " + e.Region + ": " + text
		}
	}
	return "smtui: cannot use AWS: " + common.Sanitize(text) + "\n" + common.SanitizeMultiline(aws.StartupAdvice(err))
}
