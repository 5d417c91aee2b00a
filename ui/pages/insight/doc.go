// Package insight holds the screens that answer an on-call question from
// several AWS services at once, without ever reading a secret value: why a
// rotation failed (rotation.go).
package insight
