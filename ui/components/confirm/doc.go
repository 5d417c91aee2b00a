// Package confirm is the confirmation pane of the write dialogs: a
// question, its answers or a typed-name guard for production, and the
// choice list and notice some dialogs show instead.
package confirm
