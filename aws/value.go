package aws

import (
	"fmt"
	"time"
)

// SecretValue holds secret material, as text (SecretString) or bytes
// (SecretBinary). It never prints its contents: fmt verbs, %#v and
// encoding through fmt all show a redacted placeholder, so a value that
// slips into a log line or an error message gives nothing away.
// Read it deliberately with Text or Bytes.
type SecretValue struct {
	data   []byte
	binary bool
}

// TextValue makes a SecretString value.
func TextValue(s string) SecretValue { return SecretValue{data: []byte(s)} }

// BinaryValue makes a SecretBinary value. The bytes are copied.
func BinaryValue(b []byte) SecretValue {
	return SecretValue{data: append([]byte(nil), b...), binary: true}
}

// IsBinary reports whether this is a SecretBinary value.
func (v SecretValue) IsBinary() bool { return v.binary }

// IsZero reports whether there is no value at all.
func (v SecretValue) IsZero() bool { return len(v.data) == 0 && !v.binary }

// Len is the size in bytes.
func (v SecretValue) Len() int { return len(v.data) }

// Text returns the value as a string (the raw bytes for a binary value).
func (v SecretValue) Text() string { return string(v.data) }

// Bytes returns a copy of the value's bytes.
func (v SecretValue) Bytes() []byte { return append([]byte(nil), v.data...) }

// Equal reports whether two values hold the same kind and bytes.
func (v SecretValue) Equal(o SecretValue) bool {
	return v.binary == o.binary && string(v.data) == string(o.data)
}

// Format implements fmt.Formatter so no verb can print the secret.
func (v SecretValue) Format(f fmt.State, _ rune) {
	kind := "text"
	if v.binary {
		kind = "binary"
	}
	fmt.Fprintf(f, "SecretValue(%s, redacted)", kind)
}

// String implements fmt.Stringer with the redacted placeholder.
func (v SecretValue) String() string { return fmt.Sprint(v) }

// GoString implements fmt.GoStringer with the redacted placeholder.
func (v SecretValue) GoString() string { return v.String() }

// MarshalText refuses to encode the secret, so it cannot reach JSON logs.
func (v SecretValue) MarshalText() ([]byte, error) { return []byte("[redacted]"), nil }

// Value is one version's value as GetSecretValue returns it.
type Value struct {
	ARN         string
	Name        string
	VersionID   string
	Stages      []string
	CreatedDate time.Time
	Secret      SecretValue
}
