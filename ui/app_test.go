package ui

import (
	"strings"
	"testing"
	"time"
)

// Quitting with unsaved edits takes two presses in a row; any other key in
// between disarms it, so a stray q never throws typed work away.
func TestQuitWithUnsavedEditsAsksFirst(t *testing.T) {
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")

	h.press(h.app.env.Keys.Global.Quit)
	if h.quit {
		t.Fatal("quit at once despite an unsaved edit")
	}
	h.waitFor("press q again to discard")

	h.press(h.app.env.Keys.Nav.Down) // any other key disarms
	h.press(h.app.env.Keys.Global.Quit)
	h.drain(50 * time.Millisecond)
	if h.quit {
		t.Fatal("a quit after another key did not ask again")
	}
	h.press(h.app.env.Keys.Global.Quit)
	h.drain(50 * time.Millisecond)
	if !h.quit {
		t.Fatal("second q in a row did not quit")
	}
}

func TestQuitWithoutEditsIsImmediate(t *testing.T) {
	h := newSecretHarness(t, 100, 30, nil)
	h.waitUntil("the list", func(s string) bool { return strings.Contains(s, "prod/db/postgres") })
	h.press(h.app.env.Keys.Global.Quit)
	h.drain(50 * time.Millisecond)
	if !h.quit {
		t.Fatal("q did not quit")
	}
}
