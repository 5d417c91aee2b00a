package ui

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
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

func TestEditPortKeepsNumberAndEveryOtherByte(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = audit })
	orig := h.emuValue("prod/db/postgres")
	oldID := currentID(h.versions("prod/db/postgres"))
	v := h.openValue("prod/db/postgres")
	k := h.app.env.Keys

	h.selectRow(v, "port")
	h.press(k.Editing.Edit)
	scr := h.waitFor("edit port")
	if strings.Contains(scr, "5432") || !strings.Contains(scr, "masked") {
		t.Errorf("the masked field shows its value in the editor:\n%s", scr)
	}
	h.clearInput(4)
	h.typeText("6543")
	if scr = h.screen(); strings.Contains(scr, "6543") || !strings.Contains(scr, "••••") {
		t.Errorf("typing into a masked field shows it:\n%s", scr)
	}
	h.press(k.Input.Reveal)
	if scr = h.screen(); !strings.Contains(scr, "6543") {
		t.Errorf("revealed editor does not show the text:\n%s", scr)
	}
	h.press(k.Input.Reveal)
	h.press(k.Input.Submit)
	scr = h.waitFor("1 unsaved edit")
	if line := rowLine(t, scr, "port"); !strings.Contains(line, "*") || !strings.Contains(line, "number") {
		t.Errorf("port row not marked modified as a number: %q", line)
	}
	if line := rowLine(t, scr, "host"); strings.Contains(line, "*") {
		t.Errorf("host marked modified: %q", line)
	}
	h.saveEdits()

	want := strings.Replace(orig, "5432", "6543", 1)
	if got := h.emuValue("prod/db/postgres"); got != want {
		t.Errorf("saved value:\n%s\nwant\n%s", got, want)
	}
	var m map[string]any
	_ = json.Unmarshal([]byte(h.emuValue("prod/db/postgres")), &m)
	if _, isNum := m["port"].(float64); !isNum {
		t.Errorf("port is %T, want a number", m["port"])
	}
	vs := h.versions("prod/db/postgres")
	newID := currentID(vs)
	if newID == oldID || !hasStage(vs, oldID, aws.LabelPrevious) {
		t.Errorf("new current %s, old %s has %v", newID, oldID, stagesOf(vs, oldID))
	}
	// The screen reloaded at the new version, with nothing pending.
	v = h.waitValue()
	if v.Val.VersionID != newID || v.PendingEdits() != 0 || strings.Contains(h.screen(), "unsaved") {
		t.Errorf("screen shows version %s (pending %d), want %s", v.Val.VersionID, v.PendingEdits(), newID)
	}
	if !strings.Contains(h.screen(), "saved prod/db/postgres as version "+common.ShortID(newID)) {
		t.Errorf("no success status naming %s:\n%s", newID, h.screen())
	}
	assertAuditClean(t, h, audit, "6543", "5432")
}

func TestEditToggleNumberToString(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	orig := h.emuValue("prod/db/postgres")
	v := h.openValue("prod/db/postgres")
	h.selectRow(v, "port")
	h.press(h.app.env.Keys.Editing.Edit)
	h.waitFor("type number")
	h.clearInput(4)
	h.typeText("6543")
	h.press(h.app.env.Keys.Input.ToggleType)
	h.waitFor("type string")
	h.press(h.app.env.Keys.Input.Submit)
	h.waitFor("1 unsaved edit")
	h.saveEdits()
	if got, want := h.emuValue("prod/db/postgres"), strings.Replace(orig, "5432", `"6543"`, 1); got != want {
		t.Errorf("saved %s, want %s", got, want)
	}
}

func TestEditRefusesTextThatIsNotANumber(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	puts := h.emu.Requests("PutSecretValue")
	h.editPort(v, "abc", false)
	scr := h.waitFor("not a number")
	if v.Edit.Editor == nil {
		t.Fatal("the editor closed on refused input")
	}
	if strings.Contains(scr, "abc") {
		t.Errorf("the refusal shows the typed text:\n%s", scr)
	}
	h.press(h.app.env.Keys.Input.Cancel)
	h.press(h.app.env.Keys.Editing.Save)
	h.waitFor("no unsaved edits")
	if n := h.emu.Requests("PutSecretValue"); n != puts {
		t.Errorf("%d PutSecretValue requests, want %d", n, puts)
	}
}

