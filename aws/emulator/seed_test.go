package emulator

import (
	"crypto/ed25519"

	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

func describe(t *testing.T, c *secretsmanager.Client, id string) *secretsmanager.DescribeSecretOutput {
	t.Helper()
	d, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(id)})
	if err != nil {
		t.Fatalf("describe %s: %v", id, err)
	}
	return d
}

func TestSeedNamesAndRegions(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	want := map[string][]string{
		"us-east-1": {"prod/db/postgres", "prod/db/mysql-orders", "prod/api/stripe", "prod/oauth/github-app", "prod/ssh/deploy-key",
			"prod/tls/keystore", "staging/app/config", "shared/datadog/api-key", "legacy/reporting-db",
			"rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60", "team/café-ünicode-名前"},
		"eu-west-1":      {"prod/db/postgres-eu", "prod/api/sendgrid", "shared/datadog/api-key"},
		"ap-southeast-2": {"prod/db/postgres-apac", "shared/datadog/api-key"},
	}
	sizes := map[string][2]int{"us-east-1": {18, 32}, "eu-west-1": {4, 8}, "ap-southeast-2": {3, 5}}
	for region, list := range want {
		c := client(t, srv, region)
		got := names(listAll(t, c, secretsmanager.ListSecretsInput{IncludePlannedDeletion: awssdk.Bool(true)}))
		for _, n := range list {
			if !slices.Contains(got, n) {
				t.Errorf("%s: %s missing", region, n)
			}
		}
		if r := sizes[region]; len(got) < r[0] || len(got) > r[1] {
			t.Errorf("%s has %d secrets, want %d-%d", region, len(got), r[0], r[1])
		}
	}
}

