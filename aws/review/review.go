// Package review is smtui's account review: "what needs attention?" over
// the listed secrets' metadata only (ListSecrets summaries, plus a
// GetResourcePolicy per secret and a DescribeSecret per replicated primary
// where the summary cannot say). It never reads a secret value. Run is pure
// (no I/O) so the rules are table-tested; Collect does the few calls.
//
// The rules follow AWS Security Hub's Secrets Manager controls
// (SecretsManager.1-4, https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html)
// and the AWS Config rules they run, with N days defaulting to 90 as theirs do.
package review

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
)

// DefaultDays is N of "not rotated / not accessed within N days", Security
// Hub's default for SecretsManager.3 and SecretsManager.4.
const DefaultDays = 90

// RecentReadDays is how recent a read of a secret scheduled for deletion
// must be to say someone still uses it.
const RecentReadDays = 7

// Severity orders findings for --fail-on.
type Severity int

// Severities, lowest first.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

// String is the severity's lower-case name, as --fail-on takes it.
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return "none"
}

// MarshalText writes the severity's name (in JSON too).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads low, medium, high or critical (any case).
func ParseSeverity(s string) (Severity, error) {
	for _, v := range []Severity{Low, Medium, High, Critical} {
		if strings.EqualFold(s, v.String()) {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
}

// Rule identifies one kind of finding.
type Rule string

// The rules, in the order a report lists them.
const (
	RuleRotationOff      Rule = "rotation-off"
	RuleRotationFailed   Rule = "rotation-failed"
	RuleNotRotated       Rule = "not-rotated"
	RuleUnused           Rule = "unused"
	RuleAWSManagedKey    Rule = "aws-managed-key"
	RuleUntagged         Rule = "untagged"
	RuleReplicaFailed    Rule = "replica-failed"
	RulePolicyPublic     Rule = "policy-public"
	RulePolicyCrossAcct  Rule = "policy-other-account"
	RuleDeletedStillRead Rule = "deleted-but-read"
)

// RuleInfo describes a rule: what it means and where it comes from.
type RuleInfo struct {
	Rule     Rule
	Title    string   // with %d for N days where it applies
	Severity Severity // smtui's, for --fail-on
	// Control is the Security Hub control id, ConfigRule the AWS Config
	// managed rule; empty when AWS has none.
	Control    string
	ConfigRule string
}

// Rules lists every rule in report order.
func Rules() []RuleInfo {
	return []RuleInfo{
		{RulePolicyPublic, "resource policy allows everyone (Principal \"*\")", Critical, "", ""},
		{RulePolicyCrossAcct, "resource policy allows another account", High, "", ""},
		{RuleRotationFailed, "rotation failed or stuck", High, "SecretsManager.2", "secretsmanager-scheduled-rotation-success-check"},
		{RuleDeletedStillRead, fmt.Sprintf("scheduled for deletion but read in the last %d days", RecentReadDays), High, "", ""},
		{RuleReplicaFailed, "a replica failed to replicate", High, "", ""},
		{RuleRotationOff, "automatic rotation off", Medium, "SecretsManager.1", "secretsmanager-rotation-enabled-check"},
		{RuleNotRotated, "not rotated within %d days", Medium, "SecretsManager.4", "secretsmanager-secret-periodic-rotation"},
		{RuleUnused, "not accessed within %d days", Medium, "SecretsManager.3", "secretsmanager-secret-unused"},
		{RuleAWSManagedKey, "encrypted with the AWS managed key aws/secretsmanager, not a customer managed key", Low, "", "secretsmanager-using-cmk"},
		{RuleUntagged, "untagged", Low, "", ""},
	}
}

// Info returns the description of rule r.
func Info(r Rule) RuleInfo {
	for _, i := range Rules() {
		if i.Rule == r {
			return i
		}
	}
	return RuleInfo{Rule: r, Title: string(r)}
}

// Hit is one secret a rule found, with why in a few words.
type Hit struct {
	Name   string `json:"name"`
	ARN    string `json:"arn"`
	Region string `json:"region"`
	Detail string `json:"detail,omitempty"`
}

// Finding is one rule's group: every secret it found.
type Finding struct {
	Rule       Rule     `json:"rule"`
	Title      string   `json:"title"`
	Severity   Severity `json:"severity"`
	Control    string   `json:"security_hub_control,omitempty"`
	ConfigRule string   `json:"config_rule,omitempty"`
	Secrets    []Hit    `json:"secrets"`
}

// Count is how many secrets the finding names.
func (f Finding) Count() int { return len(f.Secrets) }

// ARNs are the ARNs of the finding's secrets.
func (f Finding) ARNs() []string {
	out := make([]string, len(f.Secrets))
	for i, h := range f.Secrets {
		out[i] = h.ARN
	}
	return out
}

// Input is what a review looks at.
type Input struct {
	Secrets []aws.SecretSummary
	// Policies maps a secret's ARN to its resource policy JSON ("" for
	// none). A secret absent from the map was not checked.
	Policies map[string]string
	// Unchecked maps a secret's ARN to why a call about it failed (its
	// policy or replication could not be read): the report says so.
	Unchecked map[string]string
	// Replicas maps a primary's ARN to its replica regions (DescribeSecret),
	// for the cost of replicas in regions not listed.
	Replicas map[string][]string
}

// Options tunes a review. Days 0 means DefaultDays.
type Options struct {
	Days int
	Now  time.Time
}

// Report is a review's result: the findings with at least one secret, in
// Rules order, and the cost estimate.
type Report struct {
	Secrets  int       `json:"secrets_reviewed"`
	Days     int       `json:"days"`
	At       time.Time `json:"reviewed_at"`
	Findings []Finding `json:"findings"`
	// Unchecked names the secrets not fully checked (a call failed).
	Unchecked []Hit `json:"not_fully_checked,omitempty"`
	Cost      Cost  `json:"cost_estimate"`
}

// Worst is the highest severity among the findings (0 when none).
func (r Report) Worst() Severity {
	var w Severity
	for _, f := range r.Findings {
		w = max(w, f.Severity)
	}
	return w
}

// AtOrAbove reports whether a finding of severity s or higher is present.
func (r Report) AtOrAbove(s Severity) bool { return r.Worst() >= s && r.Worst() > 0 }

// Finding returns the report's finding of rule, if any.
func (r Report) Finding(rule Rule) (Finding, bool) {
	i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.Rule == rule })
	if i < 0 {
		return Finding{}, false
	}
	return r.Findings[i], true
}

