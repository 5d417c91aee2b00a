package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws/emulator"
)

// The review from the list: findings grouped with counts over the loaded
// secrets, and enter on one shows the list filtered to exactly its
// secrets, esc shows them all again. No value is read.
func TestAccountReviewJumpsToAFindingsSecrets(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 48, emulator.Options{ReviewSeed: true}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Review)
	s := h.waitFor("resource policy allows another account")
	assertContains(t, s, "What needs attention", "CRITICAL", "resource policy allows everyone",
		"rotation failed or stuck", "SecretsManager.2", "automatic rotation off", "SecretsManager.1",
		"Estimated cost", "$0.40 per secret-month", "aws.amazon.com/secrets-manager/pricing")
	if l := lineWith(s, "resource policy allows everyone"); !strings.HasPrefix(l, "› CRITICAL") || !strings.Contains(l, " 1 ") {
		t.Errorf("the first finding is the public policy, 1 secret: %q", l)
	}

	h.press(k.Nav.Down) // the other account's policy
	h.press(k.Nav.Open)
	s = h.waitFor("showing only")
	assertContains(t, s, "showing only: resource policy allows another account (1 secret)", "partner/acme/sftp-credentials")
	for _, other := range []string{"prod/db/postgres", "public/status-page/api-key", "dev/db/postgres"} {
		if strings.Contains(s, other) {
			t.Errorf("the filtered list shows %s:\n%s", other, s)
		}
	}
	if top := h.app.top(); top.Title() != "secrets in us-east-1" {
		t.Errorf("enter on a finding goes back to the list, top is %q", top.Title())
	}

	h.press(k.Common.Back)
	s = h.screen()
	if strings.Contains(s, "showing only") {
		t.Errorf("esc did not clear the finding filter:\n%s", s)
	}
	assertContains(t, s, "prod/db/postgres", "partner/acme/sftp-credentials")
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Errorf("the review read %d values", n)
	}
	if n := h.emu.Requests("GetResourcePolicy"); n == 0 {
		t.Error("the review read no resource policy")
	}
}

// A finding with many secrets: the filter holds them all, and opening one
// goes to its detail.
func TestAccountReviewFindingOpensASecret(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 40, emulator.Options{ReviewSeed: true}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Review)
	h.waitFor("untagged")
	h.press(k.Nav.Bottom) // untagged: the lowest severity, last
	h.press(k.Nav.Open)
	s := h.waitFor("showing only: untagged")
	assertContains(t, s, "rds!db-7f3c1a2b")
	h.press(k.Nav.Open)
	if top := h.app.top(); !strings.Contains(top.Title(), "rds!db-7f3c1a2b") {
		t.Errorf("enter in the filtered list opens the secret, top is %q", top.Title())
	}
}

// The review and the filtered list fit the window at 40, 80 and 120
// columns: every line within the width, counted in cells.
func TestAccountReviewWidthSweep(t *testing.T) {
	t.Parallel()
	for _, w := range []int{40, 80, 120} {
		h := newListHarness(t, w, 30, emulator.Options{ReviewSeed: true}, nil)
		waitLoaded(h)
		k := keys()
		h.press(k.List.Review)
		h.waitFor("CRITICAL")
		for _, s := range []string{h.screen(), func() string { h.press(k.Nav.Open); return h.waitFor("showing only") }()} {
			for i, line := range strings.Split(s, "\n") {
				if n := ansi.StringWidth(line); n > w {
					t.Errorf("width %d: line %d is %d cells: %q", w, i, n, line)
				}
			}
		}
	}
}
