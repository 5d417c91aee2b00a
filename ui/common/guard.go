package common

import (
	"path"
	"strings"
)

// AccountOf returns the account id in an ARN
// (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), or "".
func AccountOf(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}

// MatchesProduction reports whether any of the names (profile name, account
// id) matches one of the production glob patterns.
func MatchesProduction(patterns []string, names ...string) bool {
	for _, p := range patterns {
		for _, n := range names {
			if n == "" {
				continue
			}
			if ok, err := path.Match(p, n); err == nil && ok {
				return true
			}
		}
	}
	return false
}
