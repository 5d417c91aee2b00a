package common

import (
	"strings"
	"testing"
	"time"
)

func TestDeletionWording(t *testing.T) {
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	due := now.AddDate(0, 0, 7)
	known := DeletionText(now, due, now)
	for _, want := range []string{"AWS deletes it for good on 2026-12-06 10:00 UTC (in 7 days)", "deletion asked 2026-11-29 10:00 UTC (just now)"} {
		if !strings.Contains(known, want) {
			t.Errorf("known date: %q lacks %q", known, want)
		}
	}
	if later := DeletionText(now, due, now.Add(time.Minute)); !strings.Contains(later, "(in 7 days)") {
		t.Errorf("a minute later the 7-day deletion is not in 7 days: %q", later)
	}
	unknown := DeletionText(now, time.Time{}, now)
	if !strings.Contains(unknown, "7-30 days after that") || !strings.Contains(unknown, "between 2026-12-06 and 2026-12-29") {
		t.Errorf("unknown date: %q", unknown)
	}
	if got := DeletionFlag(now, due); got != "del Dec 06" {
		t.Errorf("flag %q", got)
	}
	if got := DeletionFlag(now, time.Time{}); got != "del ≤Dec 29" {
		t.Errorf("flag without the date %q", got)
	}
	if got := DeletionFlagLong(now, due); got != "deleting 2026-12-06" {
		t.Errorf("long flag %q", got)
	}
	if got := DeletionFlagLong(now, time.Time{}); got != "deleting 2026-12-06–12-29" {
		t.Errorf("long flag without the date %q", got)
	}
}
