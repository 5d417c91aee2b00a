package common

import (
	"errors"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
)

// DescribeError turns an error into one line for the status bar: what failed
// and, where we know it, what to do, sanitized for the terminal. Store errors never carry secret values.
func DescribeError(k *keymap.KeyMap, err error) string {
	if err == nil {
		return ""
	}
	var e *aws.Error
	if !errors.As(err, &e) {
		return Sanitize(err.Error())
	}
	text := e.Error()
	if hint := errorHint(k, e); hint != "" {
		text += " — " + hint
	}
	// The message and the hint may quote what AWS or the endpoint sent.
	return Sanitize(text)
}

// errorHint says what the operator can do about an error, naming keys from k.
func errorHint(k *keymap.KeyMap, e *aws.Error) string {
	if e.Hint != "" {
		return e.Hint
	}
	switch e.Kind {
	case aws.KindAccessDenied:
		if e.Action != "" {
			return "ask for " + e.Action + " on this secret, or switch profile (" + keymap.KeyName(k.List.Profile) + ")"
		}
		return "check your IAM permissions, or switch profile (" + keymap.KeyName(k.List.Profile) + ")"
	case aws.KindDecryption:
		if e.KMSKeyID != "" {
			return "you need kms:Decrypt on key " + e.KMSKeyID
		}
		return "you need kms:Decrypt on the secret's KMS key"
	case aws.KindThrottled:
		return "AWS is throttling requests; wait a moment and press " + keymap.KeyName(k.Common.Refresh) + " to retry"
	case aws.KindNetwork:
		return "check your network or endpoint, then press " + keymap.KeyName(k.Common.Refresh) + " to retry"
	case aws.KindTimeout:
		return "the call took too long; press " + keymap.KeyName(k.Common.Refresh) + " to retry"
	case aws.KindNotFound:
		return "it may have been deleted; press " + keymap.KeyName(k.Common.Refresh) + " to refresh"
	case aws.KindConflict:
		return "reload the secret and re-apply your change"
	case aws.KindInternal:
		return "AWS had an internal error; retry in a moment"
	}
	return ""
}

// OutcomeOf is the audit outcome of a call: "ok" or the error kind.
func OutcomeOf(err error) string {
	if err == nil {
		return "ok"
	}
	return aws.KindOf(err).String()
}
