package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

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
	if !regexp.MustCompile(`deleting \d{4}-\d{2}-\d{2}–\d{2}-\d{2}`).MatchString(line) {
		t.Errorf("deleted secret's row lacks the deleting marker with its date: %q", line)
	}
	assertContains(t, s, "incl. deleted", "29 secrets")
	h.press(keys().List.ShowDeleted)
	s = h.waitFor("28 secrets")
	if strings.Contains(s, "legacy/reporting-db") {
		t.Errorf("still listed after hiding deleted secrets:\n%s", s)
	}
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
	// The seeded datadog key's replication to ap-southeast-2 failed.
	if l := lineWith(s, "shared/datadog/api-key"); !strings.Contains(l, "replication FAILED") {
		t.Errorf("failed replication not shown: %q", l)
	}
	if l := lineWith(s, "rds!db-"); !strings.Contains(l, "owned by rds") {
		t.Errorf("owning service not shown: %q", l)
	}
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
