package review

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

var testNow = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func daysAgo(n int) time.Time { return testNow.Add(-time.Duration(n) * day) }

// healthy is a secret no rule finds: rotated on schedule, read, tagged,
// customer managed key.
func healthy(name string) aws.SecretSummary {
	return aws.SecretSummary{
		ARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + name + "-AbCdEf", Name: name, Region: "us-east-1",
		KmsKeyID: "arn:aws:kms:us-east-1:111122223333:key/1234", RotationEnabled: true,
		RotationRules: aws.RotationRules{AutomaticallyAfterDays: 30}, CreatedDate: daysAgo(400),
		LastRotatedDate: daysAgo(10), NextRotationDate: testNow.Add(20 * day), LastAccessedDate: daysAgo(1),
		Tags: []aws.Tag{{Key: "team", Value: "a"}}, VersionStages: map[string][]string{"v1": {aws.LabelCurrent}},
	}
}

func TestRulesPerSecret(t *testing.T) {
	cases := []struct {
		name   string
		change func(*aws.SecretSummary)
		want   map[Rule]string // rule -> a word its detail holds
	}{
		{"healthy", func(*aws.SecretSummary) {}, nil},
		{"rotation off", func(s *aws.SecretSummary) {
			s.RotationEnabled, s.LastRotatedDate = false, daysAgo(30)
		}, map[Rule]string{RuleRotationOff: "off"}},
		{"stuck AWSPENDING", func(s *aws.SecretSummary) {
			s.VersionStages = map[string][]string{"v1": {aws.LabelCurrent}, "v2pending": {aws.LabelPending}}
		}, map[Rule]string{RuleRotationFailed: "AWSPENDING"}},
		{"pending on the current version is not stuck", func(s *aws.SecretSummary) {
			s.VersionStages = map[string][]string{"v1": {aws.LabelCurrent, aws.LabelPending}}
		}, nil},
		{"next rotation passed", func(s *aws.SecretSummary) {
			s.NextRotationDate = daysAgo(3)
		}, map[Rule]string{RuleRotationFailed: "did not happen"}},
		{"rate schedule overdue", func(s *aws.SecretSummary) {
			s.RotationRules = aws.RotationRules{ScheduleExpression: "rate(7 days)"}
			s.NextRotationDate, s.LastRotatedDate = time.Time{}, daysAgo(20)
		}, map[Rule]string{RuleRotationFailed: "every 168h"}},
		{"rotation off is not also failed", func(s *aws.SecretSummary) {
			s.RotationEnabled, s.NextRotationDate = false, daysAgo(3)
		}, map[Rule]string{RuleRotationOff: "off"}},
		{"not rotated within N", func(s *aws.SecretSummary) {
			s.RotationEnabled, s.LastRotatedDate = false, daysAgo(91)
		}, map[Rule]string{RuleRotationOff: "off", RuleNotRotated: "91 days"}},
		{"never rotated, old", func(s *aws.SecretSummary) {
			s.RotationEnabled, s.LastRotatedDate, s.CreatedDate = false, time.Time{}, daysAgo(100)
		}, map[Rule]string{RuleRotationOff: "off", RuleNotRotated: "never rotated"}},
		{"never rotated, new", func(s *aws.SecretSummary) {
			s.RotationEnabled, s.LastRotatedDate, s.CreatedDate = false, time.Time{}, daysAgo(89)
		}, map[Rule]string{RuleRotationOff: "off"}},
		{"not read within N", func(s *aws.SecretSummary) {
			s.LastAccessedDate = daysAgo(120)
		}, map[Rule]string{RuleUnused: "120 days"}},
		{"never read, old", func(s *aws.SecretSummary) {
			s.LastAccessedDate = time.Time{}
		}, map[Rule]string{RuleUnused: "never read"}},
		{"AWS managed key (absent)", func(s *aws.SecretSummary) { s.KmsKeyID = "" },
			map[Rule]string{RuleAWSManagedKey: "aws/secretsmanager"}},
		{"AWS managed key (alias ARN)", func(s *aws.SecretSummary) {
			s.KmsKeyID = "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"
		}, map[Rule]string{RuleAWSManagedKey: "aws/secretsmanager"}},
		{"customer alias is fine", func(s *aws.SecretSummary) { s.KmsKeyID = "alias/payments" }, nil},
		{"untagged", func(s *aws.SecretSummary) { s.Tags = nil }, map[Rule]string{RuleUntagged: "no tags"}},
		{"only aws: tags is untagged", func(s *aws.SecretSummary) {
			s.Tags = []aws.Tag{{Key: "aws:secretsmanager:owningService", Value: "rds"}}
		}, map[Rule]string{RuleUntagged: "only AWS's own"}},
		{"a replica leaves rotation to its primary", func(s *aws.SecretSummary) {
			s.PrimaryRegion, s.RotationEnabled, s.LastRotatedDate = "eu-west-1", false, daysAgo(200)
		}, nil},
		{"failed replica", func(s *aws.SecretSummary) { s.FailedReplicas = []string{"ap-southeast-2"} },
			map[Rule]string{RuleReplicaFailed: "ap-southeast-2"}},
		{"deleted, read 2 days ago", func(s *aws.SecretSummary) {
			s.DeletedDate, s.LastAccessedDate, s.Tags, s.KmsKeyID = daysAgo(3), daysAgo(2), nil, ""
		}, map[Rule]string{RuleDeletedStillRead: "last read 2 days ago"}},
		{"deleted, read 7 days ago", func(s *aws.SecretSummary) {
			s.DeletedDate, s.LastAccessedDate = daysAgo(8), daysAgo(7)
		}, map[Rule]string{RuleDeletedStillRead: "7 days"}},
		{"deleted, read 8 days ago", func(s *aws.SecretSummary) {
			s.DeletedDate, s.LastAccessedDate = daysAgo(10), daysAgo(8)
		}, nil},
		{"deleted, never read", func(s *aws.SecretSummary) {
			s.DeletedDate, s.LastAccessedDate = daysAgo(10), time.Time{}
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := healthy("app/x")
			c.change(&s)
			rep := Run(Input{Secrets: []aws.SecretSummary{s}}, Options{Now: testNow})
			got := map[Rule]string{}
			for _, f := range rep.Findings {
				if f.Count() != 1 || f.Secrets[0].ARN != s.ARN {
					t.Fatalf("%s: want the one secret, got %+v", f.Rule, f.Secrets)
				}
				got[f.Rule] = f.Secrets[0].Detail
			}
			if len(got) != len(c.want) {
				t.Fatalf("findings %v, want rules %v", got, c.want)
			}
			for r, word := range c.want {
				if !strings.Contains(got[r], word) {
					t.Errorf("%s: detail %q lacks %q (all: %v)", r, got[r], word, got)
				}
			}
		})
	}
}

