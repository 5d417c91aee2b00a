package dialog

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/smtui/smtui/aws"
)

var (
	lambdaARNExpr = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$`)
	rateExprRe    = regexp.MustCompile(`^rate\((\d+) (hour|hours|day|days)\)$`)
	windowExpr    = regexp.MustCompile(`^(\d+)h$`)
)

// CheckLambdaARN validates a rotation function ARN. Empty is allowed only
// for a secret whose rotation another service manages.
func CheckLambdaARN(arn string, managed bool) string {
	arn = strings.TrimSpace(arn)
	switch {
	case arn == "" && managed:
		return ""
	case arn == "":
		return "enter the rotation function's ARN: arn:aws:lambda:REGION:ACCOUNT:function:NAME"
	case !lambdaARNExpr.MatchString(arn):
		return "not a Lambda function ARN; it looks like arn:aws:lambda:REGION:ACCOUNT:function:NAME"
	}
	return ""
}

// ParseSchedule reads "every N days" as a number, or a rate()/cron()
// expression, into rotation rules.
func ParseSchedule(text string) (aws.RotationRules, string) {
	s := strings.TrimSpace(text)
	switch {
	case s == "":
		return aws.RotationRules{}, "enter a number of days (1-1000), or rate(N days), rate(N hours) or cron(...)"
	case isDigits(s):
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			return aws.RotationRules{}, "rotate every 1 to 1000 days"
		}
		return aws.RotationRules{AutomaticallyAfterDays: int64(n)}, ""
	case strings.HasPrefix(s, "rate("):
		m := rateExprRe.FindStringSubmatch(s)
		if m == nil {
			return aws.RotationRules{}, "write rate(N days) or rate(N hours), e.g. rate(30 days)"
		}
		n, _ := strconv.Atoi(m[1])
		hours := strings.HasPrefix(m[2], "hour")
		if n < 1 || (hours && (n < 4 || n > 24000)) || (!hours && n > 1000) {
			return aws.RotationRules{}, "the rate must be between 4 hours and 1000 days"
		}
		return aws.RotationRules{ScheduleExpression: s}, ""
	case strings.HasPrefix(s, "cron("):
		if !strings.HasSuffix(s, ")") {
			return aws.RotationRules{}, "a cron expression ends with ): cron(minutes hours day-of-month month day-of-week year)"
		}
		if n := len(strings.Fields(s[len("cron(") : len(s)-1])); n != 6 {
			return aws.RotationRules{}, "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year); this one has " + strconv.Itoa(n)
		}
		return aws.RotationRules{ScheduleExpression: s}, ""
	}
	return aws.RotationRules{}, "enter a number of days (1-1000), or rate(...) or cron(...)"
}

// CheckWindow validates the optional rotation window ("3h", 1h-24h).
func CheckWindow(text string) string {
	s := strings.TrimSpace(text)
	if s == "" {
		return ""
	}
	m := windowExpr.FindStringSubmatch(s)
	if m == nil {
		return "the window is a number of hours, e.g. 3h (1h to 24h), or leave it empty"
	}
	if n, _ := strconv.Atoi(m[1]); n < 1 || n > 24 {
		return "the window must be 1h to 24h"
	}
	return ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// scheduleInput is the schedule field's text for existing rules.
func scheduleInput(r aws.RotationRules) string {
	if r.AutomaticallyAfterDays > 0 {
		return strconv.FormatInt(r.AutomaticallyAfterDays, 10)
	}
	return r.ScheduleExpression
}
