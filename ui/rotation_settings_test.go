package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

func TestParseSchedule(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in      string
		days    int64
		expr    string
		errPart string
	}{
		{in: "30", days: 30},
		{in: " 1000 ", days: 1000},
		{in: "0", errPart: "1 to 1000"},
		{in: "1001", errPart: "1 to 1000"},
		{in: "rate(12 hours)", expr: "rate(12 hours)"},
		{in: "rate(2 hours)", errPart: "between 4 hours"},
		{in: "rate(1001 days)", errPart: "between 4 hours"},
		{in: "rate(5 weeks)", errPart: "rate(N days)"},
		{in: "cron(0 4 ? * SUN *)", expr: "cron(0 4 ? * SUN *)"},
		{in: "cron(0 4 * *)", errPart: "6 fields"},
		{in: "weekly", errPart: "number of days"},
		{in: "", errPart: "enter a number"},
	} {
		r, err := dialog.ParseSchedule(c.in)
		if c.errPart != "" {
			if !strings.Contains(err, c.errPart) {
				t.Errorf("parseSchedule(%q) error %q, want it to mention %q", c.in, err, c.errPart)
			}
			continue
		}
		if err != "" || r.AutomaticallyAfterDays != c.days || r.ScheduleExpression != c.expr {
			t.Errorf("parseSchedule(%q) = %+v, %q", c.in, r, err)
		}
	}
	for in, ok := range map[string]bool{"": true, "3h": true, "24h": true, "0h": false, "25h": false, "3 hours": false} {
		if got := dialog.CheckWindow(in) == ""; got != ok {
			t.Errorf("checkWindow(%q) ok=%v, want %v", in, got, ok)
		}
	}
	for in, ok := range map[string]bool{
		"arn:aws:lambda:us-east-1:123456789012:function:Rot":        true,
		"arn:aws-cn:lambda:cn-north-1:123456789012:function:R:live": true,
		"arn:aws:lambda:us-east-1:1234:function:Rot":                false,
		"arn:aws:iam::123456789012:role/x":                          false,
		"":                                                          false,
	} {
		if got := dialog.CheckLambdaARN(in, false) == ""; got != ok {
			t.Errorf("checkLambdaARN(%q) ok=%v, want %v", in, got, ok)
		}
	}
	if dialog.CheckLambdaARN("", true) != "" {
		t.Error("an empty ARN is fine for managed rotation")
	}
}

func TestRotationSettingsValidatedThenApplied(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := writeHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	sec := describeNow(h, store, name)
	if sec.RotationEnabled {
		t.Fatal("seed: stripe should have no rotation")
	}
	before := sec.VersionStages
	k := h.app.env.Keys
	openScreen(h, dialog.NewRotationSettingsScreen(h.app.env, store, sec))
	h.waitFor("Rotation is off")
	tabTo := func(n int) {
		for range n {
			h.press(k.Dialog.Switch)
		}
	}
	tabTo(4) // lambda, schedule, window, rotate now, [Turn rotation on]
	h.press(k.Input.Submit)
	waitForText(h, "enter the rotation function's ARN")
	h.typeText("arn:aws:lambda:us-east-1:123456789012:function:StripeRotation")
	h.press(k.Input.Submit) // to the schedule
	h.send(keyPress("ctrl+u"))
	h.typeText("rate(2 hours)")
	tabTo(3)
	h.press(k.Input.Submit)
	waitForText(h, "between 4 hours and 1000 days")
	h.send(keyPress("ctrl+u"))
	h.typeText("45")
	h.press(k.Input.Submit) // to the window
	h.typeText("25h")
	tabTo(2)
	h.press(k.Input.Submit)
	waitForText(h, "the window must be 1h to 24h")
	h.send(keyPress("ctrl+u"))
	h.typeText("3h")
	tabTo(2)
	h.press(k.Input.Submit)
	if n := h.emu.Requests("RotateSecret"); n != 0 {
		t.Fatalf("%d RotateSecret calls while the form was invalid", n)
	}
	waitForText(h, "every 45 days, window 3h")
	waitForText(h, "Nothing rotates now")
	h.press(k.Dialog.Yes)
	h.waitFor("Rotation of prod/api/stripe is on")
	after := describeNow(h, store, name)
	if !after.RotationEnabled || after.RotationRules.AutomaticallyAfterDays != 45 || after.RotationRules.Duration != "3h" ||
		after.RotationLambdaARN != "arn:aws:lambda:us-east-1:123456789012:function:StripeRotation" {
		t.Fatalf("after apply: enabled=%v rules=%+v lambda=%s", after.RotationEnabled, after.RotationRules, after.RotationLambdaARN)
	}
	if common.LabelHolder(after.VersionStages, aws.LabelCurrent) != common.LabelHolder(before, aws.LabelCurrent) {
		t.Fatal("AWSCURRENT moved although rotate now was not ticked")
	}
	var ok bool
	for _, ev := range audit.all() {
		ok = ok || (ev.Action == "rotation-settings" && ev.Outcome == "ok")
	}
	if !ok {
		t.Fatal("no rotation-settings audit event")
	}
}

func TestRotationSettingsTurnOff(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	openScreen(h, dialog.NewCancelRotationScreen(h.app.env, store, sec))
	waitForText(h, "Turn automatic rotation off for "+name)
	// Destructive: enter on the focused Cancel changes nothing.
	h.press(h.app.env.Keys.Input.Submit)
	if h.emu.Requests("CancelRotateSecret") != 0 {
		t.Fatal("enter on Cancel turned rotation off")
	}
	openScreen(h, dialog.NewCancelRotationScreen(h.app.env, store, sec))
	waitForText(h, "Turn automatic rotation off for "+name)
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("Automatic rotation of " + name + " is off")
	if describeNow(h, store, name).RotationEnabled {
		t.Fatal("rotation still on")
	}
}

func TestRotationSettingsRefusesConcurrentChange(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	openScreen(h, dialog.NewCancelRotationScreen(h.app.env, store, sec))
	waitForText(h, "Turn automatic rotation off")
	// Someone else changes the schedule meanwhile.
	ctx, cancel := h.app.env.Context()
	defer cancel()
	no := false
	if _, err := store.RotateSecret(ctx, aws.RotateInput{SecretID: name, Rules: &aws.RotationRules{AutomaticallyAfterDays: 7}, RotateImmediately: &no}); err != nil {
		t.Fatal(err)
	}
	h.press(h.app.env.Keys.Dialog.Yes)
	waitForText(h, "someone changed the rotation settings")
	if !describeNow(h, store, name).RotationEnabled {
		t.Fatal("rotation turned off despite the concurrent change")
	}
}
