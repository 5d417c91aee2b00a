package review

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
)

const day = 24 * time.Hour

// check applies the metadata rules to one secret and returns, per rule
// that finds it, a few words on why. A secret scheduled for deletion is
// only checked for being still read: the others no longer matter for it.
func check(s aws.SecretSummary, days int, now time.Time) map[Rule]string {
	out := map[Rule]string{}
	if !s.DeletedDate.IsZero() {
		// LastAccessedDate is a date (midnight UTC): "read in the last 7
		// days" counts whole days.
		if !s.LastAccessedDate.IsZero() && now.Sub(s.LastAccessedDate) < (RecentReadDays+1)*day {
			out[RuleDeletedStillRead] = fmt.Sprintf("deletion asked %s, last read %s", ago(now, s.DeletedDate), ago(now, s.LastAccessedDate))
		}
		return out
	}
	n := time.Duration(days) * day
	// A replica rotates with its primary: the rotation rules are the
	// primary's to answer.
	replica := s.PrimaryRegion != "" && s.PrimaryRegion != s.Region
	switch {
	case replica:
	case !s.RotationEnabled:
		out[RuleRotationOff] = "rotation off"
	default:
		if why := rotationTrouble(s, now); why != "" {
			out[RuleRotationFailed] = why
		}
	}
	switch {
	case replica:
	case !s.LastRotatedDate.IsZero() && now.Sub(s.LastRotatedDate) > n:
		out[RuleNotRotated] = "last rotated " + ago(now, s.LastRotatedDate)
	case s.LastRotatedDate.IsZero() && !s.CreatedDate.IsZero() && now.Sub(s.CreatedDate) > n:
		out[RuleNotRotated] = "never rotated, created " + ago(now, s.CreatedDate)
	}
	switch {
	case !s.LastAccessedDate.IsZero() && now.Sub(s.LastAccessedDate) > n:
		out[RuleUnused] = "last read " + ago(now, s.LastAccessedDate)
	case s.LastAccessedDate.IsZero() && !s.CreatedDate.IsZero() && now.Sub(s.CreatedDate) > n:
		out[RuleUnused] = "never read, created " + ago(now, s.CreatedDate)
	}
	if AWSManagedKey(s.KmsKeyID) {
		out[RuleAWSManagedKey] = "aws/secretsmanager"
	}
	switch {
	case len(s.Tags) == 0:
		out[RuleUntagged] = "no tags"
	case !hasUserTag(s.Tags):
		out[RuleUntagged] = "only AWS's own aws: tags"
	}
	if len(s.FailedReplicas) > 0 {
		out[RuleReplicaFailed] = "failed in " + strings.Join(s.FailedReplicas, ", ")
	}
	return out
}

// AWSManagedKey reports whether a secret's KmsKeyId means the AWS managed
// key: absent, or its alias (by name or ARN).
func AWSManagedKey(kmsKeyID string) bool {
	return kmsKeyID == "" || kmsKeyID == "alias/aws/secretsmanager" || strings.HasSuffix(kmsKeyID, ":alias/aws/secretsmanager")
}

// hasUserTag reports whether tags holds a tag of the owner's: keys starting
// with aws: are AWS's own (an RDS-managed secret's, for one).
func hasUserTag(tags []aws.Tag) bool {
	return slices.ContainsFunc(tags, func(t aws.Tag) bool { return !strings.HasPrefix(t.Key, "aws:") })
}

// rotationTrouble says why a secret with rotation on failed or is stuck, or
// "": AWSPENDING left on a version without AWSCURRENT (a rotation stopped
// half way), or the last rotation older than the schedule allows
// (NextRotationDate passed by more than a day, or the interval plus a day
// since the last rotation).
func rotationTrouble(s aws.SecretSummary, now time.Time) string {
	for id, stages := range s.VersionStages {
		if slices.Contains(stages, aws.LabelPending) && !slices.Contains(stages, aws.LabelCurrent) {
			return "AWSPENDING left on version " + shortID(id)
		}
	}
	if !s.NextRotationDate.IsZero() && now.Sub(s.NextRotationDate) > day {
		return "rotation due " + ago(now, s.NextRotationDate) + " did not happen"
	}
	last := s.LastRotatedDate
	if last.IsZero() {
		last = s.CreatedDate
	}
	if every := interval(s.RotationRules); every > 0 && !last.IsZero() && now.Sub(last) > every+day {
		return fmt.Sprintf("scheduled every %s, last rotated %s", every.Round(time.Hour), ago(now, last))
	}
	return ""
}

var rateExpr = regexp.MustCompile(`^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$`)

// interval is how often rules rotate, when known: AutomaticallyAfterDays
// or a rate() expression. A cron() schedule gives 0 (NextRotationDate says
// when it is due).
func interval(r aws.RotationRules) time.Duration {
	if r.AutomaticallyAfterDays > 0 {
		return time.Duration(r.AutomaticallyAfterDays) * day
	}
	m := rateExpr.FindStringSubmatch(strings.TrimSpace(r.ScheduleExpression))
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	if strings.HasPrefix(m[2], "hour") {
		return time.Duration(n) * time.Hour
	}
	return time.Duration(n) * day
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8] + "…"
	}
	return id
}

// ago says how long before now t was, in whole days (or "today").
func ago(now, t time.Time) string {
	d := int(now.Sub(t) / day)
	switch {
	case d <= 0:
		return "today"
	case d == 1:
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", d)
}
