package emulator

import (
	"context"
	"errors"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func TestFaultThrottleRetried(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "k", "v")
	srv.InjectFault(Fault{Op: "GetSecretValue", Error: "ThrottlingException", Times: 1})
	if got := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("k")}); got != "v" {
		t.Fatal("wrong value")
	}
	if n := srv.Requests("GetSecretValue"); n != 2 {
		t.Fatalf("Requests = %d, want 2 (one throttled, one retry)", n)
	}
	// Persistent internal errors: the SDK gives up after its attempts.
	remove := srv.InjectFault(Fault{Op: "DescribeSecret", Error: "InternalServiceError"})
	_, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("k")})
	wantCode(t, err, "InternalServiceError")
	if n := srv.Requests("DescribeSecret"); n != 3 {
		t.Fatalf("DescribeSecret requests = %d, want 3 attempts", n)
	}
	remove()
	if _, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("k")}); err != nil {
		t.Fatalf("after remove: %v", err)
	}
}

func TestFaultMatching(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	eu := client(t, srv, "eu-west-1")
	arn := *createText(t, c, "a", "v").ARN
	createText(t, c, "b", "v")
	createText(t, eu, "a", "v")
	srv.InjectFault(Fault{SecretID: arn, Region: "us-east-1", Error: "AccessDeniedException"})
	get := func(c *secretsmanager.Client, id string) error {
		_, err := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String(id)})
		return err
	}
	err := get(c, "a") // by name, fault given by ARN
	wantCode(t, err, "AccessDeniedException")
	var ae interface{ ErrorMessage() string }
	if !errors.As(err, &ae) || ae.ErrorMessage() == "" {
		t.Fatalf("no message: %v", err)
	}
	_, err = c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: &arn})
	wantCode(t, err, "AccessDeniedException")
	if err := get(c, "b"); err != nil {
		t.Errorf("other secret affected: %v", err)
	}
	if err := get(eu, "a"); err != nil {
		t.Errorf("other region affected: %v", err)
	}
	if _, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{}); err != nil {
		t.Errorf("ListSecrets (no SecretId) affected: %v", err)
	}
	srv.ClearFaults()
	if err := get(c, "a"); err != nil {
		t.Errorf("after ClearFaults: %v", err)
	}
}

func TestFaultLatency(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	srv.InjectFault(Fault{Op: "ListSecrets", Latency: 40 * time.Millisecond, Times: 1})
	start := time.Now()
	if _, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 40*time.Millisecond {
		t.Fatalf("took %v, want at least the latency", d)
	}
	// A long latency honours the caller's cancellation (and the server's).
	srv.InjectFault(Fault{Op: "ListSecrets", Latency: time.Hour})
	cctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err := c.ListSecrets(cctx, &secretsmanager.ListSecretsInput{})
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancellation took %v", d)
	}
}

func TestDroppedResponseRetriedOnce(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "k", "v1")
	srv.InjectFault(Fault{Op: "PutSecretValue", DropResponse: true, Times: 1})
	// The SDK generates the ClientRequestToken once and reuses it on retry.
	out, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("k"), SecretString: awssdk.String("v2")})
	if err != nil {
		t.Fatalf("put with a dropped response: %v", err)
	}
	if n := srv.Requests("PutSecretValue"); n != 2 {
		t.Fatalf("PutSecretValue requests = %d, want 2 (dropped + retry)", n)
	}
	vs, err := c.ListSecretVersionIds(ctx(t), &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String("k"), IncludeDeprecated: awssdk.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs.Versions) != 2 {
		t.Fatalf("%d versions, want exactly 2 (no duplicate from the retry)", len(vs.Versions))
	}
	if holderOf(stages(t, c, "k"), "AWSCURRENT") != *out.VersionId {
		t.Fatal("AWSCURRENT is not on the returned version")
	}
}
