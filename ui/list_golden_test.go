package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/list"
)

// assertFits fails if any line of the whole window is wider than width or
// the window is taller than height.
func assertFits(t *testing.T, h *harness, width, height int) {
	t.Helper()
	lines := strings.Split(ansi.Strip(h.app.View().Content), "\n")
	if len(lines) > height {
		t.Errorf("%d lines in a %d-line window", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d wide in a %d-column window: %q", i, w, width, l)
		}
	}
}

// TestListGolden renders the list, the filtered list and the all-regions
// view (one region failing) at 40, 80 and 120 columns.
func TestListGolden(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 10}, {80, 24}, {120, 30}} {
		w, ht := size[0], size[1]
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			h := newListHarness(t, w, ht, emulator.Options{}, func(o *Options) {
				o.Regions = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
			})
			waitLoaded(h)
			needles := leakNeedles(h)
			k := h.app.env.Keys
			assertFits(t, h, w, ht)
			checkGolden(t, h, needles, fmt.Sprintf("list_%d", w))

			h.press(k.List.ShowDeleted)
			waitLoaded(h)
			h.press(k.List.Filter)
			h.typeText("db")
			assertFits(t, h, w, ht)
			checkGolden(t, h, needles, fmt.Sprintf("list_filtered_%d", w))
			h.press(k.Input.Cancel)

			h.press(k.List.ServerFilter)
			assertFits(t, h, w, ht)
			checkGolden(t, h, needles, fmt.Sprintf("list_server_filter_%d", w))
			h.press(k.Input.Cancel)

			h.emu.InjectFault(emulator.Fault{Region: "eu-west-1", Error: "AccessDeniedException"})
			h.press(k.List.AllRegions)
			h.press(k.Picker.Select)
			h.waitUntil("every region", func(string) bool {
				s, ok := h.app.top().(*list.AllRegions)
				return ok && s.LoadingCount() == 0
			})
			assertFits(t, h, w, ht)
			checkGolden(t, h, needles, fmt.Sprintf("list_allregions_%d", w))
		})
	}
}
