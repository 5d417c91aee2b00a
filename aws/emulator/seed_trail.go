package emulator

import (
	"slices"
	"strings"
	"time"
)

// The demo's CloudTrail history: who read and changed the demo secrets over
// the past days, with several principals (an IAM user, a CI role, the
// rotation functions' roles, an IAM Identity Center session and the orders
// service's role), and the rotation service events. Addresses are from the
// documentation ranges (RFC 5737) and private VPC ranges.

// trailActor is one demo principal.
type trailActor struct {
	arn, accessKey, ip, agent string
}

func (sd *seeder) actors() map[string]trailActor {
	acct := sd.e.opts.Account
	return map[string]trailActor{
		"alice":  {"arn:aws:iam::" + acct + ":user/alice", "AKIAEXAMPLEALICE0001", "203.0.113.24", "aws-cli/2.17.3 Python/3.11.9 Darwin/23.5.0 exe/x86_64"},
		"bob":    {"arn:aws:sts::" + acct + ":assumed-role/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b/bob@example.com", "ASIAEXAMPLEBOBSSO001", "198.51.100.42", "smtui/dev aws-sdk-go-v2/1.48.0"},
		"ci":     {"arn:aws:sts::" + acct + ":assumed-role/github-actions-deploy/GitHubActions", "ASIAEXAMPLECIDEPLOY1", "192.0.2.10", "aws-sdk-go-v2/1.48.0 os/linux lang/go#1.26"},
		"orders": {"arn:aws:sts::" + acct + ":assumed-role/orders-service/i-0a1b2c3d4e5f67890", "ASIAEXAMPLEORDERS001", "10.0.12.34", "Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux"},
	}
}

// lambdaActor is the role a rotation function runs as.
func lambdaActor(account, lambdaARN string) trailActor {
	fn := lambdaARN[strings.LastIndex(lambdaARN, ":")+1:]
	return trailActor{
		arn:       "arn:aws:sts::" + account + ":assumed-role/" + fn + "-role/" + fn,
		accessKey: "ASIAEXAMPLELAMBDA001",
		ip:        "10.0.40.7",
		agent:     "Boto3/1.34.131 md/Botocore#1.34.131 exec-env/AWS_Lambda_python3.12",
	}
}

// call records one seeded API call by a on s, at t.
func (sd *seeder) call(s *secret, region string, a trailActor, op string, t time.Time, params map[string]any) {
	if params == nil {
		params = map[string]any{}
	}
	params["secretId"] = s.arn
	sd.e.trail.add(&trailEvent{
		name: op, time: t, region: region, principal: a.arn, accessKey: a.accessKey,
		sourceIP: a.ip, userAgent: a.agent, readOnly: trailReadOnly[op], resource: s.arn, params: params,
	})
}

