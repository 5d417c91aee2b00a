package ui

import (
	"strings"
	"testing"
)

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
