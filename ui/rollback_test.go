package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

func TestRollbackPostgres(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := writeHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	sec := describeNow(h, store, "prod/db/postgres")
	cur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	prev := common.LabelHolder(sec.VersionStages, aws.LabelPrevious)
	if cur == "" || prev == "" {
		t.Fatalf("seed: want AWSCURRENT and AWSPREVIOUS, got %v", sec.VersionStages)
	}

	openScreen(h, dialog.NewRollbackScreen(h.app.env, store, sec))
	screen := h.waitFor("What changes")
	for _, want := range []string{"AWSCURRENT moves to version " + prev, "password", "changed", common.MaskText} {
		if !strings.Contains(strings.ReplaceAll(screen, "\n", " "), want) && !strings.Contains(screen, want) {
			t.Fatalf("want %q on screen:\n%s", want, screen)
		}
	}
	assertNoValues(h, screen)
	for _, v := range jsonFieldValues(h) {
		if strings.Contains(screen, v) {
			t.Fatalf("value %d chars long shown while masked:\n%s", len(v), screen)
		}
	}

	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("Rolled back prod/db/postgres")
	after := describeNow(h, store, "prod/db/postgres")
	if got := common.LabelHolder(after.VersionStages, aws.LabelCurrent); got != prev {
		t.Fatalf("AWSCURRENT on %s, want %s (the old AWSPREVIOUS)", got, prev)
	}
	if got := common.LabelHolder(after.VersionStages, aws.LabelPrevious); got != cur {
		t.Fatalf("AWSPREVIOUS on %s, want %s (the version AWSCURRENT left)", got, cur)
	}
	if _, ok := topScreen(h).(*dialog.RollbackScreen); ok {
		t.Fatal("the rollback pane is still open after success")
	}
	var found bool
	for _, ev := range audit.all() {
		if ev.Action == "rollback" && ev.Outcome == "ok" {
			found = true
		}
	}
	if !found {
		t.Fatal("no rollback audit event")
	}
}

func TestRollbackRevealShowsValuesOnlyOnAsk(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	sec := describeNow(h, store, "prod/db/postgres")
	openScreen(h, dialog.NewRollbackScreen(h.app.env, store, sec))
	h.waitFor("values hidden")
	h.press(h.app.env.Keys.Common.Reveal)
	screen := h.waitFor("values SHOWN")
	if strings.Contains(screen, common.MaskText) {
		t.Fatalf("mask still shown after reveal:\n%s", screen)
	}
	h.press(h.app.env.Keys.Common.Reveal)
	h.waitFor("values hidden")
}

func TestRollbackRefusedWithoutPrevious(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	sec := describeNow(h, store, "prod/ssh/deploy-key")
	openScreen(h, dialog.NewRollbackScreen(h.app.env, store, sec))
	h.waitFor("no AWSPREVIOUS version")
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("%d values read for a refused rollback", n)
	}
}
