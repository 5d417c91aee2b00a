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

// StartsAnyway reports whether the App can take over after the start-up
// check (aws.Sessions.Check for profile) failed with err, instead of smtui
// exiting: with no region configured the App opens the region picker; an
// SSO profile whose session is over gets the log-in screen; a profile whose
// role needs an MFA code gets the code prompt; an endpoint that cannot be
// reached is said in a sentence in the status line (the raw error one key
// away) and retried with the refresh key. Anything else (no credentials at
// all, a broken config file) still exits with StartupError's advice.
func StartsAnyway(err error, profile string) bool {
	if errors.Is(err, aws.ErrNoRegion) {
		return true
	}
	switch aws.KindOf(err) {
	case aws.KindNetwork, aws.KindTimeout:
		return true
	}
	p := lookupProfile(profile)
	return p != nil && (p.MFASerial != "" || (p.SSO && aws.KindOf(err) == aws.KindCredentials))
}
