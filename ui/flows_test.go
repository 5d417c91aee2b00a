package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// The acceptance flows, driven from the secret list by key
// bindings only, the way an operator would: nothing is pushed by hand.

// flowHarness starts on the seeded demo account with the real clock, so
// rotation dates and deletion dates are today's.
// Rotation steps are slow enough for the follow (polling every 500 ms) to
// see AWSPENDING before AWSCURRENT moves.
func flowHarness(t *testing.T, mod func(*Options)) *harness {
	t.Helper()
	h := newHarness(t, 110, 40, emulator.Options{Seed: true, RotationStepDelay: 300 * time.Millisecond}, mod)
	h.waitFor("prod/db/postgres")
	return h
}

// openFromList filters the list down to name and opens its detail.
func (h *harness) openFromList(name string) *secret.Detail {
	h.t.Helper()
	k := h.app.env.Keys
	h.press(k.List.Filter)
	h.typeText(name)
	h.press(k.Input.Submit)
	l := h.app.stack[0].(*list.Screen)
	h.waitUntil(name+" selected", func(string) bool {
		r := l.Table.Selected()
		return r != nil && r.Name() == name
	})
	h.press(k.Nav.Open)
	var d *secret.Detail
	h.waitUntil("detail of "+name, func(string) bool {
		var ok bool
		d, ok = h.app.top().(*secret.Detail)
		return ok && d.Secret != nil
	})
	return d
}

// labelsNow reads a secret's labels from the emulator, through the Store.
func (h *harness) labelsNow(name string) map[string][]string {
	h.t.Helper()
	return describeNow(h, connectStore(h, "us-east-1"), name).VersionStages
}

// versionsScreenShows opens the versions screen from the detail screen and
// waits until the row of each version id shows its label.
func (h *harness) versionsScreenShows(want map[string]string) string {
	h.t.Helper()
	h.press(h.app.env.Keys.Detail.Versions)
	return h.waitUntil("versions with labels", func(s string) bool {
		v, ok := h.app.top().(*secret.Versions)
		if !ok || !v.Loaded {
			return false
		}
		for id, label := range want {
			if !strings.Contains(lineWith(s, id[:8]), label) {
				return false
			}
		}
		return true
	})
}

