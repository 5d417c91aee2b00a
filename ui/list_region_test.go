package ui

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

func TestListRegionSwitchRemembersRecents(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 100, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Region)
	s := h.screen()
	assertContains(t, s, "Switch the list to a region", "us-east-1       current", "ap-southeast-2")
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
	first := rowOrder(s, "eu-west-1       current", "us-east-1       recent", "af-south-1")
	if first[0] < 0 || first[1] < 0 || first[0] > first[1] || first[1] > first[2] {
		t.Errorf("recents not first (%v):\n%s", first, s)
	}
	// The current and recent tags start in one column.
	if c, r := column(s, "current"), column(s, "recent"); c < 0 || c != r {
		t.Errorf("current at column %d, recent at %d:\n%s", c, r, s)
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

// column is the cell column where sub first starts on its line, or -1.
func column(screen, sub string) int {
	l := lineWith(screen, sub)
	i := strings.Index(l, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(l[:i])
}
