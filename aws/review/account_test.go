package review

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// demoStores starts the seeded emulator and connects the real SDK-backed
// Store to each region, as --demo does.
func demoStores(t *testing.T, regions ...string) (*emulator.Server, []aws.Store) {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
		"AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		t.Setenv(k, "")
	}
	t.Setenv("HOME", dir)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	srv, err := emulator.Start(emulator.Options{Seed: true, ReviewSeed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	var stores []aws.Store
	for _, r := range regions {
		st, err := aws.Connect(context.Background(), aws.ConnectOptions{Region: r, EndpointURL: srv.URL,
			AccessKeyID: "AKIDEMULATOR", SecretAccessKey: "emulator", CallTimeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		stores = append(stores, st)
	}
	return srv, stores
}

func names(f Finding) []string {
	var out []string
	for _, h := range f.Secrets {
		out = append(out, h.Region+" "+h.Name)
	}
	return out
}

// The review of the demo account through the real SDK client: every rule
// finds the secret the demo holds for it, and no value is read.
func TestAccountReviewOnTheDemo(t *testing.T) {
	srv, stores := demoStores(t, "us-east-1", "eu-west-1", "ap-southeast-2")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rep, err := Account(ctx, stores, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Rule][]string{
		RulePolicyPublic:     {"us-east-1 public/status-page/api-key"},
		RulePolicyCrossAcct:  {"us-east-1 partner/acme/sftp-credentials"},
		RuleRotationFailed:   {"us-east-1 prod/db/mysql-orders", "us-east-1 data/analytics-ro"},
		RuleDeletedStillRead: {"us-east-1 billing/old-provider-key"},
		RuleReplicaFailed:    {"us-east-1 shared/datadog/api-key"},
		RuleRotationOff:      {"us-east-1 prod/api/stripe"},
		RuleNotRotated:       {"us-east-1 prod/ssh/deploy-key"},
		RuleUnused:           {"us-east-1 dev/api/sendgrid"},
		RuleAWSManagedKey:    {"us-east-1 prod/db/postgres"},
		RuleUntagged:         {"us-east-1 scratch/untagged-token"},
	}
	for rule, secrets := range want {
		f, ok := rep.Finding(rule)
		if !ok {
			t.Errorf("%s: no finding", rule)
			continue
		}
		for _, s := range secrets {
			if !slices.Contains(names(f), s) {
				t.Errorf("%s: %s missing from %v", rule, s, names(f))
			}
		}
	}
	if f, _ := rep.Finding(RulePolicyCrossAcct); len(f.Secrets) > 0 && !strings.Contains(f.Secrets[0].Detail, "with conditions") {
		t.Errorf("the partner's statement has a condition: %q", f.Secrets[0].Detail)
	}
	if f, _ := rep.Finding(RuleAWSManagedKey); slices.Contains(names(f), "us-east-1 partner/acme/sftp-credentials") {
		t.Error("the partner secret uses a customer managed key")
	}
	// prod/db/postgres's policy allows only its own account.
	if f, _ := rep.Finding(RulePolicyCrossAcct); slices.Contains(names(f), "us-east-1 prod/db/postgres") {
		t.Error("prod/db/postgres is shared with its own account only")
	}
	if len(rep.Unchecked) != 0 {
		t.Errorf("unchecked: %+v", rep.Unchecked)
	}
	// The datadog primary has replicas in the two other regions, listed
	// there: counted once each, not again as replicas.
	if rep.Cost.Replicas != 0 || rep.Cost.Deleted < 2 || rep.Cost.Secrets != rep.Secrets-rep.Cost.Deleted {
		t.Errorf("cost: %+v of %d", rep.Cost, rep.Secrets)
	}
	// Metadata only: no value was read, and the review holds none.
	if n := srv.Requests("GetSecretValue"); n != 0 {
		t.Errorf("the review read %d values", n)
	}
	var b strings.Builder
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	for _, v := range srv.SeedValues() {
		if len(v) >= 8 && strings.Contains(b.String(), v) {
			t.Fatalf("a secret value reached the review")
		}
	}
}

// Reviewing one region prices the replicas of its primaries that live in
// regions not listed (found with DescribeSecret).
func TestAccountReviewOneRegionReplicasElsewhere(t *testing.T) {
	_, stores := demoStores(t, "us-east-1")
	rep, err := Account(context.Background(), stores, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Only us-east-1 listed: datadog's two replicas are billed elsewhere.
	if rep.Cost.Replicas != 2 {
		t.Errorf("replicas elsewhere: %+v", rep.Cost)
	}
}

// A policy that cannot be read leaves its secret marked not fully checked,
// never silently passed; the rest of the review stands.
func TestAccountReviewPolicyRefused(t *testing.T) {
	srv, stores := demoStores(t, "us-east-1")
	srv.InjectFault(emulator.Fault{Op: "GetResourcePolicy", SecretID: "public/status-page/api-key", Error: "AccessDeniedException"})
	rep, err := Account(context.Background(), stores, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Finding(RulePolicyPublic); ok {
		t.Error("public finding without the policy")
	}
	if len(rep.Unchecked) != 1 || rep.Unchecked[0].Name != "public/status-page/api-key" || !strings.Contains(rep.Unchecked[0].Detail, "resource policy not read") {
		t.Errorf("unchecked: %+v", rep.Unchecked)
	}
	if _, ok := rep.Finding(RulePolicyCrossAcct); !ok {
		t.Error("the other policies were still read")
	}
}