func TestFlowEditPortThenVersionsShowNewCurrent(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/postgres"
	before := common.LabelHolder(h.labelsNow(name), aws.LabelCurrent)
	h.openFromList(name)
	h.press(h.app.env.Keys.Detail.Value)
	v := h.waitValue()
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")
	h.saveEdits()

	after := common.LabelHolder(h.labelsNow(name), aws.LabelCurrent)
	if after == before {
		t.Fatal("AWSCURRENT did not move")
	}
	h.press(h.app.env.Keys.Common.Back) // back to the detail
	h.waitUntil("detail", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
	h.versionsScreenShows(map[string]string{after: "AWSCURRENT", before: "AWSPREVIOUS"})
	if !strings.Contains(h.emuValue(name), `"port":6543`) && !strings.Contains(h.emuValue(name), `"port": 6543`) {
		t.Fatal("the saved value does not have the new port")
	}
}

func TestFlowRollbackFromDetail(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/postgres"
	stages := h.labelsNow(name)
	cur, prev := common.LabelHolder(stages, aws.LabelCurrent), common.LabelHolder(stages, aws.LabelPrevious)
	h.openFromList(name)
	h.press(h.app.env.Keys.Detail.Rollback)
	waitForText(h, "AWSCURRENT moves to version "+prev)
	assertNoValues(h, h.screen())
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("Rolled back " + name)
	h.waitUntil("the detail again", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
	h.versionsScreenShows(map[string]string{prev: "AWSCURRENT", cur: "AWSPREVIOUS"})
}

func TestFlowRotateFromDetailAndWatchLabels(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/postgres"
	old := common.LabelHolder(h.labelsNow(name), aws.LabelCurrent)
	h.openFromList(name)
	h.press(h.app.env.Keys.Detail.Rotate)
	waitForText(h, "What will happen")
	h.press(h.app.env.Keys.Dialog.Yes)
	screen := waitForText(h, "Rotation complete")
	for _, step := range []string{"AWSPENDING appeared on version", "AWSCURRENT moved to version"} {
		if !strings.Contains(screen, step) {
			t.Fatalf("the follow did not show %q:\n%s", step, screen)
		}
	}
	stages := h.labelsNow(name)
	if common.LabelHolder(stages, aws.LabelCurrent) == old || common.LabelHolder(stages, aws.LabelPrevious) != old {
		t.Fatalf("labels after rotation: %v", stages)
	}
}

func TestFlowStuckRotationResolvedFromDetail(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/mysql-orders"
	pending, _, stuck := common.StrayPending(h.labelsNow(name))
	if !stuck {
		t.Fatal("seed: mysql-orders should be stuck")
	}
	h.openFromList(name)
	h.waitFor("Rotation stuck or in progress")
	if !strings.Contains(flat(h.screen()), "press o for the ways out") {
		t.Fatalf("the warning does not say which key resolves it:\n%s", h.screen())
	}
	h.press(h.app.env.Keys.Detail.Rotate) // opens the ways out, not a new rotation
	waitForText(h, "AWSPENDING is on version "+pending)
	h.press(h.app.env.Keys.Nav.Open) // remove the stray AWSPENDING
	waitForText(h, "Remove AWSPENDING from version "+pending)
	h.press(h.app.env.Keys.Dialog.Yes)
	resolved := waitForText(h, "No stuck rotation")
	if strings.Contains(resolved, "Ways out") || !strings.Contains(flat(resolved), "Nothing to resolve") {
		t.Errorf("the stuck screen still offers ways out of a resolved rotation:\n%s", resolved)
	}
	if n := h.emu.Requests("RotateSecret"); n != 0 {
		t.Fatalf("RotateSecret called %d times while resolving", n)
	}
	h.press(h.app.env.Keys.Common.Back)
	h.waitUntil("the detail without the warning", func(s string) bool {
		_, ok := h.app.top().(*secret.Detail)
		return ok && !strings.Contains(s, "Rotation stuck")
	})
}

func TestFlowDeleteSevenDaysFromListThenRestore(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	k := h.app.env.Keys
	const name = "dev/api/sendgrid"
	h.press(k.List.Filter)
	h.typeText(name)
	h.press(k.Input.Submit)
	h.waitUntil("row selected", func(string) bool {
		r := listOf(h).Table.Selected()
		return r != nil && r.Name() == name
	})
	h.press(k.Common.Delete)
	h.waitFor("How?")
	h.press(k.Nav.Open) // schedule with a recovery window
	waitForText(h, "Recovery window 30 days")
	for range 30 {
		h.press(k.Nav.Down)
	}
	waitForText(h, "Recovery window 7 days")
	h.typeText(name)
	h.press(k.Input.Submit)
	due := time.Now().UTC().AddDate(0, 0, 7).Format("2006-01-02")
	h.waitFor(name + ": AWS deletes it for good on " + due)

	// Hidden by default; shown once asked for, with the date AWS deletes it
	// (DeleteSecret returned it): the list, the detail and the restore
	// dialog say the same date.
	h.press(k.List.ShowDeleted)
	h.waitUntil("the deleted secret listed", func(s string) bool {
		return strings.Contains(lineWith(s, name), "deleting")
	})
	if line := lineWith(h.screen(), name); !strings.Contains(line, "deleting "+due) {
		t.Errorf("the list row does not say when AWS deletes it (%s): %q", due, line)
	}
	h.press(k.Nav.Open)
	s := h.waitFor("Scheduled for deletion")
	if !strings.Contains(flat(s), "AWS deletes it for good on "+due) {
		t.Errorf("the detail does not say when AWS deletes it (%s):\n%s", due, s)
	}
	h.press(k.Common.Restore)
	s = waitForText(h, "Cancel the scheduled deletion of "+name)
	if !strings.Contains(flat(s), "AWS deletes it for good on "+due) {
		t.Errorf("the restore dialog does not say when AWS deletes it (%s):\n%s", due, s)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Restored " + name)
	if !describeNow(h, connectStore(h, "us-east-1"), name).DeletedDate.IsZero() {
		t.Fatal("still scheduled for deletion")
	}
}

// In read-only mode no screen offers a way to change anything, and pressing
// every mutating key anywhere sends no write to AWS.
func TestFlowReadOnlyOffersNoWayToChangeAnything(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, func(o *Options) { o.ReadOnly = true })
	k := h.app.env.Keys
	mutating := k.Mutating()
	pressAll := func(where string) {
		t.Helper()
		h.press(k.Common.Help) // full help on
		help := h.app.helpView() + "\n" + h.app.top().View()
		h.press(k.Common.Help) // full help off
		for _, b := range mutating {
			if hk := b.Help().Key + " " + b.Help().Desc; strings.Contains(help, hk) {
				t.Errorf("%s: the help offers %q in read-only mode", where, hk)
			}
		}
		top := h.app.top()
		for _, b := range mutating {
			for _, kk := range b.Keys() {
				h.send(keyPress(kk))
				if h.app.top() != top {
					t.Errorf("%s: key %q opened %s in read-only mode", where, kk, h.app.top().Title())
					h.press(k.Common.Back)
				}
			}
		}
	}
	pressAll("list")
	h.openFromList("prod/db/postgres")
	pressAll("detail")
	h.press(k.Detail.Versions)
	h.waitUntil("versions", func(string) bool { v, ok := h.app.top().(*secret.Versions); return ok && v.Loaded })
	pressAll("versions")
	h.press(k.Common.Back)
	h.press(k.Detail.Value)
	h.waitValue()
	pressAll("value")

	for _, op := range []string{"PutSecretValue", "UpdateSecretVersionStage", "RotateSecret", "DeleteSecret",
		"RestoreSecret", "CreateSecret", "TagResource", "UntagResource", "CancelRotateSecret", "UpdateSecret"} {
		if n := h.emu.Requests(op); n != 0 {
			t.Errorf("%s called %d times in read-only mode", op, n)
		}
	}
}