func TestEditAddDeleteRename(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	orig := h.emuValue("prod/db/postgres")
	v := h.openValue("prod/db/postgres")
	k := h.app.env.Keys

	h.press(k.Editing.AddField)
	h.waitFor("its key")
	h.typeText("port") // exists: refused
	h.press(k.Input.Submit)
	h.waitFor("already exists")
	h.clearInput(4)
	h.typeText("sslmode")
	h.press(k.Input.Submit)
	h.waitFor("value of sslmode")
	h.typeText("require")
	h.press(k.Input.Submit)
	h.waitFor("1 unsaved edit")

	h.selectRow(v, "dbname")
	h.press(k.Editing.Rename)
	h.waitFor("rename dbname")
	h.clearInput(len("dbname"))
	h.typeText("database")
	h.press(k.Input.Submit)
	h.waitFor("2 unsaved edits")

	h.selectRow(v, "engine")
	h.press(k.Editing.DelField)
	h.waitFor("3 unsaved edits")
	h.saveEdits()

	// Same edits through jsonedit on the original: every other byte kept.
	want := []byte(orig)
	for _, f := range []func(*jsonedit.Document) ([]byte, error){
		func(d *jsonedit.Document) ([]byte, error) { return d.Add(nil, "sslmode", []byte(`"require"`)) },
		func(d *jsonedit.Document) ([]byte, error) { return d.Rename(jsonedit.Keys("dbname"), "database") },
		func(d *jsonedit.Document) ([]byte, error) { return d.Delete(jsonedit.Keys("engine")) },
	} {
		d, err := jsonedit.Parse(want)
		if err != nil {
			t.Fatal(err)
		}
		if want, err = f(d); err != nil {
			t.Fatal(err)
		}
	}
	got := h.emuValue("prod/db/postgres")
	if got != string(want) {
		t.Errorf("saved:\n%s\nwant\n%s", got, want)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(got), &m); err != nil || m["sslmode"] != "require" || m["database"] != "orders" || m["engine"] != nil {
		t.Errorf("saved value %v (err %v)", m, err)
	}
}

func TestEditNestedValueAsJSON(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	orig := h.emuValue("staging/app/config")
	v := h.openValue("staging/app/config")
	k := h.app.env.Keys
	puts := h.emu.Requests("PutSecretValue")
	h.selectRow(v, "allowed_origins")
	h.press(k.Editing.Edit)
	h.waitFor("type array")
	h.press(k.Input.Reveal) // nothing typed: the current JSON, to edit in place
	h.typeText("x")         // before the opening bracket: not JSON
	h.press(k.Input.SubmitText)
	scr := h.waitFor("not a valid JSON array")
	if v.Edit.Editor == nil || h.emu.Requests("PutSecretValue") != puts {
		t.Fatalf("invalid JSON was accepted:\n%s", scr)
	}
	h.send(keyPress("backspace"))
	h.send(keyPress("right"))
	h.typeText(`"https://new.example", `)
	h.press(k.Input.SubmitText)
	h.waitFor("1 unsaved edit")
	h.saveEdits()
	got := h.emuValue("staging/app/config")
	want := strings.Replace(orig, `"allowed_origins":[`, `"allowed_origins":["https://new.example", `, 1)
	if got != want {
		t.Errorf("saved:\n%s\nwant\n%s", got, want)
	}
	for _, spelled := range []string{"1e3", "12345678901234567890"} {
		if strings.Count(orig, spelled) != strings.Count(got, spelled) {
			t.Errorf("%s changed spelling", spelled)
		}
	}
}

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

func TestEditPlaintextInTextArea(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	orig := h.emuValue("prod/ssh/deploy-key")
	h.openValue("prod/ssh/deploy-key")
	k := h.app.env.Keys
	h.press(k.Editing.Edit)
	scr := h.waitFor("masked while you type")
	if strings.Contains(scr, "BEGIN OPENSSH") {
		t.Errorf("the masked text area shows the key:\n%s", scr)
	}
	// Revealed with nothing typed, the current text is there to edit in
	// place, the cursor at its beginning.
	h.press(k.Input.Reveal)
	if scr = h.screen(); !strings.Contains(scr, "BEGIN OPENSSH") {
		t.Errorf("revealed text area:\n%s", scr)
	}
	h.press(k.Input.Reveal)
	h.typeText("# ci key")
	h.send(keyPress("enter"))
	if scr = h.screen(); strings.Contains(scr, "# ci key") || strings.Contains(scr, "BEGIN OPENSSH") {
		t.Errorf("typing shows the text while masked")
	}
	h.press(k.Input.Reveal)
	if scr = h.screen(); !strings.Contains(scr, "# ci key") || !strings.Contains(scr, "BEGIN OPENSSH") {
		t.Errorf("revealed text area:\n%s", scr)
	}
	h.press(k.Input.SubmitText)
	h.waitFor("1 unsaved edit")
	h.saveEdits()
	if got := h.emuValue("prod/ssh/deploy-key"); got != "# ci key\n"+orig {
		t.Errorf("saved text differs: %d bytes, want %d", len(got), len(orig)+9)
	}
}

