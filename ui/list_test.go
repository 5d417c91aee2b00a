package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// newListHarness is a seeded harness on the fixed test clock.
func newListHarness(t *testing.T, width, height int, emu emulator.Options, mod func(*Options)) *harness {
	t.Helper()
	emu.Seed = true
	emu.Clock = func() time.Time { return testNow }
	return newHarness(t, width, height, emu, func(o *Options) {
		o.Now = func() time.Time { return testNow }
		if mod != nil {
			mod(o)
		}
	})
}

// listOf returns the root list screen.
func listOf(h *harness) *list.Screen { return h.app.stack[0].(*list.Screen) }

// waitLoaded waits until the list has finished loading.
func waitLoaded(h *harness) string {
	h.t.Helper()
	return h.waitUntil("the listing to finish", func(string) bool {
		l := listOf(h)
		return !l.Loading && !l.Connecting && (l.Complete || l.LoadErr != nil || l.Stopped)
	})
}

// rowOrder returns the order in which names appear on the screen (-1 if
// absent).
func rowOrder(screen string, names ...string) []int {
	out := make([]int, len(names))
	for i, n := range names {
		out[i] = strings.Index(screen, n)
	}
	return out
}

func keys() *keymap.KeyMap { return keymap.Default() }

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
	s = h.waitFor("271 secrets")
	if time.Since(start) < 600*time.Millisecond {
		t.Errorf("all pages arrived in %v; the latency fault did not apply", time.Since(start))
	}
	if strings.Contains(s, "loading") {
		t.Errorf("still says loading after the last page:\n%s", s)
	}
	if n := h.emu.Requests("ListSecrets"); n != 3 {
		t.Errorf("ListSecrets called %d times for 271 secrets, want 3 pages", n)
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
	start := time.Now()
	s := h.waitFor("100 secrets")
	elapsed := time.Since(start)
	l := listOf(h)
	if l.Pages != 1 || !l.Loading {
		t.Fatalf("pages=%d loading=%v when the first rows showed", l.Pages, l.Loading)
	}
	if elapsed >= 3*time.Second {
		t.Errorf("first rows took %v: they waited for the second page", elapsed)
	}
	if !regexp.MustCompile(`› \S`).MatchString(s) {
		t.Errorf("no row under the cursor on screen:\n%s", s)
	}
	h.waitFor("171 secrets")
}

func TestListFuzzyFilterHighlightsMatches(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Filter)
	if !h.app.top().Capturing() {
		t.Fatal("the filter input does not capture keys")
	}
	h.typeText("mysqlord")
	s := h.screen()
	if l := lineWith(s, "› "); !strings.Contains(l, "prod/db/mysql-orders") {
		t.Errorf("best match is not on top under the cursor: %q\n%s", l, s)
	}
	if strings.Contains(s, "staging/app/config") || strings.Contains(s, "21/21") {
		t.Errorf("filter mysqlord keeps unrelated secrets:\n%s", s)
	}
	// The matched characters are drawn in the Match style (selected row).
	raw := h.app.View().Content
	want := common.NewRowStyles(h.app.env.Styles, true).Match.Render("mysql")
	if !strings.Contains(raw, want) {
		t.Errorf("matched characters are not highlighted; want %q in the rendered row", want)
	}
	// Tags are searched too: team=payments is only on prod/db/postgres.
	for range len("mysqlord") {
		h.send(keyPress("backspace"))
	}
	h.typeText("payments")
	s = h.screen()
	// Only prod/db/postgres and a few others carry team=payments.
	if !strings.Contains(s, "prod/db/postgres") || strings.Contains(s, "dev/db/postgres") {
		t.Errorf("tag value filter: want the payments team's secrets only:\n%s", s)
	}
	// Submit keeps the filter and gives the keys back; esc then clears it.
	h.press(k.Input.Submit)
	if h.app.top().Capturing() {
		t.Fatal("still capturing after submit")
	}
	assertContains(t, h.screen(), "/ payments", "esc clears")
	h.press(k.Common.Back)
	s = h.screen()
	assertContains(t, s, "prod/db/mysql-orders", "staging/app/config")
	if strings.Contains(s, "/ payments") {
		t.Errorf("esc did not clear the filter:\n%s", s)
	}
	if len(h.app.stack) != 1 {
		t.Errorf("esc popped the list")
	}
	// Esc while typing clears as well.
	h.press(k.List.Filter)
	h.typeText("zzzzqqq")
	assertContains(t, h.screen(), "nothing loaded matches")
	h.press(k.Common.Back)
	assertContains(t, h.screen(), "prod/db/mysql-orders")
	if h.app.top().Capturing() {
		t.Error("still capturing after esc")
	}
}

