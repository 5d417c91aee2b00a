package ui

import (
	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// StartupError is what smtui prints on stderr when it cannot start against
// AWS: the error on one line and what to do. The error carries AWS's (or an
// endpoint's) text and the advice may name profiles from the config files,
// so both go through the sanitizer like everything else on the terminal.
func StartupError(err error) string {
	return "smtui: cannot use AWS: " + common.Sanitize(err.Error()) + "\n" + common.SanitizeMultiline(aws.StartupAdvice(err))
}
