package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/pages/secret"
)

// helpLinesSeen opens the help and scrolls it to the end with Nav.Down,
// returning every line shown on the way.
func (h *harness) helpLinesSeen() []string {
	h.t.Helper()
	h.press(h.app.env.Keys.Common.Help)
	h.waitFor("close help")
	var seen []string
	for i := 0; i < 200; i++ {
		s := h.screen()
		seen = append(seen, strings.Split(s, "\n")...)
		if !strings.Contains(s, "more below") {
			return seen
		}
		h.press(h.app.env.Keys.Nav.Down)
	}
	h.t.Fatalf("help never reached its end:\n%s", h.screen())
	return nil
}

// Every key of the detail screen's full help is in the help, "key
// description" on one line, at a usual and at a tiny window.
func TestHelpListsEveryDetailBinding(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {40, 10}} {
		h := newSecretHarness(t, size[0], size[1], func(o *Options) { o.Audit = &recordingAuditor{} })
		h.openDetail("prod/db/postgres")
		d := h.app.top().(*secret.Detail)
		seen := h.helpLinesSeen()
		hasLine := func(k, desc string) bool {
			for _, l := range seen {
				if i := strings.Index(l, k); i >= 0 && strings.Contains(l[i+len(k):], "  "+desc) {
					return true
				}
			}
			return false
		}
		n := 0
		for _, g := range d.FullHelp() {
			for _, b := range g {
				if !b.Enabled() {
					continue
				}
				n++
				if !hasLine(b.Help().Key, b.Help().Desc) {
					t.Errorf("%dx%d: %q %q not in the help; seen:\n%s", size[0], size[1], b.Help().Key, b.Help().Desc, strings.Join(seen, "\n"))
				}
			}
		}
		c := h.app.env.Keys.Common
		for _, b := range []struct{ k, d string }{{c.Help.Help().Key, c.Help.Help().Desc}, {c.Back.Help().Key, c.Back.Help().Desc},
			{c.ErrorDetail.Help().Key, c.ErrorDetail.Help().Desc}, {c.Quit.Help().Key, c.Quit.Help().Desc}} {
			if !hasLine(b.k, b.d) {
				t.Errorf("%dx%d: global %q %q not in the help", size[0], size[1], b.k, b.d)
			}
		}
		if n < 10 {
			t.Fatalf("only %d detail bindings checked", n)
		}
		last := h.screen()
		if !strings.Contains(last, "audit log: (memory)") {
			t.Errorf("%dx%d: audit log path not at the end of the help:\n%s", size[0], size[1], last)
		}
	}
}

// esc, q and ? each close the help, and the screen underneath did not act:
// esc did not pop the detail, q did not quit, ? did not reopen it.
func TestHelpClosesWithoutTouchingScreenBelow(t *testing.T) {
	t.Parallel()
	c := func(h *harness) []struct {
		name string
		k    func()
	} {
		k := h.app.env.Keys.Common
		return []struct {
			name string
			k    func()
		}{{"esc", func() { h.press(k.Back) }}, {"q", func() { h.press(k.Quit) }}, {"?", func() { h.press(k.Help) }}}
	}
	for _, size := range [][2]int{{80, 24}, {40, 10}} {
		h := newSecretHarness(t, size[0], size[1], nil)
		h.openDetail("prod/db/postgres")
		for _, closer := range c(h) {
			h.press(h.app.env.Keys.Common.Help)
			s := h.waitFor("close help")
			if !strings.Contains(s, "everywhere") && !strings.Contains(s, "more below") {
				t.Fatalf("%dx%d: help not open:\n%s", size[0], size[1], s)
			}
			closer.k()
			h.settle()
			s = h.screen()
			if strings.Contains(s, "close help") || h.app.helpL.open {
				t.Errorf("%dx%d: %s did not close the help:\n%s", size[0], size[1], closer.name, s)
			}
			if _, ok := h.app.top().(*secret.Detail); !ok {
				t.Fatalf("%dx%d: %s reached the screen below: top is %T", size[0], size[1], closer.name, h.app.top())
			}
			if h.quit {
				t.Fatalf("%dx%d: %s quit the app", size[0], size[1], closer.name)
			}
		}
	}
}

// Keys that are not the help's own never reach the screen below; the wheel
// scrolls the help; the footer shows the help's keys.
func TestHelpIsALayer(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 40, 10, nil)
	h.openDetail("prod/db/postgres")
	k := h.app.env.Keys
	h.press(k.Common.Help)
	s := h.waitFor("more below")
	foot := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if last := foot[len(foot)-1]; !strings.Contains(last, "close help") {
		t.Errorf("footer is not the help's keys: %q", last)
	}
	h.press(k.Nav.Open) // enter would open something on the detail
	h.press(k.Detail.Versions)
	if _, ok := h.app.top().(*secret.Detail); !ok {
		t.Fatalf("a key reached the screen below: top is %T", h.app.top())
	}
	before := h.app.helpL.scroll
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if h.app.helpL.scroll <= before {
		t.Errorf("wheel did not scroll the help (%d → %d)", before, h.app.helpL.scroll)
	}
	h.press(k.Nav.Bottom)
	if s := h.screen(); strings.Contains(s, "more below") {
		t.Errorf("G did not reach the end:\n%s", s)
	}
	h.press(k.Nav.Top)
	h.waitFor("this screen")
}