func TestListServerFilterPrompt(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	before := h.emu.Requests("ListSecrets")
	h.press(k.List.ServerFilter)
	h.typeText("colour:red")
	h.press(k.Input.Submit)
	s := h.screen()
	assertContains(t, s, `unknown filter key "colour"`)
	if h.emu.Requests("ListSecrets") != before {
		t.Error("a bad server filter started a listing")
	}
	for range len("colour:red") {
		h.send(keyPress("backspace"))
	}
	h.typeText("name:prod/db/ !tag-key:nosuchtag")
	h.press(k.Input.Submit)
	h.waitFor("server filter: name:prod/db/ !tag-key:nosuchtag")
	s = waitLoaded(h)
	assertContains(t, s, "prod/db/postgres", "prod/db/mysql-orders")
	for _, not := range []string{"staging/", "dev/", "prod/api/stripe"} {
		if strings.Contains(s, not) {
			t.Errorf("server filter name:prod/db/ shows %s:\n%s", not, s)
		}
	}
	if h.emu.Requests("ListSecrets") == before {
		t.Error("the listing did not restart with the filter")
	}
	// An empty filter clears it.
	h.press(k.List.ServerFilter)
	for range 40 {
		h.send(keyPress("backspace"))
	}
	h.press(k.Input.Submit)
	s = waitLoaded(h)
	assertContains(t, s, "21 secrets", "staging/app/config")
}

