package ui

import (
	"strings"
	"testing"
)

// Enter (the value key) on a secret scheduled for deletion offers to restore
// it instead of asking AWS for a value it refuses.
func TestDetailValueOfScheduledSecretOffersRestore(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, nil)
	const name = "legacy/reporting-db"
	h.openDetail(name)
	k := h.app.env.Keys
	h.press(k.Detail.Value)
	waitForText(h, "Its value can't be read while it is scheduled for deletion")
	waitForText(h, "Cancel the scheduled deletion of "+name)
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("GetSecretValue called %d times for a secret scheduled for deletion", n)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Restored " + name)
	if !describeNow(h, h.store("us-east-1"), name).DeletedDate.IsZero() {
		t.Fatal("still scheduled for deletion")
	}
}

func TestDetailValueOfScheduledSecretReadOnly(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, func(o *Options) { o.ReadOnly = true })
	h.openDetail("legacy/reporting-db")
	h.press(h.app.env.Keys.Detail.Value)
	s := waitForText(h, "read-only: legacy/reporting-db is scheduled for deletion")
	if strings.Contains(s, "Cancel the scheduled deletion") {
		t.Fatalf("read-only mode offers to restore:\n%s", s)
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("GetSecretValue called %d times", n)
	}
}
