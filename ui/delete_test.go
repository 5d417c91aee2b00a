package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/pages/dialog"
)

func TestDeleteSevenDaysThenRestore(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := writeHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "dev/api/sendgrid"
	sum := describeNow(h, store, name).SecretSummary
	openScreen(h, dialog.NewDeleteScreen(h.app.env, store, sum))
	h.waitFor("How?")
	h.press(k.Nav.Open) // schedule, the first choice
	waitForText(h, "Recovery window 30 days")
	for range 30 {
		h.press(k.Nav.Down)
	}
	waitForText(h, "Recovery window 7 days")
	// The name guard: a wrong name keeps the deletion disabled.
	h.typeText("dev/api/sendgri")
	h.press(k.Input.Submit)
	waitForText(h, "the name does not match")
	if n := h.emu.Requests("DeleteSecret"); n != 0 {
		t.Fatalf("DeleteSecret called %d times with a wrong name", n)
	}
	h.typeText("d")
	h.press(k.Input.Submit)
	screen := h.waitFor(name + ": AWS deletes it for good on")
	want1 := time.Now().AddDate(0, 0, 7).UTC().Format("2006-01-02")
	want2 := time.Now().AddDate(0, 0, 7).Format("2006-01-02")
	if !strings.Contains(screen, want1) && !strings.Contains(screen, want2) {
		t.Fatalf("status does not say the deletion date (%s):\n%s", want1, screen)
	}
	after := describeNow(h, store, name)
	if after.DeletedDate.IsZero() {
		t.Fatal("not scheduled for deletion")
	}

	openScreen(h, dialog.NewRestoreScreen(h.app.env, store, after.SecretSummary))
	waitForText(h, "Cancel the scheduled deletion of "+name)
	h.press(k.Dialog.Yes)
	h.waitFor("Restored " + name)
	if !describeNow(h, store, name).DeletedDate.IsZero() {
		t.Fatal("still scheduled for deletion after restore")
	}
	var del, res bool
	for _, ev := range audit.all() {
		del = del || (ev.Action == "delete" && ev.Detail == "recovery window 7 days" && ev.Outcome == "ok")
		res = res || (ev.Action == "restore" && ev.Outcome == "ok")
	}
	if !del || !res {
		t.Fatalf("audit events: delete=%v restore=%v", del, res)
	}
}

func TestForceDeleteIsASeparateChoice(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "dev/app/jwt-signing-key"
	sum := describeNow(h, store, name).SecretSummary
	openScreen(h, dialog.NewDeleteScreen(h.app.env, store, sum))
	h.waitFor("How?")
	h.press(k.Nav.Down)
	h.press(k.Nav.Open)
	screen := waitForText(h, "It cannot be undone")
	if !strings.Contains(flat(screen), "no recovery window and no restore") {
		t.Fatalf("no strong warning:\n%s", screen)
	}
	h.press(k.Input.Submit)
	waitForText(h, "the name does not match")
	h.typeText(name)
	h.press(k.Input.Submit)
	h.waitFor("Deleted " + name + " for good")
	_, err := store.DescribeSecret(context.Background(), name)
	if aws.KindOf(err) != aws.KindNotFound {
		t.Fatalf("describe after force delete: %v", err)
	}
}

func TestScheduledDeleteNeverForces(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "staging/api/stripe"
	sum := describeNow(h, store, name).SecretSummary
	openScreen(h, dialog.NewDeleteScreen(h.app.env, store, sum))
	h.waitFor("How?")
	h.press(k.Nav.Open)
	h.typeText(name)
	h.press(k.Input.Submit)
	h.waitFor("AWS deletes it for good on")
	// Still there (restorable), with the default 30-day window.
	if describeNow(h, store, name).DeletedDate.IsZero() {
		t.Fatal("not scheduled")
	}
}

func TestRestoreRefusedWhenNotScheduled(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	sum := describeNow(h, store, "prod/api/stripe").SecretSummary
	openScreen(h, dialog.NewRestoreScreen(h.app.env, store, sum))
	waitForText(h, "is not scheduled for deletion")
	if n := h.emu.Requests("RestoreSecret"); n != 0 {
		t.Fatalf("RestoreSecret called %d times", n)
	}
}

func TestRestoreSeededScheduledSecret(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "legacy/reporting-db"
	sum := describeNow(h, store, name).SecretSummary
	openScreen(h, dialog.NewRestoreScreen(h.app.env, store, sum))
	waitForText(h, "Cancel the scheduled deletion of "+name)
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("Restored " + name)
	if !describeNow(h, store, name).DeletedDate.IsZero() {
		t.Fatal("still scheduled")
	}
}
