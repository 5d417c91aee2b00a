package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/ui/common"
)

// Quitting with unsaved edits takes two presses in a row; any other key in
// between disarms it, so a stray q never throws typed work away.
func TestQuitWithUnsavedEditsAsksFirst(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	v := h.openValue("prod/db/postgres")
	h.editPort(v, "6543", false)
	h.waitFor("1 unsaved edit")

	h.press(h.app.env.Keys.Common.Quit)
	if h.quit {
		t.Fatal("quit at once despite an unsaved edit")
	}
	h.waitFor("press q again to discard")

	h.press(h.app.env.Keys.Nav.Down) // any other key disarms
	h.press(h.app.env.Keys.Common.Quit)
	h.drain(50 * time.Millisecond)
	if h.quit {
		t.Fatal("a quit after another key did not ask again")
	}
	h.press(h.app.env.Keys.Common.Quit)
	h.drain(50 * time.Millisecond)
	if !h.quit {
		t.Fatal("second q in a row did not quit")
	}
}

func TestQuitWithoutEditsIsImmediate(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	h.waitUntil("the list", func(s string) bool { return strings.Contains(s, "prod/db/postgres") })
	h.press(h.app.env.Keys.Common.Quit)
	h.drain(50 * time.Millisecond)
	if !h.quit {
		t.Fatal("q did not quit")
	}
}

// The production guard matches the account id as well as the profile name:
// the account is learnt from the first ARN the list shows.
func TestProductionGuardMatchesAccountID(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.ProdPatterns = []string{"1234567890*"} })
	screen := h.waitFor("PRODUCTION")
	if !strings.Contains(screen, "123456789012") {
		t.Errorf("header does not show the account:\n%s", screen)
	}
	if !h.app.env.Production {
		t.Fatal("env.Production not set")
	}

	other := newSecretHarness(t, 100, 30, func(o *Options) { o.ProdPatterns = []string{"999999999999", "prod-*"} })
	screen = other.waitFor("prod/db/postgres")
	if strings.Contains(screen, "PRODUCTION") || other.app.env.Production {
		t.Fatalf("guard on for a non-matching account and profile:\n%s", screen)
	}
}

func TestAccountOf(t *testing.T) {
	t.Parallel()
	for arn, want := range map[string]string{
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf": "123456789012",
		"arn:aws-cn:secretsmanager:cn-north-1:210987654321:secret:x-AbCdEf":   "210987654321",
		"prod/db": "",
		"":        "",
	} {
		if got := common.AccountOf(arn); got != want {
			t.Errorf("accountOf(%q) = %q, want %q", arn, got, want)
		}
	}
}

// The full help says where the audit log is.
func TestFullHelpShowsAuditLogPath(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, func(o *Options) { o.Audit = &recordingAuditor{} })
	h.waitFor("prod/db/postgres")
	if strings.Contains(h.screen(), "audit log:") {
		t.Fatal("audit log path shown in the short help")
	}
	h.press(h.app.env.Keys.Common.Help)
	h.waitFor("audit log: (memory)")
}
