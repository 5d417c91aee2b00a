package emulator

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// trailClient is the real CloudTrail client for region. attempts is the
// retryer's budget: 1 shows the quota's refusals, more rides them out.
func trailClient(t testing.TB, srv *Server, region, akid string, attempts int) *cloudtrail.Client {
	t.Helper()
	return cloudtrail.New(cloudtrail.Options{
		Region:       region,
		BaseEndpoint: awssdk.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(akid, "SECRET", ""),
		HTTPClient:   &http.Client{Timeout: 10 * time.Second},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = attempts
			o.MaxBackoff = 600 * time.Millisecond
			o.RateLimiter = ratelimit.None // ride out throttling without a retry budget
		}),
	})
}

// signedClient is a Secrets Manager client signing with access key akid.
func signedClient(t testing.TB, srv *Server, region, akid string) *secretsmanager.Client {
	t.Helper()
	return secretsmanager.New(secretsmanager.Options{
		Region:       region,
		BaseEndpoint: awssdk.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(akid, "SECRET", ""),
		HTTPClient:   &http.Client{Timeout: 10 * time.Second},
	})
}

func byResource(arn string) []cttypes.LookupAttribute {
	return []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyResourceName, AttributeValue: &arn}}
}

func TestTrailRecordsCallsWithoutValues(t *testing.T) {
	srv := startServer(t, Options{Principals: map[string]string{
		"AKIDALICE": "arn:aws:iam::123456789012:user/alice",
		"ASIACI":    "arn:aws:sts::123456789012:assumed-role/ci-deploy/GitHubActions",
	}})
	alice := signedClient(t, srv, "us-east-1", "AKIDALICE")
	ci := signedClient(t, srv, "us-east-1", "ASIACI")
	const value = "hunter2-TOP-SECRET-do-not-log"
	created, err := alice.CreateSecret(ctx(t), &secretsmanager.CreateSecretInput{Name: awssdk.String("app/db"), SecretString: awssdk.String("first-" + value)})
	if err != nil {
		t.Fatal(err)
	}
	arn := *created.ARN
	if _, err := ci.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/db"), SecretString: awssdk.String(value)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ci.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: &arn}); err != nil {
		t.Fatal(err)
	}
	_, err = ci.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("app/db"), VersionId: awssdk.String(token(7))})
	wantCode(t, err, "ResourceNotFoundException")

	out, err := trailClient(t, srv, "us-east-1", "AKIDALICE", 5).LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: byResource(arn)})
	if err != nil {
		t.Fatal(err)
	}
	var names, users []string
	for _, ev := range out.Events {
		names = append(names, *ev.EventName)
		users = append(users, awssdk.ToString(ev.Username))
		raw := awssdk.ToString(ev.CloudTrailEvent)
		if strings.Contains(raw, value) || strings.Contains(raw, "ecretString") {
			t.Fatalf("a recorded event holds the value: %s", raw)
		}
		var rec struct {
			EventName    string `json:"eventName"`
			EventSource  string `json:"eventSource"`
			SourceIP     string `json:"sourceIPAddress"`
			ErrorCode    string `json:"errorCode"`
			UserIdentity struct {
				Type           string `json:"type"`
				ARN            string `json:"arn"`
				SessionContext *struct {
					SessionIssuer struct {
						ARN string `json:"arn"`
					} `json:"sessionIssuer"`
				} `json:"sessionContext"`
			} `json:"userIdentity"`
			RequestParameters map[string]any `json:"requestParameters"`
		}
		if err := json.Unmarshal([]byte(raw), &rec); err != nil {
			t.Fatalf("CloudTrailEvent is not JSON: %v", err)
		}
		if rec.EventName != *ev.EventName || rec.EventSource != "secretsmanager.amazonaws.com" || rec.SourceIP != "127.0.0.1" {
			t.Fatalf("record: %+v", rec)
		}
		switch rec.UserIdentity.ARN {
		case "arn:aws:iam::123456789012:user/alice":
			if rec.UserIdentity.Type != "IAMUser" {
				t.Fatalf("alice's identity: %+v", rec.UserIdentity)
			}
		case "arn:aws:sts::123456789012:assumed-role/ci-deploy/GitHubActions":
			if rec.UserIdentity.Type != "AssumedRole" || rec.UserIdentity.SessionContext == nil ||
				rec.UserIdentity.SessionContext.SessionIssuer.ARN != "arn:aws:iam::123456789012:role/ci-deploy" {
				t.Fatalf("the CI session's identity: %+v", rec.UserIdentity)
			}
		default:
			t.Fatalf("unexpected principal %q", rec.UserIdentity.ARN)
		}
		if rec.EventName == "PutSecretValue" {
			// The SDK fills in ClientRequestToken; CloudTrail keeps it, never the value.
			keys := slices.Sorted(maps.Keys(rec.RequestParameters))
			if !slices.Equal(keys, []string{"clientRequestToken", "secretId"}) || rec.RequestParameters["secretId"] != "app/db" {
				t.Fatalf("PutSecretValue parameters: %v", rec.RequestParameters)
			}
		}
		// Refused calls are recorded too, with their error code.
		wantErr := ""
		if rec.RequestParameters["versionId"] != nil {
			wantErr = "ResourceNotFoundException"
		}
		if rec.ErrorCode != wantErr {
			t.Fatalf("error code %q on %s, want %q", rec.ErrorCode, rec.EventName, wantErr)
		}
	}
	// Same clock for all: newest first means the reverse order of the calls.
	if want := []string{"GetSecretValue", "GetSecretValue", "PutSecretValue", "CreateSecret"}; !slices.Equal(names, want) {
		t.Fatalf("events = %v, want %v", names, want)
	}
	if want := []string{"GitHubActions", "GitHubActions", "GitHubActions", "alice"}; !slices.Equal(users, want) {
		t.Fatalf("usernames = %v, want %v", users, want)
	}
}

