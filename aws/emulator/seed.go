package emulator

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"golang.org/x/crypto/ssh"
)

// seeder builds the demo account. Every value it makes is fake; random parts
// come from the emulator's fixed-seed generator, so the account is the same
// on every run (dates are relative to the clock at New).
type seeder struct {
	e   *Emulator
	rng *rand.Rand
	now time.Time
}

func (sd *seeder) ago(days float64) time.Time {
	return sd.now.Add(-time.Duration(days * float64(24*time.Hour)))
}

func (sd *seeder) uuid() string { return newUUID(sd.rng) }

func (sd *seeder) password(n int) string { return randString(sd.rng, passwordChars, n) }

func (sd *seeder) hex(n int) string { return randString(sd.rng, "0123456789abcdef", n) }

// add creates a secret created `created` days ago and last read `accessed`
// days ago (negative: never read).
func (sd *seeder) add(regionName, name, desc string, created float64, accessed int, tags ...string) *secret {
	s := &secret{
		arn:         sd.e.newARN(sd.rng, regionName, name),
		name:        name,
		description: desc,
		created:     sd.ago(created),
		lastChanged: sd.ago(created),
	}
	for i := 0; i+1 < len(tags); i += 2 {
		s.tags = append(s.tags, tag{Key: tags[i], Value: tags[i+1]})
	}
	if accessed >= 0 {
		s.lastAccessed = midnight(sd.ago(float64(accessed)))
	}
	sd.e.region(regionName).add(s)
	return s
}

// ver adds a text version created daysAgo with labels.
func (sd *seeder) ver(s *secret, value string, daysAgo float64, labels ...string) *version {
	v := &version{id: sd.uuid(), created: sd.ago(daysAgo), str: &value, stages: labels}
	return sd.attach(s, v)
}

// bin adds a binary version.
func (sd *seeder) bin(s *secret, value []byte, daysAgo float64, labels ...string) *version {
	v := &version{id: sd.uuid(), created: sd.ago(daysAgo), bin: value, stages: labels}
	return sd.attach(s, v)
}

func (sd *seeder) attach(s *secret, v *version) *version {
	s.versions = append(s.versions, v)
	if v.created.After(s.lastChanged) {
		s.lastChanged = v.created
	}
	if slices.Contains(v.stages, labelCurrent) && !s.lastAccessed.IsZero() {
		v.lastAccessed = s.lastAccessed
	}
	if slices.Contains(v.stages, labelPrevious) && !s.lastAccessed.IsZero() {
		v.lastAccessed = midnight(v.created.Add(48 * time.Hour))
	}
	return v
}

// rotation turns rotation on, last rotated daysAgo.
func (sd *seeder) rotation(s *secret, lambda string, rules rotationRules, lastRotatedDaysAgo float64) {
	if lambda != "" {
		sd.e.lambdas[unqualifiedFunction(lambda)] = true
	}
	s.rotationEnabled = true
	s.lambdaARN = lambda
	s.rules = &rules
	s.lastRotated = sd.ago(lastRotatedDaysAgo)
	s.nextRotation = nextRotation(s.rules, s.lastRotated)
}

func (sd *seeder) lambda(regionName, fn string) string {
	return fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", regionName, sd.e.opts.Account, fn)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // static seed shapes always encode
	}
	return string(b)
}

type dbCreds struct {
	Engine   string `json:"engine"`
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Username string `json:"username"`
	Password string `json:"password"`
	DBName   string `json:"dbname"`
}

func (sd *seeder) db(engine, host string, port int, user, dbname string) string {
	return mustJSON(dbCreds{engine, host, port, user, sd.password(32), dbname})
}

// seed loads the demo account.
func (e *Emulator) seed(now time.Time) {
	sd := &seeder{e: e, rng: e.rng, now: now}
	sd.seedUSEast1()
	sd.seedEUWest1()
	sd.seedAPSoutheast2()
	sd.seedDatadog()
	sd.seedAccessDenied()
	if e.opts.ReviewSeed {
		sd.seedReview()
	}
	e.seedRotationFailures(now)
	// A rotation function that exists but no secret uses yet, for setting
	// rotation up on the Stripe key.
	e.lambdas[sd.lambda(usEast1, "StripeRotation")] = true
	sd.seedTrail()
}

const (
	usEast1 = "us-east-1"
	euWest1 = "eu-west-1"
	apSE2   = "ap-southeast-2"
)

