// Package secret holds the screens of one secret: its detail, versions,
// resource policy and value, the value editor (in place or in an external
// editor), and the review that saves an edit.
package secret