func TestDaysOption(t *testing.T) {
	s := healthy("app/x")
	s.LastAccessedDate = daysAgo(40)
	if _, ok := Run(Input{Secrets: []aws.SecretSummary{s}}, Options{Now: testNow}).Finding(RuleUnused); ok {
		t.Fatal("read 40 days ago is not unused at the default 90 days")
	}
	rep := Run(Input{Secrets: []aws.SecretSummary{s}}, Options{Now: testNow, Days: 30})
	f, ok := rep.Finding(RuleUnused)
	if !ok || f.Title != "not accessed within 30 days" || rep.Days != 30 {
		t.Fatalf("--days 30: finding %+v ok=%v days=%d", f, ok, rep.Days)
	}
}

func TestGroupsCountAndOrder(t *testing.T) {
	a, b, c := healthy("a"), healthy("b"), healthy("c")
	a.Tags, b.Tags = nil, nil
	b.RotationEnabled = false
	rep := Run(Input{Secrets: []aws.SecretSummary{c, b, a}}, Options{Now: testNow})
	if len(rep.Findings) != 2 || rep.Findings[0].Rule != RuleRotationOff || rep.Findings[1].Rule != RuleUntagged {
		t.Fatalf("findings in rule order: %+v", rep.Findings)
	}
	if f := rep.Findings[1]; f.Count() != 2 || f.Secrets[0].Name != "a" || f.Secrets[1].Name != "b" {
		t.Fatalf("untagged: %+v", f.Secrets)
	}
	if rep.Worst() != Medium || !rep.AtOrAbove(Low) || !rep.AtOrAbove(Medium) || rep.AtOrAbove(High) {
		t.Fatalf("worst %v", rep.Worst())
	}
	if rep.Findings[0].Control != "SecretsManager.1" || rep.Findings[0].ConfigRule != "secretsmanager-rotation-enabled-check" {
		t.Fatalf("rotation off cites %q %q", rep.Findings[0].Control, rep.Findings[0].ConfigRule)
	}
}

func TestNoFindingsIsNotAtOrAbove(t *testing.T) {
	rep := Run(Input{Secrets: []aws.SecretSummary{healthy("a")}}, Options{Now: testNow})
	if len(rep.Findings) != 0 || rep.AtOrAbove(Low) {
		t.Fatalf("healthy account: %+v", rep.Findings)
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]Severity{"low": Low, "Medium": Medium, "HIGH": High, "critical": Critical} {
		if got, err := ParseSeverity(in); err != nil || got != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	if _, err := ParseSeverity("urgent"); err == nil {
		t.Error("urgent parsed")
	}
}
