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
		return "you need kms:Decrypt on " + aws.KMSKeyName(e.KMSKeyID)
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

// FailureText is an error said after what failed ("could not list secrets in
// us-east-1"), without repeating it: a Store error's own "list secrets in
// us-east-1" is left out, so each fact is said once. Sanitized.
func FailureText(k *keymap.KeyMap, what string, err error) string {
	if err == nil {
		return Sanitize(what)
	}
	var e *aws.Error
	if !errors.As(err, &e) {
		return Sanitize(what + ": " + err.Error())
	}
	text := what + ": " + e.Detail()
	if hint := errorHint(k, e); hint != "" {
		text += " — " + hint
	}
	return Sanitize(text)
}

// ErrorField is one labelled fact of an error's full view.
type ErrorField struct {
	Label string
	Value string
}

// ErrorDetails is everything known about err, one fact a field, for the full
// error view: what was attempted where, AWS's code and message, the IAM
// action and KMS key, what to do, and the raw error one step further down.
// Values are sanitized; none carries a secret value.
func ErrorDetails(k *keymap.KeyMap, err error) []ErrorField {
	if err == nil {
		return nil
	}
	var out []ErrorField
	add := func(label, value string) {
		if value != "" {
			out = append(out, ErrorField{Label: label, Value: SanitizeMultiline(value)})
		}
	}
	var e *aws.Error
	if !errors.As(err, &e) {
		add("Error", err.Error())
		if next := errors.Unwrap(err); next != nil {
			add("Cause", next.Error())
		}
		return out
	}
	add("Action", e.Op)
	add("Secret", e.SecretID)
	add("Region", e.Region)
	add("Kind", e.Kind.String())
	add("AWS code", e.Code)
	add("IAM action", e.Action)
	if e.KMSKeyID != "" || aws.IsKMS(e) {
		add("KMS key", aws.KMSKeyName(e.KMSKeyID))
	}
	add("Message", e.Message)
	add("What to do", errorHint(k, e))
	if e.Err != nil {
		add("Cause", e.Err.Error())
	}
	return out
}
