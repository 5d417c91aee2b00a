// Package form holds the text-entry pieces of the dialogs and the value
// editor: the dialog form, the one-line prompt, the field editor with its
// text area, and the check that refuses text a field cannot hold inline.
package form
