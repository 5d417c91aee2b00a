package aws

import (
	"fmt"
	"strings"
)

// SecretRef is the one identity of a secret: what the UI holds to name a
// secret between screens, and what it passes to a Store. A ref from a
// listing or a DescribeSecret has all three fields; a ref from an operator's
// input may have only a name, or only an ARN (SecretRefFromARN).
type SecretRef struct {
	// ARN is the full ARN, arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX;
	// "" when not known yet.
	ARN string
	// Name is the secret's name, without the ARN's 6-character suffix.
	Name string
	// Region is the region the secret lives in (the Store's region).
	Region string
}

// ID is what AWS calls take as SecretId: the ARN when known (it names one
// secret even after another of the same name replaced it), else the name.
func (r SecretRef) ID() string {
	if r.ARN != "" {
		return r.ARN
	}
	return r.Name
}

// String is the name to show an operator: the name, else the name part of
// the ARN (its random suffix removed), else the ARN as it is. It is
// untrusted text from AWS or the operator: sanitize it before display.
func (r SecretRef) String() string {
	if r.Name != "" {
		return r.Name
	}
	if name, ok := arnSecretName(r.ARN); ok {
		return name
	}
	return r.ARN
}

// IsZero reports whether the ref names no secret (neither ARN nor name).
func (r SecretRef) IsZero() bool { return r.ARN == "" && r.Name == "" }

// Ref is the secret's identity. Its region is the Store's, or else the
// one in the ARN.
func (s SecretSummary) Ref() SecretRef {
	r := SecretRef{ARN: s.ARN, Name: s.Name, Region: s.Region}
	if r.Region == "" {
		r.Region, _, _ = parseSecretARN(s.ARN)
	}
	return r
}

// SecretRefFromARN parses a Secrets Manager secret ARN (any partition).
// The ref keeps the ARN whole as its ID; its Name is the ARN's last part
// without the "-XXXXXX" suffix AWS appends to every secret's ARN, so a
// partial ARN (one without the suffix) whose name ends in a hyphen and six
// letters or digits yields a name that is 7 characters short.
func SecretRefFromARN(arn string) (SecretRef, error) {
	region, name, ok := parseSecretARN(arn)
	if !ok {
		return SecretRef{}, fmt.Errorf("parse secret ARN %q: not arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME", arn)
	}
	return SecretRef{ARN: arn, Name: name, Region: region}, nil
}

// arnSecretName is the secret name in a secret ARN (see SecretRefFromARN).
func arnSecretName(arn string) (string, bool) {
	_, name, ok := parseSecretARN(arn)
	return name, ok
}

// parseSecretARN splits arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX.
// Secret names cannot hold a colon, so the last part is the whole name.
func parseSecretARN(arn string) (region, name string, ok bool) {
	parts := strings.SplitN(arn, ":", 7)
	if len(parts) != 7 || parts[0] != "arn" || parts[1] == "" || parts[2] != "secretsmanager" ||
		parts[3] == "" || parts[5] != "secret" || parts[6] == "" {
		return "", "", false
	}
	return parts[3], stripARNSuffix(parts[6]), true
}

// arnSuffixLen is the length of "-XXXXXX", the random suffix AWS appends to
// a secret's name in its ARN.
const arnSuffixLen = 7

// stripARNSuffix removes a trailing "-XXXXXX" (six ASCII letters or digits)
// when something is left before it.
func stripARNSuffix(s string) string {
	if len(s) <= arnSuffixLen || s[len(s)-arnSuffixLen] != '-' {
		return s
	}
	for _, c := range s[len(s)-arnSuffixLen+1:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return s
		}
	}
	return s[:len(s)-arnSuffixLen]
}
