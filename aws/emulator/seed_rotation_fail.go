package emulator

import (
	"maps"
	"math/rand/v2"
	"slices"
	"time"
)

// The demo's rotation logs and failed rotations, for the rotation diagnosis
// (the two overdue ones in eu-west-1, so the us-east-1 listing the tests
// count stays as it was):
//   - every rotation function logged its secrets' last rotation;
//   - prod/db/mysql-orders (seed.go) is stuck: its function logged a
//     successful rotation 9 days ago and, 2 days ago, a setSecret that could
//     not log in to the database, as AWS's MySQL template logs it;
//   - prod/warehouse/reporting is overdue: its function exists, but its
//     resource-based policy lets only EventBridge invoke it;
//   - prod/queue/rabbitmq is overdue: its function was deleted.
//
// The two overdue ones have a RotationFailed event in CloudTrail when they
// were due.
//
// It draws from its own generator, so the other demo secrets stay as they
// were.
func (e *Emulator) seedRotationFailures(now time.Time) {
	sd := &seeder{e: e, rng: rand.New(rand.NewPCG(0xFA11, 0xED)), now: now}
	r := euWest1

	if my := e.region(usEast1).secrets["prod/db/mysql-orders"]; my != nil {
		if pending := my.holder(labelPending); pending != nil {
			sd.rotationAttempt(my, pending.id, pending.created.Add(-2*time.Second), stepSet)
		}
	}

	fn := sd.lambda(r, "SecretsManagerReportingPostgresRotation")
	e.setFunctionLocked(fn, "python3.9", sd.ago(200), mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Id":      "default",
		"Statement": []any{map[string]any{
			"Sid":       "AllowNightlyExportSchedule",
			"Effect":    "Allow",
			"Principal": map[string]any{"Service": "events.amazonaws.com"},
			"Action":    "lambda:InvokeFunction",
			"Resource":  fn,
			"Condition": map[string]any{"ArnLike": map[string]any{"AWS:SourceArn": "arn:aws:events:" + r + ":" + e.opts.Account + ":rule/nightly-export"}},
		}},
	}))
	s := sd.add(r, "prod/warehouse/reporting", "Reporting warehouse (PostgreSQL) read-only user", 260, 1,
		"team", "data", "env", "prod")
	host := "reporting.cluster-def456.eu-west-1.rds.amazonaws.com"
	sd.ver(s, sd.db("postgres", host, 5432, "reporting_ro", "warehouse"), 75, labelPrevious)
	sd.ver(s, sd.db("postgres", host, 5432, "reporting_ro", "warehouse"), 45, labelCurrent)
	sd.rotation(s, fn, rotationRules{AutomaticallyAfterDays: 30}, 45)

	s = sd.add(r, "prod/queue/rabbitmq", "RabbitMQ admin credentials for the order queue", 330, 2,
		"team", "platform", "env", "prod")
	sd.ver(s, mustJSON(map[string]string{"username": "orders_admin", "password": sd.password(28)}), 70, labelCurrent)
	sd.rotation(s, sd.lambda(r, "RabbitMQCredentialsRotation"), rotationRules{ScheduleExpression: "rate(30 days)"}, 70)
	// The function was deleted after rotation was set up.
	delete(e.lambdas, sd.lambda(r, "RabbitMQCredentialsRotation"))
	rabbit := s

	// Every rotation function logged its last successful rotation (the
	// deleted one's log group went with it here).
	for _, rn := range slices.Sorted(maps.Keys(e.regions)) {
		reg := e.regions[rn]
		for _, name := range slices.Sorted(maps.Keys(reg.secrets)) {
			s := reg.secrets[name]
			if cur := s.holder(labelCurrent); cur != nil && s.rotationEnabled && !s.lastRotated.IsZero() && e.lambdaExists(s.lambdaARN) {
				sd.rotationAttempt(s, cur.id, s.lastRotated.Add(-2*time.Minute), "")
			}
		}
	}

	// Secrets Manager could not invoke either function when rotation was
	// due: CloudTrail has the RotationFailed (the rotations before
	// succeeded; seed_trail.go records those).
	for _, sec := range []*secret{e.region(r).secrets["prod/warehouse/reporting"], rabbit} {
		e.recordServiceEventLocked(r, sec.arn, EventRotationFailed, sec.nextRotation.Add(3*time.Second))
	}
}

// rotationAttempt writes the log lines of one rotation (the four steps, a
// few hundred milliseconds apart), stopping at failStep ("" for none).
func (sd *seeder) rotationAttempt(s *secret, token string, at time.Time, failStep string) {
	for i, step := range rotationSteps {
		sd.e.logRotationStep(rotationInvocation{fnARN: s.lambdaARN, secretARN: s.arn, token: token,
			step: step, failed: step == failStep, at: at.Add(time.Duration(i) * 1400 * time.Millisecond)})
		if step == failStep {
			return
		}
	}
}