func (sd *seeder) seedUSEast1() {
	r := usEast1
	pgHost := "prod-db.cluster-abc123.us-east-1.rds.amazonaws.com"

	s := sd.add(r, "prod/db/postgres", "Primary PostgreSQL (Aurora) credentials for the orders service", 420, 0,
		"team", "payments", "env", "prod", "cost-center", "cc-1042")
	sd.ver(s, sd.db("postgres", pgHost, 5432, "app_admin", "orders"), 400)
	sd.ver(s, sd.db("postgres", pgHost, 5432, "app_admin", "orders"), 102)
	sd.ver(s, sd.db("postgres", pgHost, 5432, "app_admin", "orders"), 72)
	sd.ver(s, sd.db("postgres", pgHost, 5432, "app_admin", "orders"), 42, labelPrevious)
	sd.ver(s, sd.db("postgres", pgHost, 5432, "app_admin", "orders"), 12, labelCurrent)
	sd.rotation(s, sd.lambda(r, "SecretsManagerPostgresRotation"), rotationRules{ScheduleExpression: "rate(30 days)", Duration: "2h"}, 12)
	s.policy = mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Sid":       "AllowOrdersServiceRead",
			"Effect":    "Allow",
			"Principal": map[string]any{"AWS": "arn:aws:iam::" + sd.e.opts.Account + ":role/orders-service"},
			"Action":    "secretsmanager:GetSecretValue",
			"Resource":  "*",
		}},
	})

	s = sd.add(r, "prod/db/mysql-orders", "MySQL credentials for the legacy orders read replica", 380, 1,
		"team", "payments", "env", "prod")
	myHost := "orders-mysql.cxyz9a8b7c6d.us-east-1.rds.amazonaws.com"
	sd.ver(s, sd.db("mysql", myHost, 3306, "orders_rw", "orders"), 120)
	sd.ver(s, sd.db("mysql", myHost, 3306, "orders_rw", "orders"), 37, labelPrevious)
	sd.ver(s, sd.db("mysql", myHost, 3306, "orders_rw", "orders"), 9, labelCurrent)
	sd.ver(s, sd.db("mysql", myHost, 3306, "orders_rw", "orders"), 2, labelPending)
	sd.rotation(s, sd.lambda(r, "SecretsManagerMySQLRotation"), rotationRules{AutomaticallyAfterDays: 7}, 9)

	s = sd.add(r, "prod/api/stripe", "Stripe live API key (blue/green deploys read BLUE or GREEN)", 300, 0,
		"team", "payments", "env", "prod", "vendor", "stripe")
	sd.ver(s, "sk_live_"+randString(sd.rng, alnum, 24), 250)
	sd.ver(s, "sk_live_"+randString(sd.rng, alnum, 24), 120, labelPrevious, "BLUE")
	sd.ver(s, "sk_live_"+randString(sd.rng, alnum, 24), 20, labelCurrent, "GREEN")

	s = sd.add(r, "prod/oauth/github-app", "GitHub App OAuth credentials for the deploy bot", 210, 3,
		"team", "platform", "env", "prod")
	oauth := func(days float64) string {
		return mustJSON(struct {
			AccessToken  string `json:"access_token"`
			RefreshToken string `json:"refresh_token"`
			ClientID     string `json:"client_id"`
			ClientSecret string `json:"client_secret"`
			ExpiresAt    int64  `json:"expires_at"`
		}{
			"ghu_" + randString(sd.rng, alnum, 36),
			"ghr_" + randString(sd.rng, alnum, 76),
			"Iv1.8a61f9b3a7aba766",
			sd.hex(40),
			sd.ago(days).Add(8 * time.Hour).Unix(),
		})
	}
	sd.ver(s, oauth(30), 30, labelPrevious)
	sd.ver(s, oauth(1), 1, labelCurrent)

	s = sd.add(r, "prod/ssh/deploy-key", "SSH private key used by CI to push release tags", 500, 6,
		"team", "platform", "env", "prod")
	sd.ver(s, sd.sshKey(), 500, labelCurrent)

	s = sd.add(r, "prod/tls/keystore", "PKCS#12 keystore for the internal mTLS gateway", 150, 14,
		"team", "security", "env", "prod")
	sd.bin(s, sd.keystore(512), 150, labelPrevious)
	sd.bin(s, sd.keystore(640), 33, labelCurrent)

	s = sd.add(r, "staging/app/config", "Staging application configuration (feature flags, limits)", 90, 0,
		"team", "checkout", "env", "staging")
	sd.ver(s, sd.appConfig(false), 15, labelPrevious)
	sd.ver(s, sd.appConfig(true), 3, labelCurrent)

	s = sd.add(r, "legacy/reporting-db", "Old reporting warehouse credentials (decommissioned)", 900, 45,
		"team", "data", "env", "prod")
	sd.ver(s, sd.db("postgres", "reporting.c1d2e3f4.us-east-1.rds.amazonaws.com", 5432, "report_ro", "reporting"), 700, labelCurrent)
	s.deleted = sd.ago(10)
	s.deletionDate = s.deleted.Add(30 * 24 * time.Hour)
	sd.e.region(r).scheduled[s] = struct{}{}

	s = sd.add(r, "rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60",
		"The secret associated with the primary RDS DB instance: arn:aws:rds:us-east-1:"+sd.e.opts.Account+":db:orders-analytics", 160, 0,
		"aws:rds:primaryDBInstanceArn", "arn:aws:rds:us-east-1:"+sd.e.opts.Account+":db:orders-analytics",
		"aws:secretsmanager:owningService", "rds")
	s.owningService = "rds"
	rdsCreds := func() string {
		return mustJSON(struct {
			Username string `json:"username"`
			Password string `json:"password"`
		}{"postgres", sd.password(28)})
	}
	sd.ver(s, rdsCreds(), 13, labelPrevious)
	sd.ver(s, rdsCreds(), 6, labelCurrent)
	sd.rotation(s, "", rotationRules{ScheduleExpression: "rate(7 days)"}, 6)

	s = sd.add(r, "team/café-ünicode-名前", "Équipe café: clé d'accès partagée (名前のテスト)", 40, 8,
		"team", "café", "env", "dev")
	sd.ver(s, "mot-de-passe-"+randString(sd.rng, alnum, 16), 40, labelCurrent)

	// Ordinary secrets so the list feels real.
	s = sd.add(r, "dev/db/postgres", "Developer PostgreSQL sandbox", 600, 2, "team", "platform", "env", "dev")
	sd.ver(s, sd.db("postgres", "dev-db.internal.example.com", 5432, "dev", "orders_dev"), 200, labelPrevious)
	sd.ver(s, sd.db("postgres", "dev-db.internal.example.com", 5432, "dev", "orders_dev"), 50, labelCurrent)

	s = sd.add(r, "dev/api/sendgrid", "SendGrid key for dev email previews", 330, -1, "team", "growth", "env", "dev")
	sd.ver(s, "SG."+randString(sd.rng, alnum, 22)+"."+randString(sd.rng, alnum, 43), 330, labelCurrent)

	s = sd.add(r, "dev/app/jwt-signing-key", "HMAC key for dev session tokens", 280, 30, "team", "identity", "env", "dev")
	sd.ver(s, base64.StdEncoding.EncodeToString([]byte(sd.password(48))), 280, labelCurrent)

	s = sd.add(r, "dev/placeholder/new-service", "Reserved for the new notifications service (no value yet)", 4, -1, "team", "growth")
	_ = s

	s = sd.add(r, "staging/db/postgres", "Staging PostgreSQL credentials", 365, 1, "team", "platform", "env", "staging")
	sd.ver(s, sd.db("postgres", "staging-db.cluster-def456.us-east-1.rds.amazonaws.com", 5432, "app_admin", "orders"), 95, labelPrevious)
	sd.ver(s, sd.db("postgres", "staging-db.cluster-def456.us-east-1.rds.amazonaws.com", 5432, "app_admin", "orders"), 5, labelCurrent)
	sd.rotation(s, sd.lambda(r, "SecretsManagerPostgresRotation"), rotationRules{AutomaticallyAfterDays: 90}, 5)

	s = sd.add(r, "staging/api/stripe", "Stripe test-mode key", 300, 4, "team", "payments", "env", "staging", "vendor", "stripe")
	sd.ver(s, "sk_test_"+randString(sd.rng, alnum, 24), 300, labelCurrent)

	s = sd.add(r, "staging/redis/auth-token", "ElastiCache AUTH token (staging)", 180, 0, "team", "platform", "env", "staging")
	sd.ver(s, randString(sd.rng, alnum, 64), 180, labelCurrent)

	s = sd.add(r, "prod/app/jwt-signing-key", "HMAC key for production session tokens", 450, 0, "team", "identity", "env", "prod")
	sd.ver(s, base64.StdEncoding.EncodeToString([]byte(sd.password(48))), 450, labelPrevious)
	sd.ver(s, base64.StdEncoding.EncodeToString([]byte(sd.password(48))), 88, labelCurrent)

	s = sd.add(r, "prod/cache/redis", "ElastiCache AUTH token (prod)", 260, 0, "team", "platform", "env", "prod")
	sd.ver(s, randString(sd.rng, alnum, 64), 260, labelCurrent)

	s = sd.add(r, "prod/api/twilio", "Twilio account SID and auth token for SMS", 230, 11, "team", "growth", "env", "prod", "vendor", "twilio")
	sd.ver(s, mustJSON(struct {
		AccountSID string `json:"account_sid"`
		AuthToken  string `json:"auth_token"`
	}{"AC" + sd.hex(32), sd.hex(32)}), 230, labelCurrent)

	s = sd.add(r, "ci/github/deploy-token", "Fine-grained GitHub token for the release pipeline", 70, 0, "team", "platform")
	sd.ver(s, "github_pat_"+randString(sd.rng, alnum, 22)+"_"+randString(sd.rng, alnum, 59), 70, labelCurrent)
}

