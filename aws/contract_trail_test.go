package aws

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
)

// trailOf is the harness Store's Trail.
func trailOf(t *testing.T, h *harness) Trail {
	t.Helper()
	tr, ok := h.st.(Trail)
	if !ok {
		t.Fatal("the SDK Store does not implement Trail")
	}
	return tr
}

// demoSecretARN is a seeded secret's ARN.
func demoSecretARN(t *testing.T, h *harness, name string) string {
	t.Helper()
	sec, err := h.st.DescribeSecret(h.ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	return sec.ARN
}

// The demo's busiest secret: pages of 50, newest first, several principals,
// parsed from CloudTrailEvent.
func TestContractTrailPagesNewestFirst(t *testing.T) {
	h := newHarness(t, withSeed)
	tr := trailOf(t, h)
	ref := SecretRef{ARN: demoSecretARN(t, h, "prod/db/postgres")}
	var all []TrailEvent
	tok, pages := "", 0
	for {
		page, err := tr.SecretEvents(h.ctx, ref, TrailFilter{}, tok)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if page.Read > 50 || len(page.Events) != page.Read {
			t.Fatalf("page %d: %d events of %d read", pages, len(page.Events), page.Read)
		}
		all = append(all, page.Events...)
		if tok = page.NextToken; tok == "" {
			break
		}
	}
	if pages < 2 {
		t.Fatalf("%d events on %d page(s), want more than a page", len(all), pages)
	}
	principals := map[string]bool{}
	for i, ev := range all {
		if i > 0 && ev.Time.After(all[i-1].Time) {
			t.Fatalf("event %d (%s) is newer than event %d", i, ev.Time, i-1)
		}
		if ev.Name == "" || ev.Principal == "" || ev.SourceIP == "" || ev.Time.IsZero() {
			t.Fatalf("event %d incomplete: %+v", i, ev)
		}
		principals[ev.ShortPrincipal()] = true
	}
	for _, p := range []string{
		"user/alice",
		"assumed-role/github-actions-deploy/GitHubActions",
		"assumed-role/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b/bob@example.com",
		"assumed-role/SecretsManagerPostgresRotation-role/SecretsManagerPostgresRotation",
		"secretsmanager.amazonaws.com",
	} {
		if !principals[p] {
			t.Errorf("no event by %s (have %v)", p, principals)
		}
	}
	if n := h.srv.Throttled("LookupEvents"); n != 0 {
		t.Fatalf("paging at the Store's pace was throttled %d times", n)
	}
}

// Filters apply to each page: by principal (ARN or session name) and by
// event name, case-insensitively.
func TestContractTrailFilters(t *testing.T) {
	h := newHarness(t, withSeed)
	tr := trailOf(t, h)
	ref := SecretRef{Name: "prod/db/postgres"} // resolved to its ARN
	page, err := tr.SecretEvents(h.ctx, ref, TrailFilter{Principal: "ALICE"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) == 0 || page.Read <= len(page.Events) {
		t.Fatalf("alice: %d of %d", len(page.Events), page.Read)
	}
	for _, ev := range page.Events {
		if ev.Principal != "arn:aws:iam::123456789012:user/alice" {
			t.Fatalf("filter by alice let through %s", ev.Principal)
		}
	}
	page, err = tr.SecretEvents(h.ctx, ref, TrailFilter{Principal: "bob@example.com", EventName: "describe"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 1 || page.Events[0].Name != "DescribeSecret" || page.Events[0].Username != "bob@example.com" ||
		page.Events[0].Role != "arn:aws:iam::123456789012:role/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b" {
		t.Fatalf("bob's DescribeSecret: %+v", page.Events)
	}
	page, err = tr.SecretEvents(h.ctx, ref, TrailFilter{EventName: "GetSecretValue"}, "")
	if err != nil {
		t.Fatal(err)
	}
	denied := 0
	for _, ev := range page.Events {
		if ev.Name != "GetSecretValue" {
			t.Fatalf("event filter let through %s", ev.Name)
		}
		if ev.ErrorCode == "AccessDeniedException" {
			denied++
		}
	}
	if denied != 1 {
		t.Fatalf("the demo's refused read: %d", denied)
	}
}

// The Store's own calls are recorded, with the caller and without the value.
func TestContractTrailRecordsOwnCallsWithoutValue(t *testing.T) {
	h := newHarness(t)
	const value = "p@ss-never-in-cloudtrail-9f8e7d"
	h.create("app/token", "first")
	h.put("app/token", value)
	if _, err := h.st.GetValue(h.ctx, "app/token", VersionRef{}); err != nil {
		t.Fatal(err)
	}
	page, err := trailOf(t, h).SecretEvents(h.ctx, SecretRef{Name: "app/token"}, TrailFilter{}, "")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ev := range page.Events {
		names = append(names, ev.Name)
		if ev.Principal != "arn:aws:iam::123456789012:user/oncall" || ev.SourceIP != "127.0.0.1" {
			t.Fatalf("caller: %+v", ev)
		}
	}
	if !strings.Contains(strings.Join(names, ","), "GetSecretValue,PutSecretValue") {
		t.Fatalf("events %v lack the read after the write", names)
	}
	// The raw records, as CloudTrail returns them, never hold the value.
	ct := cloudtrail.New(cloudtrail.Options{Region: "us-east-1", BaseEndpoint: awssdk.String(h.srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "S", ""), HTTPClient: &http.Client{Timeout: 5 * time.Second}})
	time.Sleep(time.Second) // the Store's call used the region's quota
	out, err := ct.LookupEvents(h.ctx, &cloudtrail.LookupEventsInput{})
	if err != nil {
		t.Fatal(err)
	}
	puts := 0
	for _, ev := range out.Events {
		if strings.Contains(awssdk.ToString(ev.CloudTrailEvent), value) || strings.Contains(fmt.Sprint(ev), value) {
			t.Fatalf("a CloudTrail event holds the value: %s", awssdk.ToString(ev.CloudTrailEvent))
		}
		if awssdk.ToString(ev.EventName) == "PutSecretValue" {
			puts++
		}
	}
	if puts != 1 {
		t.Fatalf("%d PutSecretValue events, want 1", puts)
	}
}

// RotationEvents lists a failed rotation's events, newest first.
func TestContractTrailRotationEvents(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "rotate/fails"
	h.create(id, "before")
	h.srv.FailRotation(id, "setSecret")
	if _, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda}); err != nil {
		t.Fatal(err)
	}
	arn := demoSecretARN(t, h, id)
	var evs []TrailEvent
	eventually(t, 5*time.Second, "RotationFailed", func() bool {
		var err error
		evs, err = trailOf(t, h).RotationEvents(h.ctx, arn, time.Now().Add(-time.Hour))
		return err == nil && len(evs) > 0 && evs[0].Name == EventRotationFailed
	})
	if len(evs) != 2 || evs[1].Name != EventRotationStarted || !evs[0].Service || evs[0].Principal != "secretsmanager.amazonaws.com" {
		t.Fatalf("rotation events: %+v", evs)
	}
}

// Someone else using the region's LookupEvents quota makes AWS throttle the
// Store; it slows down and gets its page.
func TestContractTrailRidesOutThrottling(t *testing.T) {
	h := newHarness(t, withSeed)
	ct := cloudtrail.New(cloudtrail.Options{Region: "us-east-1", BaseEndpoint: awssdk.String(h.srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "S", ""), RetryMaxAttempts: 1})
	for range 3 {
		_, _ = ct.LookupEvents(h.ctx, &cloudtrail.LookupEventsInput{})
	}
	page, err := trailOf(t, h).SecretEvents(h.ctx, SecretRef{Name: "prod/db/postgres"}, TrailFilter{}, "")
	if err != nil {
		t.Fatalf("after throttling: %v", err)
	}
	if len(page.Events) == 0 || h.srv.Throttled("LookupEvents") < 2 {
		t.Fatalf("%d events, %d throttled", len(page.Events), h.srv.Throttled("LookupEvents"))
	}
}