func TestSeedStates(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")

	pg := describe(t, c, "prod/db/postgres")
	if !awssdk.ToBool(pg.RotationEnabled) || awssdk.ToString(pg.RotationLambdaARN) != "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerPostgresRotation" ||
		awssdk.ToString(pg.RotationRules.ScheduleExpression) != "rate(30 days)" || pg.Description == nil || len(pg.Tags) < 2 {
		t.Errorf("prod/db/postgres: %+v", pg)
	}
	vs, _ := c.ListSecretVersionIds(ctx(t), &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String("prod/db/postgres"), IncludeDeprecated: awssdk.Bool(true)})
	if len(vs.Versions) < 3 || len(pg.VersionIdsToStages) != 2 {
		t.Errorf("prod/db/postgres versions: %d total, %v labelled", len(vs.Versions), pg.VersionIdsToStages)
	}
	var creds map[string]any
	if err := json.Unmarshal([]byte(getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/db/postgres")})), &creds); err != nil {
		t.Fatal(err)
	}
	if creds["host"] != "prod-db.cluster-abc123.us-east-1.rds.amazonaws.com" || creds["port"] != float64(5432) || creds["username"] != "app_admin" || creds["dbname"] != "orders" {
		t.Errorf("postgres creds: %v", creds)
	}
	pol, err := c.GetResourcePolicy(ctx(t), &secretsmanager.GetResourcePolicyInput{SecretId: awssdk.String("prod/db/postgres")})
	if err != nil || pol.ResourcePolicy == nil {
		t.Errorf("no policy: %v", err)
	}

	my := describe(t, c, "prod/db/mysql-orders")
	p, cur := holderOf(my.VersionIdsToStages, "AWSPENDING"), holderOf(my.VersionIdsToStages, "AWSCURRENT")
	if !awssdk.ToBool(my.RotationEnabled) || p == "" || p == cur {
		t.Errorf("mysql not stuck: %v", my.VersionIdsToStages)
	}
	_, err = c.RotateSecret(ctx(t), &secretsmanager.RotateSecretInput{SecretId: awssdk.String("prod/db/mysql-orders")})
	wantCode(t, err, "InvalidRequestException")

	st := describe(t, c, "prod/api/stripe").VersionIdsToStages
	if b, g := holderOf(st, "BLUE"), holderOf(st, "GREEN"); b == "" || g == "" || b == g {
		t.Errorf("stripe labels: %v", st)
	}
	if v := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/api/stripe")}); !strings.HasPrefix(v, "sk_live_") {
		t.Errorf("stripe key shape")
	}

	var gh map[string]any
	_ = json.Unmarshal([]byte(getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/oauth/github-app")})), &gh)
	for _, k := range []string{"access_token", "refresh_token", "client_id", "client_secret"} {
		if _, ok := gh[k].(string); !ok {
			t.Errorf("github-app lacks %s", k)
		}
	}
	if _, ok := gh["expires_at"].(float64); !ok {
		t.Errorf("expires_at is not a number")
	}

	key := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/ssh/deploy-key")})
	if !strings.HasPrefix(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n") {
		t.Errorf("ssh key: not in OpenSSH's format")
	}
	if parsed, err := ssh.ParseRawPrivateKey([]byte(key)); err != nil {
		t.Errorf("ssh key does not parse: %v", err)
	} else if _, ok := parsed.(*ed25519.PrivateKey); !ok {
		t.Errorf("ssh key is a %T, want Ed25519", parsed)
	}

	ks, err := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/tls/keystore")})
	if err != nil || ks.SecretString != nil || len(ks.SecretBinary) < 200 {
		t.Errorf("keystore: %v", err)
	}

	cfg := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("staging/app/config")})
	for _, part := range []string{"1e3", "12345678901234567890", "null", "true", "[", "0.125"} {
		if !strings.Contains(cfg, part) {
			t.Errorf("staging/app/config lacks %s", part)
		}
	}
	if !json.Valid([]byte(cfg)) {
		t.Error("staging/app/config is not valid JSON")
	}

	dd := describe(t, c, "shared/datadog/api-key")
	status := map[string]types.StatusType{}
	for _, r := range dd.ReplicationStatus {
		status[*r.Region] = r.Status
		if r.Status == types.StatusTypeFailed && awssdk.ToString(r.StatusMessage) == "" {
			t.Error("failed replica without a message")
		}
	}
	if status["eu-west-1"] != types.StatusTypeInSync || status["ap-southeast-2"] != types.StatusTypeFailed || awssdk.ToString(dd.PrimaryRegion) != "us-east-1" {
		t.Errorf("datadog replication: %v", status)
	}
	for _, region := range []string{"eu-west-1", "ap-southeast-2"} {
		r := describe(t, client(t, srv, region), "shared/datadog/api-key")
		if awssdk.ToString(r.PrimaryRegion) != "us-east-1" {
			t.Errorf("replica in %s: PrimaryRegion %v", region, r.PrimaryRegion)
		}
	}

	legacy := describe(t, c, "legacy/reporting-db")
	if legacy.DeletedDate == nil {
		t.Error("legacy/reporting-db not scheduled for deletion")
	} else if left := legacy.DeletedDate.Add(30 * 24 * time.Hour).Sub(fixedNow); left < 19*24*time.Hour || left > 21*24*time.Hour {
		t.Errorf("legacy deletion in %v, want ~20 days", left)
	}

	if rds := describe(t, c, "rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60"); awssdk.ToString(rds.OwningService) != "rds" {
		t.Errorf("rds secret OwningService = %v", rds.OwningService)
	}
	// AWS would never accept this name; the demo keeps it to exercise wide
	// characters, and (like every non-ASCII SecretId) it is reachable by ARN only.
	uniARN := ""
	for _, s := range listAll(t, c, secretsmanager.ListSecretsInput{}) {
		if awssdk.ToString(s.Name) == "team/café-ünicode-名前" {
			uniARN = awssdk.ToString(s.ARN)
		}
	}
	if u := describe(t, c, uniARN); u.Description == nil || !strings.ContainsFunc(*u.Description, func(r rune) bool { return r > 127 }) {
		t.Error("unicode secret lacks a unicode description")
	}

	eu := describe(t, client(t, srv, "eu-west-1"), "prod/db/postgres-eu")
	if awssdk.ToString(eu.RotationRules.ScheduleExpression) != "cron(0 4 ? * SUN *)" || !awssdk.ToBool(eu.RotationEnabled) {
		t.Errorf("postgres-eu rotation: %+v", eu.RotationRules)
	}

	// Every seeded secret has dates; accessed dates are midnights.
	for _, s := range listAll(t, c, secretsmanager.ListSecretsInput{IncludePlannedDeletion: awssdk.Bool(true)}) {
		if s.CreatedDate == nil || s.LastChangedDate == nil || s.Description == nil {
			t.Errorf("%s lacks dates or description", *s.Name)
		}
		if s.LastAccessedDate != nil && !s.LastAccessedDate.Equal(midnight(*s.LastAccessedDate)) {
			t.Errorf("%s accessed at %v, not a midnight", *s.Name, s.LastAccessedDate)
		}
	}
}

