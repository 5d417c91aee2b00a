package aws

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits Secrets Manager enforces, checked locally so bad input gets a clear
// message and nothing is sent.
const (
	maxNameLen        = 512
	maxDescriptionLen = 2048
	maxTagKeyLen      = 128
	maxTagValueLen    = 256
	minTokenLen       = 32
	maxTokenLen       = 64
	maxLabelLen       = 256
	minRecoveryDays   = 7
	maxRecoveryDays   = 30
	maxRotationDays   = 1000
)

// MaxTags is how many tags a secret can have.
const MaxTags = 50

// The AWS input rules, exported once for the UI so a form refuses what AWS
// would refuse, with the same words the Store uses.

// CheckSecretName checks a new secret's name: 1-512 ASCII letters, digits
// and /_+=.@-.
func CheckSecretName(name string) error {
	if name == "" {
		return fmt.Errorf("the name is empty")
	}
	if len(name) > maxNameLen {
		return fmt.Errorf("the name is %d characters; the limit is %d", len(name), maxNameLen)
	}
	for i, r := range []rune(name) {
		if !nameRune(r) {
			return fmt.Errorf("character %d (%q) is not allowed: use ASCII letters, digits and / _ + = . @ -", i+1, r)
		}
	}
	return nil
}

func nameRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		strings.ContainsRune("/_+=.@-", r))
}

// CheckDescription checks a description's length (characters, up to 2048).
func CheckDescription(d string) error {
	if n := utf8.RuneCountInString(d); n > maxDescriptionLen {
		return fmt.Errorf("the description is %d characters; the limit is %d", n, maxDescriptionLen)
	}
	return nil
}

// CheckTags checks a secret's whole tag set against AWS's rules: up to 50,
// unique keys, and each tag as CheckTag checks it.
func CheckTags(tags []Tag) error {
	if len(tags) > MaxTags {
		return fmt.Errorf("%d tags given; a secret can have at most %d", len(tags), MaxTags)
	}
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		if err := CheckTag(t); err != nil {
			return err
		}
		if seen[t.Key] {
			return fmt.Errorf("tag key %q is given twice", t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}

// CheckTag checks one tag: a key of 1-128 characters not starting with
// "aws:", a value of up to 256 characters, both matching AWS's pattern
// ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ (letters, separators such as spaces, numbers
// and _ . : / = + - @; no control characters).
func CheckTag(t Tag) error {
	if err := validateTagKey(t.Key); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(t.Value); n > maxTagValueLen {
		return fmt.Errorf("the value of tag %q is %d characters; the limit is %d", t.Key, n, maxTagValueLen)
	}
	if r, ok := badTagRune(t.Value); ok {
		return fmt.Errorf("the value of tag %q contains %q; use letters, digits, spaces and + - = . _ : / @", t.Key, r)
	}
	return nil
}

// CheckLabel checks a staging label's length (1-256 characters).
func CheckLabel(l string) error {
	if l == "" {
		return fmt.Errorf("the staging label is empty")
	}
	if n := utf8.RuneCountInString(l); n > maxLabelLen {
		return fmt.Errorf("the staging label is %d characters; the limit is %d", n, maxLabelLen)
	}
	return nil
}

// The Store's own names for the rules above.
func validateName(name string) error     { return CheckSecretName(name) }
func validateDescription(d string) error { return CheckDescription(d) }
func validateTags(tags []Tag) error      { return CheckTags(tags) }
func validateLabel(l string) error       { return CheckLabel(l) }

func validateTagKey(k string) error {
	n := utf8.RuneCountInString(k)
	switch {
	case n == 0:
		return fmt.Errorf("a tag key is empty")
	case n > maxTagKeyLen:
		return fmt.Errorf("tag key %q is %d characters; the limit is %d", k, n, maxTagKeyLen)
	case strings.HasPrefix(strings.ToLower(k), "aws:"):
		return fmt.Errorf("tag key %q starts with \"aws:\", which AWS reserves", k)
	}
	if r, ok := badTagRune(k); ok {
		return fmt.Errorf("tag key %q contains %q; use letters, digits, spaces and + - = . _ : / @", k, r)
	}
	return nil
}

// badTagRune returns the first character AWS's tag pattern
// ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ does not allow. \p{Z} is the Unicode
// separators (spaces, U+2028, U+2029), not white space: tabs, newlines and
// U+0085 are refused.
func badTagRune(s string) (rune, bool) {
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.Is(unicode.Z, r) || unicode.IsNumber(r) || strings.ContainsRune("_.:/=+-@", r)) {
			return r, true
		}
	}
	return 0, false
}

// validateToken checks a caller-supplied ClientRequestToken ("" is fine: the
// Store generates one).
func validateToken(tok string) error {
	if tok == "" {
		return nil
	}
	if n := len(tok); n < minTokenLen || n > maxTokenLen {
		return fmt.Errorf("the client request token is %d characters; it must be %d-%d", n, minTokenLen, maxTokenLen)
	}
	return nil
}

// validateValue checks a value's size. The message gives only sizes.
func validateValue(v SecretValue) error {
	if v.Len() > MaxValueBytes {
		return fmt.Errorf("the value is %d bytes; Secrets Manager accepts at most %d", v.Len(), MaxValueBytes)
	}
	return nil
}

// validateRules checks a rotation schedule: exactly one of
// AutomaticallyAfterDays (1-1000) and a rate()/cron() ScheduleExpression.
func validateRules(r *RotationRules) error {
	if r == nil {
		return nil
	}
	days, expr := r.AutomaticallyAfterDays, strings.TrimSpace(r.ScheduleExpression)
	switch {
	case days != 0 && expr != "":
		return fmt.Errorf("give either a number of days or a schedule expression, not both")
	case days == 0 && expr == "":
		return fmt.Errorf("the rotation schedule needs a number of days (1-%d) or a rate()/cron() expression", maxRotationDays)
	case days < 0 || days > maxRotationDays:
		return fmt.Errorf("rotation every %d days is out of range; use 1-%d", days, maxRotationDays)
	case expr != "" && !(strings.HasPrefix(expr, "rate(") || strings.HasPrefix(expr, "cron(")):
		return fmt.Errorf("schedule expression %q must be rate(...) or cron(...)", expr)
	}
	return nil
}

// NewRequestToken makes a random UUID (36 characters), a valid
// ClientRequestToken. A caller that makes one once per intended change and
// sends it with every retry makes the change idempotent: AWS returns the
// version already made instead of making a second.
func NewRequestToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])  // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