// Run reviews in. It makes no call and reads no value.
func Run(in Input, opts Options) Report {
	days := opts.Days
	if days <= 0 {
		days = DefaultDays
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	hits := map[Rule][]Hit{}
	var unchecked []Hit
	for _, s := range in.Secrets {
		for rule, detail := range check(s, days, now) {
			hits[rule] = append(hits[rule], hitOf(s, detail))
		}
		if msg, failed := in.Unchecked[s.ARN]; failed {
			unchecked = append(unchecked, hitOf(s, msg))
		}
		if doc, ok := in.Policies[s.ARN]; ok && doc != "" && s.DeletedDate.IsZero() {
			for rule, detail := range checkPolicy(doc, accountOf(s.ARN)) {
				hits[rule] = append(hits[rule], hitOf(s, detail))
			}
		}
	}
	rep := Report{Secrets: len(in.Secrets), Days: days, At: now.UTC(), Unchecked: unchecked, Cost: estimate(in)}
	for _, info := range Rules() {
		h := hits[info.Rule]
		if len(h) == 0 {
			continue
		}
		slices.SortFunc(h, func(a, b Hit) int { return strings.Compare(a.Region+"\x00"+a.Name, b.Region+"\x00"+b.Name) })
		title := info.Title
		if strings.Contains(title, "%d") {
			title = fmt.Sprintf(title, days)
		}
		rep.Findings = append(rep.Findings, Finding{Rule: info.Rule, Title: title, Severity: info.Severity,
			Control: info.Control, ConfigRule: info.ConfigRule, Secrets: h})
	}
	return rep
}

func hitOf(s aws.SecretSummary, detail string) Hit {
	return Hit{Name: s.Name, ARN: s.ARN, Region: s.Region, Detail: detail}
}

// accountOf is the account id in a secret's ARN
// (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME).
func accountOf(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return ""
	}
	return parts[4]
}