func TestParseServerFilter(t *testing.T) {
	t.Parallel()
	got, err := list.ParseServerFilter(`name:prod/ tag-key:team description:"order service" name:!prod/legacy !tag-value:old rds`)
	if err != nil {
		t.Fatal(err)
	}
	want := []aws.Filter{
		{Key: "name", Values: []string{"prod/", "!prod/legacy"}},
		{Key: "tag-key", Values: []string{"team"}},
		{Key: "description", Values: []string{"order service"}},
		{Key: "tag-value", Values: []string{"!old"}},
		{Key: "all", Values: []string{"rds"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Key != want[i].Key || strings.Join(got[i].Values, "|") != strings.Join(want[i].Values, "|") {
			t.Errorf("filter %d = %v, want %v", i, got[i], want[i])
		}
	}
	if s := list.FormatServerFilter(got); s != `name:prod/ !name:prod/legacy tag-key:team description:"order service" !tag-value:old all:rds` {
		t.Errorf("format = %s", s)
	}
	for _, bad := range []string{"colour:red", "name:", `description:"open`, "!name:!"} {
		if _, err := list.ParseServerFilter(bad); err == nil {
			t.Errorf("parseServerFilter(%q) accepted", bad)
		}
	}
	if f, err := list.ParseServerFilter("   "); err != nil || len(f) != 0 {
		t.Errorf("blank filter = %v, %v", f, err)
	}
}

func TestListSortCyclesAndReverses(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Sort)
	h.waitFor("sort: name ↑")
	s := waitLoaded(h)
	o := rowOrder(s, "ci/github/deploy-token", "dev/db/postgres", "prod/api/stripe", "team/café")
	for i := 1; i < len(o); i++ {
		if o[i-1] < 0 || o[i-1] > o[i] {
			t.Fatalf("not sorted by name ascending (positions %v):\n%s", o, s)
		}
	}
	h.press(k.List.SortOrder)
	h.waitFor("sort: name ↓")
	s = waitLoaded(h)
	o = rowOrder(s, "team/café", "prod/api/stripe", "dev/db/postgres", "ci/github/deploy-token")
	for i := 1; i < len(o); i++ {
		if o[i-1] < 0 || o[i-1] > o[i] {
			t.Fatalf("not sorted by name descending (positions %v):\n%s", o, s)
		}
	}
	if l := listOf(h); l.ListOpts.SortBy != aws.SortByName || l.ListOpts.SortOrder != aws.SortDesc {
		t.Errorf("list options %+v", l.ListOpts)
	}
	h.press(k.List.Sort)
	h.waitFor("sort: last changed ↓")
	h.press(k.List.Sort)
	h.waitFor("sort: last accessed ↓")
	s = waitLoaded(h)
	// Never-read secrets sort last when descending by last access.
	o = rowOrder(s, "prod/db/postgres ", "dev/api/sendgrid")
	if o[0] < 0 || o[1] < 0 || o[0] > o[1] {
		t.Errorf("last accessed ↓: a secret read today should come before one never read:\n%s", s)
	}
}

func TestListShowDeletedToggle(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	s := waitLoaded(h)
	if strings.Contains(s, "legacy/reporting-db") {
		t.Fatalf("a secret scheduled for deletion is listed by default:\n%s", s)
	}
	h.press(keys().List.ShowDeleted)
	h.waitFor("legacy/reporting-db")
	s = waitLoaded(h)
	line := lineWith(s, "legacy/reporting-db")
	if !regexp.MustCompile(`deleting since \d{4}-\d{2}-\d{2}`).MatchString(line) {
		t.Errorf("deleted secret's row lacks the deleting marker with its date: %q", line)
	}
	assertContains(t, s, "incl. deleted", "22 secrets")
	h.press(keys().List.ShowDeleted)
	s = h.waitFor("21 secrets")
	if strings.Contains(s, "legacy/reporting-db") {
		t.Errorf("still listed after hiding deleted secrets:\n%s", s)
	}
}

func lineWith(screen, sub string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

func TestListRowMarkers(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	s := waitLoaded(h)
	if l := lineWith(s, "prod/db/mysql-orders"); !strings.Contains(l, "stuck") {
		t.Errorf("stuck rotation not shown: %q", l)
	}
	if l := lineWith(s, "prod/db/postgres "); !strings.Contains(l, " on ") {
		t.Errorf("rotation on not shown: %q", l)
	}
	if l := lineWith(s, "shared/datadog/api-key"); !strings.Contains(l, "replicated") {
		t.Errorf("replication not shown: %q", l)
	}
	if l := lineWith(s, "rds!db-"); !strings.Contains(l, "owned by rds") {
		t.Errorf("owning service not shown: %q", l)
	}
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
	h.waitFor("921 secrets")
}

func TestListRegionSwitchRemembersRecents(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Region)
	s := h.screen()
	assertContains(t, s, "Switch the list to a region", "us-east-1  current", "ap-southeast-2")
	h.press(k.Picker.Filter)
	h.typeText("euwest1")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	s = h.waitFor("prod/db/postgres-eu")
	assertContains(t, s, "secrets in eu-west-1")
	if strings.Contains(s, "prod/db/mysql-orders") {
		t.Errorf("us-east-1 rows left after switching:\n%s", s)
	}
	// Recently used regions come first.
	h.press(k.List.Region)
	s = h.screen()
	first := rowOrder(s, "eu-west-1  current", "us-east-1  recent", "af-south-1")
	if first[0] < 0 || first[1] < 0 || first[0] > first[1] || first[1] > first[2] {
		t.Errorf("recents not first (%v):\n%s", first, s)
	}
	h.press(k.Common.Back)
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatalf("esc did not close the picker")
	}
}

