package ui

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/secret"
)

// shortTimeoutConnector is testConnector with a short per-call timeout, as
// `--timeout 1s` gives.
func shortTimeoutConnector(url string, timeout time.Duration) Connector {
	var mu sync.Mutex
	var st aws.Store
	return func(ctx context.Context, profile, region string) (aws.Store, error) {
		mu.Lock()
		defer mu.Unlock()
		if st != nil {
			return st, nil
		}
		s, err := aws.Connect(ctx, aws.ConnectOptions{Profile: profile, Region: region, EndpointURL: url,
			AccessKeyID: "AKIDTEST", SecretAccessKey: "test-secret", CallTimeout: timeout, MaxAttempts: 2})
		if err != nil {
			return nil, err
		}
		st = s
		return s, nil
	}
}

// Every answer to the put is lost after AWS applied it: the review says the
// save is confirmed, and it is.
func TestSaveLostAnswerIsConfirmed(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 30, nil)
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	h.openReview(val, s, &reviewOwner{})
	h.emu.InjectFault(emulator.Fault{Op: "PutSecretValue", DropResponse: true})
	h.press(h.app.env.Keys.Dialog.Yes)
	scr := h.waitFor("saved (confirmed after the connection dropped)")
	for _, bad := range []string{"not saved", "nothing was saved", "changed since you loaded it"} {
		if strings.Contains(scr, bad) {
			t.Errorf("screen says %q:\n%s", bad, scr)
		}
	}
	h.emu.ClearFaults()
	vs := h.versions("prod/db/postgres")
	cur := currentID(vs)
	if cur == val.VersionID || !hasStage(vs, val.VersionID, aws.LabelPrevious) {
		t.Fatalf("AWSCURRENT did not move: %+v", vs)
	}
	if !strings.Contains(h.emuValue("prod/db/postgres"), `"port":6543`) {
		t.Error("AWSCURRENT does not hold the edit")
	}
	for _, v := range vs {
		if slices.ContainsFunc(v.Stages, aws.IsSaveLabel) {
			t.Errorf("version %s keeps smtui's save label: %v", v.ID, v.Stages)
		}
	}
}

// --timeout 1s and a 2 s delay on PutSecretValue: the Store looks for the
// version before anything is said, finds none and says "not saved"; the
// edits stay in the review and confirming again saves them.
func TestSaveTimeoutSaysNotSaved(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 140, 30, func(o *Options) { o.CallTimeout = time.Second })
	// The harness's connector has a 5 s timeout; swap in a 1 s one.
	h.app.opts.Connect = shortTimeoutConnector(h.emu.URL, time.Second)
	val, s := h.loadForEdit("prod/db/postgres")
	setPort(t, s, jsonedit.Number, "6543")
	before := len(h.versions("prod/db/postgres"))
	r := h.openReview(val, s, &reviewOwner{})
	remove := h.emu.InjectFault(emulator.Fault{Op: "PutSecretValue", Latency: 2 * time.Second})
	h.press(h.app.env.Keys.Dialog.Yes)
	scr := h.waitFor("not saved")
	remove()
	for _, bad := range []string{"saved (confirmed", "now AWSCURRENT", "changed since you loaded it", "Reload & re-apply"} {
		if strings.Contains(scr, bad) {
			t.Errorf("screen says %q:\n%s", bad, scr)
		}
	}
	vs := h.versions("prod/db/postgres")
	if len(vs) != before || currentID(vs) != val.VersionID {
		t.Fatalf("a version was created or AWSCURRENT moved: %+v", vs)
	}
	if h.app.top() != common.Screen(r) {
		t.Fatal("the review closed; the edits must stay")
	}
	h.press(h.app.env.Keys.Dialog.Yes)
	h.waitFor("now AWSCURRENT")
	if !strings.Contains(h.emuValue("prod/db/postgres"), `"port":6543`) {
		t.Error("confirming again did not save the edit")
	}
}

// Editing AWSPREVIOUS: the review reads AWSCURRENT and lists every field the
// save changes, marking the one the operator did not touch.
func TestReviewOfOlderVersionListsWhatItReverts(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 160, 40, func(o *Options) { o.Audit = audit })
	st := h.store("us-east-1")
	prev, err := st.GetValue(context.Background(), "prod/db/postgres", aws.VersionRef{Stage: aws.LabelPrevious})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := st.GetValue(context.Background(), "prod/db/postgres", aws.VersionRef{})
	if err != nil {
		t.Fatal(err)
	}
	s := secret.NewEditSession(prev.Secret.Bytes(), true)
	setPort(t, s, jsonedit.Number, "6543")
	gets := h.emu.Requests("GetSecretValue")
	req := secret.SaveRequest{
		Owner:    &reviewOwner{},
		Target:   aws.SecretRef{ARN: prev.ARN, Name: prev.Name, Region: "us-east-1"},
		LoadedID: prev.VersionID, LoadedStages: prev.Stages, ExpectCurrent: cur.VersionID,
		Base: s.Base, Updated: s.Cur, IsJSON: true, Edits: len(s.Ops),
	}
	h.send(common.PushScreenMsg{Screen: secret.NewReview(h.app.env, st, req)})
	scr := h.waitFor("reverts: changed since this version")
	if n := h.emu.Requests("GetSecretValue"); n != gets+1 {
		t.Errorf("%d GetSecretValue requests, want one (AWSCURRENT)", n-gets)
	}
	var portLine, passwordLine string
	for _, l := range strings.Split(scr, "\n") {
		switch {
		case strings.Contains(l, "~ port"):
			portLine = l
		case strings.Contains(l, "~ password"):
			passwordLine = l
		}
	}
	if portLine == "" || passwordLine == "" {
		t.Fatalf("the review does not list both port and password:\n%s", scr)
	}
	if strings.Contains(portLine, "reverts") || !strings.Contains(passwordLine, "reverts: changed since this version") {
		t.Errorf("marks: port %q, password %q", portLine, passwordLine)
	}
	if !strings.Contains(scr, "1 change below you did not make") || !strings.Contains(scr, "AWSCURRENT → edited") {
		t.Errorf("no explanation of the reverted change:\n%s", scr)
	}
	for _, secret := range []string{"6543", "5432"} {
		if strings.Contains(scr, secret) {
			t.Errorf("masked review shows %q", secret)
		}
	}
	var p, c map[string]any
	if json.Unmarshal(prev.Secret.Bytes(), &p) != nil || json.Unmarshal(cur.Secret.Bytes(), &c) != nil {
		t.Fatal("fixture values are not JSON")
	}
	for _, v := range []any{p["password"], c["password"]} {
		if pw, _ := v.(string); pw == "" || strings.Contains(scr, pw) {
			t.Errorf("masked review shows a password (or the fixture has none)")
		}
	}
	found := false
	for _, ev := range audit.all() {
		if ev.Action == "get-value" && slices.Contains(ev.VersionIDs, cur.VersionID) {
			found = true
		}
	}
	if !found {
		t.Error("the read of AWSCURRENT was not audited")
	}
}

