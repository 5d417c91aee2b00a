package ui

import (
	"context"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// The app calls a rotation stuck exactly when AWS would refuse a new one:
// AWSPENDING on a version other than AWSCURRENT. It follows AWS's label rule
// for a plain put (recorded): the version the put demotes to AWSPREVIOUS
// loses AWSPENDING, so a finished manual rotation does not look stuck.
func TestStuckCheckAgreesWithAWSLabelRule(t *testing.T) {
	t.Parallel()
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:Rotate"
	h := newHarness(t, 100, 30, emulator.Options{LambdaFunctions: []string{fn}}, nil)
	store := connectStore(h, "us-east-1")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	const name = "labels/manual-rotation"
	sum, err := store.CreateSecret(ctx, aws.CreateSecretInput{Name: name, Value: aws.TextValue("v0")})
	if err != nil {
		t.Fatal(err)
	}
	v0 := common.CurrentVersion(sum.VersionStages)
	// refused reports whether Secrets Manager refuses a new rotation.
	later := false
	refused := func() bool {
		_, err := store.RotateSecret(ctx, aws.RotateInput{SecretID: name, LambdaARN: fn, RotateImmediately: &later,
			Rules: &aws.RotationRules{AutomaticallyAfterDays: 30}})
		return err != nil
	}
	check := func(step string, wantStuck bool) {
		t.Helper()
		sec := describeNow(h, store, name)
		_, _, stuck := common.StrayPending(sec.VersionStages)
		if stuck != wantStuck || (table.RotationOf(sec.SecretSummary, time.Now()) == table.RotationStuck) != wantStuck {
			t.Fatalf("%s: app says stuck=%v (%v), want %v", step, stuck, sec.VersionStages, wantStuck)
		}
		if r := refused(); r != wantStuck {
			t.Fatalf("%s: Secrets Manager refuses a new rotation: %v, but the app says stuck=%v", step, r, stuck)
		}
	}

	res, err := store.PutValue(ctx, aws.PutValueInput{SecretID: name, Value: aws.TextValue("v1"), Stages: []string{aws.LabelPending}})
	if err != nil {
		t.Fatal(err)
	}
	check("AWSPENDING on a new version", true)
	if err := store.MoveLabel(ctx, aws.MoveLabelInput{SecretID: name, Label: aws.LabelCurrent, ToVersion: res.VersionID, FromVersion: v0}); err != nil {
		t.Fatal(err)
	}
	check("AWSCURRENT moved onto the AWSPENDING version", false)
	if _, err := store.PutValue(ctx, aws.PutValueInput{SecretID: name, Value: aws.TextValue("v2")}); err != nil {
		t.Fatal(err)
	}
	sec := describeNow(h, store, name)
	if ls := sec.VersionStages[res.VersionID]; len(ls) != 1 || ls[0] != aws.LabelPrevious {
		t.Fatalf("the demoted version has %v, want [AWSPREVIOUS]", ls)
	}
	check("a plain put after the move", false)
}