func (sd *seeder) seedEUWest1() {
	r := euWest1
	s := sd.add(r, "prod/db/postgres-eu", "EU PostgreSQL credentials for the orders service (GDPR region)", 400, 0,
		"team", "payments", "env", "prod", "data-residency", "eu")
	host := "prod-db-eu.cluster-ghi789.eu-west-1.rds.amazonaws.com"
	sd.ver(s, sd.db("postgres", host, 5432, "app_admin", "orders"), 200)
	sd.ver(s, sd.db("postgres", host, 5432, "app_admin", "orders"), 11, labelPrevious)
	sd.ver(s, sd.db("postgres", host, 5432, "app_admin", "orders"), 4, labelCurrent)
	sd.rotation(s, sd.lambda(r, "SecretsManagerPostgresRotation"), rotationRules{ScheduleExpression: "cron(0 4 ? * SUN *)", Duration: "3h"}, 4)

	s = sd.add(r, "prod/api/sendgrid", "SendGrid key for transactional email", 350, 0, "team", "growth", "env", "prod", "vendor", "sendgrid")
	sd.ver(s, "SG."+randString(sd.rng, alnum, 22)+"."+randString(sd.rng, alnum, 43), 350, labelPrevious)
	sd.ver(s, "SG."+randString(sd.rng, alnum, 22)+"."+randString(sd.rng, alnum, 43), 60, labelCurrent)

	s = sd.add(r, "prod/cache/redis-eu", "ElastiCache AUTH token (prod EU)", 250, 1, "team", "platform", "env", "prod")
	sd.ver(s, randString(sd.rng, alnum, 64), 250, labelCurrent)

	s = sd.add(r, "staging/db/postgres-eu", "Staging EU PostgreSQL credentials", 190, -1, "team", "platform", "env", "staging")
	sd.ver(s, sd.db("postgres", "staging-db-eu.internal.example.com", 5432, "app_admin", "orders"), 190, labelCurrent)

	s = sd.add(r, "prod/app/session-key", "Session encryption key (EU)", 140, 0, "team", "identity", "env", "prod")
	sd.ver(s, sd.hex(64), 140, labelCurrent)
}

