package aws

// The contract suite: the Store's behaviour, through Connect and the real SDK
// client, against the in-process emulator. Files contract_*_test.go hold the
// cases; this one holds the harness.

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// harness is one emulator and a Store connected to it.
type harness struct {
	t   *testing.T
	srv *emulator.Server
	st  Store
	ctx context.Context
}

// tweak adjusts the emulator or connect options of a harness.
type tweak func(*emulator.Options, *ConnectOptions)

func withSeed(o *emulator.Options, _ *ConnectOptions) { o.Seed = true }

func withCallTimeout(d time.Duration) tweak {
	return func(_ *emulator.Options, c *ConnectOptions) { c.CallTimeout = d }
}

// newHarness starts an emulator (fast rotations) and connects a Store to it
// with static credentials, as --demo does.
func newHarness(t *testing.T, tweaks ...tweak) *harness {
	t.Helper()
	isolateEnv(t)
	eo := emulator.Options{RotationStepDelay: time.Millisecond}
	co := ConnectOptions{Region: "us-east-1", AccessKeyID: "AKIDEMULATOR", SecretAccessKey: "emulator",
		CallTimeout: 10 * time.Second, MaxAttempts: 3, MaxBackoff: 5 * time.Millisecond}
	for _, tw := range tweaks {
		tw(&eo, &co)
	}
	srv, err := emulator.Start(eo)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	co.EndpointURL = srv.URL
	st, err := Connect(context.Background(), co)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, srv: srv, st: st, ctx: context.Background()}
}

// create makes a secret with a text value and returns its current version id.
func (h *harness) create(name, value string) string {
	h.t.Helper()
	sum, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: name, Value: TextValue(value)})
	if err != nil {
		h.t.Fatalf("create %s: %v", name, err)
	}
	return currentVersion(sum.VersionStages)
}

// put writes a value and returns the new version id.
func (h *harness) put(id, value string) string {
	h.t.Helper()
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue(value)})
	if err != nil {
		h.t.Fatalf("put %s: %v", id, err)
	}
	return res.VersionID
}

// stages is the secret's version-to-labels map, per DescribeSecret.
func (h *harness) stages(id string) map[string][]string {
	h.t.Helper()
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		h.t.Fatalf("describe %s: %v", id, err)
	}
	return sec.VersionStages
}

// value reads a version's text.
func (h *harness) value(id string, ref VersionRef) string {
	h.t.Helper()
	v, err := h.st.GetValue(h.ctx, id, ref)
	if err != nil {
		h.t.Fatalf("get %s %+v: %v", id, ref, err)
	}
	return v.Secret.Text()
}

// versions lists the secret's versions.
func (h *harness) versions(id string) []Version {
	h.t.Helper()
	vs, err := h.st.ListVersions(h.ctx, id)
	if err != nil {
		h.t.Fatalf("list versions %s: %v", id, err)
	}
	return vs
}

// holder is the version carrying label, or "".
func holder(stages map[string][]string, label string) string {
	for id, ls := range stages {
		if slices.Contains(ls, label) {
			return id
		}
	}
	return ""
}

// wantKind fails unless err is an *Error of kind k, and returns it.
func wantKind(t *testing.T, err error, k ErrorKind) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %T %v, want *Error of kind %v", err, err, k)
	}
	if e.Kind != k {
		t.Fatalf("got kind %v (%v), want %v", e.Kind, err, k)
	}
	return e
}

// eventually polls cond every few milliseconds until it holds or d passes.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// sameLabels compares label sets regardless of order.
func sameLabels(got []string, want ...string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

func TestContractProfileAndRegion(t *testing.T) {
	h := newHarness(t)
	if h.st.Region() != "us-east-1" {
		t.Errorf("Region() = %q", h.st.Region())
	}
	if err := CheckCredentials(h.ctx, h.st); err != nil {
		t.Errorf("CheckCredentials with static keys: %v", err)
	}
	sum, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "r/one", Value: TextValue("v")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Region != "us-east-1" || !strings.Contains(sum.ARN, ":us-east-1:") {
		t.Errorf("summary region %q, ARN %q", sum.Region, sum.ARN)
	}
}
