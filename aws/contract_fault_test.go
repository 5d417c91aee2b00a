package aws

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

func TestContractAccessDenied(t *testing.T) {
	h := newHarness(t)
	id := "fault/denied"
	h.create(id, "v")
	h.srv.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "AccessDeniedException"})
	_, err := h.st.GetValue(h.ctx, id, VersionRef{})
	e := wantKind(t, err, KindAccessDenied)
	if e.Action != "secretsmanager:GetSecretValue" || e.SecretID != id || e.Region != "us-east-1" || e.Op != "get value" {
		t.Errorf("error %+v", e)
	}
	if !strings.Contains(e.Message, "is not authorized to perform") {
		t.Errorf("AWS's message lost: %q", e.Message)
	}
	if h.srv.Requests("GetSecretValue") != 1 {
		t.Errorf("access denied was retried: %d requests", h.srv.Requests("GetSecretValue"))
	}
	// Other operations still work.
	if _, err := h.st.DescribeSecret(h.ctx, id); err != nil {
		t.Error(err)
	}
}

func TestContractDecryptionFailure(t *testing.T) {
	h := newHarness(t)
	if _, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "fault/kms", KmsKeyID: "alias/custom", Value: TextValue("v")}); err != nil {
		t.Fatal(err)
	}
	h.create("fault/default-key", "v")
	h.srv.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "DecryptionFailure"})
	for id, key := range map[string]string{"fault/kms": "alias/custom", "fault/default-key": "alias/aws/secretsmanager"} {
		_, err := h.st.GetValue(h.ctx, id, VersionRef{})
		e := wantKind(t, err, KindDecryption)
		if e.KMSKeyID != key {
			t.Errorf("%s: KMSKeyID %q, want %q", id, e.KMSKeyID, key)
		}
		if !strings.Contains(e.Message, "decrypt") {
			t.Errorf("message %q", e.Message)
		}
	}
}

func TestContractThrottledAfterRetries(t *testing.T) {
	h := newHarness(t)
	h.srv.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "ThrottlingException"})
	_, err := h.st.ListSecretsPage(h.ctx, ListOptions{}, "")
	e := wantKind(t, err, KindThrottled)
	if n := h.srv.Requests("ListSecrets"); n != 3 {
		t.Errorf("%d attempts, want MaxAttempts = 3", n)
	}
	if e.Message != "Rate exceeded" || e.Hint == "" {
		t.Errorf("error %+v", e)
	}
}

// A throttle or internal error that clears is retried transparently.
func TestContractTransientErrorsRetried(t *testing.T) {
	h := newHarness(t)
	h.create("fault/retry", "v")
	// Internal errors first: after a throttle, adaptive mode paces the
	// following requests (about 2s each at first), by design.
	for _, c := range []struct {
		code  string
		times int
	}{{"InternalServiceError", 2}, {"ThrottlingException", 1}} {
		code, times := c.code, c.times
		before := h.srv.Requests("DescribeSecret")
		h.srv.InjectFault(emulator.Fault{Op: "DescribeSecret", Error: code, Times: times})
		if _, err := h.st.DescribeSecret(h.ctx, "fault/retry"); err != nil {
			t.Errorf("%s %d times, then success: %v", code, times, err)
		}
		if n := h.srv.Requests("DescribeSecret") - before; n != times+1 {
			t.Errorf("%s: %d requests, want %d", code, n, times+1)
		}
	}
}

func TestContractInternalError(t *testing.T) {
	h := newHarness(t)
	h.srv.InjectFault(emulator.Fault{Op: "DescribeSecret", Error: "InternalServiceError"})
	_, err := h.st.DescribeSecret(h.ctx, "any")
	e := wantKind(t, err, KindInternal)
	if !strings.Contains(e.Message, "internal error") {
		t.Errorf("message %q", e.Message)
	}
	if n := h.srv.Requests("DescribeSecret"); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
}

func TestContractTimeout(t *testing.T) {
	h := newHarness(t, withCallTimeout(200*time.Millisecond))
	h.srv.InjectFault(emulator.Fault{Op: "ListSecrets", Latency: 5 * time.Second})
	start := time.Now()
	_, err := h.st.ListSecretsPage(h.ctx, ListOptions{}, "")
	wantKind(t, err, KindTimeout)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the call took %v despite a 200ms timeout", d)
	}
	// The caller's own deadline applies too.
	h2 := newHarness(t)
	h2.srv.InjectFault(emulator.Fault{Op: "DescribeSecret", Latency: 5 * time.Second})
	ctx, cancel := contextWithTimeout(h2, 100*time.Millisecond)
	defer cancel()
	_, err = h2.st.DescribeSecret(ctx, "x")
	wantKind(t, err, KindTimeout)
}