func TestTrailRotationEvents(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	arn := *createText(t, c, "db/ok", "v1").ARN
	bad := *createText(t, c, "db/bad", "v1").ARN
	srv.FailRotation("db/bad", "setSecret")
	for _, id := range []string{"db/ok", "db/bad"} {
		if _, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String(id), RotationLambdaARN: awssdk.String(testLambda)}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "rotation to end", func() bool { return !rotating(srv, "us-east-1", id) })
	}
	ct := trailClient(t, srv, "us-east-1", "AKID", 10)
	for arn, want := range map[string][]string{arn: {"RotationSucceeded", "RotationStarted"}, bad: {"RotationFailed", "RotationStarted"}} {
		out, err := ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: byResource(arn)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ev := range out.Events {
			if strings.HasPrefix(*ev.EventName, "Rotation") {
				got = append(got, *ev.EventName)
				if !strings.Contains(*ev.CloudTrailEvent, `"eventType":"AwsServiceEvent"`) || !strings.Contains(*ev.CloudTrailEvent, `"SecretId":"`+arn+`"`) {
					t.Fatalf("service event: %s", *ev.CloudTrailEvent)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s: rotation events %v, want %v", arn, got, want)
		}
	}
}

func TestTrailLookupPagingAndFilters(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	ct := trailClient(t, srv, "us-east-1", "AKID", 10)
	arn := demoARN(t, srv, "prod/db/postgres")
	var all []cttypes.Event
	var tok *string
	pages := 0
	for {
		out, err := ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: byResource(arn), MaxResults: awssdk.Int32(30), NextToken: tok})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(out.Events) > 30 {
			t.Fatalf("page of %d > MaxResults", len(out.Events))
		}
		all = append(all, out.Events...)
		if tok = out.NextToken; tok == nil {
			break
		}
	}
	if pages < 3 || len(all) < 70 {
		t.Fatalf("%d events in %d pages, want a long history", len(all), pages)
	}
	users := map[string]bool{}
	ids := map[string]bool{}
	for i, ev := range all {
		if i > 0 && ev.EventTime.After(*all[i-1].EventTime) {
			t.Fatalf("event %d is newer than the one before", i)
		}
		if ids[*ev.EventId] {
			t.Fatalf("event %s on two pages", *ev.EventId)
		}
		ids[*ev.EventId] = true
		users[awssdk.ToString(ev.Username)] = true
	}
	for _, u := range []string{"alice", "bob@example.com", "GitHubActions", "SecretsManagerPostgresRotation", "i-0a1b2c3d4e5f67890"} {
		if !users[u] {
			t.Fatalf("no event by %s among %v", u, users)
		}
	}
	// EventName and Username filters, and a time window.
	out, err := ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{{
		AttributeKey: cttypes.LookupAttributeKeyUsername, AttributeValue: awssdk.String("alice")}},
		StartTime: awssdk.Time(fixedNow.Add(-3 * 24 * time.Hour))})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) == 0 {
		t.Fatal("no events by alice in the last 3 days")
	}
	for _, ev := range out.Events {
		if *ev.Username != "alice" || ev.EventTime.Before(fixedNow.Add(-3*24*time.Hour)) {
			t.Fatalf("filtered event: %s by %s at %s", *ev.EventName, *ev.Username, ev.EventTime)
		}
	}
	out, err = ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{{
		AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: awssdk.String("RotationFailed")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) == 0 || *out.Events[0].EventName != "RotationFailed" {
		t.Fatalf("the demo's stuck rotation has no RotationFailed: %v", out.Events)
	}
	// AWS takes one lookup attribute, 1-50 results, start before end.
	_, err = ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: append(byResource(arn), byResource(arn)...)})
	wantCode(t, err, "InvalidLookupAttributesException")
	_, err = ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{MaxResults: awssdk.Int32(51)})
	wantCode(t, err, "InvalidMaxResultsException")
	_, err = ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{StartTime: awssdk.Time(fixedNow), EndTime: awssdk.Time(fixedNow.Add(-time.Hour))})
	wantCode(t, err, "InvalidTimeRangeException")
	_, err = ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{NextToken: awssdk.String("!!")})
	wantCode(t, err, "InvalidNextTokenException")
}

