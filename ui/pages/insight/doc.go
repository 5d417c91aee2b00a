// Package insight holds the on-call answer screens that explain what AWS
// did, from several AWS services at once, rather than change it: why
// access was denied (access.go) and why a rotation failed (rotation.go).
// They read metadata only, never a secret value, and change nothing in AWS.
package insight