func (sd *seeder) seedAPSoutheast2() {
	r := apSE2
	s := sd.add(r, "prod/db/postgres-apac", "APAC PostgreSQL credentials for the orders service", 220, 0,
		"team", "payments", "env", "prod")
	host := "prod-db-apac.cluster-jkl012.ap-southeast-2.rds.amazonaws.com"
	sd.ver(s, sd.db("postgres", host, 5432, "app_admin", "orders"), 50, labelPrevious)
	sd.ver(s, sd.db("postgres", host, 5432, "app_admin", "orders"), 20, labelCurrent)
	sd.rotation(s, sd.lambda(r, "SecretsManagerPostgresRotation"), rotationRules{AutomaticallyAfterDays: 30}, 20)

	s = sd.add(r, "prod/api/payments-gateway", "Regional payment gateway merchant key", 160, 2, "team", "payments", "env", "prod")
	sd.ver(s, "pk_live_"+randString(sd.rng, alnum, 32), 160, labelCurrent)
}

// seedDatadog creates the replicated secret and its two replicas.
func (sd *seeder) seedDatadog() {
	s := sd.add(usEast1, "shared/datadog/api-key", "Datadog API key shared by every region's agents", 500, 0,
		"team", "observability", "env", "prod", "vendor", "datadog")
	sd.ver(s, sd.hex(32), 180, labelPrevious)
	sd.ver(s, sd.hex(32), 25, labelCurrent)
	s.primaryRegion = usEast1
	s.replicas = []replica{
		{region: euWest1, status: "InSync"},
		{region: apSE2, kmsKeyID: "arn:aws:kms:ap-southeast-2:" + sd.e.opts.Account + ":key/3f2a9c1e-7b4d-4e8a-9f61-2c5d8e0a1b7f", status: "InSync"},
	}
	sd.e.replicate(s)
	s.replicas[1].status = "Failed"
	s.replicas[1].statusMessage = "Replication failed: the KMS key arn:aws:kms:ap-southeast-2:" + sd.e.opts.Account +
		":key/3f2a9c1e-7b4d-4e8a-9f61-2c5d8e0a1b7f is disabled. Enable the key, then retry replication."
	if rs := sd.e.region(euWest1).secrets[s.name]; rs != nil {
		rs.lastAccessed = midnight(sd.ago(1))
	}
}

