package valuefacts

import (
	"encoding/json"
	"sort"
	"strings"
	"time"
)

// Fact is one thing known about a value or one of its fields.
type Fact struct {
	// Field is the JSON key the fact is about ("" for the whole value).
	Field string
	// Kind names what was recognised: "private key", "certificate", "JWT", "OAuth token".
	Kind string
	// Text is the fact itself, e.g. "ED25519 256 SHA256:… ".
	Text string
	// Expires is when the key, certificate or token stops being valid (zero when it does not say).
	Expires time.Time
}

// Expired reports whether the fact's expiry has passed at now.
func (f Fact) Expired(now time.Time) bool { return !f.Expires.IsZero() && !now.Before(f.Expires) }

// maxScan bounds the work per value: a secret is at most 64 KiB in AWS,
// and a document with more fields than this is not a credential bundle.
const maxScan = 200

// Of returns the facts about value: the value as a whole, and each
// top-level string field of a JSON object. issued is when the version was
// created; it dates a relative OAuth "expires_in". The facts come in a
// stable order (whole value first, then fields by name).
func Of(value []byte, issued time.Time) []Fact {
	text := strings.TrimSpace(string(value))
	if facts := ofText(text, ""); len(facts) > 0 {
		return facts
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(text), &doc); err != nil || len(doc) == 0 {
		return nil
	}
	var out []Fact
	if f, ok := oauthExpiry(doc, issued); ok {
		out = append(out, f)
	}
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i == maxScan {
			break
		}
		if s, ok := doc[k].(string); ok {
			out = append(out, ofText(strings.TrimSpace(s), k)...)
		}
	}
	return out
}

// ofText recognises one string: PEM blocks (keys and certificates), an
// OpenSSH key, or a JWT.
func ofText(s, field string) []Fact {
	switch {
	case strings.Contains(s, "-----BEGIN "):
		return pemFacts(s, field)
	case looksLikeJWT(s):
		if f, ok := jwtFact(s, field); ok {
			return []Fact{f}
		}
	}
	return nil
}
