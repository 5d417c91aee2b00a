package ui

import (
	"errors"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// describeError turns an error into one line for the status bar: what failed
// and, where we know it, what to do, sanitized for the terminal. Store errors never carry secret values.
func describeError(err error) string {
	if err == nil {
		return ""
	}
	var e *aws.Error
	if !errors.As(err, &e) {
		return common.Sanitize(err.Error())
	}
	text := e.Error()
	if hint := errorHint(e); hint != "" {
		text += " — " + hint
	}
	// The message and the hint may quote what AWS or the endpoint sent.
	return common.Sanitize(text)
}

// errorHint says what the operator can do about an error.
func errorHint(e *aws.Error) string {
	if e.Hint != "" {
		return e.Hint
	}
	switch e.Kind {
	case aws.KindAccessDenied:
		if e.Action != "" {
			return "ask for " + e.Action + " on this secret, or switch profile (P)"
		}
		return "check your IAM permissions, or switch profile (P)"
	case aws.KindDecryption:
		if e.KMSKeyID != "" {
			return "you need kms:Decrypt on key " + e.KMSKeyID
		}
		return "you need kms:Decrypt on the secret's KMS key"
	case aws.KindThrottled:
		return "AWS is throttling requests; wait a moment and press r to retry"
	case aws.KindNetwork:
		return "check your network or endpoint, then press r to retry"
	case aws.KindTimeout:
		return "the call took too long; press r to retry"
	case aws.KindNotFound:
		return "it may have been deleted; press r to refresh"
	case aws.KindConflict:
		return "reload the secret and re-apply your change"
	case aws.KindInternal:
		return "AWS had an internal error; retry in a moment"
	}
	return ""
}
