package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/secret"
)

// reviewOwner stands in for the value screen that asked for a review.
type reviewOwner struct{ _ int }

// loadForEdit reads a us-east-1 secret's AWSCURRENT value as the value
// screen would, and starts an edit session on it.
func (h *harness) loadForEdit(name string) (aws.Value, *secret.EditSession) {
	h.t.Helper()
	val, err := h.store("us-east-1").GetValue(context.Background(), name, aws.VersionRef{})
	if err != nil {
		h.t.Fatalf("get %s: %v", name, err)
	}
	_, jerr := jsonedit.Parse(val.Secret.Bytes())
	return val, secret.NewEditSession(val.Secret.Bytes(), jerr == nil)
}

// openReview pushes the review of a session's edits.
func (h *harness) openReview(val aws.Value, s *secret.EditSession, owner any) *secret.Review {
	h.t.Helper()
	req := secret.SaveRequest{
		Owner:    owner,
		Target:   aws.SecretRef{ARN: val.ARN, Name: val.Name, Region: "us-east-1"},
		LoadedID: val.VersionID, LoadedStages: val.Stages, ExpectCurrent: val.VersionID,
		Base: s.Base, Updated: s.Cur, IsJSON: s.JSON, Edits: len(s.Ops),
	}
	r := secret.NewReview(h.app.env, h.store("us-east-1"), req)
	h.send(common.PushScreenMsg{Screen: r})
	h.waitFor("Review and save " + val.Name)
	return r
}

// versions lists a secret's versions with their labels.
func (h *harness) versions(name string) []aws.Version {
	h.t.Helper()
	vs, err := h.store("us-east-1").ListVersions(context.Background(), name)
	if err != nil {
		h.t.Fatalf("list versions of %s: %v", name, err)
	}
	return vs
}

// stagesOf returns the labels of version id.
func stagesOf(vs []aws.Version, id string) []string {
	for _, v := range vs {
		if v.ID == id {
			return v.Stages
		}
	}
	return nil
}

func hasStage(vs []aws.Version, id, stage string) bool {
	for _, s := range stagesOf(vs, id) {
		if s == stage {
			return true
		}
	}
	return false
}

// currentID is the version that carries AWSCURRENT.
func currentID(vs []aws.Version) string {
	for _, v := range vs {
		for _, s := range v.Stages {
			if s == aws.LabelCurrent {
				return v.ID
			}
		}
	}
	return ""
}

// setPort edits port to text typed as kind, as the field editor would.
func setPort(t *testing.T, s *secret.EditSession, kind jsonedit.Kind, text string) {
	t.Helper()
	raw, err := jsonedit.ParseInput(kind, text)
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Keys("port"), Raw: raw})
}

func TestReviewIsMaskedUntilRevealed(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = audit })
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	mustApply(t, s, secret.EditOp{Kind: secret.OpAdd, Key: "sslmode", Raw: []byte(`"require"`)})
	h.openReview(val, s, &reviewOwner{})
	scr := h.screen()
	for _, want := range []string{"~ port", "+ sslmode", common.MaskText, "values hidden"} {
		if !strings.Contains(scr, want) {
			t.Errorf("review lacks %q:\n%s", want, scr)
		}
	}
	for _, secret := range []string{"6543", "5432", "require"} {
		if strings.Contains(scr, secret) {
			t.Errorf("masked review shows %q:\n%s", secret, scr)
		}
	}
	for _, v := range h.emu.SeedValues() {
		if len(v) > 6 && strings.Contains(scr, v) {
			t.Errorf("masked review shows a seeded value")
		}
	}
	h.press(h.app.env.Keys.Input.Reveal)
	scr = h.screen()
	for _, want := range []string{"5432", "6543", "require", "values SHOWN"} {
		if !strings.Contains(scr, want) {
			t.Errorf("revealed review lacks %q:\n%s", want, scr)
		}
	}
	h.press(h.app.env.Keys.Input.Reveal)
	if scr = h.screen(); strings.Contains(scr, "6543") {
		t.Errorf("masked again but shows the value:\n%s", scr)
	}
	if ev := audit.all(); len(ev) != 1 || ev[0].Action != "reveal" {
		t.Errorf("audit = %+v, want one reveal", ev)
	}
}

func TestReviewSaveCreatesNewCurrentVersion(t *testing.T) {
	t.Parallel()
	rec := &recordingAuditor{}
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = rec })
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	want := strings.Replace(val.Secret.Text(), `"port":5432`, `"port":6543`, 1)
	want = strings.Replace(want, `"port": 5432`, `"port": 6543`, 1)
	if want == val.Secret.Text() || string(s.Cur) != want {
		t.Fatalf("edit did not change only the port")
	}
	before := h.versions("prod/db/postgres")
	owner := &reviewOwner{}
	h.openReview(val, s, owner)
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("now AWSCURRENT")
	if _, ok := h.app.top().(*secret.Review); ok {
		t.Error("the review is still open after saving")
	}
	if got := h.emuValue("prod/db/postgres"); got != want {
		t.Errorf("saved value differs beyond the port:\n got %s\nwant %s", got, want)
	}
	after := h.versions("prod/db/postgres")
	if len(after) != len(before)+1 {
		t.Fatalf("%d versions, want %d", len(after), len(before)+1)
	}
	cur := currentID(after)
	if cur == val.VersionID || !hasStage(after, val.VersionID, aws.LabelPrevious) {
		t.Errorf("current %s; old version %s has %v, want AWSPREVIOUS", cur, val.VersionID, stagesOf(after, val.VersionID))
	}
	if !strings.Contains(h.screen(), "as version "+common.ShortID(cur)) {
		t.Errorf("status does not name the new version %s:\n%s", cur, h.screen())
	}
	var put []audit.Event
	for _, ev := range rec.all() {
		if ev.Action == "put-value" {
			put = append(put, ev)
		}
	}
	if len(put) != 1 || put[0].Outcome != "ok" || len(put[0].VersionIDs) != 2 ||
		put[0].VersionIDs[0] != cur || put[0].VersionIDs[1] != val.VersionID {
		t.Errorf("audit = %+v", put)
	}
	assertAuditClean(t, h, rec, "6543")
}

