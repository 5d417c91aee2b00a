package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

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
	// The breadcrumb still names the label the operator opened, not the id.
	if head := strings.SplitN(h.screen(), "\n", 2)[0]; !strings.Contains(head, "value AWSCURRENT") || strings.Contains(head, common.ShortID(newID)) {
		t.Errorf("after the save the breadcrumb says %q, want value AWSCURRENT", head)
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
	// The box and the footer say the same thing: what ctrl+t switches to.
	tk := common.KeyHelp(h.app.env.Keys.Input.ToggleType)
	assertContains(t, h.screen(), "type number ("+tk+" → string)")
	assertContains(t, lastLine(h.screen()), tk+" → string")
	h.clearInput(4)
	h.typeText("6543")
	h.press(h.app.env.Keys.Input.ToggleType)
	h.waitFor("type string")
	assertContains(t, h.screen(), "type string ("+tk+" → number)")
	assertContains(t, lastLine(h.screen()), tk+" → number")
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
