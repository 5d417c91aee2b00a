package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/secret"
)

// openHistory opens a secret's detail, then its history, and waits for the
// first page.
func (h *harness) openHistory(name string) string {
	h.t.Helper()
	h.openDetail(name)
	h.press(h.app.env.Keys.Detail.History)
	return h.waitUntil("the first page of history", func(s string) bool {
		_, ok := h.topScreen().(*secret.History)
		return ok && strings.Contains(s, "events read")
	})
}

// historyRows are the table's rows on screen (the lines after the column
// titles, up to the detail pane's separator).
func historyRows(screen string) []string {
	var rows []string
	in := false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.Contains(l, "TIME") && strings.Contains(l, "EVENT"):
			in = true
		case strings.Contains(l, "────"):
			in = false
		case in && strings.TrimSpace(l) != "":
			rows = append(rows, l)
		}
	}
	return rows
}

func TestHistoryShowsSeveralPrincipalsNewestFirst(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 140, 44, nil)
	s := h.openHistory("prod/db/postgres")
	assertContains(t, s,
		"CloudTrail delivers events about 5 minutes late; the last minutes may be missing.",
		"50 events read", "more as you scroll",
		"TIME", "EVENT", "SOURCE", "PRINCIPAL",
		"user/alice", "203.0.113.24",
		"bob@example.com (AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b)", "198.51.100.42",
		"assumed-role/github-actions-deploy/GitHubActions", "192.0.2.10",
		"assumed-role/orders-service/i-0a1b2c3d4e5f67890", "10.0.12.34",
		"✗ GetSecretValue", // the CI role's refused read
	)
	rows := historyRows(s)
	if len(rows) < 20 {
		t.Fatalf("%d rows:\n%s", len(rows), s)
	}
	// Newest first: the detail screen's own calls just now (the emulator
	// records at once; AWS would deliver them minutes later), then bob's
	// DescribeSecret of 0.2 days ago, then the orders service's read.
	for _, r := range rows[:2] {
		if !strings.Contains(r, "2025-06-02 12:00") || !strings.Contains(r, "user/oncall") {
			t.Errorf("row %q, want this session's own DescribeSecret and GetResourcePolicy first", r)
		}
	}
	bob, orders := -1, -1
	for i, r := range rows {
		if strings.Contains(r, "2025-06-02 07:12  DescribeSecret") && strings.Contains(r, "bob@example.com (AWSReservedSSO_AdministratorAccess_") {
			bob = i
		}
		if strings.Contains(r, "2025-06-02 06:07  GetSecretValue") && strings.Contains(r, "orders-service") {
			orders = i
		}
	}
	if bob < 0 || orders != bob+1 {
		t.Errorf("bob's DescribeSecret at row %d, the orders read at row %d, want it right after", bob, orders)
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("the history read a value (%d GetSecretValue)", n)
	}
	if n := h.emu.Requests("LookupEvents"); n != 1 {
		t.Fatalf("%d LookupEvents for one screen of events, want 1", n)
	}
}

func TestHistoryPagesLazilyAsYouScroll(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 30, nil)
	h.openHistory("prod/db/postgres")
	if n := h.emu.Requests("LookupEvents"); n != 1 {
		t.Fatalf("%d LookupEvents before scrolling, want 1", n)
	}
	// Near the end of the first page, the next is read; at the end of the
	// history nothing more is asked.
	h.press(h.app.env.Keys.Nav.Bottom)
	h.waitFor("the whole history")
	if n := h.emu.Requests("LookupEvents"); n != 2 {
		t.Fatalf("%d LookupEvents after reaching the end, want 2", n)
	}
	h.press(h.app.env.Keys.Nav.Bottom)
	s := h.screen()
	// The oldest events: the rotation 12 days ago, by the function's role
	// and by Secrets Manager itself.
	assertContains(t, s, "10.0.40.7        SecretsManagerPostgresRotation (SecretsManagerPostgresRo", "RotationSucceeded", "secretsmanager.amazonaws.com")
	if n := h.emu.Requests("LookupEvents"); n != 2 {
		t.Fatalf("%d LookupEvents, want no more after the last page", n)
	}
	if n := h.emu.Throttled("LookupEvents"); n != 0 {
		t.Fatalf("paging was throttled %d times", n)
	}
}

func TestHistoryFiltersByPrincipalAndEvent(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, nil)
	h.openHistory("prod/db/postgres")
	k := h.app.env.Keys

	h.press(k.History.FilterPrincipal)
	h.typeText("alice")
	h.press(k.Input.Submit)
	s := h.waitUntil("alice's events", func(s string) bool {
		return strings.Contains(s, "filter who ~ alice") && strings.Contains(s, "the whole history")
	})
	rows := historyRows(s)
	if len(rows) != 2 {
		t.Fatalf("alice: %d rows, want her DescribeSecret and GetSecretValue:\n%s", len(rows), s)
	}
	for _, r := range rows {
		if !strings.Contains(r, "user/alice") {
			t.Fatalf("a row by someone else: %q", r)
		}
	}
	assertContains(t, s, "2 of ", "shown", "who    arn:aws:iam::123456789012:user/alice")

	// Back clears the filter first, and the screen stays.
	h.press(k.Common.Back)
	if _, ok := h.topScreen().(*secret.History); !ok {
		t.Fatal("back with a filter left the history")
	}
	if s := h.screen(); strings.Contains(s, "filter who") || len(historyRows(s)) < 20 {
		t.Fatalf("back did not clear the filter:\n%s", s)
	}

	h.press(k.History.FilterEvent)
	h.typeText("rotation")
	h.press(k.Input.Submit)
	s = h.waitFor("filter event ~ rotation")
	rows = historyRows(s)
	if len(rows) != 2 || !strings.Contains(rows[0], "RotationSucceeded") || !strings.Contains(rows[1], "RotationStarted") {
		t.Fatalf("rotation events:\n%s", strings.Join(rows, "\n"))
	}
	if n := h.emu.Throttled("LookupEvents"); n != 0 {
		t.Fatalf("filtering was throttled %d times", n)
	}
}

func TestHistoryFitsNarrowWindows(t *testing.T) {
	t.Parallel()
	for _, w := range []int{40, 80, 120} {
		h := newSecretHarness(t, w, 24, nil)
		s := h.openHistory("prod/db/postgres")
		for _, l := range strings.Split(s, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line of %d cells: %q", w, ansi.StringWidth(l), l)
			}
		}
		if len(historyRows(s)) == 0 {
			t.Errorf("width %d: no rows:\n%s", w, s)
		}
	}
}

// A principal is text from AWS, chosen by whoever named the session: it
// reaches the screen sanitized, never as terminal control sequences.
func TestHistorySanitizesPrincipals(t *testing.T) {
	t.Parallel()
	evil := "arn:aws:sts::123456789012:assumed-role/R/evil\x1b]52;c;aGk=\x07\x1b[2J"
	h := newHarness(t, 120, 40, emulator.Options{Seed: true, Clock: func() time.Time { return testNow },
		Principals: map[string]string{"AKIDTEST": evil}}, func(o *Options) { o.Now = func() time.Time { return testNow } })
	s := h.openHistory("prod/db/postgres")
	raw := h.app.View().Content
	if strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\x07") || strings.Contains(raw, "\x1b[2J") {
		t.Fatalf("control sequences from a principal reached the terminal: %q", raw)
	}
	assertContains(t, s, "assumed-role/R/evil")
}