// sshKey is a real Ed25519 key in OpenSSH's format, made from the seed's
// random numbers so the demo is the same on every run (ssh.MarshalPrivateKey
// would draw its check bytes from crypto/rand): the value screen's facts
// show its fingerprint as ssh-keygen -l would. Only the demo holds it.
func (sd *seeder) sshKey() string {
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = byte(sd.rng.IntN(256))
	}
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	pubBlob := ssh.Marshal(struct {
		Type string
		Key  []byte
	}{ssh.KeyAlgoED25519, pub})
	check := sd.rng.Uint32()
	section := ssh.Marshal(struct {
		Check1, Check2 uint32
		Type           string
		Pub, Priv      []byte
		Comment        string
	}{check, check, ssh.KeyAlgoED25519, pub, priv, "release-bot@ci"})
	for i := byte(1); len(section)%8 != 0; i++ {
		section = append(section, i) // OpenSSH's padding: 1, 2, 3, ...
	}
	body := ssh.Marshal(struct {
		Cipher, KDF, KDFOptions string
		Keys                    uint32
		Pub, Section            []byte
	}{"none", "none", "", 1, pubBlob, section})
	return string(pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: append([]byte("openssh-key-v1\x00"), body...)}))
}

// keystore is n fake bytes that start like a DER-encoded PKCS#12 file.
func (sd *seeder) keystore(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(sd.rng.UintN(256))
	}
	copy(b, []byte{0x30, 0x82, byte((n - 4) >> 8), byte(n - 4), 0x02, 0x01, 0x03, 0x30, 0x82})
	return b
}

// appConfig is nested JSON written by hand, so numbers like 1e3 and a
// 20-digit integer survive exactly as typed.
func (sd *seeder) appConfig(newCheckout bool) string {
	return `{"service":"checkout","feature_flags":{"new_checkout":` + fmt.Sprint(newCheckout) +
		`,"dark_mode":false,"beta_users":["alice@example.com","bob@example.com"]},` +
		`"limits":{"requests_per_minute":600,"burst":1e3,"timeout_seconds":2.5},` +
		`"sampling_ratio":0.125,"fallback_region":null,"build_id":12345678901234567890,` +
		`"database":{"host":"staging-db.cluster-def456.us-east-1.rds.amazonaws.com","port":5432,"password":"` + sd.password(24) + `"},` +
		`"allowed_origins":["https://staging.example.com","https://admin.staging.example.com"]}`
}

// SeedValues returns every secret value stored at this moment, all regions
// and versions (binary values as raw byte strings). Tests use it to prove
// no value leaks to a screen or log.
func (e *Emulator) SeedValues() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, r := range e.regions {
		for _, s := range r.secrets {
			for _, v := range s.versions {
				if v.str != nil {
					out = append(out, *v.str)
				} else {
					out = append(out, string(v.bin))
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
