package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

// Enter (the value key) on a secret scheduled for deletion offers to restore
// it instead of asking AWS for a value it refuses.
func TestDetailValueOfScheduledSecretOffersRestore(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, nil)
	const name = "legacy/reporting-db"
	h.openDetail(name)
	k := h.app.env.Keys
	h.press(k.Detail.Value)
	waitForText(h, "Its value can't be read while it is scheduled for deletion")
	waitForText(h, "Cancel the scheduled deletion of "+name)
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("GetSecretValue called %d times for a secret scheduled for deletion", n)
	}
	// Nor from the versions screen.
	h.press(k.Common.Back)
	h.waitUntil("back on the detail", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
	h.press(k.Detail.Versions)
	waitVersions(h)
	h.press(k.Versions.OpenValue)
	waitForText(h, "Its value can't be read while it is scheduled for deletion")
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("GetSecretValue called %d times from the versions screen", n)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Restored " + name)
	if !describeNow(h, h.store("us-east-1"), name).DeletedDate.IsZero() {
		t.Fatal("still scheduled for deletion")
	}
}

func TestDetailValueOfScheduledSecretReadOnly(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, func(o *Options) { o.ReadOnly = true })
	h.openDetail("legacy/reporting-db")
	h.press(h.app.env.Keys.Detail.Value)
	s := waitForText(h, "read-only: legacy/reporting-db is scheduled for deletion")
	if strings.Contains(s, "Cancel the scheduled deletion") {
		t.Fatalf("read-only mode offers to restore:\n%s", s)
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("GetSecretValue called %d times", n)
	}
}

// A replica whose replication failed: the list flags it, the detail says
// why, and the replication dialog retries it or removes a replica.
func TestFailedReplicaFlaggedExplainedAndRetried(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 160, 40, emulator.Options{}, nil)
	s := waitLoaded(h)
	const name = "shared/datadog/api-key"
	if line := lineWith(s, name); !strings.Contains(line, "replication FAILED") {
		t.Errorf("the list does not flag the failed replica: %q", line)
	}
	k := h.app.env.Keys
	h.openDetail(name)
	s = waitForText(h, "Replication to ap-southeast-2 failed: Replication failed: the KMS key")
	if !strings.Contains(flat(s), "Press L to replicate again or remove the replica") {
		t.Errorf("the detail does not offer the way out:\n%s", s)
	}
	h.press(k.Detail.Replication)
	waitForText(h, "Replicate to ap-southeast-2 again")
	h.press(k.Dialog.Choose)
	waitForText(h, "Retry the replication to ap-southeast-2")
	h.press(k.Dialog.Yes)
	h.waitFor("Replicating " + name + " to ap-southeast-2 again")
	if n := h.emu.Requests("ReplicateSecretToRegions"); n != 1 {
		t.Fatalf("ReplicateSecretToRegions called %d times", n)
	}
	sec := describeNow(h, h.store("us-east-1"), name)
	if len(sec.FailedReplicas) != 0 {
		t.Fatalf("still failed: %+v", sec.Replicas)
	}
	// Remove the eu-west-1 replica (no failed one left: the first choice).
	h.press(k.Detail.Replication)
	waitForText(h, "Remove the replica in eu-west-1")
	h.press(k.Dialog.Choose)
	waitForText(h, "This deletes the replica of "+name+" in eu-west-1")
	h.press(k.Dialog.Yes)
	h.waitFor("Removed the replica of " + name + " in eu-west-1")
	sec = describeNow(h, h.store("us-east-1"), name)
	if len(sec.Replicas) != 1 || sec.Replicas[0].Region != "ap-southeast-2" {
		t.Fatalf("replicas left %+v", sec.Replicas)
	}
}

func TestFailedReplicaReadOnly(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 60, func(o *Options) { o.ReadOnly = true })
	h.openDetail("shared/datadog/api-key")
	waitForText(h, "Read-only mode: ask someone who may to replicate again")
	h.send(keyPress("L"))
	if n := h.emu.Requests("ReplicateSecretToRegions") + h.emu.Requests("RemoveRegionsFromReplication"); n != 0 {
		t.Fatalf("%d replication writes in read-only mode", n)
	}
	if strings.Contains(h.screen(), "What now?") {
		t.Fatal("read-only mode opened the replication dialog")
	}
}

// A secret with no AWSCURRENT: the value key offers to set its first value,
// typed masked, confirmed, and put with PutSecretValue.
func TestNoValueSecretOffersFirstValue(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, nil)
	const name = "dev/placeholder/new-service"
	h.openDetail(name)
	k := h.app.env.Keys
	h.press(k.Detail.Value)
	waitForText(h, "First value of "+name)
	h.typeText("s3cr3t-first")
	if strings.Contains(h.screen(), "s3cr3t-first") {
		t.Fatal("the value is shown while typed masked")
	}
	h.press(k.Dialog.Switch)
	h.press(k.Input.Submit)
	waitForText(h, "Put the first version of "+name)
	if n := h.emu.Requests("GetSecretValue") + h.emu.Requests("PutSecretValue"); n != 0 {
		t.Fatalf("%d value calls before the confirmation", n)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Saved the first value of " + name)
	sec := describeNow(h, h.store("us-east-1"), name)
	if common.CurrentVersion(sec.VersionStages) == "" {
		t.Fatalf("no AWSCURRENT after the save: %v", sec.VersionStages)
	}
}

func TestNoValueSecretReadOnly(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, func(o *Options) { o.ReadOnly = true })
	h.openDetail("dev/placeholder/new-service")
	h.press(h.app.env.Keys.Detail.Value)
	waitForText(h, "read-only: this secret has no AWSCURRENT version")
	if n := h.emu.Requests("PutSecretValue"); n != 0 {
		t.Fatalf("PutSecretValue called %d times", n)
	}
}
