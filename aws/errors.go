package aws

import (
	"errors"
	"strings"
	"time"
)

// ErrorKind is what went wrong, in terms the UI can act on.
type ErrorKind int

// Error kinds. KindUnknown is anything not otherwise classified.
const (
	KindUnknown          ErrorKind = iota
	KindNotFound                   // ResourceNotFoundException
	KindAccessDenied               // AccessDeniedException; Error.Action names the IAM action
	KindDecryption                 // DecryptionFailure; Error.KMSKeyID names the key when known
	KindThrottled                  // ThrottlingException after the retryer gave up
	KindInvalidRequest             // InvalidRequestException, e.g. marked for deletion, rotation in progress
	KindInvalidParameter           // InvalidParameterException / ValidationException, or refused locally
	KindExists                     // ResourceExistsException (name taken, token reused with another value)
	KindConflict                   // AWSCURRENT moved since the caller loaded it; nothing was written
	KindLimitExceeded              // LimitExceededException
	KindCredentials                // missing or expired credentials; Error.Hint says how to fix
	KindNetwork                    // could not reach the endpoint
	KindTimeout                    // the context deadline passed or the call was cancelled
	KindInternal                   // InternalServiceError after retries
)

var kindNames = [...]string{
	KindUnknown:          "error",
	KindNotFound:         "not found",
	KindAccessDenied:     "access denied",
	KindDecryption:       "decryption failed",
	KindThrottled:        "throttled",
	KindInvalidRequest:   "invalid request",
	KindInvalidParameter: "invalid parameter",
	KindExists:           "already exists",
	KindConflict:         "conflict",
	KindLimitExceeded:    "limit exceeded",
	KindCredentials:      "credentials",
	KindNetwork:          "network error",
	KindTimeout:          "timed out",
	KindInternal:         "AWS internal error",
}

// String is a short lower-case name for the kind.
func (k ErrorKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "error"
}

// Error is the only error type the Store returns. Its text never contains a
// secret value: AWS's messages name resources, not contents, and the Store
// never puts a value into one.
type Error struct {
	Kind     ErrorKind
	Op       string // what was attempted, e.g. "describe secret"
	Region   string
	SecretID string
	Action   string // IAM action for access denied, e.g. "secretsmanager:GetSecretValue"
	KMSKeyID string // for decryption failures, when known
	Message  string // AWS's message, or ours for local checks
	Hint     string // what the operator can do about it
	Err      error  // the underlying error, if any
	// Conflict, on a KindConflict from a save, names the versions involved.
	Conflict *Conflict
	// Unsaved is set on a save's error when the Store confirmed that the new
	// version did not become AWSCURRENT (nothing live changed). Unset on a
	// save's error, the outcome is unknown.
	Unsaved bool
}

// Conflict is what a compare-and-swap save found when AWS refused to move
// AWSCURRENT: another save (or a rotation) won.
type Conflict struct {
	Expected       string    // the version the save was based on (AWSCURRENT when loaded)
	Current        string    // the version carrying AWSCURRENT now, the winner ("" if none)
	CurrentCreated time.Time // when Current was created; zero if it could not be read
	Attempted      string    // the refused save's version id; it carries no label afterwards
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.SecretID != "" {
		b.WriteString(" " + e.SecretID)
	}
	if e.Region != "" {
		b.WriteString(" in " + e.Region)
	}
	b.WriteString(": " + e.Kind.String())
	if e.Action != "" {
		b.WriteString(" (" + e.Action + ")")
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of err, or KindUnknown if it is not an *Error.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}
