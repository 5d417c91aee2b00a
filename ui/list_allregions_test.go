package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
)

// The all-regions picker offers every region, selects all and none, lists
// them with each region's count in place, shows a failing region's error
// while the others list, and remembers the choice for the next A.
func TestAllRegionsSelectAllCountsAndRemembers(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Region: "eu-west-1", Error: "AccessDeniedException"})
	k := keys()
	every := common.GroupThousands(len(aws.Regions())) + " selected"

	h.press(k.List.AllRegions)
	assertContains(t, h.screen(), "a select all", "u select none")
	h.press(k.Picker.All)
	s := h.screen()
	assertContains(t, s, every, "[x] us-east-1", "[x] af-south-1", "[x] ap-southeast-2")
	h.press(k.Picker.None)
	s = h.screen()
	assertContains(t, s, "0 selected", "[ ] us-east-1", "[ ] af-south-1")
	if strings.Contains(s, "[x]") {
		t.Errorf("select none left a region ticked:\n%s", s)
	}
	h.press(k.Picker.All)
	assertContains(t, h.screen(), every)
	h.press(k.Picker.Select)

	s = h.waitUntil("every region listed", func(s string) bool {
		return strings.Contains(s, "us-east-1 · 28") && strings.Contains(s, "ap-southeast-2 · 3") &&
			strings.Contains(s, "✗ eu-west-1 · ") && !strings.Contains(s, "loading…")
	})
	if l := lineWith(s, "✗ eu-west-1 · "); !strings.Contains(l, "access denied") {
		t.Errorf("failing region's line lacks its error: %q", l)
	}
	assertContains(t, s, "prod/db/mysql-orders", "prod/db/postgres-apac", "1 failed")
	// 34 regions do not fit in three lines at 120 columns: the rest are counted.
	if !regexp.MustCompile(`\+\d+ more`).MatchString(s) {
		t.Errorf("no +N more after the region counts:\n%s", s)
	}
	if strings.Contains(s, "prod/db/postgres-eu") {
		t.Errorf("rows of the failing region shown:\n%s", s)
	}

	// Back to the list: A ticks the regions last listed together.
	h.press(k.Common.Back)
	h.press(k.List.AllRegions)
	assertContains(t, h.screen(), every)
	// Choose just eu-west-1 and us-east-1 this time.
	h.press(k.Picker.None)
	for _, q := range []string{"euwest1", "useast1"} {
		h.press(k.Picker.Filter)
		h.typeText(q)
		h.press(k.Input.Submit)
		h.press(k.Picker.Toggle)
		h.press(k.Common.Back) // clears the filter
	}
	assertContains(t, h.screen(), "2 selected")
	h.press(k.Picker.Select)
	h.waitFor("us-east-1 · 28")
	h.press(k.Common.Back)
	h.press(k.List.AllRegions)
	s = h.screen()
	assertContains(t, s, "2 selected", "[x] us-east-1", "[x] eu-west-1", "[ ] af-south-1", "[ ] ap-southeast-2")
}
