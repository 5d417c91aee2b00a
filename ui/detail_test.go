package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

func assertContains(t *testing.T, screen string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(screen, w) {
			t.Errorf("screen lacks %q:\n%s", w, screen)
		}
	}
}

func TestDetailShowsRotationTagsAndPolicy(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 100, nil)
	s := h.openDetail("prod/db/postgres")
	assertContains(t, s,
		"Primary PostgreSQL (Aurora) credentials for the orders service",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/postgres-",
		"aws/secretsmanager (AWS managed)",
		"Created        2024-04-08 12:00 UTC (14 months ago)",
		"Last accessed  2025-06-02 (today)",
		"Last rotated   2025-05-21 12:00 UTC (12 days ago)",
		"Next rotation  ",
		"Enabled        yes",
		"arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerPostgresRotation",
		"Schedule       rate(30 days)",
		"Window         2h",
		"AWSCURRENT", "AWSPREVIOUS",
		"team           payments", "env            prod", "cost-center    cc-1042",
		`"Sid": "AllowOrdersServiceRead"`,
		`"Action": "secretsmanager:GetSecretValue"`,
	)
	if strings.Contains(s, "Rotation stuck") {
		t.Errorf("a healthy rotation shows the stuck warning:\n%s", s)
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("opening the detail screen called GetSecretValue %d times", n)
	}
}

func TestDetailExplainsStuckRotation(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 60, nil)
	s := h.openDetail("prod/db/mysql-orders")
	d := h.topScreen().(*secret.Detail)
	pending, current, stuck := common.StrayPending(d.Summary.VersionStages)
	if !stuck {
		t.Fatalf("mysql-orders is seeded stuck, stages %v", d.Summary.VersionStages)
	}
	flat := strings.Join(strings.Fields(s), " ")
	assertContains(t, flat,
		"Rotation stuck or in progress",
		"holds AWSPENDING, but AWSCURRENT is still on version",
		"applications read the old value",
		"press o for the ways out: cancel the rotation, remove the stray AWSPENDING, or roll back",
		"every 7 days",
	)
	// The version ids may be wrapped; check them without the line breaks.
	joined := strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "│", "")
	for _, id := range []string{pending, current} {
		if !strings.Contains(joined, id) {
			t.Errorf("warning does not name version %s:\n%s", id, s)
		}
	}
}

func TestDetailShowsReplicas(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 80, nil)
	s := h.openDetail("shared/datadog/api-key")
	assertContains(t, s, "Replicas", "eu-west-1", "InSync", "ap-southeast-2", "Failed",
		"Replication failed: the KMS key")
}

func TestDetailScheduledDeletionAndOwner(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 80, nil)
	s := h.openDetail("legacy/reporting-db")
	assertContains(t, strings.Join(strings.Fields(s), " "), "Scheduled for deletion: deletion asked 2025-05-23 12:00 UTC (10 days ago); AWS deletes it for good 7-30 days after that, the recovery window chosen (between 2025-05-30 and 2025-06-22)")
	h.send(keyPress("esc"))
	s = h.openDetail("rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60")
	assertContains(t, s, "Owned by       rds")
}

func TestDetailScrollsWhenTaller(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 20, nil)
	s := h.openDetail("prod/db/postgres")
	if !strings.Contains(s, "lines 1-") || strings.Contains(s, "AllowOrdersServiceRead") {
		t.Fatalf("expected the top of a scrollable detail:\n%s", s)
	}
	h.press(h.app.env.Keys.Nav.Bottom)
	s = h.screen()
	assertContains(t, s, "AllowOrdersServiceRead")
	h.press(h.app.env.Keys.Nav.Top)
	assertContains(t, h.screen(), "prod/db/postgres")
}

func TestDetailCopiesNameAndARNWithoutClearing(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := newSecretHarness(t, 100, 40, func(o *Options) { o.Clipboard = clip })
	h.app.clipboard = clipboard.NewManagerFor(clipboardConfig(h.app.env), clip, false)
	h.openDetail("prod/db/postgres")
	h.press(h.app.env.Keys.Common.CopyARN)
	h.waitFor("copied the ARN to the system clipboard")
	d := h.topScreen().(*secret.Detail)
	if clip.get() != d.Summary.ARN {
		t.Fatalf("clipboard holds %q, want the ARN", clip.get())
	}
	if h.app.clipboard.Pending() {
		t.Fatal("a non-secret copy scheduled a clear")
	}
	h.press(h.app.env.Keys.Common.CopyName)
	h.waitFor("copied the name")
	if clip.get() != "prod/db/postgres" {
		t.Fatalf("clipboard holds %q", clip.get())
	}
}

func TestDetailPolicyScreenAndRefresh(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 24, nil)
	h.openDetail("prod/db/postgres")
	before := h.emu.Requests("DescribeSecret")
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitUntil("a second DescribeSecret", func(string) bool { return h.emu.Requests("DescribeSecret") > before })
	h.press(h.app.env.Keys.Detail.Policy)
	h.waitFor("AllowOrdersServiceRead")
	if _, ok := h.topScreen().(*secret.Policy); !ok {
		t.Fatalf("policy binding opened %T", h.topScreen())
	}
}

func TestDetailDescribeErrorKeepsWorking(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	remove := h.emu.InjectFault(emulator.Fault{Op: "DescribeSecret", Error: "AccessDeniedException"})
	sum := h.summary("us-east-1", "prod/api/stripe")
	h.send(common.PushScreenMsg{Screen: secret.NewDetail(h.app.env, h.store("us-east-1"), sum)})
	h.waitFor("could not load details")
	assertContains(t, h.screen(), "prod/api/stripe", "access denied")
	remove()
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitUntil("details after retry", func(string) bool {
		d := h.topScreen().(*secret.Detail)
		return d.Secret != nil && d.LoadErr == nil
	})
}
