// Package childenv builds the environment smtui gives the programs it starts
// (the $EDITOR, the clipboard helpers, the background clipboard clearer):
// the operator's own environment without AWS credentials.
//
// None of those programs talks to AWS, so the rule is simple and leaves no
// gap for a credential variable added later: every AWS_* variable is dropped
// (keys, session tokens, container credential URIs and their authorization
// tokens, web identity token files, role ARNs, profiles and regions), and so
// are the variables of tools that carry AWS credentials under their own
// names (aws-vault, granted).
package childenv

import (
	"os"
	"strings"
)

// droppedPrefixes are the name prefixes (compared in upper case) of the
// variables a child never gets.
var droppedPrefixes = [...]string{
	"AWS_",     // the SDKs' and CLI's credentials and settings
	"AWSUME_",  // awsume
	"GRANTED_", // granted / assume
}

// Environ returns the current process's environment without credentials.
func Environ() []string { return Scrub(os.Environ()) }

// Scrub returns env ("NAME=value" entries) without the variables that carry
// or point at AWS credentials. The order of what is kept is unchanged.
func Scrub(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if !Dropped(name) {
			out = append(out, kv)
		}
	}
	return out
}

// Dropped reports whether a variable called name is kept from children.
// Names are compared in upper case, as Windows treats them.
func Dropped(name string) bool {
	up := strings.ToUpper(name)
	for _, p := range droppedPrefixes {
		if strings.HasPrefix(up, p) {
			return true
		}
	}
	return false
}
