package aws

import (
	"slices"
	"testing"
)

// Replicating a secret and removing a replica, with the refusals.
func TestContractReplication(t *testing.T) {
	h := newHarness(t)
	id := "repl/x"
	h.create(id, "a")
	reps, err := h.st.ReplicateToRegions(h.ctx, id, []ReplicaRegion{{Region: "eu-west-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || reps[0].Region != "eu-west-1" || reps[0].Status != "InSync" {
		t.Fatalf("replicas %+v", reps)
	}
	// Replicating again to a region in sync is refused.
	_, err = h.st.ReplicateToRegions(h.ctx, id, []ReplicaRegion{{Region: "eu-west-1"}})
	wantKind(t, err, KindInvalidParameter)
	// Local refusals send nothing.
	before := h.srv.Requests("ReplicateSecretToRegions")
	_, err = h.st.ReplicateToRegions(h.ctx, id, []ReplicaRegion{{Region: "us-east-1"}})
	wantKind(t, err, KindInvalidParameter)
	_, err = h.st.RemoveReplicaRegions(h.ctx, id, nil)
	wantKind(t, err, KindInvalidParameter)
	if n := h.srv.Requests("ReplicateSecretToRegions"); n != before {
		t.Errorf("a local refusal sent %d requests", n-before)
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil || sec.PrimaryRegion != "us-east-1" || len(sec.Replicas) != 1 || len(sec.FailedReplicas) != 0 {
		t.Fatalf("describe: %+v %v", sec, err)
	}
	reps, err = h.st.RemoveReplicaRegions(h.ctx, id, []string{"eu-west-1"})
	if err != nil || len(reps) != 0 {
		t.Fatalf("remove: %+v %v", reps, err)
	}
	_, err = h.st.RemoveReplicaRegions(h.ctx, id, []string{"eu-west-1"})
	wantKind(t, err, KindInvalidParameter)
	_, err = h.st.ReplicateToRegions(h.ctx, "no/such", []ReplicaRegion{{Region: "eu-west-1"}})
	wantKind(t, err, KindNotFound)
}

// The seeded demo has a replica whose replication failed: the listing flags
// it (FailedReplicas, found with DescribeSecret since ListSecrets does not
// say), the detail has the reason, a retry syncs it, and it can be removed.
func TestContractFailedReplicaRetryAndRemove(t *testing.T) {
	h := newHarness(t, withSeed)
	const id = "shared/datadog/api-key"
	all, _ := h.listAll(ListOptions{})
	i := slices.IndexFunc(all, func(s SecretSummary) bool { return s.Name == id })
	if i < 0 || !slices.Equal(all[i].FailedReplicas, []string{"ap-southeast-2"}) {
		t.Fatalf("listed without its failed replica (index %d)", i)
	}
	sec, err := h.st.DescribeSecret(h.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var msg string
	for _, r := range sec.Replicas {
		if r.Status == "Failed" {
			msg = r.StatusMessage
		}
	}
	if msg == "" || !slices.Equal(sec.FailedReplicas, []string{"ap-southeast-2"}) {
		t.Fatalf("no reason for the failure: %+v", sec.Replicas)
	}
	reps, err := h.st.ReplicateToRegions(h.ctx, id, []ReplicaRegion{{Region: "ap-southeast-2", KmsKeyID: "alias/x"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if r.Status != "InSync" {
			t.Errorf("after the retry %s is %s", r.Region, r.Status)
		}
	}
	if _, err := h.st.RemoveReplicaRegions(h.ctx, id, []string{"ap-southeast-2"}); err != nil {
		t.Fatal(err)
	}
	sec, _ = h.st.DescribeSecret(h.ctx, id)
	if len(sec.Replicas) != 1 || sec.Replicas[0].Region != "eu-west-1" {
		t.Errorf("replicas left %+v", sec.Replicas)
	}
}
