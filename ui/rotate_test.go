package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// rotateHarness slows the emulator's rotation steps so the follow sees them.
func rotateHarness(t *testing.T, mod func(*Options)) *harness {
	t.Helper()
	return newHarness(t, 100, 40, emulator.Options{Seed: true, RotationStepDelay: 60 * time.Millisecond}, mod)
}

func TestRotateNowFollowsToCompletion(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := rotateHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	oldCur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	r := dialog.NewRotateScreen(h.app.env, store, sec)
	r.Interval = 15 * time.Millisecond
	openScreen(h, r)
	screen := waitForText(h, "What will happen")
	for _, want := range []string{"SecretsManagerPostgresRotation", "rate(30 days)", oldCur, "AWSPENDING", "becomes AWSPREVIOUS"} {
		if !strings.Contains(flat(screen), want) {
			t.Fatalf("confirmation lacks %q:\n%s", want, screen)
		}
	}
	h.press(h.app.env.Keys.Dialog.Yes)
	screen = waitForText(h, "Rotation complete")
	// The title says it is done, not still going.
	if !strings.Contains(screen, "│ Rotated "+name) || strings.Contains(screen, "│ Rotating ") {
		t.Errorf("the title after completion is not 'Rotated %s':\n%s", name, screen)
	}
	if !strings.Contains(screen, "AWSPENDING appeared on version") || !strings.Contains(screen, "AWSCURRENT moved to version") {
		t.Fatalf("steps not shown:\n%s", screen)
	}
	after := describeNow(h, store, name)
	newCur := common.LabelHolder(after.VersionStages, aws.LabelCurrent)
	if newCur != r.NewVersion || newCur == oldCur {
		t.Fatalf("AWSCURRENT on %s; want the rotation's version %s", newCur, r.NewVersion)
	}
	if r.NewVersion != r.Token {
		t.Fatalf("the rotation's version %s is not the dialog's token %s", r.NewVersion, r.Token)
	}
	if got := common.LabelHolder(after.VersionStages, aws.LabelPrevious); got != oldCur {
		t.Fatalf("AWSPREVIOUS on %s, want %s", got, oldCur)
	}
	var started, completed bool
	for _, ev := range audit.all() {
		started = started || (ev.Action == "rotate" && ev.Detail == "started" && ev.Outcome == "ok")
		completed = completed || (ev.Action == "rotate" && ev.Detail == "completed")
	}
	if !started || !completed {
		t.Fatalf("audit: started=%v completed=%v", started, completed)
	}
	assertNoValues(h, h.screen())
}

func TestRotateFailureReportedStuck(t *testing.T) {
	t.Parallel()
	h := rotateHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	oldCur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	h.emu.FailRotation(name, "testSecret")
	r := dialog.NewRotateScreen(h.app.env, store, sec)
	r.Interval = 15 * time.Millisecond
	r.Timeout = 400 * time.Millisecond
	openScreen(h, r)
	waitForText(h, "What will happen")
	h.press(h.app.env.Keys.Dialog.Yes)
	screen := waitForText(h, "Rotation failed")
	if !strings.Contains(screen, "│ Rotation failed: "+name) || strings.Contains(screen, "│ Rotating ") {
		t.Errorf("the title after a failure is not 'Rotation failed: %s':\n%s", name, screen)
	}
	if !strings.Contains(flat(screen), "Stuck: AWSPENDING has been on version") {
		t.Fatalf("failure not explained as stuck:\n%s", screen)
	}
	if got := holderIn(h, store, name, aws.LabelCurrent); got != oldCur {
		t.Fatalf("AWSCURRENT moved to %s after a failed rotation", got)
	}
	h.press(h.app.env.Keys.Nav.Open)
	waitForText(h, "is in progress or stuck")
	if _, ok := topScreen(h).(*dialog.StuckRotationScreen); !ok {
		t.Fatalf("enter did not open the stuck-rotation screen: %T", topScreen(h))
	}
}

