package emulator

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AWS limits.
const (
	maxNameLen        = 512
	maxDescriptionLen = 2048
	maxValueBytes     = 65536
	maxTags           = 50
	maxTagKeyLen      = 128
	maxTagValueLen    = 256
	minTokenLen       = 32
	maxTokenLen       = 64
	maxLabelLen       = 256
	maxLabelsPerVer   = 20
)

// validName reports whether name may name a new secret: 1-512 ASCII
// letters, digits and /_+=.@-.
func validName(name string) bool { return nameOf(name, "/_+=.@-") }

// validSecretID reports whether a SecretId that is not an ARN is a valid
// name. It also admits "!", which AWS's message lists and which the names
// of secrets managed by other services carry (rds!db-...).
func validSecretID(id string) bool { return nameOf(id, "/_+=.@-!") }

// nameOf reports whether s is 1-512 ASCII letters, digits and punct.
func nameOf(s, punct string) bool {
	if s == "" || len(s) > maxNameLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(punct, c) >= 0:
		default:
			return false
		}
	}
	return true
}

func validateName(name string) *apiError {
	if !validName(name) {
		return errInvalidName()
	}
	return nil
}

func validateDescription(d *string) *apiError {
	if d != nil && utf8.RuneCountInString(*d) > maxDescriptionLen {
		return errorf(codeValidation, "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to %d", maxDescriptionLen)
	}
	return nil
}

// tagPattern is the pattern AWS checks tag keys and values against.
var tagPattern = regexp.MustCompile(`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`)

// errTagPattern is the validation error for a tag key or value (at field,
// e.g. "tags.1.member.key") that does not match tagPattern. The offending
// text is not repeated: it may be anything.
func errTagPattern(field string) *apiError {
	return errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", field, tagPattern.String())
}

func validateTags(existing []tag, add []tag) *apiError {
	keys := map[string]bool{}
	for _, t := range existing {
		keys[t.Key] = true
	}
	for i, t := range add {
		member := "tags." + strconv.Itoa(i+1) + ".member."
		if n := utf8.RuneCountInString(t.Key); n < 1 || n > maxTagKeyLen {
			return errorf(codeValidation, "1 validation error detected: Value at '%skey' failed to satisfy constraint: Member must have length between 1 and %d", member, maxTagKeyLen)
		}
		if !tagPattern.MatchString(t.Key) {
			return errTagPattern(member + "key")
		}
		if utf8.RuneCountInString(t.Value) > maxTagValueLen {
			return errorf(codeValidation, "1 validation error detected: Value at '%svalue' failed to satisfy constraint: Member must have length less than or equal to %d", member, maxTagValueLen)
		}
		if !tagPattern.MatchString(t.Value) {
			return errTagPattern(member + "value")
		}
		if strings.HasPrefix(strings.ToLower(t.Key), "aws:") {
			return errorf(codeInvalidParameter, "Invalid tag key %q: tag keys starting with aws: are reserved for AWS use.", t.Key)
		}
		keys[t.Key] = true
	}
	if len(keys) > maxTags {
		return errorf(codeValidation, "Number of tags exceeds the limit of %d tags per secret.", maxTags)
	}
	return nil
}

// validateTagKeys checks UntagResource's keys.
func validateTagKeys(keys []string) *apiError {
	for i, k := range keys {
		field := "tagKeys." + strconv.Itoa(i+1) + ".member"
		if n := utf8.RuneCountInString(k); n < 1 || n > maxTagKeyLen {
			return errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length between 1 and %d", field, maxTagKeyLen)
		}
		if !tagPattern.MatchString(k) {
			return errTagPattern(field)
		}
	}
	return nil
}

func validateToken(token string) *apiError {
	if n := len(token); n < minTokenLen || n > maxTokenLen {
		return errorf(codeValidation, "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length between %d and %d", minTokenLen, maxTokenLen)
	}
	return nil
}

