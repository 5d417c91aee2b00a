package valuefacts

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// looksLikeJWT is a cheap shape check: three base64url parts, the first
// of which starts like a JSON object ("eyJ" is `{"` encoded).
func looksLikeJWT(s string) bool {
	return strings.HasPrefix(s, "eyJ") && strings.Count(s, ".") == 2 && !strings.ContainsAny(s, " \n\t")
}

// jwtFact reads a JWT's header and claims (never its signature): the
// algorithm, the issuer and the expiry.
func jwtFact(s, field string) (Fact, bool) {
	parts := strings.Split(s, ".")
	var header struct {
		Alg string `json:"alg"`
	}
	var claims struct {
		Iss string `json:"iss"`
		Exp any    `json:"exp"`
	}
	if !decodePart(parts[0], &header) || !decodePart(parts[1], &claims) || header.Alg == "" {
		return Fact{}, false
	}
	text := "alg " + header.Alg
	if claims.Iss != "" {
		text += " · issuer " + claims.Iss
	}
	f := Fact{Field: field, Kind: "JWT", Text: text}
	if t, ok := unixTime(claims.Exp); ok {
		f.Expires = t
	}
	return f, true
}

func decodePart(part string, into any) bool {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(part, "="))
	return err == nil && json.Unmarshal(b, into) == nil
}

// oauthExpiry reads an OAuth-shaped document: "expires_at" (Unix seconds
// or RFC 3339) or "expires_in" (seconds after the token was issued, which
// is taken as when this version was created).
func oauthExpiry(doc map[string]any, issued time.Time) (Fact, bool) {
	f := Fact{Kind: "OAuth token"}
	if v, ok := doc["expires_at"]; ok {
		if t, ok := unixTime(v); ok {
			f.Field, f.Expires, f.Text = "expires_at", t, "expiry from expires_at"
			return f, true
		}
		if s, ok := v.(string); ok {
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				f.Field, f.Expires, f.Text = "expires_at", t, "expiry from expires_at"
				return f, true
			}
		}
	}
	if v, ok := doc["expires_in"]; ok && !issued.IsZero() {
		if secs, ok := number(v); ok && secs >= 0 && secs < 10*365*24*3600 {
			f.Field = "expires_in"
			f.Expires = issued.Add(time.Duration(secs) * time.Second)
			f.Text = "expires_in counted from when this version was created"
			return f, true
		}
	}
	return Fact{}, false
}

// unixTime reads Unix seconds from a JSON number or a numeric string.
func unixTime(v any) (time.Time, bool) {
	secs, ok := number(v)
	if !ok || secs <= 0 || secs > 1e11 {
		return time.Time{}, false
	}
	return time.Unix(int64(secs), 0).UTC(), true
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	return 0, false
}
