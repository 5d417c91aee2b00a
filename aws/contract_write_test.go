package aws

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// A put without stages moves AWSCURRENT to the new version and AWSPREVIOUS to
// the old current one; other labels stay where they are.
func TestContractPutMovesLabels(t *testing.T) {
	h := newHarness(t)
	id := "labels/put"
	a := h.create(id, "a")
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: "BLUE", ToVersion: a}); err != nil {
		t.Fatal(err)
	}
	b := h.put(id, "b")
	st := h.stages(id)
	if !sameLabels(st[b], LabelCurrent) || !sameLabels(st[a], LabelPrevious, "BLUE") {
		t.Fatalf("after first put: %v", st)
	}
	c := h.put(id, "c")
	st = h.stages(id)
	if !sameLabels(st[c], LabelCurrent) || !sameLabels(st[b], LabelPrevious) || !sameLabels(st[a], "BLUE") {
		t.Fatalf("after second put: %v", st)
	}
	if h.value(id, VersionRef{Stage: "BLUE"}) != "a" || h.value(id, VersionRef{}) != "c" {
		t.Error("values do not follow the labels")
	}
}

// With explicit stages AWSCURRENT moves only when listed.
func TestContractPutExplicitStages(t *testing.T) {
	h := newHarness(t)
	id := "labels/explicit"
	a := h.create(id, "a")
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("staged"), Stages: []string{"STAGED"}})
	if err != nil {
		t.Fatal(err)
	}
	if !sameLabels(res.Stages, "STAGED") {
		t.Errorf("result stages %v", res.Stages)
	}
	st := h.stages(id)
	if holder(st, LabelCurrent) != a || !sameLabels(st[res.VersionID], "STAGED") {
		t.Errorf("stages %v", st)
	}
}

func TestContractMoveLabel(t *testing.T) {
	h := newHarness(t)
	id := "labels/move"
	a := h.create(id, "a")
	b := h.put(id, "b")
	c := h.put(id, "c")
	// Moving AWSCURRENT needs FromVersion; AWS's message says so.
	err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelCurrent, ToVersion: a})
	e := wantKind(t, err, KindInvalidParameter)
	if !strings.Contains(e.Message, "RemoveFromVersionId") || !strings.Contains(e.Message, c) {
		t.Errorf("message %q does not explain RemoveFromVersionId", e.Message)
	}
	if holder(h.stages(id), LabelCurrent) != c {
		t.Fatal("a refused move changed AWSCURRENT")
	}
	// Rolling back: AWSCURRENT to a, AWSPREVIOUS to the version it left.
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelCurrent, ToVersion: a, FromVersion: c}); err != nil {
		t.Fatal(err)
	}
	st := h.stages(id)
	if !sameLabels(st[a], LabelCurrent) || !sameLabels(st[c], LabelPrevious) || len(st[b]) != 0 {
		t.Errorf("after rollback: %v", st)
	}
	if h.value(id, VersionRef{}) != "a" {
		t.Error("AWSCURRENT does not read the rolled-back value")
	}
	// A custom label: attach, then remove.
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: "GREEN", ToVersion: b}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(h.stages(id)[b], "GREEN") {
		t.Fatal("GREEN not attached")
	}
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: "GREEN", FromVersion: b}); err != nil {
		t.Fatal(err)
	}
	if holder(h.stages(id), "GREEN") != "" {
		t.Error("GREEN not removed")
	}
	// AWSCURRENT cannot simply be removed.
	err = h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelCurrent, FromVersion: a})
	wantKind(t, err, KindInvalidParameter)
	err = h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: "no/such", Label: "X", ToVersion: a})
	wantKind(t, err, KindNotFound)
}

func TestContractIdempotentPut(t *testing.T) {
	h := newHarness(t)
	id := "idem/put"
	h.create(id, "a")
	tok := "0123456789abcdef0123456789abcdef"
	in := PutValueInput{SecretID: id, Value: TextValue("b"), ClientRequestToken: tok}
	r1, err := h.st.PutValue(h.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := h.st.PutValue(h.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if r1.VersionID != tok || r2.VersionID != tok {
		t.Errorf("version ids %s, %s; want the token", r1.VersionID, r2.VersionID)
	}
	if n := len(h.versions(id)); n != 2 {
		t.Errorf("%d versions after a repeated put, want 2", n)
	}
	in.Value = TextValue("different")
	_, err = h.st.PutValue(h.ctx, in)
	wantKind(t, err, KindExists)
	if h.value(id, VersionRef{ID: tok}) != "b" {
		t.Error("the token's version changed")
	}
}

// A write whose response is lost is retried by the SDK with the same token:
// exactly one version is created.
func TestContractDroppedResponseCreatesOneVersion(t *testing.T) {
	h := newHarness(t)
	id := "idem/dropped"
	a := h.create(id, "a")
	h.srv.InjectFault(emulator.Fault{Op: "PutSecretValue", DropResponse: true, Times: 1})
	before := h.srv.Requests("PutSecretValue")
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a})
	if err != nil {
		t.Fatalf("put with a dropped response: %v", err)
	}
	if n := h.srv.Requests("PutSecretValue") - before; n != 2 {
		t.Errorf("%d PutSecretValue requests, want 2 (the dropped one and the retry)", n)
	}
	vs := h.versions(id)
	if len(vs) != 2 {
		t.Fatalf("%d versions, want exactly 2: %+v", len(vs), vs)
	}
	if holder(h.stages(id), LabelCurrent) != res.VersionID || h.value(id, VersionRef{}) != "b" {
		t.Error("the new version is not current")
	}
}

