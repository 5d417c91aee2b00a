package aws

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// connectTo is a second Store on h's emulator: another smtui instance.
func connectTo(h *harness) Store {
	h.t.Helper()
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", AccessKeyID: "AKIDEMULATOR",
		SecretAccessKey: "emulator", EndpointURL: h.srv.URL, CallTimeout: 10 * time.Second, MaxAttempts: 3,
		MaxBackoff: 5 * time.Millisecond})
	if err != nil {
		h.t.Fatal(err)
	}
	return st
}

// noSaveLabel fails if any version of id still carries a private save label.
func noSaveLabel(t *testing.T, stages map[string][]string) {
	t.Helper()
	for v, ls := range stages {
		if slices.ContainsFunc(ls, IsSaveLabel) {
			t.Fatalf("version %s keeps a save label: %v", v, ls)
		}
	}
}

// Two instances save the same secret at once, 200 times: exactly one wins
// each time, the loser is told who won, and no version is lost.
func TestContractSaveConcurrentWritersOneWins(t *testing.T) {
	h := newHarness(t)
	id := "cas/race"
	current := h.create(id, "v0")
	stores := [2]Store{h.st, connectTo(h)}
	for round := range 200 {
		var (
			ready, done sync.WaitGroup
			start       = make(chan struct{})
			results     [2]PutValueResult
			errs        [2]error
			values      [2]string
		)
		for i := range 2 {
			values[i] = fmt.Sprintf("round %d writer %d", round, i)
			ready.Add(1)
			done.Add(1)
			go func() {
				defer done.Done()
				ready.Done()
				<-start // both writers leave the barrier together
				results[i], errs[i] = stores[i].PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue(values[i]), ExpectCurrent: current})
			}()
		}
		ready.Wait()
		close(start)
		done.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: errors %v and %v; want exactly one winner", round, errs[0], errs[1])
		}
		win, lose := 0, 1
		if errs[0] != nil {
			win, lose = 1, 0
		}
		e := wantKind(t, errs[lose], KindConflict)
		winner := results[win].VersionID
		if c := e.Conflict; c == nil || c.Current != winner || c.Expected != current || c.CurrentCreated.IsZero() || !e.Unsaved {
			t.Fatalf("round %d: conflict %+v does not name the winner %s", round, e.Conflict, winner)
		}
		st := h.stages(id)
		if !sameLabels(st[winner], LabelCurrent) || !sameLabels(st[current], LabelPrevious) {
			t.Fatalf("round %d: stages %v; want %s AWSCURRENT, %s AWSPREVIOUS", round, st, winner, current)
		}
		if ls, ok := st[e.Conflict.Attempted]; ok {
			t.Fatalf("round %d: the loser's version keeps labels %v", round, ls)
		}
		noSaveLabel(t, st)
		if got := h.value(id, VersionRef{}); got != values[win] {
			t.Fatalf("round %d: AWSCURRENT holds %q, want the winner's %q", round, got, values[win])
		}
		current = winner
	}
	// No version was lost: the first, the 200 winners and the 200 losers.
	if n := len(h.versions(id)); n != 401 {
		t.Errorf("%d versions, want 401", n)
	}
}

// The put's answer is lost (every attempt's connection dropped after AWS
// applied it): the Store finds its version by the token and finishes.
func TestContractSaveLostPutAnswerIsConfirmed(t *testing.T) {
	h := newHarness(t)
	id := "cas/lost-put"
	a := h.create(id, "a")
	remove := h.srv.InjectFault(emulator.Fault{Op: "PutSecretValue", DropResponse: true})
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a})
	remove()
	if err != nil {
		t.Fatalf("lost answer not reconciled: %v", err)
	}
	if !res.Reconciled || res.Previous != a || res.LabelLeft != "" || res.ARN == "" {
		t.Errorf("result %+v", res)
	}
	st := h.stages(id)
	if !sameLabels(st[res.VersionID], LabelCurrent) || !sameLabels(st[a], LabelPrevious) || len(st) != 2 {
		t.Errorf("stages %v", st)
	}
	if h.value(id, VersionRef{}) != "b" {
		t.Error("AWSCURRENT does not hold the saved value")
	}
}

// A 2 s delay on PutSecretValue and a 1 s timeout: the request never
// arrived (the emulator drops it when the client gives up), the Store looks
// and reports "not saved" truthfully; the same save again then works.
func TestContractSaveTimeoutIsNotSaved(t *testing.T) {
	h := newHarness(t, withCallTimeout(time.Second))
	id := "cas/timeout"
	a := h.create(id, "a")
	remove := h.srv.InjectFault(emulator.Fault{Op: "PutSecretValue", Latency: 2 * time.Second})
	in := PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a, ClientRequestToken: NewRequestToken()}
	_, err := h.st.PutValue(h.ctx, in)
	remove()
	e := wantKind(t, err, KindTimeout)
	if !e.Unsaved {
		t.Errorf("a confirmed non-save is not marked Unsaved: %+v", e)
	}
	if n := len(h.versions(id)); n != 1 {
		t.Fatalf("%d versions, want 1", n)
	}
	res, err := h.st.PutValue(h.ctx, in)
	if err != nil || res.VersionID != in.ClientRequestToken {
		t.Fatalf("saving again: %+v %v", res, err)
	}
	if holder(h.stages(id), LabelCurrent) != in.ClientRequestToken {
		t.Error("the second attempt did not make the version current")
	}
}