// A save that died after its put left smtui's private label on the new
// version; opening the secret's value removes it and says so.
func TestValueScreenRemovesLeftoverSaveLabel(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 140, 30, func(o *Options) {
		o.Now = func() time.Time { return testNow.Add(aws.SaveLabelGrace + time.Minute) }
	})
	st := h.store("us-east-1")
	tok := aws.NewRequestToken()
	if _, err := st.PutValue(context.Background(), aws.PutValueInput{SecretID: "prod/db/postgres", Value: aws.TextValue(`{"half":"saved"}`),
		ClientRequestToken: tok, Stages: []string{aws.SaveLabel(tok)}}); err != nil {
		t.Fatal(err)
	}
	val, _ := h.loadForEdit("prod/db/postgres")
	h.send(common.PushScreenMsg{Screen: secret.NewValue(h.app.env, st, aws.SecretRef{ARN: val.ARN, Name: val.Name, Region: "us-east-1"}, aws.VersionRef{})})
	h.waitFor("removed smtui's leftover save label from version " + common.ShortID(tok))
	vs := h.versions("prod/db/postgres")
	if len(stagesOf(vs, tok)) != 0 || currentID(vs) != val.VersionID {
		t.Errorf("after the cleanup: %+v", vs)
	}
}

// A save label on a version created moments ago belongs to a save in
// progress (perhaps another instance's): opening the secret leaves it.
func TestValueScreenKeepsRecentSaveLabel(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 140, 30, nil)
	st := h.store("us-east-1")
	tok := aws.NewRequestToken()
	if _, err := st.PutValue(context.Background(), aws.PutValueInput{SecretID: "prod/db/postgres", Value: aws.TextValue(`{"in":"flight"}`),
		ClientRequestToken: tok, Stages: []string{aws.SaveLabel(tok)}}); err != nil {
		t.Fatal(err)
	}
	val, _ := h.loadForEdit("prod/db/postgres")
	lists := h.emu.Requests("ListSecretVersionIds")
	h.send(common.PushScreenMsg{Screen: secret.NewValue(h.app.env, st, aws.SecretRef{ARN: val.ARN, Name: val.Name, Region: "us-east-1"}, aws.VersionRef{})})
	h.waitValue()
	h.waitUntil("the sweep's listing", func(string) bool { return h.emu.Requests("ListSecretVersionIds") > lists })
	h.drain(200 * time.Millisecond)
	if !slices.Contains(stagesOf(h.versions("prod/db/postgres"), tok), aws.SaveLabel(tok)) {
		t.Error("a save label of a save in progress was removed")
	}
	if strings.Contains(h.screen(), "leftover") {
		t.Errorf("screen mentions a leftover:\n%s", h.screen())
	}
}

// The versions screen finds a leftover in the list it just loaded (no extra
// listing when there is none), removes it, says so and shows the list again.
func TestVersionsScreenRemovesLeftoverSaveLabel(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 160, 30, func(o *Options) {
		o.Now = func() time.Time { return testNow.Add(aws.SaveLabelGrace + time.Minute) }
	})
	st := h.store("us-east-1")
	tok := aws.NewRequestToken()
	if _, err := st.PutValue(context.Background(), aws.PutValueInput{SecretID: "prod/db/postgres", Value: aws.TextValue(`{"half":"saved"}`),
		ClientRequestToken: tok, Stages: []string{aws.SaveLabel(tok)}}); err != nil {
		t.Fatal(err)
	}
	val, _ := h.loadForEdit("prod/db/postgres")
	h.send(common.PushScreenMsg{Screen: secret.NewVersions(h.app.env, st, aws.SecretRef{ARN: val.ARN, Name: val.Name, Region: "us-east-1"})})
	h.waitFor("removed smtui's leftover save label from version " + common.ShortID(tok))
	if len(stagesOf(h.versions("prod/db/postgres"), tok)) != 0 {
		t.Error("the leftover label is still there")
	}
	h.waitUntil("the list without the label", func(s string) bool { return !strings.Contains(s, aws.SaveLabelPrefix) })
}
