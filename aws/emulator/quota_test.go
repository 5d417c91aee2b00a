package emulator

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"
)

// noRetry makes a client call once, so the emulator's answer is seen as is.
func noRetry(o *secretsmanager.Options) { o.Retryer = awssdk.NopRetryer{} }

func TestListQuotaThrottlesBeyondRatePerRegion(t *testing.T) {
	srv := startServer(t, Options{ListRate: 5, SyntheticSecrets: 3})
	east, west := client(t, srv, "us-east-1"), client(t, srv, "eu-west-1")
	list := func(c *secretsmanager.Client) error {
		_, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{}, noRetry)
		return err
	}
	ok, throttled := 0, 0
	for range 8 {
		switch err := list(east); {
		case err == nil:
			ok++
		default:
			wantCode(t, err, "ThrottlingException")
			var ae smithy.APIError
			if errors.As(err, &ae) && ae.ErrorMessage() != "Rate exceeded" {
				t.Errorf("message %q, want AWS's %q", ae.ErrorMessage(), "Rate exceeded")
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusBadRequest {
				t.Errorf("throttling answered with %v, want HTTP 400", err)
			}
			throttled++
		}
	}
	// The burst is one second's worth (5); 8 calls in well under a second
	// leave at least two refused even if the bucket refilled one token.
	if ok < 5 || throttled < 2 {
		t.Fatalf("%d admitted and %d throttled of 8 at 5/s, want >= 5 and >= 2", ok, throttled)
	}
	if got := srv.Throttled("ListSecrets"); got != throttled {
		t.Errorf("Throttled = %d, want %d", got, throttled)
	}
	if err := list(west); err != nil {
		t.Errorf("another region shares the quota: %v", err)
	}
	if _, err := east.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("synthetic/svc-00000/api-key")}, noRetry); err != nil {
		t.Errorf("the ListSecrets quota throttled DescribeSecret: %v", err)
	}
	time.Sleep(500 * time.Millisecond) // refills at least two tokens
	if err := list(east); err != nil {
		t.Errorf("after the bucket refilled: %v", err)
	}
}

func TestListRateDefaultsOnlyWithLatency(t *testing.T) {
	for _, c := range []struct {
		o    Options
		want float64
	}{
		{Options{}, 0},
		{Options{ListLatency: time.Millisecond}, 100},
		{Options{ListLatency: time.Millisecond, ListRate: -1}, 0},
		{Options{ListRate: 40}, 40},
	} {
		if got := c.o.listRate(); got != c.want {
			t.Errorf("listRate of ListLatency %v ListRate %d = %v, want %v", c.o.ListLatency, c.o.ListRate, got, c.want)
		}
	}
	// Without latency, a fast chain of 150 pages (more than the burst) is
	// never throttled: existing tests and the demo page at full speed.
	srv := startServer(t, Options{SyntheticSecrets: 150})
	c := client(t, srv, "us-east-1")
	if n := len(listAll(t, c, secretsmanager.ListSecretsInput{MaxResults: awssdk.Int32(1)})); n != 150 {
		t.Fatalf("listed %d, want 150", n)
	}
	if got := srv.Throttled("ListSecrets"); got != 0 {
		t.Fatalf("throttled %d requests with no quota", got)
	}
}

func TestListLatencyDelaysPagesAndHonoursCancellation(t *testing.T) {
	srv := startServer(t, Options{ListLatency: 60 * time.Millisecond, SyntheticSecrets: 1})
	c := client(t, srv, "us-east-1")
	start := time.Now()
	if _, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("a page took %v, want at least the 60ms latency", d)
	}
	// A cancelled request stops waiting: the handler returns, so Close
	// (which waits for handlers) does not wait out a long latency.
	slow := startServer(t, Options{ListLatency: time.Hour})
	sc := client(t, slow, "us-east-1")
	cctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := sc.ListSecrets(cctx, &secretsmanager.ListSecretsInput{}, noRetry); err == nil {
		t.Fatal("a request cancelled during the latency succeeded")
	}
	done := make(chan struct{})
	go func() { _ = slow.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the handler kept waiting out the latency after its request was cancelled")
	}
}

// The name filter is a case-sensitive prefix match (AWS API reference,
// Filter): not a substring match and not case-folded.
func TestNameFilterIsCaseSensitivePrefix(t *testing.T) {
	srv := startServer(t, Options{SecretNames: []string{"prod/db", "Prod/db", "app/prod/db", "rds!db-1", "prod"}})
	c := client(t, srv, "us-east-1")
	got := func(v string) []string {
		return names(listAll(t, c, secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName,
			Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{v}}}}))
	}
	for v, want := range map[string][]string{
		"prod":    {"prod", "prod/db"},
		"Prod":    {"Prod/db"},
		"db":      nil,
		"rds!":    {"rds!db-1"},
		"prod/db": {"prod/db"},
	} {
		if g := got(v); len(g) != len(want) || (len(g) > 0 && !slices.Equal(g, want)) {
			t.Errorf("name filter %q listed %v, want %v", v, g, want)
		}
	}
}