// seedTrail records the demo's history, after the secrets exist.
func (sd *seeder) seedTrail() {
	names := make([]string, 0, len(sd.e.regions))
	for name := range sd.e.regions {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, rn := range names {
		reg := sd.e.regions[rn]
		ids := make([]string, 0, len(reg.secrets))
		for id := range reg.secrets {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			sd.secretHistory(rn, reg.secrets[id])
		}
	}
}

// secretHistory records the common story of one secret: its creation, its
// last reads and its rotations, plus the richer stories of a few.
func (sd *seeder) secretHistory(region string, s *secret) {
	act := sd.actors()
	if sd.now.Sub(s.created) < trailRetention {
		sd.call(s, region, act["alice"], "CreateSecret", s.created, map[string]any{"name": s.name})
	}
	if !s.lastAccessed.IsZero() && !s.isReplica {
		reader := act["orders"]
		if strings.HasPrefix(s.name, "ci/") || strings.Contains(s.name, "deploy") {
			reader = act["ci"]
		}
		sd.call(s, region, reader, "GetSecretValue", s.lastAccessed.Add(9*time.Hour+17*time.Minute), nil)
	}
	if s.rotationEnabled && s.lambdaARN != "" && !s.lastRotated.IsZero() {
		sd.rotationHistory(region, s, s.lastRotated, "")
	}
	if p := s.stuckPending(); p != nil && s.lambdaARN != "" {
		sd.rotationHistory(region, s, p.created, stepSet)
	}
	switch s.name {
	case "prod/db/postgres":
		sd.busyHistory(region, s)
	case "ci/github/deploy-token":
		for d := 6; d >= 0; d -= 3 {
			sd.call(s, region, act["ci"], "GetSecretValue", sd.ago(float64(d)+0.3), nil)
		}
		sd.call(s, region, act["bob"], "DescribeSecret", sd.ago(0.9), nil)
	}
}

// rotationHistory records one rotation run starting at t: the service
// events and the rotation function's calls; failStep ends it there.
func (sd *seeder) rotationHistory(region string, s *secret, t time.Time, failStep string) {
	fn := lambdaActor(sd.e.opts.Account, s.lambdaARN)
	token := sd.uuid()
	at := func(sec int) time.Time { return t.Add(time.Duration(sec) * time.Second) }
	sd.e.recordServiceEventLocked(region, s.arn, EventRotationStarted, at(0))
	sd.call(s, region, fn, "DescribeSecret", at(2), nil)
	sd.call(s, region, fn, "GetSecretValue", at(3), map[string]any{"versionStage": labelCurrent})
	sd.call(s, region, fn, "GetRandomPassword", at(3), nil)
	sd.call(s, region, fn, "PutSecretValue", at(4), map[string]any{"clientRequestToken": token, "versionStages": []any{labelPending}})
	if failStep == stepSet {
		sd.call(s, region, fn, "GetSecretValue", at(6), map[string]any{"versionStage": labelPending})
		sd.e.recordServiceEventLocked(region, s.arn, EventRotationFailed, at(31))
		return
	}
	sd.call(s, region, fn, "GetSecretValue", at(6), map[string]any{"versionStage": labelPending})
	sd.call(s, region, fn, "GetSecretValue", at(9), map[string]any{"versionStage": labelPending})
	sd.call(s, region, fn, "UpdateSecretVersionStage", at(11), map[string]any{"versionStage": labelCurrent, "moveToVersionId": token})
	sd.e.recordServiceEventLocked(region, s.arn, EventRotationSucceeded, at(12))
}

// busyHistory gives the primary database secret more than a page of events
// by five principals: the orders service reads it every three hours.
func (sd *seeder) busyHistory(region string, s *secret) {
	act := sd.actors()
	for h := 8 * 24; h > 0; h -= 3 {
		sd.call(s, region, act["orders"], "GetSecretValue", sd.now.Add(-time.Duration(h)*time.Hour+7*time.Minute), nil)
	}
	sd.call(s, region, act["alice"], "DescribeSecret", sd.ago(2.2), nil)
	sd.call(s, region, act["alice"], "GetSecretValue", sd.ago(2.19), nil)
	sd.call(s, region, act["bob"], "GetResourcePolicy", sd.ago(1.1), nil)
	sd.call(s, region, act["bob"], "DescribeSecret", sd.ago(0.2), nil)
	sd.call(s, region, act["ci"], "DescribeSecret", sd.ago(0.5), nil)
	denied := act["ci"]
	denied.ip = "192.0.2.11"
	sd.e.trail.add(&trailEvent{
		name: "GetSecretValue", time: sd.ago(0.49), region: region, principal: denied.arn, accessKey: denied.accessKey,
		sourceIP: denied.ip, userAgent: denied.agent, readOnly: true, resource: s.arn,
		params:  map[string]any{"secretId": s.name},
		errCode: codeAccessDenied, errMsg: "User: " + denied.arn + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + s.name + " because no identity-based policy allows the secretsmanager:GetSecretValue action",
	})
}
