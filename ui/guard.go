package ui

import "path"

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
