package ui

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/pages/secret"
)

// The reported bug: on dev/db/postgres, e on the masked port, typing 5433
// gave 54325433 (the hidden old value with the typing appended). The masked
// editor replaces: the saved version, read back from the emulator, has
// port 5433 and every other byte as it was.
func TestMaskedPortEditReplacesTheValue(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = audit })
	orig := h.emuValue("dev/db/postgres")
	if !strings.Contains(orig, `"port":5432`) {
		t.Fatalf("fixture changed: %d bytes without the port 5432", len(orig))
	}
	v := h.openValue("dev/db/postgres")
	k := h.app.env.Keys
	h.selectRow(v, "port")
	h.press(k.Editing.Edit)
	scr := h.waitFor("edit port")
	if !strings.Contains(scr, "type the new value") || !strings.Contains(scr, common.KeyHelp(k.Input.Submit)+" with nothing typed keeps the current one") {
		t.Errorf("the masked editor does not say that it replaces:\n%s", scr)
	}
	if got := v.Edit.Editor.Text(); got != "" {
		t.Errorf("the masked editor starts with %d characters, want empty", len(got))
	}
	h.typeText("5433")
	if scr = h.screen(); strings.Contains(scr, "5433") || !strings.Contains(scr, "replaces the current value") {
		t.Errorf("masked typing shows the text, or does not say it replaces:\n%s", scr)
	}
	h.press(k.Input.Reveal)
	scr = h.screen()
	if strings.Contains(scr, "54325433") || !strings.Contains(scr, "5433") {
		t.Errorf("revealed editor after typing 5433:\n%s", scr)
	}
	h.press(k.Input.Reveal)
	h.press(k.Input.Submit)
	h.waitFor("1 unsaved edit")
	if got := string(v.Edit.Session.Cur); !strings.Contains(got, `"port":5433,`) {
		t.Errorf("pending value has no port 5433 (%d bytes)", len(got))
	}
	h.saveEdits()

	got := h.emuValue("dev/db/postgres")
	if want := strings.Replace(orig, `"port":5432`, `"port":5433`, 1); got != want {
		t.Errorf("saved value:\n%s\nwant\n%s", got, want)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(got), &m); err != nil || m["port"] != float64(5433) {
		t.Errorf("saved port %v (%v), want the number 5433", m["port"], err)
	}
	assertAuditClean(t, h, audit, "5433")
}

// Revealing in the masked editor with nothing typed shows the current text
// to edit in place (and is audited as a reveal); typing then edits it.
func TestMaskedRevealWithNothingTypedEditsInPlace(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = audit })
	orig := h.emuValue("dev/db/postgres")
	v := h.openValue("dev/db/postgres")
	k := h.app.env.Keys
	h.selectRow(v, "port")
	h.press(k.Editing.Edit)
	h.waitFor("edit port")
	reveals := len(audit.all())
	h.press(k.Input.Reveal)
	scr := h.screen()
	if !strings.Contains(scr, "› 5432") || strings.Contains(scr, "nothing typed keeps") {
		t.Errorf("reveal with nothing typed does not show the current text to edit:\n%s", scr)
	}
	h.waitUntil("the reveal audited", func(string) bool { return len(audit.all()) > reveals })
	if ev := audit.all()[len(audit.all())-1]; ev.Action != "reveal" {
		t.Errorf("audit event %q, want reveal", ev.Action)
	}
	h.clearInput(1)
	h.typeText("3")
	h.press(k.Input.Submit)
	h.waitFor("1 unsaved edit")
	h.saveEdits()
	if got, want := h.emuValue("dev/db/postgres"), strings.Replace(orig, `"port":5432`, `"port":5433`, 1); got != want {
		t.Errorf("saved value:\n%s\nwant\n%s", got, want)
	}
}

