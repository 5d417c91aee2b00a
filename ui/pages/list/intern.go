package list

import (
	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/ui/components/table"
)

// compact makes the repeated strings of a summary (region, primary region,
// KMS key, owning service, rotation function and schedule, tag keys and
// values, staging labels) share one copy each across the list: 10,000
// secrets tagged team=payments hold "team" and "payments" once, not 10,000
// times.
func compact(in *cache.Interner, s *aws.SecretSummary) {
	s.RotationRules.ScheduleExpression = in.Intern(s.RotationRules.ScheduleExpression)
	s.RotationRules.Duration = in.Intern(s.RotationRules.Duration)
	s.Region = in.Intern(s.Region)
	s.PrimaryRegion = in.Intern(s.PrimaryRegion)
	s.KmsKeyID = in.Intern(s.KmsKeyID)
	s.OwningService = in.Intern(s.OwningService)
	s.RotationLambdaARN = in.Intern(s.RotationLambdaARN)
	for i := range s.Tags {
		s.Tags[i].Key = in.Intern(s.Tags[i].Key)
		s.Tags[i].Value = in.Intern(s.Tags[i].Value)
	}
	for _, labels := range s.VersionStages {
		for i := range labels {
			labels[i] = in.Intern(labels[i])
		}
	}
	for i := range s.FailedReplicas {
		s.FailedReplicas[i] = in.Intern(s.FailedReplicas[i])
	}
}

// rowsOf makes the rows of a batch, its strings shared through the screen's
// interner (used from Update only: the interner is not concurrent-safe).
func (l *Screen) rowsOf(secrets []aws.SecretSummary) []*table.Row {
	if l.strs == nil {
		l.strs = cache.NewInterner()
	}
	rows := make([]*table.Row, len(secrets))
	for i := range secrets {
		compact(l.strs, &secrets[i])
		rows[i] = table.NewRow(secrets[i])
	}
	return rows
}