func TestEditRefusesOversizeValueLocally(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	h.openValue("prod/ssh/deploy-key")
	k := h.app.env.Keys
	puts := h.emu.Requests("PutSecretValue")
	h.press(k.Editing.Edit)
	h.waitFor("masked while you type")
	// The masked editor replaces the value: the paste alone is over the limit.
	h.send(tea.PasteMsg{Content: strings.Repeat("A", aws.MaxValueBytes+1)})
	h.press(k.Input.SubmitText)
	h.waitFor("at most 65,536")
	h.press(k.Input.Cancel)
	h.press(k.Editing.Save)
	h.waitFor("no unsaved edits")
	if n := h.emu.Requests("PutSecretValue"); n != puts {
		t.Errorf("%d PutSecretValue requests, want %d", n, puts)
	}
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

func TestEditInExternalEditor(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = audit })
	orig := h.emuValue("prod/ssh/deploy-key")
	v := h.openValue("prod/ssh/deploy-key")
	k := h.app.env.Keys

	// The editor fails: nothing changes, nothing is left.
	root, log := useFakeEditor(t, v, `exit 1`)
	h.press(k.Editing.External)
	h.waitFor("exited with status 1")
	if v.PendingEdits() != 0 {
		t.Error("a failed editor made an edit")
	}
	fm, dm, file := editorLog(t, log)
	if fm != "600" || dm != "700" {
		t.Errorf("modes %s/%s, want 600/700", fm, dm)
	}
	assertGone(t, root, file)

	// The file is left unchanged.
	root, log = useFakeEditor(t, v, `true`)
	h.press(k.Editing.External)
	h.waitFor("no change from")
	_, _, file = editorLog(t, log)
	assertGone(t, root, file)

	// The editor changes one line.
	root, log = useFakeEditor(t, v, `sed -i '1s/.*/-----BEGIN EDITED KEY-----/' "$1"`)
	h.press(k.Editing.External)
	h.waitFor("1 unsaved edit")
	fm, dm, file = editorLog(t, log)
	if fm != "600" || dm != "700" {
		t.Errorf("modes %s/%s, want 600/700", fm, dm)
	}
	assertGone(t, root, file)
	h.saveEdits()
	lines := strings.SplitN(orig, "\n", 2)
	if got := h.emuValue("prod/ssh/deploy-key"); got != "-----BEGIN EDITED KEY-----\n"+lines[1] {
		t.Errorf("saved value differs beyond the first line")
	}
	assertAuditClean(t, h, audit, "EDITED")
}

func TestEditExternalRefusalReopensInApp(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	h.selectRow(v, "port")
	root, _ := useFakeEditor(t, v, `printf abc > "$1"`)
	h.press(h.app.env.Keys.Editing.External)
	scr := h.waitFor("not a number")
	if v.Edit.Editor == nil || v.Edit.Editor.Text() != "abc" {
		t.Fatalf("the refused text was not kept in the editor:\n%s", scr)
	}
	if strings.Contains(scr, "abc") {
		t.Errorf("the refusal shows the text:\n%s", scr)
	}
	assertEmptyDir(t, root)
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
		{"edit", d.Editing.Edit.Keys()}, {"add", d.Editing.AddField.Keys()}, {"delete", d.Editing.DelField.Keys()},
		{"rename", d.Editing.Rename.Keys()}, {"save", d.Editing.Save.Keys()}, {"external", d.Editing.External.Keys()},
	} {
		for _, key := range b.keys {
			h.send(keyPress(key))
			if v.Edit.Editor != nil || v.Edit.Session != nil || v.Capturing() {
				t.Fatalf("%s (%s) started editing in read-only mode", b.name, key)
			}
		}
	}
	if h.screen() != before {
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
