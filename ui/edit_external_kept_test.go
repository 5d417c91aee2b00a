package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Text from $EDITOR that is refused and that the in-app editor cannot hold
// either (a control character) is kept, not lost: the next $EDITOR edit of
// the same field starts from it.
func TestEditExternalRefusedTextIsKeptForTheNextEdit(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	h.selectRow(v, "port")
	k := h.app.env.Keys

	root, _ := useFakeEditor(t, v, `printf '12\001' > "$1"`)
	h.press(k.Editing.External)
	scr := h.waitFor("your text is kept")
	if !strings.Contains(scr, "(E edits it again in ") {
		t.Errorf("the refusal does not say how to get the text back:\n%s", scr)
	}
	if v.Edit.Editor != nil || v.PendingEdits() != 0 {
		t.Fatal("refused text opened an editor or made an edit")
	}
	assertEmptyDir(t, root)

	seen := filepath.Join(t.TempDir(), "seen")
	root, _ = useFakeEditor(t, v, `cp "$1" '`+seen+`'; printf 5433 > "$1"`)
	h.press(k.Editing.External)
	h.waitFor("1 unsaved edit")
	got, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "12\x01" {
		t.Errorf("the second $EDITOR edit started from %q, want the kept text", got)
	}
	assertEmptyDir(t, root)
	h.saveEdits()
	if saved := h.emuValue("prod/db/postgres"); !strings.Contains(saved, `"port":5433`) && !strings.Contains(saved, `"port": 5433`) {
		t.Errorf("saved value has no port 5433")
	}
}
