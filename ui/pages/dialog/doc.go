// Package dialog holds the write dialogs (delete, restore, rollback, move
// and remove a label, rotate, rotation settings, tags, create) and the one
// lifecycle they share: load, confirm, write under a timeout, report.
package dialog
