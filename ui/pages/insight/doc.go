// Package insight holds the on-call answer screens that explain what AWS
// did rather than change it: why access was denied (access.go). They read
// metadata only, never a secret value, and change nothing in AWS.
package insight