func TestTrailLookupRateLimit(t *testing.T) {
	srv := startServer(t, Options{})
	ct := trailClient(t, srv, "eu-west-1", "AKID", 1)
	throttled := 0
	for range 5 {
		_, err := ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{})
		if errCode(t, err) == "ThrottlingException" {
			throttled++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	// Five calls at once: the burst of 2 passes, most of the rest are refused.
	if throttled < 2 || srv.Throttled("LookupEvents") != throttled {
		t.Fatalf("throttled %d (emulator counted %d), want at least 2", throttled, srv.Throttled("LookupEvents"))
	}
	// The quota is per region: another region still answers.
	if _, err := trailClient(t, srv, "us-east-1", "AKID", 1).LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{}); err != nil {
		t.Fatalf("another region: %v", err)
	}
	// After a second, the bucket has refilled.
	time.Sleep(time.Second)
	if _, err := ct.LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{}); err != nil {
		t.Fatalf("after a second: %v", err)
	}
}

// demoARN is the ARN of a seeded us-east-1 secret.
func demoARN(t *testing.T, srv *Server, name string) string {
	t.Helper()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	s := srv.regions["us-east-1"].secrets[name]
	if s == nil {
		t.Fatalf("no demo secret %s", name)
	}
	return s.arn
}

// A secret deleted for good is gone when its DeleteSecret is recorded: the
// event still names it, from the call's answer.
func TestTrailRecordsForcedDeletion(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	arn := *createText(t, c, "gone/now", "v").ARN
	if _, err := c.DeleteSecret(ctx(t), &secretsmanager.DeleteSecretInput{SecretId: awssdk.String("gone/now"), ForceDeleteWithoutRecovery: awssdk.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{}); err != nil {
		t.Fatal(err)
	}
	out, err := trailClient(t, srv, "us-east-1", "AKID", 5).LookupEvents(ctx(t), &cloudtrail.LookupEventsInput{LookupAttributes: byResource(arn)})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ev := range out.Events {
		names = append(names, *ev.EventName)
	}
	if !slices.Equal(names, []string{"DeleteSecret", "CreateSecret"}) {
		t.Fatalf("events of the deleted secret: %v", names)
	}
}