// validateValue checks a value given as SecretString or SecretBinary.
// required means one of them must be present.
func validateValue(str *string, bin []byte, required bool) *apiError {
	switch {
	case str != nil && bin != nil:
		return errorf(codeInvalidParameter, "You can't specify both a binary secret value and a string secret value in the same secret.")
	case str == nil && bin == nil:
		if required {
			return errorf(codeInvalidParameter, "You must provide either SecretString or SecretBinary.")
		}
	case str != nil && len(*str) > maxValueBytes, len(bin) > maxValueBytes:
		return errorf(codeInvalidParameter, "The secret value exceeds the maximum size of %d bytes.", maxValueBytes)
	case str != nil && *str == "", bin != nil && len(bin) == 0:
		return errorf(codeInvalidParameter, "The secret value must not be empty.")
	}
	return nil
}

func validateStages(stages []string) *apiError {
	if len(stages) > maxLabelsPerVer {
		return errorf(codeLimitExceeded, "A version can have at most %d staging labels.", maxLabelsPerVer)
	}
	for _, s := range stages {
		if s == "" || len(s) > maxLabelLen {
			return errorf(codeValidation, "1 validation error detected: Value at 'versionStages' failed to satisfy constraint: Member must have length between 1 and %d", maxLabelLen)
		}
	}
	return nil
}

func validateMaxResults(n *int32) (int, *apiError) {
	if n == nil {
		return 100, nil
	}
	if *n < 1 || *n > 100 {
		return 0, errorf(codeValidation, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100", *n)
	}
	return int(*n), nil
}

var (
	rateExpr     = regexp.MustCompile(`^rate\((\d+) (hour|hours|day|days)\)$`)
	durationExpr = regexp.MustCompile(`^(\d+)h$`)
)

// validateRules checks a rotation schedule.
func validateRules(r *rotationRules) *apiError {
	if r == nil {
		return nil
	}
	if r.AutomaticallyAfterDays != 0 && r.ScheduleExpression != "" {
		return errorf(codeInvalidParameter, "You can't specify both AutomaticallyAfterDays and ScheduleExpression.")
	}
	if r.AutomaticallyAfterDays == 0 && r.ScheduleExpression == "" {
		return errorf(codeInvalidParameter, "RotationRules must specify AutomaticallyAfterDays or ScheduleExpression.")
	}
	if r.AutomaticallyAfterDays != 0 && (r.AutomaticallyAfterDays < 1 || r.AutomaticallyAfterDays > 1000) {
		return errorf(codeInvalidParameter, "AutomaticallyAfterDays must be between 1 and 1000.")
	}
	if x := r.ScheduleExpression; x != "" {
		switch {
		case strings.HasPrefix(x, "rate("):
			m := rateExpr.FindStringSubmatch(x)
			if m == nil {
				return errorf(codeInvalidParameter, "Invalid ScheduleExpression %q: use rate(N days) or rate(N hours).", x)
			}
			n, _ := strconv.Atoi(m[1])
			hours := strings.HasPrefix(m[2], "hour")
			if n < 1 || (hours && n < 4) || (hours && n > 24000) || (!hours && n > 1000) {
				return errorf(codeInvalidParameter, "Invalid ScheduleExpression %q: the rate must be between 4 hours and 1000 days.", x)
			}
		case strings.HasPrefix(x, "cron("):
			if _, err := parseCron(x); err != nil {
				return errorf(codeInvalidParameter, "Invalid ScheduleExpression %q: %s.", x, err)
			}
		default:
			return errorf(codeInvalidParameter, "Invalid ScheduleExpression %q: it must start with rate( or cron(.", x)
		}
	}
	if d := r.Duration; d != "" {
		m := durationExpr.FindStringSubmatch(d)
		n := 0
		if m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		if n < 1 || n > 24 {
			return errorf(codeInvalidParameter, "Invalid Duration %q: use 1h to 24h.", d)
		}
	}
	return nil
}
