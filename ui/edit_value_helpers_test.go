package ui

import (
	"os"
	"testing"

	"github.com/smtui/smtui/ui/pages/secret"
)

// selectRow moves the table cursor to the row of key, by key presses.
func (h *harness) selectRow(v *secret.Value, key string) {
	h.t.Helper()
	k := h.app.env.Keys.Nav
	h.press(k.Top)
	for i, r := range v.Table.Rows {
		if r.Key == key {
			for range i {
				h.press(k.Down)
			}
			if got, _ := v.Table.Selected(); got.Key != key {
				h.t.Fatalf("cursor on %q, want %q", got.Key, key)
			}
			return
		}
	}
	h.t.Fatalf("no row %q", key)
}

// clearInput deletes n characters before the cursor.
func (h *harness) clearInput(n int) {
	for range n {
		h.send(keyPress("backspace"))
	}
}

// saveEdits opens the review, confirms, and waits for the new version.
func (h *harness) saveEdits() {
	h.t.Helper()
	h.press(h.app.env.Keys.Editing.Save)
	h.waitFor("Review and save")
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("now AWSCURRENT")
	h.waitValue()
}

// editPort sets prod/db/postgres's port by typing in the field editor.
func (h *harness) editPort(v *secret.Value, text string, toggle bool) {
	h.t.Helper()
	k := h.app.env.Keys
	h.selectRow(v, "port")
	h.press(k.Editing.Edit)
	h.waitFor("edit port")
	h.clearInput(4)
	h.typeText(text)
	if toggle {
		h.press(k.Input.ToggleType)
	}
	h.press(k.Input.Submit)
}

// useFakeEditor points the value screen's $EDITOR at a script run directly
// with a private temp root.
func useFakeEditor(t *testing.T, v *secret.Value, body string) (root, log string) {
	t.Helper()
	script, log := fakeEditor(t, body)
	v.Edit.Ext = secret.NewExternalEditor([]string{script}, runDirect)
	root = t.TempDir()
	v.Edit.Ext.TempRoot = root
	return root, log
}

func assertEmptyDir(t *testing.T, root string) {
	t.Helper()
	if left, _ := os.ReadDir(root); len(left) != 0 {
		t.Errorf("left in the temp root: %v", left)
	}
}