func TestContractNetworkError(t *testing.T) {
	h := newHarness(t)
	if err := h.srv.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := h.st.DescribeSecret(h.ctx, "x")
	e := wantKind(t, err, KindNetwork)
	if !strings.Contains(e.Message, "connection refused") || e.Hint == "" {
		t.Errorf("error %+v", e)
	}
}

// An AWS message with nothing secret in it reaches the operator unchanged.
func TestContractAWSMessagePreserved(t *testing.T) {
	h := newHarness(t)
	_, err := h.st.GetValue(h.ctx, "no/such/secret", VersionRef{})
	e := wantKind(t, err, KindNotFound)
	const aws = "Secrets Manager can't find the specified secret."
	if e.Message != aws {
		t.Errorf("message %q, want AWS's %q", e.Message, aws)
	}
	if !strings.HasSuffix(err.Error(), ": "+aws) {
		t.Errorf("error text %q does not end with AWS's message", err)
	}
}

// No error text may contain a value being written or read, whatever fails.
func TestContractErrorsNeverContainValues(t *testing.T) {
	h := newHarness(t, withSeed, withCallTimeout(300*time.Millisecond))
	id := "leak/x"
	written := []string{"leak-v1-Zq8!", "leak-v2-Xw3!", "leak-v3-Pp0!", "leak-big-Kk1!" + strings.Repeat("k", MaxValueBytes)}
	cur := h.create(id, written[0])
	var errs []error
	collect := func(err error) {
		if err == nil {
			t.Errorf("expected an error (case %d)", len(errs))
			return
		}
		errs = append(errs, err)
	}
	put := func(in PutValueInput) error { _, err := h.st.PutValue(h.ctx, in); return err }
	// Conflict.
	h.put(id, written[1])
	collect(put(PutValueInput{SecretID: id, Value: TextValue(written[2]), ExpectCurrent: cur}))
	// Too big, refused locally.
	collect(put(PutValueInput{SecretID: id, Value: TextValue(written[3])}))
	// Token reused with another value.
	tok := "aaaaaaaabbbbccccddddeeeeeeeeeeee"
	if err := put(PutValueInput{SecretID: id, Value: TextValue(written[1]), ClientRequestToken: tok}); err != nil {
		t.Fatal(err)
	}
	collect(put(PutValueInput{SecretID: id, Value: TextValue(written[2]), ClientRequestToken: tok}))
	// Marked for deletion.
	if _, err := h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id, RecoveryWindowDays: 7}); err != nil {
		t.Fatal(err)
	}
	collect(put(PutValueInput{SecretID: id, Value: TextValue(written[2])}))
	_, err := h.st.GetValue(h.ctx, id, VersionRef{})
	collect(err)
	// Faults on reads and writes of seeded secrets. Throttling comes last:
	// adaptive retry mode then slows every later call of this Store.
	for _, f := range []emulator.Fault{
		{Op: "GetSecretValue", Error: "AccessDeniedException", Times: 1},
		{Op: "GetSecretValue", Error: "DecryptionFailure", Times: 1},
		{Op: "GetSecretValue", Error: "InternalServiceError"},
		{Op: "PutSecretValue", Latency: 2 * time.Second},
		{Op: "PutSecretValue", Error: "ThrottlingException"},
	} {
		remove := h.srv.InjectFault(f)
		if f.Op == "GetSecretValue" {
			_, err := h.st.GetValue(h.ctx, "prod/db/postgres", VersionRef{})
			collect(err)
		} else {
			collect(put(PutValueInput{SecretID: "prod/api/stripe", Value: TextValue(written[2])}))
		}
		remove()
	}

	values := append(h.srv.SeedValues(), written...)
	for _, err := range errs {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("not an *Error: %T", err)
			continue
		}
		text := strings.Join([]string{err.Error(), e.Message, e.Hint, e.Action, e.KMSKeyID}, "\n")
		for _, v := range values {
			if len(v) >= 6 && strings.Contains(text, v) {
				t.Errorf("error %q contains a secret value", err)
			}
		}
	}
	if len(errs) != 10 {
		t.Errorf("%d errors checked, want 10", len(errs))
	}
}
