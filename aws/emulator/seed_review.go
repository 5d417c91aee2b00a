package emulator

import "time"

// seedReview adds the demo's secrets for the account review (smtui review,
// and the review screen): one per finding the rest of the demo lacks (the
// rest has rotation off, a stuck rotation, unused secrets, the AWS managed
// key, a failed replica), all in us-east-1 where the demo starts. Only
// with Options.ReviewSeed. Every value is fake.
func (sd *seeder) seedReview() {
	r := usEast1
	acct := sd.e.opts.Account

	// Shared with a partner's account, narrowed by a condition.
	s := sd.add(r, "partner/acme/sftp-credentials", "SFTP credentials the Acme partner account reads", 20, 1,
		"team", "integrations", "env", "prod", "vendor", "acme")
	sd.ver(s, sd.password(24), 20, labelCurrent)
	s.kmsKeyID = "arn:aws:kms:us-east-1:" + acct + ":key/8d1c5a2e-4f3b-4c6d-9e7f-0a1b2c3d4e5f"
	s.policy = mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid":       "AcmePartnerRead",
			"Effect":    "Allow",
			"Principal": map[string]any{"AWS": "arn:aws:iam::444455556666:root"},
			"Action":    "secretsmanager:GetSecretValue",
			"Resource":  "*",
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": "o-acme12345"}},
		}},
	})

	// Readable by everyone: the mistake the review exists to catch.
	s = sd.add(r, "public/status-page/api-key", "Status page API key (policy opened to everyone by mistake)", 15, 0,
		"team", "sre", "env", "prod")
	sd.ver(s, "sp_"+randString(sd.rng, alnum, 32), 15, labelCurrent)
	s.policy = mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid":       "AnyoneCanRead",
			"Effect":    "Allow",
			"Principal": "*",
			"Action":    "secretsmanager:GetSecretValue",
			"Resource":  "*",
		}},
	})

	// No tags at all.
	s = sd.add(r, "scratch/untagged-token", "Token someone created by hand and never tagged", 5, 2)
	sd.ver(s, randString(sd.rng, alnum, 40), 5, labelCurrent)

	// Scheduled for deletion, yet still read yesterday.
	s = sd.add(r, "billing/old-provider-key", "Old billing provider key (migration done?)", 400, 1, "team", "billing", "env", "prod")
	sd.ver(s, "bk_"+randString(sd.rng, alnum, 32), 400, labelCurrent)
	s.deleted = sd.ago(3)
	s.deletionDate = s.deleted.Add(7 * 24 * time.Hour)
	sd.e.region(r).scheduled[s] = struct{}{}

	// Rotation on, but the last one is long overdue (the schedule says
	// every 30 days).
	s = sd.add(r, "data/analytics-ro", "Read-only analytics database user", 200, 0, "team", "data", "env", "prod")
	sd.ver(s, sd.db("postgres", "analytics.c9d8e7f6.us-east-1.rds.amazonaws.com", 5432, "analytics_ro", "analytics"), 75, labelCurrent)
	sd.rotation(s, sd.lambda(r, "SecretsManagerPostgresRotation"), rotationRules{AutomaticallyAfterDays: 30}, 75)
}