// Not parallel: it measures that two slow regions load concurrently.
func TestAllRegionsOneFailingRegion(t *testing.T) {
	h := newListHarness(t, 120, 40, emulator.Options{}, func(o *Options) {
		o.Regions = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
	})
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Region: "eu-west-1", Error: "AccessDeniedException"})
	// Both other regions are slow, so they must load concurrently to finish
	// in time.
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Region: "ap-southeast-2", Latency: 400 * time.Millisecond})
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Region: "us-east-1", Latency: 400 * time.Millisecond})
	k := keys()
	h.press(k.List.AllRegions)
	s := h.screen()
	assertContains(t, s, "3 selected", "[x] us-east-1", "[x] eu-west-1", "[x] ap-southeast-2")
	start := time.Now()
	h.press(k.Picker.Select)
	s = h.waitUntil("both healthy regions", func(s string) bool {
		return strings.Contains(s, "prod/db/postgres-apac") && strings.Contains(s, "prod/db/mysql-orders") &&
			strings.Contains(s, "✗ eu-west-1")
	})
	if d := time.Since(start); d > 750*time.Millisecond {
		t.Errorf("two regions with 400ms each took %v: not concurrent", d)
	}
	line := lineWith(s, "✗ eu-west-1")
	if !strings.Contains(line, "access denied") || !strings.Contains(line, "secretsmanager:") {
		t.Errorf("failed region's line should name the error and the action: %q", line)
	}
	if l := lineWith(s, "prod/db/postgres-apac"); !strings.Contains(l, "ap-southeast-2") {
		t.Errorf("region column missing: %q", l)
	}
	// Enter opens the detail with that region's store.
	h.press(k.List.Filter)
	h.typeText("postgres-apac")
	h.press(k.Input.Submit)
	h.press(k.Nav.Open)
	d, ok := h.app.top().(*secret.Detail)
	if !ok {
		t.Fatalf("enter opened %T", h.app.top())
	}
	if d.Store.Region() != "ap-southeast-2" || d.Summary.Name != "prod/db/postgres-apac" {
		t.Errorf("detail opened %s in %s", d.Summary.Name, d.Store.Region())
	}
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
	h.waitFor("22 secrets")
	if _, err := st.DeleteSecret(ctx, aws.DeleteSecretInput{SecretID: "prod/new/thing", RecoveryWindowDays: 7}); err != nil {
		t.Fatal(err)
	}
	h.send(common.SecretChangedMsg{Region: "us-east-1", SecretID: "prod/new/thing"})
	s := h.waitFor("21 secrets")
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

func TestListCopyNameAndARN(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := newListHarness(t, 120, 40, emulator.Options{}, func(o *Options) { o.Clipboard = clip })
	waitLoaded(h)
	h.press(keys().List.Filter)
	h.typeText("stripe live")
	h.press(keys().Input.Submit)
	h.press(keys().Common.CopyName)
	h.drain(50 * time.Millisecond)
	if got := clip.get(); got != "prod/api/stripe" {
		t.Errorf("copied %q, want the name", got)
	}
	h.press(keys().Common.CopyARN)
	h.drain(50 * time.Millisecond)
	if got := clip.get(); !strings.HasPrefix(got, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api/stripe-") {
		t.Errorf("copied %q, want the ARN", got)
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
	h.waitFor("21 secrets")
}

func TestListNeverShowsSeededValues(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 200, 60, emulator.Options{}, func(o *Options) {
		o.Regions = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
	})
	waitLoaded(h)
	needles := leakNeedles(h)
	if len(needles) < 50 {
		t.Fatalf("only %d needles: the test would prove little", len(needles))
	}
	check := func(when string) {
		t.Helper()
		assertNoLeak(t, needles, when, h.screen())
	}
	k := keys()
	check("loaded")
	h.press(k.List.ShowDeleted)
	waitLoaded(h)
	check("with deleted")
	h.press(k.List.Filter)
	h.typeText("prod")
	check("filtered")
	h.press(k.Input.Cancel)
	h.press(k.List.AllRegions)
	check("region picker")
	h.press(k.Picker.Select)
	h.waitFor("prod/db/postgres-apac")
	check("all regions")
}

