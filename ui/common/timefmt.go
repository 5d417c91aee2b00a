package common

import (
	"fmt"
	"time"
)

// Dates are shown in UTC, absolute first and relative after, so two
// operators in different time zones read the same thing off the screen.

// FormatWhen formats an instant as "2006-01-02 15:04 UTC (3 days ago)".
// A zero time is "never".
func FormatWhen(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC") + " (" + Relative(t, now) + ")"
}

// FormatDay formats a date-only value (AWS truncates LastAccessedDate to
// midnight UTC) as "2006-01-02 (today)". A zero time is "never".
func FormatDay(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02") + " (" + relativeDay(t, now) + ")"
}

// ShortDate is a compact absolute date for narrow table cells.
func ShortDate(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02")
}

// relativeDay says how many calendar days (UTC) lie between t and now.
func relativeDay(t, now time.Time) string {
	td := t.UTC().Truncate(24 * time.Hour)
	nd := now.UTC().Truncate(24 * time.Hour)
	days := int(nd.Sub(td).Hours() / 24)
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	case days == -1:
		return "tomorrow"
	case days > 0:
		return ago(Spell(days, "day"))
	default:
		return "in " + Spell(-days, "day")
	}
}

// Relative says how long ago (or how far ahead) t is, in the largest
// sensible unit: "just now", "5 minutes ago", "in 3 days", "2 years ago".
func Relative(t, now time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		s = Spell(int(d/time.Minute), "minute")
	case d < 48*time.Hour:
		s = Spell(int(d/time.Hour), "hour")
	case d < 60*24*time.Hour:
		s = Spell(int(d/(24*time.Hour)), "day")
	case d < 730*24*time.Hour:
		s = Spell(int(d/(30*24*time.Hour)), "month")
	default:
		s = Spell(int(d/(365*24*time.Hour)), "year")
	}
	if future {
		return "in " + s
	}
	return ago(s)
}

func ago(s string) string { return s + " ago" }

// Spell writes "1 day", "3 days".
func Spell(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// ShortDuration writes a duration the way people say it: "30s", "2m",
// "1m30s", "250ms".
func ShortDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Round(time.Second)/time.Second))
	default:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%ds", int(d/time.Minute), int(d%time.Minute/time.Second))
	}
}

// RelTime says how long ago t was, relative to now: "3d ago", "in 2h".
// empty is what a zero time shows.
func RelTime(t, now time.Time, empty string) string {
	if t.IsZero() {
		return empty
	}
	d := now.Sub(t)
	suffix := " ago"
	prefix := ""
	if d < 0 {
		d = -d
		suffix, prefix = "", "in "
	}
	var n int
	var unit string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		n, unit = int(d/time.Minute), "m"
	case d < 24*time.Hour:
		n, unit = int(d/time.Hour), "h"
	case d < 60*24*time.Hour:
		n, unit = int(d/(24*time.Hour)), "d"
	case d < 2*365*24*time.Hour:
		n, unit = int(d/(30*24*time.Hour)), "mo"
	default:
		n, unit = int(d/(365*24*time.Hour)), "y"
	}
	return fmt.Sprintf("%s%d%s%s", prefix, n, unit, suffix)
}

// RelDate is RelTime for a date without a time of day (LastAccessedDate is
// midnight UTC): "today", "yesterday", "5d ago".
func RelDate(t, now time.Time, empty string) string {
	if t.IsZero() {
		return empty
	}
	day := func(x time.Time) time.Time {
		x = x.UTC()
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	}
	days := int(day(now).Sub(day(t)) / (24 * time.Hour))
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	case days > 1 && days < 60:
		return fmt.Sprintf("%dd ago", days)
	}
	return RelTime(day(t), day(now), empty)
}
