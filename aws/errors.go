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
	KMSKeyID string // for KMS-related failures, when known ("alias/aws/secretsmanager": the AWS managed key)
	Code     string // AWS's error code (e.g. "AccessDeniedException"); "" for local or transport errors
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
	where, detail := e.Where(), e.Detail()
	switch {
	case where == "":
		return detail
	case detail == "":
		return where
	}
	return where + ": " + detail
}

// Where is what was attempted, on which secret, in which region:
// "describe secret prod/api in us-east-1".
func (e *Error) Where() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.SecretID != "" {
		b.WriteString(" " + e.SecretID)
	}
	if e.Region != "" {
		b.WriteString(" in " + e.Region)
	}
	return strings.TrimSpace(b.String())
}

// Detail is what went wrong, without Where: the kind (unless the message
// already says it, or it adds nothing to a local refusal), the IAM action,
// and the message. Each fact once.
func (e *Error) Detail() string {
	var parts []string
	kind := e.Kind.String()
	if !e.kindIsNoise() {
		if e.Action != "" {
			kind += " (" + e.Action + ")"
		}
		parts = append(parts, kind)
	} else if e.Action != "" && !strings.Contains(e.Message, e.Action) {
		parts = append(parts, "("+e.Action+")")
	}
	if e.Message != "" {
		parts = append(parts, e.Message)
	}
	return strings.Join(parts, ": ")
}

// kindIsNoise reports a kind name that would only repeat the message or
// label a refusal of ours ("connect: invalid parameter: no region is
// configured" says "invalid parameter" for nothing).
func (e *Error) kindIsNoise() bool {
	if e.Message == "" {
		return false
	}
	if strings.Contains(strings.ToLower(e.Message), strings.ToLower(e.Kind.String())) {
		return true
	}
	local := e.Code == ""
	return local && (e.Kind == KindInvalidParameter || e.Kind == KindUnknown || e.Kind == KindCredentials)
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
