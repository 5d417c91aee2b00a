package ui

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

func TestEditConflictKeepsEditsAndReapplies(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	orig := h.emuValue("prod/db/postgres")
	v := h.openValue("prod/db/postgres")
	loaded := v.Val.VersionID
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")

	// Another writer (a rotation) changes the password meanwhile.
	var m map[string]any
	_ = json.Unmarshal([]byte(orig), &m)
	rotated := strings.Replace(orig, m["password"].(string), "rotated-by-lambda-000", 1)
	other, err := h.store("us-east-1").PutValue(context.Background(), aws.PutValueInput{SecretID: v.Val.ARN, Value: aws.TextValue(rotated)})
	if err != nil {
		t.Fatal(err)
	}
	k := h.app.env.Keys
	h.press(k.Editing.Save)
	h.waitFor("Review and save")
	h.press(k.Dialog.Yes)
	h.waitFor("changed since you loaded it")
	vs := h.versions("prod/db/postgres")
	if currentID(vs) != other.VersionID || !hasStage(vs, loaded, aws.LabelPrevious) || h.emuValue("prod/db/postgres") != rotated {
		t.Fatalf("the refused save changed the secret")
	}
	h.press(k.Dialog.Yes) // reload and re-apply
	h.waitFor("re-applied 1 edit")
	v = h.waitValue()
	if v.Val.VersionID != other.VersionID || v.PendingEdits() != 1 {
		t.Fatalf("after reload: version %s, %d pending", v.Val.VersionID, v.PendingEdits())
	}
	h.saveEdits()
	if got, want := h.emuValue("prod/db/postgres"), strings.Replace(rotated, "5432", "6543", 1); got != want {
		t.Errorf("re-applied save:\n%s\nwant\n%s", got, want)
	}
	if vs := h.versions("prod/db/postgres"); !hasStage(vs, other.VersionID, aws.LabelPrevious) {
		t.Errorf("the other writer's version is not AWSPREVIOUS: %v", stagesOf(vs, other.VersionID))
	}
}

func TestEditBindingsDoNothingReadOnly(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.ReadOnly = true })
	v := h.openValue("prod/db/postgres")
	root, log := useFakeEditor(t, v, `echo '{}' > "$1"`)
	before := h.screen()
	d := keymap.Default()
	for _, b := range []struct {
		name string
		keys []string
	}{
		{"edit", d.Editing.Edit.Keys()}, {"add field", d.Editing.AddField.Keys()}, {"delete field", d.Editing.DelField.Keys()},
		{"rename key", d.Editing.Rename.Keys()}, {"review & save", d.Editing.Save.Keys()}, {"$EDITOR", d.Editing.External.Keys()},
	} {
		for _, key := range b.keys {
			h.send(keyPress(key))
			if v.Edit.Editor != nil || v.Edit.Session != nil || v.Capturing() {
				t.Fatalf("%s (%s) started editing in read-only mode", b.name, key)
			}
			// Not silently: the status says the action is off.
			if s := h.screen(); !strings.Contains(s, readOnlyRefusal(b.name)) {
				t.Errorf("%s (%s) in read-only mode does not say %q:\n%s", b.name, key, readOnlyRefusal(b.name), s)
			}
		}
	}
	if withoutStatus(h.screen()) != withoutStatus(before) {
		t.Errorf("the screen changed:\n%s", h.screen())
	}
	if _, err := os.Stat(log); err == nil {
		t.Error("the external editor ran in read-only mode")
	}
	assertEmptyDir(t, root)
	if n := h.emu.Requests("PutSecretValue"); n != 0 {
		t.Errorf("%d PutSecretValue requests in read-only mode", n)
	}
}

func TestEditDiscardAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")
	k := h.app.env.Keys
	h.press(k.Common.Back)
	h.waitFor("Discard 1 unsaved edit?")
	h.press(k.Dialog.No)
	if h.app.top() != common.Screen(v) || v.PendingEdits() != 1 {
		t.Fatal("keep editing lost the edit")
	}
	h.press(k.Common.Back)
	h.press(k.Dialog.Yes)
	h.waitFor("discarded 1 unsaved edit")
	if h.app.top() == common.Screen(v) {
		t.Error("still on the value screen")
	}
}

// withoutStatus is a screen without its status line (a read-only refusal)
// and without blank lines (the status line takes one from the body).
func withoutStatus(screen string) string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if !strings.Contains(l, "read-only: ") && strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
