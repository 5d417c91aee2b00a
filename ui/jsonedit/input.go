package jsonedit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors from ParseInput and the typed setters. None of them repeats the
// text that was typed, which may be a secret.
var (
	// ErrNotNumber means the text is not a JSON number.
	ErrNotNumber = errors.New("not a number: keep the field a number, or switch the type to string")
	// ErrNotBool means the text is neither true nor false.
	ErrNotBool = errors.New("not a boolean: type true or false, or switch the type to string")
	// ErrNotNull means text was typed for a null field.
	ErrNotNull = errors.New("a null field has no value: leave it empty or type null, or switch the type")
	// ErrInvalidUTF8 means a string is not valid UTF-8 and cannot be stored
	// as typed.
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
)

// ParseInput turns what the operator typed for a field of the given kind
// into the raw JSON text to store with Document.Set:
//
//   - Number: a JSON number, surrounding spaces ignored, kept exactly as
//     spelled (3306, -0.5, 1e3, 12345678901234567890); anything else is
//     ErrNotNumber, with the reason when it is a near miss (leading zeros...).
//   - String: any valid UTF-8 text, encoded with the escaping JSON needs.
//   - Bool: true or false, in any letter case, surrounding spaces ignored.
//   - Null: empty text or null.
//   - Object, Array: one valid JSON value of that kind (whitespace as typed).
//
// Error messages never contain the text.
func ParseInput(kind Kind, text string) ([]byte, error) {
	switch kind {
	case String:
		return encodeString(text)
	case Number:
		t := strings.TrimSpace(text)
		if err := checkNumber(t); err != nil {
			return nil, err
		}
		return []byte(t), nil
	case Bool:
		switch strings.ToLower(strings.TrimSpace(text)) {
		case "true":
			return []byte("true"), nil
		case "false":
			return []byte("false"), nil
		}
		return nil, ErrNotBool
	case Null:
		if t := strings.TrimSpace(text); t == "" || t == "null" {
			return []byte("null"), nil
		}
		return nil, ErrNotNull
	case Object, Array:
		raw := bytes.TrimSpace([]byte(text))
		n, err := parseValue(raw)
		if err != nil {
			return nil, fmt.Errorf("not a valid JSON %s: %w", kind, err)
		}
		if n.kind != kind {
			return nil, fmt.Errorf("not a JSON %s: the text is a JSON %s", kind, n.kind)
		}
		return raw, nil
	}
	return nil, fmt.Errorf("%w: unknown kind %d", ErrWrongKind, int(kind))
}

// ValidNumber reports whether s is exactly one JSON number, with no
// surrounding spaces.
func ValidNumber(s string) bool { return checkNumber(s) == nil }

// checkNumber returns nil for a valid JSON number, or ErrNotNumber with
// the reason.
func checkNumber(s string) error {
	b := []byte(s)
	if len(b) == 0 {
		return fmt.Errorf("%w (the text is empty)", ErrNotNumber)
	}
	end, msg := scanNumber(b, 0)
	switch {
	case msg != "":
		return fmt.Errorf("%w (%s)", ErrNotNumber, msg)
	case end != len(b):
		return ErrNotNumber
	}
	return nil
}

// encodeString quotes s as a JSON string: it escapes the quote, the
// backslash and control characters, and leaves everything else (including
// non-ASCII text and <, >, &) as it is.
func encodeString(s string) ([]byte, error) {
	if !utf8.ValidString(s) {
		return nil, ErrInvalidUTF8
	}
	const hexDigits = "0123456789abcdef"
	out := make([]byte, 0, len(s)+2)
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\b':
			out = append(out, '\\', 'b')
		case c == '\f':
			out = append(out, '\\', 'f')
		case c < 0x20:
			out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			out = append(out, c)
		}
	}
	return append(out, '"'), nil
}
