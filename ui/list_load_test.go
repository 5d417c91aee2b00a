package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

func TestListStreamsPagesWithRunningCount(t *testing.T) {
	t.Parallel()
	// 21 seeded + 250 synthetic secrets: three pages of 100.
	h := newListHarness(t, 120, 30, emulator.Options{SyntheticSecrets: 250}, nil)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Latency: 300 * time.Millisecond})
	start := time.Now()
	s := h.waitUntil("the first rows", func(s string) bool { return strings.Contains(s, "100 secrets") })
	if !strings.Contains(s, "loading… 100 secrets") {
		t.Errorf("while pages arrive the header should say it is loading with a running count:\n%s", s)
	}
	if n := h.emu.Requests("ListSecrets"); n > 2 {
		t.Errorf("first page shown after %d ListSecrets calls; want it on screen before the rest arrive", n)
	}
	// The list is navigable while loading.
	h.press(keys().Nav.Down)
	if got := listOf(h).Table.Cursor; got != 1 {
		t.Errorf("cursor = %d after Down while loading, want 1", got)
	}
	s = h.waitFor("278 secrets")
	if time.Since(start) < 600*time.Millisecond {
		t.Errorf("all pages arrived in %v; the latency fault did not apply", time.Since(start))
	}
	if strings.Contains(s, "loading") {
		t.Errorf("still says loading after the last page:\n%s", s)
	}
	if n := h.emu.Requests("ListSecrets"); n != 3 {
		t.Errorf("ListSecrets called %d times for 278 secrets, want 3 pages", n)
	}
	if got := listOf(h).Table.Cursor; got != 1 {
		t.Errorf("cursor moved to %d as pages arrived, want it to stay on row 1", got)
	}
}

func TestListFirstRowBeforeSecondPage(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 20, emulator.Options{SyntheticSecrets: 150}, nil)
	// Every ListSecrets call takes 1.5s: the first page is on screen well
	// before the second one could have arrived.
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Latency: 1500 * time.Millisecond})
	s := h.waitFor("100 secrets")
	// The rows are on screen with one page in and the listing still going:
	// they did not wait for the second page (a state, not a stopwatch).
	l := listOf(h)
	if l.Pages != 1 || !l.Loading {
		t.Fatalf("pages=%d loading=%v when the first rows showed", l.Pages, l.Loading)
	}
	if !regexp.MustCompile(`› \S`).MatchString(s) {
		t.Errorf("no row under the cursor on screen:\n%s", s)
	}
	h.waitFor("178 secrets")
}

func TestListStopLoading(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 20, emulator.Options{SyntheticSecrets: 900}, nil)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Latency: 250 * time.Millisecond})
	h.waitFor("100 secrets")
	h.press(keys().List.StopLoading)
	s := h.waitFor("stopped early")
	n := len(listOf(h).Table.Rows)
	if n == 0 || n >= 921 {
		t.Fatalf("%d rows after stopping", n)
	}
	assertContains(t, s, "stopped early: "+list.CountText(n)+" loaded")
	calls := h.emu.Requests("ListSecrets")
	h.drain(700 * time.Millisecond)
	if got := len(listOf(h).Table.Rows); got != n {
		t.Errorf("rows went from %d to %d after stopping", n, got)
	}
	if got := h.emu.Requests("ListSecrets"); got > calls {
		t.Errorf("ListSecrets called again after stopping (%d -> %d)", calls, got)
	}
	// Refresh loads everything again.
	h.emu.ClearFaults()
	h.press(keys().Common.Refresh)
	h.waitFor("928 secrets")
}

func TestListRefreshesChangedSecret(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	st := h.store("us-east-1")
	ctx := context.Background()
	desc := "Stripe key, rotated by the test"
	if err := st.UpdateSecret(ctx, aws.UpdateSecretInput{SecretID: "prod/api/stripe", Description: &desc}); err != nil {
		t.Fatal(err)
	}
	h.send(common.SecretChangedMsg{Region: "us-east-1", SecretID: "prod/api/stripe"})
	h.waitFor("Stripe key, rotated by")
	if _, err := st.CreateSecret(ctx, aws.CreateSecretInput{Name: "prod/new/thing", Description: "made by the test",
		Value: aws.TextValue("x-value-not-shown")}); err != nil {
		t.Fatal(err)
	}
	h.send(common.SecretChangedMsg{Region: "us-east-1", SecretID: "prod/new/thing"})
	h.waitFor("prod/new/thing")
	h.waitFor("29 secrets")
	if _, err := st.DeleteSecret(ctx, aws.DeleteSecretInput{SecretID: "prod/new/thing", RecoveryWindowDays: 7}); err != nil {
		t.Fatal(err)
	}
	h.send(common.SecretChangedMsg{Region: "us-east-1", SecretID: "prod/new/thing"})
	s := h.waitFor("28 secrets")
	if strings.Contains(s, "prod/new/thing") {
		t.Errorf("secret scheduled for deletion still listed:\n%s", s)
	}
	// Another region's change is not this list's business.
	calls := h.emu.Requests("DescribeSecret")
	h.send(common.SecretChangedMsg{Region: "eu-west-1", SecretID: "prod/api/sendgrid"})
	if h.emu.Requests("DescribeSecret") != calls {
		t.Error("a change in another region made the list describe a secret")
	}
}

func TestListErrorDoesNotCrash(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 20, emulator.Options{}, nil)
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException"})
	h.press(keys().Common.Refresh)
	s := h.waitFor("listing failed")
	assertContains(t, s, "access denied", "secretsmanager:ListSecrets")
	h.emu.ClearFaults()
	h.press(keys().Common.Refresh)
	h.waitFor("28 secrets")
}