// assertAuditClean fails if any audit event holds a value: a seeded one, or
// one of extra (values the test typed).
func assertAuditClean(t *testing.T, h *harness, audit *recordingAuditor, extra ...string) {
	t.Helper()
	values := append(h.emu.SeedValues(), extra...)
	for _, ev := range audit.all() {
		text := strings.Join(append([]string{ev.Action, ev.Region, ev.SecretARN, ev.Outcome, ev.Detail}, ev.VersionIDs...), "\n")
		for _, v := range values {
			if len(v) >= 4 && strings.Contains(text, v) {
				t.Errorf("audit event %q holds a value", ev.Action)
			}
		}
		for _, field := range []string{"5432", "6543", "app_admin", "postgres\""} {
			if strings.Contains(ev.Detail, field) {
				t.Errorf("audit detail %q holds a value", ev.Detail)
			}
		}
	}
}

func TestReviewConflictRefusesAndOffersReapply(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	owner := &reviewOwner{}
	h.openReview(val, s, owner)
	// Another writer puts a version between load and save.
	other, err := h.store("us-east-1").PutValue(context.Background(), aws.PutValueInput{
		SecretID: val.ARN, Value: aws.TextValue(`{"rotated":true}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	puts := h.emu.Requests("PutSecretValue")
	before := h.versions("prod/db/postgres")
	h.press(h.app.env.Keys.Dialog.Yes)
	scr := h.waitFor("changed since you loaded it")
	if !strings.Contains(scr, "Reload & re-apply") || !strings.Contains(scr, "edits are kept") {
		t.Errorf("conflict pane:\n%s", scr)
	}
	if flat := strings.Join(strings.Fields(scr), " "); !strings.Contains(flat, "ersion "+common.ShortID(other.VersionID)+" (created ") ||
		!strings.Contains(flat, "became AWSCURRENT after you loaded") {
		t.Errorf("the conflict does not say who won:\n%s", scr)
	}
	// The compare-and-swap put its version under a private label, then the
	// move of AWSCURRENT was refused: one put, and that version ends up
	// with no label at all.
	if n := h.emu.Requests("PutSecretValue"); n != puts+1 {
		t.Errorf("%d PutSecretValue requests after the refusal, want %d", n, puts+1)
	}
	vs := h.versions("prod/db/postgres")
	if currentID(vs) != other.VersionID || !hasStage(vs, val.VersionID, aws.LabelPrevious) {
		t.Errorf("versions changed by the refused save: %+v", vs)
	}
	if len(vs) != len(before)+1 {
		t.Fatalf("%d versions, want %d (the refused one kept, unlabelled)", len(vs), len(before)+1)
	}
	for _, v := range vs {
		if !slices.ContainsFunc(before, func(b aws.Version) bool { return b.ID == v.ID }) && len(v.Stages) > 0 {
			t.Errorf("the refused version %s keeps labels %v", v.ID, v.Stages)
		}
	}
	if got := h.emuValue("prod/db/postgres"); got != `{"rotated":true}` {
		t.Errorf("the other writer's value was overwritten")
	}
	// The operator asks to reload and re-apply: the review closes (the
	// value screen test covers the replay).
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitUntil("the review to close", func(string) bool {
		_, open := h.app.top().(*secret.Review)
		return !open
	})
}

func TestReviewDroppedResponseMakesOneVersion(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	before := len(h.versions("prod/db/postgres"))
	h.openReview(val, s, &reviewOwner{})
	h.emu.InjectFault(emulator.Fault{Op: "PutSecretValue", DropResponse: true, Times: 1})
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("now AWSCURRENT")
	if n := len(h.versions("prod/db/postgres")); n != before+1 {
		t.Errorf("%d versions, want exactly one new (%d)", n, before+1)
	}
	if n := h.emu.Requests("PutSecretValue"); n < 2 {
		t.Errorf("%d PutSecretValue requests: the dropped response was not retried", n)
	}
}

func TestReviewProductionAsksForTheName(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.ProdPatterns = []string{"test"} })
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	h.openReview(val, s, &reviewOwner{})
	puts := h.emu.Requests("PutSecretValue")
	k := h.app.env.Keys
	h.typeText("y")
	h.press(k.Input.Submit)
	if n := h.emu.Requests("PutSecretValue"); n != puts {
		t.Fatal("saved without the name typed")
	}
	if !strings.Contains(h.screen(), "does not match") {
		t.Errorf("no refusal shown:\n%s", h.screen())
	}
	h.send(keyPress("backspace"))
	h.typeText("prod/db/postgres")
	h.press(k.Input.Submit)
	h.waitFor("now AWSCURRENT")
}
