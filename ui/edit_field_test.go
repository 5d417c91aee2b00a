package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/secret"
)

func testEnv() *common.Env {
	return &common.Env{Settings: common.Settings{Styles: common.NewStyles(true), Keys: keymap.Default()}}
}

func nodeOf(t *testing.T, raw string) *jsonedit.Node {
	t.Helper()
	d, err := jsonedit.Parse([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return d.Root()
}

func TestFieldEditorToggleCycles(t *testing.T) {
	t.Parallel()
	env := testEnv()
	cases := []struct {
		raw  string
		want []jsonedit.Kind
	}{
		{`3306`, []jsonedit.Kind{jsonedit.String, jsonedit.Number}},
		{`true`, []jsonedit.Kind{jsonedit.String, jsonedit.Bool}},
		{`"x"`, []jsonedit.Kind{jsonedit.Number, jsonedit.Bool, jsonedit.Null, jsonedit.String}},
	}
	for _, c := range cases {
		e, err := form.NewValueEditor(env, "edit", nodeOf(t, c.raw), true)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.want {
			e.Update(keyPress(env.Keys.Input.ToggleType.Keys()[0]))
			if e.Kind != want {
				t.Errorf("%s: toggled to %s, want %s", c.raw, e.Kind, want)
			}
		}
	}
	obj, _ := form.NewValueEditor(env, "edit", nodeOf(t, `{"a":1}`), true)
	obj.Update(keyPress(env.Keys.Input.ToggleType.Keys()[0]))
	if obj.Kind != jsonedit.Object || obj.Err == "" {
		t.Errorf("an object's type changed (%s) or no reason given", obj.Kind)
	}
}

func TestFieldEditorValueKeepsNumberSpelling(t *testing.T) {
	t.Parallel()
	env := testEnv()
	for _, raw := range []string{`1e3`, `12345678901234567890`, `-0.5`} {
		e, _ := form.NewValueEditor(env, "edit", nodeOf(t, raw), false)
		got, err := e.Value()
		if err != nil || string(got) != raw {
			t.Errorf("unchanged %s gives %s (%v)", raw, got, err)
		}
	}
	e, _ := form.NewValueEditor(env, "edit", nodeOf(t, `"caf\u00e9"`), false)
	if got, _ := e.Value(); string(got) != `"café"` {
		t.Errorf("string value = %s", got)
	}
}

func TestFieldEditorMasksWhileTyping(t *testing.T) {
	t.Parallel()
	env := testEnv()
	e, _ := form.NewValueEditor(env, "edit password", nodeOf(t, `"hunter2"`), true)
	e.SetSize(60, 10)
	e.Focus()
	for _, r := range "xyz" {
		e.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if v := ansi.Strip(e.View()); strings.Contains(v, "hunter2") || strings.Contains(v, "xyz") {
		t.Errorf("masked editor shows the text:\n%s", v)
	}
	if res, _ := e.Update(keyPress(env.Keys.Input.Reveal.Keys()[0])); res != form.EditorRevealed {
		t.Errorf("reveal result %v", res)
	}
	// The masked editor replaced the value: revealing shows only what was
	// typed, never the hidden value with the typing appended.
	if v := ansi.Strip(e.View()); !strings.Contains(v, "xyz") || strings.Contains(v, "hunter2") {
		t.Errorf("revealed editor:\n%s", v)
	}
	if got, _ := e.Value(); string(got) != `"xyz"` {
		t.Errorf("value after typing over the masked field = %s, want \"xyz\"", got)
	}
	// A multi-line string opens a text area, masked the same way.
	a, err := form.NewValueEditor(env, "edit key", nodeOf(t, `"line1\nline2"`), true)
	if err != nil || a.Area == nil {
		t.Fatalf("multi-line string: area %v err %v", a.Area != nil, err)
	}
	a.SetSize(60, 12)
	if v := ansi.Strip(a.View()); strings.Contains(v, "line1") || !strings.Contains(v, common.MaskText) {
		t.Errorf("masked text area:\n%s", v)
	}
}

func TestTextAreaRefusesTextItWouldChange(t *testing.T) {
	t.Parallel()
	env := testEnv()
	for _, text := range []string{"a\tb", "a\r\nb", "a\x01b"} {
		if _, err := form.NewTextEditor(env, "edit", text, true); err == nil {
			t.Errorf("%q opened in the text area", text)
		}
	}
	for _, text := range []string{"-----BEGIN-----\nabc\n-----END-----\n", "postgres://u:p@h:5432/db", ""} {
		e, err := form.NewTextEditor(env, "edit", text, true)
		if err != nil {
			t.Fatalf("%q refused: %v", text, err)
		}
		if got, _ := e.Value(); string(got) != text {
			t.Errorf("text area gives back %q, want %q", got, text)
		}
	}
}

func TestEditNonCurrentVersionSavesNewCurrent(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	vs := h.versions("prod/db/postgres")
	cur := currentID(vs)
	var prev string
	for _, v := range vs {
		if hasStage(vs, v.ID, aws.LabelPrevious) {
			prev = v.ID
		}
	}
	sum := h.summary("us-east-1", "prod/db/postgres")
	target := aws.SecretRef{ARN: sum.ARN, Name: sum.Name, Region: "us-east-1"}
	h.send(common.PushScreenMsg{Screen: secret.NewValue(h.app.env, h.store("us-east-1"), target, aws.VersionRef{ID: prev})})
	v := h.waitValue()
	prevText := v.Val.Secret.Text()
	h.waitUntil("AWSCURRENT to be known", func(string) bool { return v.Edit.CurrentID != "" })
	if v.Edit.CurrentID != cur {
		t.Fatalf("current known as %s, want %s", v.Edit.CurrentID, cur)
	}
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")
	h.press(h.app.env.Keys.Editing.Save)
	scr := h.waitFor("not AWSCURRENT")
	if !strings.Contains(scr, common.ShortID(cur)) {
		t.Errorf("the review does not name the current version:\n%s", scr)
	}
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("now AWSCURRENT")
	after := h.versions("prod/db/postgres")
	if !hasStage(after, cur, aws.LabelPrevious) || currentID(after) == cur {
		t.Errorf("old current %s has %v", cur, stagesOf(after, cur))
	}
	if got, want := h.emuValue("prod/db/postgres"), strings.Replace(prevText, "5432", "6543", 1); got != want {
		t.Errorf("saved %s, want the edited previous version %s", got, want)
	}
}

func TestEditorFitsNarrowScreens(t *testing.T) {
	t.Parallel()
	for _, w := range []int{40, 80, 120} {
		h := newSecretHarness(t, w, 12, nil)
		v := h.openValue("prod/db/postgres")
		h.selectRow(v, "port")
		h.press(h.app.env.Keys.Editing.Edit)
		scr := h.waitFor("edit port")
		for _, l := range strings.Split(scr, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line too wide: %q", w, l)
			}
		}
		if n := strings.Count(scr, "\n") + 1; n > 12 {
			t.Errorf("width %d: %d lines", w, n)
		}
		h.press(h.app.env.Keys.Input.Cancel)
	}
}

// While masked, the field editor shows the same fixed mask whatever the
// value's length (5432 and a 24-character password alike), and says whether
// the text changed so typing still has feedback.
func TestMaskedEditorDoesNotRevealLength(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	inputLine := func() string {
		for _, l := range strings.Split(h.screen(), "\n") {
			if strings.Contains(l, "│ ›") {
				return l
			}
		}
		t.Fatalf("no input line:\n%s", h.screen())
		return ""
	}
	for _, field := range []string{"port", "password"} {
		h.selectRow(v, field)
		h.press(h.app.env.Keys.Editing.Edit)
		h.waitFor("edit " + field)
		line := inputLine()
		if n := strings.Count(line, "•"); n != strings.Count(common.MaskText, "•") || !strings.Contains(line, "unchanged") {
			t.Errorf("%s: input line %q shows %d mask dots, want the fixed mask and 'unchanged'", field, line, n)
		}
		h.typeText("9")
		if line := inputLine(); !strings.Contains(line, "changed") || strings.Count(line, "•") != strings.Count(common.MaskText, "•") {
			t.Errorf("%s after typing: %q", field, line)
		}
		h.press(h.app.env.Keys.Input.Cancel)
	}
}