// The move's answer is lost after AWS applied it; the SDK's retry is then
// refused (AWSCURRENT is no longer on the loaded version). The Store reads
// the labels, sees its own version current, and reports the save.
func TestContractSaveLostMoveAnswerIsConfirmed(t *testing.T) {
	h := newHarness(t)
	id := "cas/lost-move"
	a := h.create(id, "a")
	h.srv.InjectFault(emulator.Fault{Op: "UpdateSecretVersionStage", DropResponse: true, Times: 1})
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a})
	if err != nil {
		t.Fatalf("lost move answer: %v", err)
	}
	if !res.Reconciled {
		t.Error("not marked as confirmed after a lost answer")
	}
	st := h.stages(id)
	if !sameLabels(st[res.VersionID], LabelCurrent) || !sameLabels(st[a], LabelPrevious) {
		t.Errorf("stages %v", st)
	}
	noSaveLabel(t, st)
}

// The move times out before AWS saw it: AWSCURRENT is still on the loaded
// version, so the conditional move is sent again and the save completes.
func TestContractSaveMoveTimeoutContinues(t *testing.T) {
	h := newHarness(t, withCallTimeout(300*time.Millisecond))
	id := "cas/slow-move"
	a := h.create(id, "a")
	h.srv.InjectFault(emulator.Fault{Op: "UpdateSecretVersionStage", Latency: time.Second, Times: 1})
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a})
	if err != nil {
		t.Fatalf("slow move: %v", err)
	}
	st := h.stages(id)
	if !res.Reconciled || !sameLabels(st[res.VersionID], LabelCurrent) || !sameLabels(st[a], LabelPrevious) {
		t.Errorf("result %+v, stages %v", res, st)
	}
	noSaveLabel(t, st)
}

// A refused move (access denied) leaves AWSCURRENT alone and takes the
// private label off the new version again.
func TestContractSaveMoveRefusedCleansUp(t *testing.T) {
	h := newHarness(t)
	id := "cas/denied"
	a := h.create(id, "a")
	h.srv.InjectFault(emulator.Fault{Op: "UpdateSecretVersionStage", Error: "AccessDeniedException", Times: 1})
	_, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ExpectCurrent: a})
	e := wantKind(t, err, KindAccessDenied)
	if !e.Unsaved {
		t.Errorf("not marked Unsaved: %+v", e)
	}
	st := h.stages(id)
	if holder(st, LabelCurrent) != a || len(st) != 1 {
		t.Errorf("stages %v", st)
	}
}

// A save that died between its steps leaves its private label; it counts as
// a leftover only once its version is older than the grace period.
func TestContractStaleSaveLabels(t *testing.T) {
	h := newHarness(t)
	id := "cas/leftover"
	h.create(id, "a")
	tok := NewRequestToken()
	if _, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("b"), ClientRequestToken: tok,
		Stages: []string{SaveLabel(tok)}}); err != nil {
		t.Fatal(err)
	}
	vs := h.versions(id)
	if got := StaleSaveLabels(vs, time.Now()); len(got) != 0 {
		t.Errorf("a save in progress counted as a leftover: %+v", got)
	}
	got := StaleSaveLabels(vs, time.Now().Add(SaveLabelGrace+time.Second))
	want := []LabelOnVersion{{Label: SaveLabel(tok), VersionID: tok}}
	if !slices.Equal(got, want) {
		t.Errorf("leftovers %+v, want %+v", got, want)
	}
	if n := len(SaveLabel(NewRequestToken())); n > 256 {
		t.Errorf("save label is %d characters; AWS allows 256", n)
	}
}

// A compare-and-swap save leaves the labels a plain PutSecretValue would:
// AWSPENDING sitting beside AWSCURRENT on the version the save demotes goes
// (AWS's rule, TestFidelityPutDemotesPendingFromOldCurrent), so the secret
// does not read as a stuck rotation afterwards.
func TestContractSaveDropsPendingFromTheDemotedVersion(t *testing.T) {
	h := newHarness(t)
	id := "save/pending-demoted"
	v0 := h.create(id, "one")
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("two"), Stages: []string{LabelPending}})
	if err != nil {
		t.Fatal(err)
	}
	v1 := res.VersionID
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelCurrent, ToVersion: v1, FromVersion: v0}); err != nil {
		t.Fatal(err)
	}
	if st := h.stages(id); !sameLabels(st[v1], LabelCurrent, LabelPending) {
		t.Fatalf("set-up: want AWSPENDING beside AWSCURRENT on %s: %v", v1, st)
	}
	saved, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("three"), ExpectCurrent: v1})
	if err != nil {
		t.Fatal(err)
	}
	st := h.stages(id)
	if !sameLabels(st[saved.VersionID], LabelCurrent) || !sameLabels(st[v1], LabelPrevious) {
		t.Fatalf("after the save: %v (saved %s, demoted %s)", st, saved.VersionID, v1)
	}
}
