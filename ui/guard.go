package ui

import (
	"path"
	"strings"
)

// accountOf returns the account id in an ARN
// (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), or "".
func accountOf(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}

// matchesProduction reports whether any of the names (profile name, account
// id) matches one of the production glob patterns.
func matchesProduction(patterns []string, names ...string) bool {
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
