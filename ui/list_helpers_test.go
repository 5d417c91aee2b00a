package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/pages/list"
)

// newListHarness is a seeded harness on the fixed test clock.
func newListHarness(t *testing.T, width, height int, emu emulator.Options, mod func(*Options)) *harness {
	t.Helper()
	emu.Seed = true
	emu.Clock = func() time.Time { return testNow }
	return newHarness(t, width, height, emu, func(o *Options) {
		o.Now = func() time.Time { return testNow }
		if mod != nil {
			mod(o)
		}
	})
}

// listOf returns the root list screen.
func listOf(h *harness) *list.Screen { return h.app.stack[0].(*list.Screen) }

// waitLoaded waits until the list has finished loading (and checking the
// replication of the rows on screen).
func waitLoaded(h *harness) string {
	h.t.Helper()
	return h.waitUntil("the listing to finish", func(string) bool {
		l := listOf(h)
		return !l.Loading && !l.Connecting && (l.Complete || l.LoadErr != nil || l.Stopped) && !l.CheckingReplication()
	})
}

// rowOrder returns the order in which names appear on the screen (-1 if
// absent).
func rowOrder(screen string, names ...string) []int {
	out := make([]int, len(names))
	for i, n := range names {
		out[i] = strings.Index(screen, n)
	}
	return out
}

func keys() *keymap.KeyMap { return keymap.Default() }

func lineWith(screen, sub string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
