package aws

import (
	"context"
	"testing"
	"time"
)

// DescribeSecret and ListSecrets return DeletedDate, when the deletion was
// asked; the date AWS deletes the secret comes only from DeleteSecret. The
// Store keeps that date for deletions it made and invents none.
func TestContractDeletionDates(t *testing.T) {
	h := newHarness(t)
	id := "delete/dates"
	h.create(id, "a")
	other := "delete/elsewhere"
	h.create(other, "b")
	asked := time.Now()
	due, err := h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id, RecoveryWindowDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d := sec.DeletedDate.Sub(asked); d < -time.Minute || d > time.Minute {
		t.Errorf("DeletedDate %v is not when the deletion was asked (%v)", sec.DeletedDate, asked)
	}
	if !sec.DeletionDate.Equal(due) {
		t.Errorf("DeletionDate %v, want %v (what DeleteSecret returned)", sec.DeletionDate, due)
	}
	all, _ := h.listAll(ListOptions{IncludePlannedDeletion: true})
	for _, s := range all {
		if s.Name == id && !s.DeletionDate.Equal(due) {
			t.Errorf("listed DeletionDate %v, want %v", s.DeletionDate, due)
		}
	}
	// A deletion made through another Store (another operator): only the
	// date it was asked is known.
	co := ConnectOptions{Region: "us-east-1", AccessKeyID: "AKIDEMULATOR", SecretAccessKey: "emulator", EndpointURL: h.srv.URL}
	st2, err := Connect(context.Background(), co)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st2.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: other, RecoveryWindowDays: 7}); err != nil {
		t.Fatal(err)
	}
	sec2, err := h.st.DescribeSecret(h.ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if sec2.DeletedDate.IsZero() || !sec2.DeletionDate.IsZero() {
		t.Errorf("deleted elsewhere: DeletedDate %v, DeletionDate %v (want set, zero)", sec2.DeletedDate, sec2.DeletionDate)
	}
	// Restored: neither date.
	if err := h.st.RestoreSecret(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	sec, err = h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !sec.DeletedDate.IsZero() || !sec.DeletionDate.IsZero() {
		t.Errorf("restored: DeletedDate %v, DeletionDate %v", sec.DeletedDate, sec.DeletionDate)
	}
}
