package aws

import (
	"slices"
	"testing"
	"time"
)

const testLambda = "arn:aws:lambda:us-east-1:123456789012:function:Rotate"

// waitCurrent polls ListVersions until AWSCURRENT is on version id.
func (h *harness) waitCurrent(id, version string) {
	h.t.Helper()
	eventually(h.t, 5*time.Second, "AWSCURRENT to move to "+version, func() bool {
		for _, v := range h.versions(id) {
			if v.ID == version {
				return slices.Contains(v.Stages, LabelCurrent)
			}
		}
		return false
	})
}

func TestContractRotation(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "rotate/ok"
	old := h.create(id, "before")
	newID, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda,
		Rules: &RotationRules{AutomaticallyAfterDays: 30}})
	if err != nil {
		t.Fatal(err)
	}
	if newID == "" || newID == old {
		t.Fatalf("RotateSecret returned version %q", newID)
	}
	h.waitCurrent(id, newID)
	st := h.stages(id)
	if !sameLabels(st[newID], LabelCurrent) || !sameLabels(st[old], LabelPrevious) || holder(st, LabelPending) != "" {
		t.Errorf("after rotation: %v", st)
	}
	if h.value(id, VersionRef{}) == "before" {
		t.Error("rotation did not change the value")
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !sec.RotationEnabled || sec.RotationLambdaARN != testLambda || sec.RotationRules.AutomaticallyAfterDays != 30 ||
		sec.LastRotatedDate.IsZero() || sec.NextRotationDate.IsZero() {
		t.Errorf("rotation metadata %+v", sec.SecretSummary)
	}
	// A second rotation with the stored configuration.
	second, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id})
	if err != nil {
		t.Fatal(err)
	}
	h.waitCurrent(id, second)
}

// A failed rotation leaves AWSPENDING on a version other than AWSCURRENT; a
// new rotation is refused until the stray label is removed.
func TestContractRotationStuck(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "rotate/stuck"
	cur := h.create(id, "before")
	h.srv.FailRotation(id, "testSecret")
	pending, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "AWSPENDING on the new version", func() bool {
		return holder(h.stages(id), LabelPending) == pending
	})
	time.Sleep(50 * time.Millisecond) // past the failing step's delay
	st := h.stages(id)
	if holder(st, LabelCurrent) != cur || holder(st, LabelPending) != pending {
		t.Fatalf("stuck state: %v", st)
	}
	_, err = h.st.RotateSecret(h.ctx, RotateInput{SecretID: id})
	e := wantKind(t, err, KindInvalidRequest)
	if e.Message == "" {
		t.Error("no message")
	}
	// The fix: remove the stray AWSPENDING, then rotate again.
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelPending, FromVersion: pending}); err != nil {
		t.Fatal(err)
	}
	again, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id})
	if err != nil {
		t.Fatalf("rotation after removing AWSPENDING: %v", err)
	}
	h.waitCurrent(id, again)
}

func TestContractSeededStuckRotation(t *testing.T) {
	h := newHarness(t, withSeed)
	id := "prod/db/mysql-orders"
	st := h.stages(id)
	pending, cur := holder(st, LabelPending), holder(st, LabelCurrent)
	if pending == "" || pending == cur {
		t.Fatalf("seeded secret is not stuck: %v", st)
	}
	_, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id})
	wantKind(t, err, KindInvalidRequest)
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelPending, FromVersion: pending}); err != nil {
		t.Fatal(err)
	}
	v, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id})
	if err != nil {
		t.Fatal(err)
	}
	h.waitCurrent(id, v)
}

func TestContractCancelRotation(t *testing.T) {
	h := newHarness(t, withSeed)
	id := "prod/db/postgres"
	before, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil || !before.RotationEnabled {
		t.Fatalf("seed: %+v %v", before.SecretSummary, err)
	}
	if err := h.st.CancelRotation(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	after, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if after.RotationEnabled || after.RotationLambdaARN != before.RotationLambdaARN {
		t.Errorf("after cancel: enabled=%v lambda=%q", after.RotationEnabled, after.RotationLambdaARN)
	}
	err = h.st.CancelRotation(h.ctx, "no/such")
	wantKind(t, err, KindNotFound)
}

// RotateImmediately=false only sets the schedule: no new version.
func TestContractRotateNotImmediately(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "rotate/later"
	h.create(id, "a")
	no := false
	if _, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda, RotateImmediately: &no,
		Rules: &RotationRules{ScheduleExpression: "rate(10 days)"}}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond)
	if n := len(h.versions(id)); n != 1 {
		t.Errorf("%d versions, want 1", n)
	}
	sec, _ := h.st.DescribeSecret(h.ctx, id)
	if !sec.RotationEnabled || sec.RotationRules.ScheduleExpression != "rate(10 days)" {
		t.Errorf("schedule not set: %+v", sec.RotationRules)
	}
}
