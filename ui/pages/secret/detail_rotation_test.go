package secret

import (
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

func TestNextRotationTextFollowsTheSchedule(t *testing.T) {
	t.Parallel()
	last := time.Date(2025, 5, 21, 12, 0, 0, 0, time.UTC)
	now := last.AddDate(0, 0, 12).Add(90 * time.Second) // a little after the hour
	rules := aws.RotationRules{ScheduleExpression: "rate(30 days)"}
	for _, c := range []struct {
		name string
		next time.Time
		want string
	}{
		{"as the schedule says", last.AddDate(0, 0, 30), "2025-06-20 12:00 UTC (in 18 days)"},
		{"within the window", last.AddDate(0, 0, 30).Add(2 * time.Hour), "2025-06-20 14:00 UTC (in 18 days)"},
		{"AWS disagrees", last.AddDate(0, 0, 25), "by 2025-06-15 12:00 UTC (AWS's schedule; 30 days after the last rotation is 2025-06-20)"},
	} {
		s := aws.SecretSummary{LastRotatedDate: last, NextRotationDate: c.next, RotationRules: rules, RotationEnabled: true}
		if got := nextRotationText(s, now); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Without a day-based schedule the date is shown as AWS gives it.
	s := aws.SecretSummary{LastRotatedDate: last, NextRotationDate: last.Add(36 * time.Hour), RotationRules: aws.RotationRules{ScheduleExpression: "rate(36 hours)"}}
	if got := nextRotationText(s, last); got != "2025-05-23 00:00 UTC (in 36 hours)" {
		t.Errorf("hour schedule: %q", got)
	}
}
