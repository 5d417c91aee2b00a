package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
)

// Helpers for the write-dialog tests. They are plain functions (not harness
// methods) so they cannot collide with other screens' test helpers.

// writeHarness starts a seeded emulator and an App at 100x40.
func writeHarness(t *testing.T, mod func(*Options)) *harness {
	t.Helper()
	return newHarness(t, 100, 40, emulator.Options{Seed: true}, mod)
}

// connectStore connects a Store for region through the App's connector.
func connectStore(h *harness, region string) aws.Store {
	h.t.Helper()
	s, err := h.app.opts.Connect(context.Background(), h.app.opts.Profile, region)
	if err != nil {
		h.t.Fatalf("connect %s: %v", region, err)
	}
	return s
}

// describeNow reads a secret's metadata directly from the emulator.
func describeNow(h *harness, store aws.Store, name string) aws.Secret {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := store.DescribeSecret(ctx, name)
	if err != nil {
		h.t.Fatalf("describe %s: %v", name, err)
	}
	if s.Region == "" {
		s.Region = store.Region()
	}
	return s
}

// versionsNow lists a secret's versions directly.
func versionsNow(h *harness, store aws.Store, name string) []aws.Version {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	vs, err := store.ListVersions(ctx, name)
	if err != nil {
		h.t.Fatalf("list versions %s: %v", name, err)
	}
	return vs
}

// openScreen pushes s the way another screen's key handler would.
func openScreen(h *harness, s common.Screen) {
	h.send(common.PushScreenMsg{Screen: s})
}

// assertNoValues fails if any seeded secret value (or a long piece of one)
// is on the screen.
func assertNoValues(h *harness, screen string) {
	h.t.Helper()
	flat := strings.ReplaceAll(screen, "\n", "")
	for _, v := range h.emu.SeedValues() {
		for _, line := range strings.Split(v, "\n") {
			if len(line) >= 8 && strings.Contains(flat, line) {
				h.t.Fatalf("a secret value is on the screen:\n%s", screen)
			}
		}
	}
}

// jsonFieldValues returns the string values of a flat JSON object's fields
// in every seeded value, for finer leak checks (a password shown alone).
func jsonFieldValues(h *harness) []string {
	var out []string
	for _, v := range h.emu.SeedValues() {
		for _, part := range strings.Split(v, "\"") {
			if len(part) >= 10 && !strings.ContainsAny(part, ":{},") {
				out = append(out, part)
			}
		}
	}
	return out
}

// topScreen is the screen on top of the App's stack.
func topScreen(h *harness) common.Screen { return h.app.top() }

// writeAuditLog keeps audit events in memory.
type writeAuditLog struct{ events chan audit.Event }

func newWriteAuditLog() *writeAuditLog {
	return &writeAuditLog{events: make(chan audit.Event, 256)}
}

func (a *writeAuditLog) Record(ev audit.Event) { a.events <- ev }
func (a *writeAuditLog) Path() string          { return "memory" }

// all drains the recorded events.
func (a *writeAuditLog) all() []audit.Event {
	var out []audit.Event
	for {
		select {
		case ev := <-a.events:
			out = append(out, ev)
		default:
			return out
		}
	}
}

// flat is the screen's text with box borders removed and whitespace
// collapsed, so a sentence wrapped over two lines still matches.
func flat(screen string) string {
	r := strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ")
	return strings.Join(strings.Fields(r.Replace(screen)), " ")
}

// waitForText waits until the flattened screen contains want.
func waitForText(h *harness, want string) string {
	h.t.Helper()
	return h.waitUntil(want, func(s string) bool { return strings.Contains(flat(s), want) })
}