// Another writer between load and put: refused, nothing overwritten, every
// version intact; the refused version exists but carries no label.
func TestContractConflict(t *testing.T) {
	h := newHarness(t)
	id := "conflict/x"
	loaded := h.create(id, "mine-before")
	theirs := h.put(id, "theirs")
	_, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("mine-after"), ExpectCurrent: loaded})
	e := wantKind(t, err, KindConflict)
	if !strings.Contains(e.Message, loaded) || !strings.Contains(e.Message, theirs) {
		t.Errorf("message %q does not name both versions", e.Message)
	}
	if e.Hint != "reload the secret and re-apply your edit" || e.SecretID != id || !e.Unsaved {
		t.Errorf("error %+v", e)
	}
	c := e.Conflict
	if c == nil || c.Expected != loaded || c.Current != theirs || c.CurrentCreated.IsZero() || c.Attempted == "" {
		t.Fatalf("conflict details %+v", c)
	}
	if strings.Contains(err.Error(), "mine-after") {
		t.Error("the conflict error shows the value")
	}
	vs := h.versions(id)
	if n := len(vs); n != 3 {
		t.Errorf("%d versions, want 3 (the refused one unlabelled)", n)
	}
	for _, v := range vs {
		if v.ID == c.Attempted && len(v.Stages) != 0 {
			t.Errorf("the refused version keeps labels %v", v.Stages)
		}
	}
	if h.value(id, VersionRef{}) != "theirs" || h.value(id, VersionRef{ID: loaded}) != "mine-before" {
		t.Error("a version changed")
	}
	// Loading again and re-applying works.
	if _, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("mine-after"), ExpectCurrent: theirs}); err != nil {
		t.Fatal(err)
	}
}

// A retry of our own successful guarded write (same token) is not a conflict.
func TestContractConflictRetryOfOwnWrite(t *testing.T) {
	h := newHarness(t)
	id := "conflict/retry"
	a := h.create(id, "a")
	in := PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a, ClientRequestToken: "fedcba9876543210fedcba9876543210"}
	r1, err := h.st.PutValue(h.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := h.st.PutValue(h.ctx, in)
	if err != nil {
		t.Fatalf("retry of our own write: %v", err)
	}
	if r2.VersionID != r1.VersionID || !slices.Contains(r2.Stages, LabelCurrent) {
		t.Errorf("retry returned %+v, want %+v", r2, r1)
	}
	if n := len(h.versions(id)); n != 2 {
		t.Errorf("%d versions, want 2", n)
	}
	in.Value = TextValue("other")
	_, err = h.st.PutValue(h.ctx, in)
	wantKind(t, err, KindExists)
}