func TestRotateRefusesWhenStuck(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	sec := describeNow(h, store, "prod/db/mysql-orders")
	openScreen(h, dialog.NewRotateScreen(h.app.env, store, sec))
	waitForText(h, "already in progress or stuck")
	if n := h.emu.Requests("RotateSecret"); n != 0 {
		t.Fatalf("%d RotateSecret calls", n)
	}
}

func TestRotateRetryUsesSameToken(t *testing.T) {
	t.Parallel()
	h := rotateHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	remove := h.emu.InjectFault(emulator.Fault{Op: "RotateSecret", Error: "AccessDeniedException", Times: 1})
	defer remove()
	r := dialog.NewRotateScreen(h.app.env, store, sec)
	r.Interval = 15 * time.Millisecond
	openScreen(h, r)
	waitForText(h, "What will happen")
	token := r.Token
	h.press(h.app.env.Keys.Dialog.Yes)
	waitForText(h, "access denied")
	if r.Phase != dialog.RotConfirm {
		t.Fatalf("the dialog closed after an error (phase %d)", r.Phase)
	}
	h.press(h.app.env.Keys.Dialog.Yes)
	waitForText(h, "Rotation complete")
	if r.NewVersion != token {
		t.Fatalf("retry used another token: %s vs %s", r.NewVersion, token)
	}
}

func TestStuckRotationResolvedByRemovingPending(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/mysql-orders"
	sec := describeNow(h, store, name)
	pending, cur, stuck := common.StrayPending(sec.VersionStages)
	if !stuck {
		t.Fatalf("seed: %s should be stuck: %v", name, sec.VersionStages)
	}
	k := h.app.env.Keys
	openScreen(h, dialog.NewStuckRotationScreen(h.app.env, store, sec))
	screen := waitForText(h, "AWSPENDING is on version "+pending)
	if !strings.Contains(flat(screen), "AWSCURRENT is still on version "+cur) {
		t.Fatalf("explanation incomplete:\n%s", screen)
	}
	h.press(k.Nav.Open) // remove the stray AWSPENDING
	waitForText(h, "Remove AWSPENDING from version "+pending)
	h.press(k.Dialog.Yes)
	resolved := flat(waitForText(h, "No stuck rotation"))
	if !strings.Contains(resolved, "none is stuck: no version other than the current one (AWSCURRENT) carries the AWSPENDING label") {
		t.Errorf("the resolved screen does not say plainly why there is nothing to do:\n%s", resolved)
	}
	after := describeNow(h, store, name)
	if p := common.LabelHolder(after.VersionStages, aws.LabelPending); p != "" {
		t.Fatalf("AWSPENDING still on %s", p)
	}
	if c := common.LabelHolder(after.VersionStages, aws.LabelCurrent); c != cur {
		t.Fatalf("AWSCURRENT moved to %s", c)
	}
}

func TestStuckRotationCancel(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/mysql-orders"
	sec := describeNow(h, store, name)
	pending, _, _ := common.StrayPending(sec.VersionStages)
	k := h.app.env.Keys
	openScreen(h, dialog.NewStuckRotationScreen(h.app.env, store, sec))
	waitForText(h, "is in progress or stuck")
	h.press(k.Nav.Down)
	h.press(k.Nav.Open)
	waitForText(h, "AWSPENDING stays on version "+pending)
	h.press(k.Dialog.Yes)
	waitForText(h, "Automatic rotation is off. AWSPENDING is still on version "+pending)
	after := describeNow(h, store, name)
	if after.RotationEnabled {
		t.Fatal("rotation still enabled after cancel")
	}
	if after.RotationLambdaARN == "" {
		t.Fatal("the Lambda ARN was dropped")
	}
	// The cancel way is now disabled; removing AWSPENDING finishes the job.
	h.press(k.Nav.Up)
	h.press(k.Nav.Open)
	waitForText(h, "Remove AWSPENDING")
	h.press(k.Dialog.Yes)
	waitForText(h, "No stuck rotation")
}
