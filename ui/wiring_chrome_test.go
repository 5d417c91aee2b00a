package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// The footer always ends with "? help", however narrow, and leads with the
// keys that matter on the screen: write keys included unless read-only.
func TestShortHelpShowsTheWriteKeysAndAlwaysHelp(t *testing.T) {
	t.Parallel()
	for _, readOnly := range []bool{false, true} {
		h := flowHarness(t, func(o *Options) { o.ReadOnly = readOnly })
		k := h.app.env.Keys
		footer := func() string {
			lines := strings.Split(strings.TrimRight(h.screen(), "\n"), "\n")
			return lines[len(lines)-1]
		}
		check := func(where string, want ...key.Binding) {
			t.Helper()
			f := footer()
			if !strings.HasSuffix(strings.TrimSpace(f), "? help") {
				t.Errorf("%s (read-only %v): the footer does not end with ? help: %q", where, readOnly, f)
			}
			for _, b := range want {
				hk := b.Help().Key + " " + b.Help().Desc
				if got := strings.Contains(f, hk); got != !readOnly {
					t.Errorf("%s (read-only %v): footer has %q = %v: %q", where, readOnly, hk, got, f)
				}
			}
		}
		h.openFromList("prod/db/postgres")
		check("detail", k.Detail.Rotate, k.Detail.Rollback)
		h.press(k.Detail.Value)
		h.waitValue()
		check("value", k.Editing.Edit)
		h.send(common.PopScreenMsg{})
		h.send(common.PopScreenMsg{})
		check("list", k.Common.Delete, k.Common.New)

		h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
		check("list at 40x10")
		h.press(k.Nav.Open)
		h.waitUntil("detail", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
		check("detail at 40x10")
	}
}

// On a narrow window the header keeps the secret's name and the screen on
// top in view: the account, the profile and the first crumbs give way
// first; at 40 columns the top screen's title is cut, never the name.
func TestHeaderKeepsTheScreenOnTop(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	h.openFromList("prod/db/postgres")
	h.press(h.app.env.Keys.Detail.Value)
	h.waitValue()
	for _, w := range []int{40, 60, 100} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 12})
		header := strings.SplitN(h.screen(), "\n", 2)[0]
		if !strings.Contains(header, "prod/db/postgres › va") {
			t.Errorf("width %d: the header lost the secret's name or the screen on top: %q", w, header)
		}
		if w > 40 && !strings.Contains(header, "prod/db/postgres › value AWSCURRENT") {
			t.Errorf("width %d: the header cut the screen on top: %q", w, header)
		}
	}
	if got := fitTrail([]string{"secrets in us-east-1", "prod/db/postgres", "value AWSCURRENT"}, -1, 30); got != "… › value AWSCURRENT" {
		t.Errorf("fitTrail = %q", got)
	}
	if got := fitTrail([]string{"secrets in us-east-1", "prod/db/postgres", "value AWSCURRENT"}, 1, 30); got != "prod/db/postgres › value AWSC…" {
		t.Errorf("fitTrail keeping the name = %q", got)
	}
	if got := fitTrail([]string{"secrets in us-east-1", "prod/db/postgres", "value AWSCURRENT"}, 1, 12); got != "prod/db/pos…" {
		t.Errorf("fitTrail keeping the name in 12 cells = %q", got)
	}
	if got := fitTrail([]string{"secrets", "value AWSCURRENT"}, -1, 8); got != "value A…" {
		t.Errorf("fitTrail of a long last title = %q", got)
	}
}

// Esc in the new-secret form asks before throwing away what was typed; the
// footer says what y and n do.
func TestCreateFormAsksBeforeDiscarding(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	k := h.app.env.Keys
	h.press(k.Common.New)
	h.waitUntil("the form", func(string) bool { _, ok := h.app.top().(*dialog.CreateScreen); return ok })
	h.typeText("my/new")
	h.press(k.Common.Back)
	s := waitForText(h, "Discard what you typed?")
	if !strings.Contains(lineWith(s, "? help"), "discard") {
		t.Errorf("the footer does not say what y does: %q", lineWith(s, "? help"))
	}
	h.press(k.Dialog.No)
	if _, ok := h.app.top().(*dialog.CreateScreen); !ok {
		t.Fatal("n closed the form")
	}
	h.press(k.Common.Back)
	waitForText(h, "Discard what you typed?")
	h.press(k.Dialog.Yes)
	h.waitFor("nothing was created")
	if _, ok := h.app.top().(*list.Screen); !ok || h.emu.Requests("CreateSecret") != 0 {
		t.Fatalf("after discarding: %T on top, %d creates", h.app.top(), h.emu.Requests("CreateSecret"))
	}
}

// The stuck-rotation screen keeps its ways out in view on a 40x10 window,
// dropping the end of the explanation instead.
func TestStuckScreenFitsASmallWindow(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	h.openFromList("prod/db/mysql-orders")
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.press(h.app.env.Keys.Detail.Rotate)
	s := h.waitFor("Remove the stray")
	for _, want := range []string{"Cancel the rotation", "Roll back to AWSPREVIOUS", "╰"} {
		if !strings.Contains(s, want) {
			t.Errorf("the 40x10 stuck screen lacks %q:\n%s", want, s)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	s = h.waitFor("a taller window shows the whole explanation")
	if !strings.Contains(s, "Roll back to AWSPREVIOUS") || !strings.Contains(s, "╰") {
		t.Errorf("the 60x16 stuck screen does not fit:\n%s", s)
	}
	h.send(tea.WindowSizeMsg{Width: 110, Height: 40})
	if s := h.screen(); strings.Contains(s, "a taller window") || !strings.Contains(flat(s), "finishSecret; its logs say why") {
		t.Errorf("the full-size stuck screen is cut:\n%s", s)
	}
}