// assertNoEdit checks that nothing is pending, the status says no change,
// and the review has nothing to save.
func (h *harness) assertNoEdit(v *secret.Value, what string) {
	h.t.Helper()
	h.waitFor("no change: " + what)
	if v.Edit.Editor != nil || v.PendingEdits() != 0 || (v.Edit.Session != nil && len(v.Edit.Session.Ops) != 0) {
		h.t.Errorf("%s: editor open %v, %d pending edits", what, v.Edit.Editor != nil, v.PendingEdits())
	}
	if strings.Contains(h.screen(), "unsaved") {
		h.t.Errorf("%s: the screen shows unsaved edits:\n%s", what, h.screen())
	}
}

// Enter on a masked field with nothing typed keeps its value: no edit at
// all, whatever the field's type.
func TestMaskedEnterWithNothingTypedMakesNoEdit(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	orig := h.emuValue("prod/db/postgres")
	v := h.openValue("prod/db/postgres")
	k := h.app.env.Keys
	for _, field := range []string{"port", "password", "host"} {
		h.selectRow(v, field)
		h.press(k.Editing.Edit)
		h.waitFor("edit " + field)
		h.press(k.Input.Submit)
		h.assertNoEdit(v, field)
	}
	// Typed, then erased: still nothing typed.
	h.selectRow(v, "port")
	h.press(k.Editing.Edit)
	h.typeText("99")
	h.clearInput(2)
	h.press(k.Input.Submit)
	h.assertNoEdit(v, "port")

	h.press(k.Editing.Save)
	h.waitFor("no unsaved edits")
	if got := h.emuValue("prod/db/postgres"); got != orig || h.emu.Requests("PutSecretValue") != 0 {
		t.Errorf("the secret changed (%d puts)", h.emu.Requests("PutSecretValue"))
	}
}

// The whole-plaintext editor follows the same rule: masked, it replaces,
// and applying with nothing typed keeps the text.
func TestMaskedPlaintextEditorReplaces(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	orig := h.emuValue("prod/ssh/deploy-key")
	v := h.openValue("prod/ssh/deploy-key")
	k := h.app.env.Keys
	h.press(k.Editing.Edit)
	h.waitFor(common.KeyHelp(k.Input.SubmitText) + " with nothing typed keeps the current one")
	h.press(k.Input.SubmitText)
	h.assertNoEdit(v, "the text")

	h.press(k.Editing.Edit)
	h.typeText("new-key")
	h.press(k.Input.SubmitText)
	h.waitFor("1 unsaved edit")
	h.saveEdits()
	if got := h.emuValue("prod/ssh/deploy-key"); got != "new-key" {
		t.Errorf("saved %d bytes, want the 7 typed (the old %d bytes were kept)", len(got), len(orig))
	}
}

// Enter on a revealed field without typing changes nothing either, even
// where re-encoding the same text would give other bytes (\u00e9 and é).
func TestRevealedEnterWithoutTypingMakesNoEdit(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	val := `{"name":"caf\u00e9","n":1e3,"nothing":null,"on":true}`
	if _, err := h.store("us-east-1").CreateSecret(context.Background(), aws.CreateSecretInput{
		Name: "test/escaped", Value: aws.TextValue(val)}); err != nil {
		t.Fatal(err)
	}
	v := h.openValue("test/escaped")
	k := h.app.env.Keys
	h.press(k.Value.RevealAll)
	for _, field := range []string{"name", "n", "nothing", "on"} {
		h.selectRow(v, field)
		h.press(k.Editing.Edit)
		h.waitFor("edit " + field)
		if strings.Contains(h.screen(), "nothing typed keeps") {
			t.Errorf("%s: a revealed editor says it replaces", field)
		}
		h.press(k.Input.Submit)
		h.assertNoEdit(v, field)
	}
	// A rename to the same key is no edit either.
	h.selectRow(v, "name")
	h.press(k.Editing.Rename)
	h.waitFor("rename name")
	h.press(k.Input.Submit)
	h.waitFor("no change: name keeps its name")
	if v.PendingEdits() != 0 {
		t.Errorf("%d pending edits after an unchanged rename", v.PendingEdits())
	}
	h.press(k.Editing.Save)
	h.waitFor("no unsaved edits")
	if got := h.emuValue("test/escaped"); got != val {
		t.Errorf("the secret changed: %q", got)
	}
}

