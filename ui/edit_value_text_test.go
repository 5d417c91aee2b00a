package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

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