func TestRotationState(t *testing.T) {
	t.Parallel()
	now := testNow
	cases := []struct {
		s    aws.SecretSummary
		want table.RotationState
	}{
		{aws.SecretSummary{}, table.RotationOff},
		{aws.SecretSummary{RotationEnabled: true, NextRotationDate: now.Add(time.Hour)}, table.RotationOn},
		{aws.SecretSummary{RotationEnabled: true, NextRotationDate: now.Add(-time.Hour)}, table.RotationDue},
		{aws.SecretSummary{RotationEnabled: true, VersionStages: map[string][]string{
			"a": {aws.LabelCurrent}, "b": {aws.LabelPending}}}, table.RotationStuck},
		{aws.SecretSummary{RotationEnabled: true, NextRotationDate: now.Add(time.Hour), VersionStages: map[string][]string{
			"a": {aws.LabelCurrent, aws.LabelPending}, "b": {aws.LabelPrevious}}}, table.RotationOn},
	}
	for i, c := range cases {
		if got := table.RotationOf(c.s, now); got != c.want {
			t.Errorf("case %d: %v, want %v", i, got, c.want)
		}
	}
}

func TestRelativeDates(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		t    time.Time
		want string
	}{
		{now.Add(-30 * time.Second), "just now"},
		{now.Add(-5 * time.Minute), "5m ago"},
		{now.Add(-3 * time.Hour), "3h ago"},
		{now.Add(-3 * 24 * time.Hour), "3d ago"},
		{now.Add(-90 * 24 * time.Hour), "3mo ago"},
		{now.Add(-3 * 365 * 24 * time.Hour), "3y ago"},
		{now.Add(2 * time.Hour), "in 2h"},
	}
	for _, c := range cases {
		if got := common.RelTime(c.t, now, "—"); got != c.want {
			t.Errorf("relTime(%v) = %q, want %q", c.t, got, c.want)
		}
	}
	if got := common.RelTime(time.Time{}, now, "—"); got != "—" {
		t.Errorf("zero time = %q", got)
	}
	day := time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)
	for d, want := range map[int]string{0: "today", 1: "yesterday", 5: "5d ago"} {
		if got := common.RelDate(day.AddDate(0, 0, -d), now, "never"); got != want {
			t.Errorf("relDate(-%dd) = %q, want %q", d, got, want)
		}
	}
	if got := common.RelDate(time.Time{}, now, "never"); got != "never" {
		t.Errorf("zero date = %q", got)
	}
}

func TestFuzzyNarrowingMatchesFullSearch(t *testing.T) {
	t.Parallel()
	rows := list.RowsOf(benchSummaries(500))
	tb := table.New(&common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now}})
	tb.SetSize(80, 20)
	tb.Add(rows)
	for _, q := range []string{"s", "sv", "svc", "svc0", "svc04", "svc04 db", "svc04 dbx"} {
		tb.SetQuery(q) // narrows from the previous query
		full := fuzzy.Find(q, tb.Fields, len(tb.Rows), nil)
		if len(full) != len(tb.Shown) {
			t.Fatalf("%q: narrowed %d hits, full search %d", q, len(tb.Shown), len(full))
		}
		for i := range full {
			if full[i].Item != tb.Shown[i].Item {
				t.Fatalf("%q: hit %d differs: %d vs %d", q, i, tb.Shown[i].Item, full[i].Item)
			}
		}
	}
}

func TestLayoutColumnsFitEveryWidth(t *testing.T) {
	t.Parallel()
	for w := 20; w <= 240; w++ {
		for _, region := range []bool{false, true} {
			c := table.LayoutColumns(w, region, 40)
			total := table.GutterWidth + c.Name
			for _, x := range []int{c.Region, c.Desc, c.Changed, c.Accessed, c.Rotation, c.Flags} {
				if x > 0 {
					total += x + 1
				}
			}
			if c.Marker {
				total += 2
			}
			if w >= 40 && total > w {
				t.Errorf("width %d region=%v: columns take %d (%+v)", w, region, total, c)
			}
			if w >= 40 && c.Name < table.MinNameWidth {
				t.Errorf("width %d region=%v: name only %d wide", w, region, c.Name)
			}
		}
	}
	if c := table.LayoutColumns(40, false, 30); c.Desc != 0 || c.Accessed != 0 {
		t.Errorf("40 columns keeps description/accessed: %+v", c)
	}
	if c := table.LayoutColumns(120, false, 30); c.Desc == 0 || c.Accessed == 0 || !c.FlagsLong {
		t.Errorf("120 columns drops a column: %+v", c)
	}
}