// A value the inline editor would alter (NUL, DEL, U+FFFD, U+0085, ESC, a
// tab or CR) is not opened there, masked or revealed: the refusal points at
// $EDITOR by its binding, and the document stays byte for byte as loaded.
func TestInlineEditorRefusesValuesItCannotHold(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 30, nil)
	val := "{\"nul\":\"\\u0000y\",\"del\":\"x\x7fy\",\"fffd\":\"ab\ufffdcd\",\"nel\":\"x\u0085y\"," +
		"\"esc\":\"\\u001b[8mhidden\",\"tab\":\"a\\tb\",\"cr\":\"a\\r\\nb\",\"ok\":\"fine\",\"k\\u0001ey\":1}"
	plain := "line one\x00\nline two"
	st := h.store("us-east-1")
	for name, value := range map[string]string{"test/controls": val, "test/plain-nul": plain} {
		if _, err := st.CreateSecret(context.Background(), aws.CreateSecretInput{Name: name, Value: aws.TextValue(value)}); err != nil {
			t.Fatal(err)
		}
	}
	k := h.app.env.Keys
	pointer := "use " + common.KeyHelp(k.Editing.External) + " (" + k.Editing.External.Help().Desc + ")"
	v := h.openValue("test/controls")
	for _, revealed := range []bool{false, true} {
		if revealed {
			h.press(k.Value.RevealAll)
		}
		for _, field := range []string{"nul", "del", "fffd", "nel", "esc", "tab", "cr"} {
			h.selectRow(v, field)
			h.press(k.Editing.Edit)
			scr := h.waitFor(pointer)
			if v.Edit.Editor != nil {
				t.Fatalf("%s (revealed %v): the inline editor opened", field, revealed)
			}
			if !strings.Contains(scr, "the in-app editor would alter") {
				t.Errorf("%s: the refusal does not say why:\n%s", field, scr)
			}
		}
	}
	// A key the editor cannot hold is not renamed there.
	h.selectRow(v, "k\x01ey")
	h.press(k.Editing.Rename)
	h.waitFor("this key has a control character the in-app editor would alter")
	if v.Edit.Editor != nil {
		t.Fatal("the key editor opened on a key with a control character")
	}
	// An ordinary field of the same secret still opens.
	h.selectRow(v, "ok")
	h.press(k.Editing.Edit)
	h.waitFor("edit ok")
	h.press(k.Input.Cancel)
	h.press(k.Editing.Save)
	h.waitFor("no unsaved edits")
	if v.Edit.Session != nil && (v.Edit.Session.Dirty() || string(v.Edit.Session.Cur) != val) {
		t.Errorf("the pending document changed")
	}
	if got := h.emuValue("test/controls"); got != val {
		t.Errorf("the secret changed:\n%q\nwant\n%q", got, val)
	}

	h.press(k.Common.Back)
	h.press(k.Common.Back)
	p := h.openValue("test/plain-nul")
	h.press(k.Editing.Edit)
	h.waitFor(pointer)
	if p.Edit.Editor != nil || p.PendingEdits() != 0 {
		t.Errorf("the text area opened on a plaintext with NUL")
	}
	if got := h.emuValue("test/plain-nul"); got != plain || h.emu.Requests("PutSecretValue") != 0 {
		t.Errorf("the plaintext changed (%d puts)", h.emu.Requests("PutSecretValue"))
	}
}

