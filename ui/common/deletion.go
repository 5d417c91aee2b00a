package common

import (
	"strconv"
	"time"
)

// Scheduled deletions. DescribeSecret and ListSecrets return DeletedDate:
// when the deletion was asked for. AWS deletes the secret for good when the
// recovery window chosen then (7-30 days) ends; that date (DeletionDate) is
// returned only by DeleteSecret, so it is known only for a deletion this
// session made. These helpers are the one place that words both dates, so
// the list, the detail, the status after a delete and the restore dialog
// agree.

const (
	minWindowDays = 7
	maxWindowDays = 30
)

// DeletionText says when the deletion was asked and when AWS deletes the
// secret for good: the exact date if due is known, else the 7-30 day range
// after asked.
func DeletionText(asked, due, now time.Time) string {
	switch {
	case !due.IsZero() && !asked.IsZero():
		return "AWS deletes it for good on " + formatDue(due, now) + "; deletion asked " + FormatWhen(asked, now)
	case !due.IsZero():
		return "AWS deletes it for good on " + formatDue(due, now)
	case asked.IsZero():
		return "not scheduled for deletion"
	}
	first, last := windowRange(asked)
	return "deletion asked " + FormatWhen(asked, now) + "; AWS deletes it for good " + strconv.Itoa(minWindowDays) + "-" +
		strconv.Itoa(maxWindowDays) + " days after that, the recovery window chosen (between " + ShortDate(first) + " and " + ShortDate(last) + ")"
}

// DeletionFlag is the short list flag of a secret scheduled for deletion:
// "del Dec 06" when the date is known, "del ≤Dec 29" (at the latest) when
// only the date it was asked is.
func DeletionFlag(asked, due time.Time) string {
	if !due.IsZero() {
		return "del " + due.UTC().Format("Jan 02")
	}
	_, last := windowRange(asked)
	return "del ≤" + last.UTC().Format("Jan 02")
}

// DeletionFlagLong is the list flag when there is room: "deleting
// 2026-12-06" (the day AWS deletes it) or "deleting 2026-12-06–12-29" (the
// days it may, when only the date it was asked is known).
func DeletionFlagLong(asked, due time.Time) string {
	if !due.IsZero() {
		return "deleting " + ShortDate(due)
	}
	first, last := windowRange(asked)
	return "deleting " + ShortDate(first) + "–" + last.UTC().Format("01-02")
}

// formatDue is the deletion date with its distance in calendar days, so a
// 7-day window reads "in 7 days" until the day before, whatever the hour.
func formatDue(t, now time.Time) string {
	return t.UTC().Format("2006-01-02 15:04 UTC") + " (" + relativeDay(t, now) + ")"
}

// windowRange is the earliest and latest day AWS may delete a secret whose
// deletion was asked at asked.
func windowRange(asked time.Time) (time.Time, time.Time) {
	return asked.AddDate(0, 0, minWindowDays), asked.AddDate(0, 0, maxWindowDays)
}