func TestContractCreateSecret(t *testing.T) {
	h := newHarness(t)
	sum, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "app/new", Description: "a new one",
		KmsKeyID: "alias/custom", Tags: []Tag{{Key: "team", Value: "core"}}, Value: TextValue(`{"k":"v"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Name != "app/new" || sum.Description != "a new one" || sum.KmsKeyID != "alias/custom" || sum.ARN == "" ||
		!slices.Equal(sum.Tags, []Tag{{Key: "team", Value: "core"}}) || sum.CreatedDate.IsZero() {
		t.Errorf("summary %+v", sum)
	}
	if len(sum.VersionStages) != 1 || currentVersion(sum.VersionStages) == "" {
		t.Errorf("stages %v", sum.VersionStages)
	}
	_, err = h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "app/new", Value: TextValue("x")})
	wantKind(t, err, KindExists)
	empty, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "app/empty"})
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.VersionStages) != 0 {
		t.Errorf("a secret created without a value has versions %v", empty.VersionStages)
	}
	_, err = h.st.GetValue(h.ctx, "app/empty", VersionRef{})
	if k := KindOf(err); k != KindNotFound && k != KindInvalidRequest {
		t.Errorf("reading a secret with no value: %v", err)
	}
}

// Some checks only the service makes; they come back as KindInvalidParameter
// with AWS's message.
func TestContractServerSideInvalidParameter(t *testing.T) {
	h := newHarness(t)
	id := "server/checks"
	h.create(id, "a")
	_, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("")})
	e := wantKind(t, err, KindInvalidParameter)
	if e.Err == nil {
		t.Error("a server-side refusal has no underlying SDK error")
	}
	_, err = h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:f",
		Rules: &RotationRules{AutomaticallyAfterDays: 7, Duration: "30h"}})
	e = wantKind(t, err, KindInvalidParameter)
	if !strings.Contains(e.Message, "Duration") {
		t.Errorf("message %q", e.Message)
	}
}

func TestContractUpdateSecret(t *testing.T) {
	h := newHarness(t)
	id := "update/x"
	h.create(id, "a")
	desc, key := "new words", "alias/other"
	if err := h.st.UpdateSecret(h.ctx, UpdateSecretInput{SecretID: id, Description: &desc, KmsKeyID: &key}); err != nil {
		t.Fatal(err)
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil || sec.Description != desc || sec.KmsKeyID != key {
		t.Errorf("after update: %+v %v", sec.SecretSummary, err)
	}
	if n := len(h.versions(id)); n != 1 {
		t.Errorf("a metadata update created versions: %d", n)
	}
	err = h.st.UpdateSecret(h.ctx, UpdateSecretInput{SecretID: "no/such", Description: &desc})
	wantKind(t, err, KindNotFound)
}

func TestContractDeleteRestore(t *testing.T) {
	h := newHarness(t)
	id := "delete/x"
	h.create(id, "a")
	// Window rules are checked before anything is sent.
	for _, in := range []DeleteSecretInput{{SecretID: id, RecoveryWindowDays: 6}, {SecretID: id, RecoveryWindowDays: 31},
		{SecretID: id, RecoveryWindowDays: 7, Force: true}} {
		_, err := h.st.DeleteSecret(h.ctx, in)
		wantKind(t, err, KindInvalidParameter)
	}
	if n := h.srv.Requests("DeleteSecret"); n != 0 {
		t.Fatalf("invalid deletions sent %d requests", n)
	}
	start := time.Now()
	when, err := h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id, RecoveryWindowDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	if d := when.Sub(start); d < 7*24*time.Hour-time.Minute || d > 7*24*time.Hour+time.Minute {
		t.Errorf("deletion date %v is not 7 days away", when)
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil || sec.DeletedDate.IsZero() {
		t.Errorf("describe after delete: %+v %v", sec.DeletedDate, err)
	}
	_, err = h.st.GetValue(h.ctx, id, VersionRef{})
	e := wantKind(t, err, KindInvalidRequest)
	if !strings.Contains(e.Message, "marked for deletion") {
		t.Errorf("message %q", e.Message)
	}
	_, err = h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b")})
	wantKind(t, err, KindInvalidRequest)
	err = h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: "X", ToVersion: currentVersion(sec.VersionStages)})
	wantKind(t, err, KindInvalidRequest)
	all, _ := h.listAll(ListOptions{})
	if slices.Contains(names(all), id) {
		t.Error("listed while scheduled for deletion")
	}
	if err := h.st.RestoreSecret(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	if h.value(id, VersionRef{}) != "a" {
		t.Error("value lost by delete and restore")
	}
	// The default window is 30 days.
	when, err = h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id})
	if err != nil {
		t.Fatal(err)
	}
	if d := when.Sub(start); d < 30*24*time.Hour-time.Minute || d > 30*24*time.Hour+time.Minute {
		t.Errorf("default deletion date %v is not 30 days away", when)
	}
	if err := h.st.RestoreSecret(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	// Forced deletion removes it at once.
	if _, err := h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id, Force: true}); err != nil {
		t.Fatal(err)
	}
	_, err = h.st.DescribeSecret(h.ctx, id)
	wantKind(t, err, KindNotFound)
	err = h.st.RestoreSecret(h.ctx, "no/such")
	wantKind(t, err, KindNotFound)
}

func TestContractTags(t *testing.T) {
	h := newHarness(t)
	id := "tags/x"
	h.create(id, "a")
	if err := h.st.TagSecret(h.ctx, id, []Tag{{Key: "team", Value: "a"}, {Key: "env", Value: "dev"}}); err != nil {
		t.Fatal(err)
	}
	if err := h.st.TagSecret(h.ctx, id, []Tag{{Key: "team", Value: "b"}}); err != nil {
		t.Fatal(err)
	}
	sec, _ := h.st.DescribeSecret(h.ctx, id)
	if !slices.Contains(sec.Tags, Tag{Key: "team", Value: "b"}) || !slices.Contains(sec.Tags, Tag{Key: "env", Value: "dev"}) || len(sec.Tags) != 2 {
		t.Errorf("tags %v", sec.Tags)
	}
	if err := h.st.UntagSecret(h.ctx, id, []string{"team"}); err != nil {
		t.Fatal(err)
	}
	sec, _ = h.st.DescribeSecret(h.ctx, id)
	if !slices.Equal(sec.Tags, []Tag{{Key: "env", Value: "dev"}}) {
		t.Errorf("tags after untag %v", sec.Tags)
	}
	err := h.st.TagSecret(h.ctx, "no/such", []Tag{{Key: "k", Value: "v"}})
	wantKind(t, err, KindNotFound)
}