// The masked editor's view is the same whatever the value and whatever was
// typed: neither the text nor its length shows.
func TestMaskedEditorViewIsFixed(t *testing.T) {
	t.Parallel()
	env := testEnv()
	views := map[string]string{}
	for _, raw := range []string{`"Qj"`, `"hunter2"`, `"` + strings.Repeat("Zq9", 20) + `"`, `5432`} {
		for _, typed := range []string{"", "Xv", "a-much-longer-new-password"} {
			e, err := form.NewValueEditor(env, "edit field", nodeOf(t, raw), true)
			if err != nil {
				t.Fatal(err)
			}
			e.SetSize(70, 10)
			e.Focus()
			for _, r := range typed {
				e.Update(keyPress(string(r)))
			}
			view := ansi.Strip(e.View())
			text := strings.Trim(raw, `"`)
			if strings.Contains(view, text) || (typed != "" && strings.Contains(view, typed)) {
				t.Errorf("%s typed %q: the view shows the text:\n%s", raw, typed, view)
			}
			// Number fields say "type number" and may toggle: compare
			// within a type, across lengths and values.
			id := map[bool]string{true: "string", false: "number"}[strings.HasPrefix(raw, `"`)] +
				map[bool]string{true: "/typed", false: "/empty"}[typed != ""]
			if prev, ok := views[id]; ok && prev != view {
				t.Errorf("%s typed %q: the view differs from another value's (length shows):\n%s\nvs\n%s", raw, typed, view, prev)
			}
			views[id] = view
		}
	}
	// The text area, masked, too.
	var first string
	for _, text := range []string{"a\nb", strings.Repeat("line of a key\n", 30)} {
		e, err := form.NewTextEditor(env, "edit key", text, true)
		if err != nil {
			t.Fatal(err)
		}
		e.SetSize(70, 12)
		view := ansi.Strip(e.View())
		if strings.Contains(view, "line of") || strings.Contains(view, "a\nb") {
			t.Errorf("masked text area shows the text:\n%s", view)
		}
		if first != "" && view != first {
			t.Errorf("masked text area views differ by value:\n%s\nvs\n%s", view, first)
		}
		first = view
	}
}

// A masked multi-line field (a text area) replaces too: it starts empty,
// nothing typed keeps the value, and reveal with nothing typed puts the
// current text in to edit in place.
func TestMaskedTextAreaFieldReplaces(t *testing.T) {
	t.Parallel()
	env := testEnv()
	node := nodeOf(t, `"line1\nline2"`)
	e, err := form.NewValueEditor(env, "edit key", node, true)
	if err != nil || e.Area == nil {
		t.Fatalf("multi-line string: area %v err %v", e != nil && e.Area != nil, err)
	}
	e.SetSize(60, 12)
	e.Focus()
	if e.Text() != "" || !e.Unchanged() {
		t.Errorf("masked text area starts with %d characters (unchanged %v)", len(e.Text()), e.Unchanged())
	}
	if got, _ := e.Value(); string(got) != `"line1\nline2"` {
		t.Errorf("nothing typed gives %s, want the current value", got)
	}
	for _, r := range "new" {
		e.Update(keyPress(string(r)))
	}
	if got, _ := e.Value(); string(got) != `"new"` || e.Unchanged() {
		t.Errorf("typed over the masked area: %s (unchanged %v)", got, e.Unchanged())
	}

	f, _ := form.NewValueEditor(env, "edit key", node, true)
	f.SetSize(60, 12)
	f.Focus()
	if res, _ := f.Update(keyPress(env.Keys.Input.Reveal.Keys()[0])); res != form.EditorRevealed {
		t.Errorf("reveal result %v, want editorRevealed", res)
	}
	if v := ansi.Strip(f.View()); !strings.Contains(v, "line1") || !strings.Contains(v, "line2") {
		t.Errorf("revealed with nothing typed, the current text is not there:\n%s", v)
	}
	f.Update(keyPress("X")) // the cursor is at the beginning
	if got, _ := f.Value(); string(got) != `"Xline1\nline2"` {
		t.Errorf("edited in place: %s", got)
	}
}
