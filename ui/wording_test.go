package ui

import (
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// The detail's rotation dates add up to the schedule even when the screen
// is drawn a little after the last rotation's hour: 12 days ago and in 18
// days on a 30-day schedule, never "in 17 days".
func TestDetailRotationDatesAddUpToTheSchedule(t *testing.T) {
	t.Parallel()
	later := testNow.Add(90 * time.Second)
	h := newHarness(t, 120, 100, emulator.Options{Seed: true, Clock: func() time.Time { return testNow }}, func(o *Options) {
		o.Now = func() time.Time { return later }
	})
	s := h.openDetail("prod/db/postgres")
	assertContains(t, s,
		"Last rotated   2025-05-21 12:00 UTC (12 days ago)",
		"Next rotation  2025-06-20 12:00 UTC (in 18 days)",
		"Schedule       rate(30 days)")
}
