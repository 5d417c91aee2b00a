package secret

import (
	"regexp"
	"strconv"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// rateDays matches a rate schedule in days: rate(30 days), rate(1 day).
var rateDays = regexp.MustCompile(`^rate\((\d+) days?\)$`)

// scheduleDays is a day-based schedule's period (AutomaticallyAfterDays or
// rate(N days)); 0 for hours, cron or no schedule.
func scheduleDays(r aws.RotationRules) int {
	if r.AutomaticallyAfterDays > 0 {
		return int(r.AutomaticallyAfterDays)
	}
	if m := rateDays.FindStringSubmatch(r.ScheduleExpression); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// nextRotationText is the "Next rotation" line. On a day-based schedule AWS
// sets NextRotationDate to the last rotation plus the period (within the
// rotation window); then the days are counted from the last rotation, so
// "12 days ago" and "in 18 days" add up to the 30-day schedule whatever
// the hour. A date that disagrees with the schedule is AWS's word: it is
// shown as such, with the date the schedule gives.
func nextRotationText(s aws.SecretSummary, now time.Time) string {
	next := common.FormatWhen(s.NextRotationDate, now)
	days := scheduleDays(s.RotationRules)
	if days == 0 || s.LastRotatedDate.IsZero() || s.NextRotationDate.IsZero() {
		return next
	}
	day := 24 * time.Hour
	expected := s.LastRotatedDate.AddDate(0, 0, days)
	if diff := s.NextRotationDate.Sub(expected); diff > day || diff < -day {
		return "by " + s.NextRotationDate.UTC().Format("2006-01-02 15:04 UTC") + " (AWS's schedule; " +
			strconv.Itoa(days) + " days after the last rotation is " + expected.UTC().Format("2006-01-02") + ")"
	}
	since := int(now.Sub(s.LastRotatedDate) / day)
	left := days - since
	if left < 1 || s.NextRotationDate.Before(now) {
		return next
	}
	return s.NextRotationDate.UTC().Format("2006-01-02 15:04 UTC") + " (in " + common.Spell(left, "day") + ")"
}