func TestSeedDeterministic(t *testing.T) {
	a := New(Options{Seed: true, Clock: func() time.Time { return fixedNow }})
	b := New(Options{Seed: true, Clock: func() time.Time { return fixedNow }})
	va, vb := a.SeedValues(), b.SeedValues()
	if len(va) < 30 || !slices.Equal(va, vb) {
		t.Fatalf("seed values differ between runs (%d vs %d)", len(va), len(vb))
	}
	arn := func(e *Emulator) string { return e.regions["us-east-1"].secrets["prod/db/postgres"].arn }
	if arn(a) != arn(b) {
		t.Fatal("ARNs differ between runs")
	}
}

func TestSeedValuesCoverReads(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")
	values := srv.SeedValues()
	for _, id := range []string{"prod/db/postgres", "prod/api/stripe"} {
		if v := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String(id), VersionStage: awssdk.String("AWSPREVIOUS")}); !slices.Contains(values, v) {
			t.Errorf("%s previous value not in SeedValues", id)
		}
	}
	ks, _ := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("prod/tls/keystore")})
	if !slices.Contains(values, string(ks.SecretBinary)) {
		t.Error("binary value not in SeedValues")
	}
	putText(t, c, "prod/api/stripe", "sk_live_fresh")
	if !slices.Contains(srv.SeedValues(), "sk_live_fresh") {
		t.Error("SeedValues misses a value written later")
	}
	// No error message carries a value.
	_, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("prod/api/stripe"), SecretString: awssdk.String("sk_live_other"),
		ClientRequestToken: awssdk.String(holderOf(stages(t, c, "prod/api/stripe"), "BLUE"))})
	wantCode(t, err, "ResourceExistsException")
	for _, v := range srv.SeedValues() {
		if len(v) > 6 && strings.Contains(err.Error(), v) {
			t.Fatal("error message contains a secret value")
		}
	}
}

func TestSyntheticSecrets(t *testing.T) {
	start := time.Now()
	e := New(Options{SyntheticSecrets: 10000, Seed: true, Clock: func() time.Time { return fixedNow }})
	t.Logf("New with 10000 synthetic secrets: %v", time.Since(start))
	r := e.regions["us-east-1"]
	if n := len(r.secrets); n < 10000 {
		t.Fatalf("%d secrets in us-east-1", n)
	}
	s := r.secrets["synthetic/svc-00042/db"]
	if s == nil || s.description == "" || len(s.tags) == 0 || len(s.versions) < 1 || len(s.versions) > 3 || s.holder(labelCurrent) == nil {
		t.Fatalf("synthetic/svc-00042/db: %+v", s)
	}
}

func BenchmarkNewSynthetic10000(b *testing.B) {
	for b.Loop() {
		New(Options{SyntheticSecrets: 10000})
	}
}

func BenchmarkListSecretsPage10000(b *testing.B) {
	srv, err := Start(Options{SyntheticSecrets: 10000})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c := client(b, srv, "us-east-1")
	in := &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName}
	out, err := c.ListSecrets(b.Context(), in)
	if err != nil {
		b.Fatal(err)
	}
	in.NextToken = out.NextToken
	for b.Loop() {
		if _, err := c.ListSecrets(b.Context(), in); err != nil {
			b.Fatal(err)
		}
	}
}
