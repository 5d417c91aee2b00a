package emulator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"
)

// fixedNow is the clock of every test emulator.
var fixedNow = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

func startServer(t *testing.T, opts Options) *Server {
	t.Helper()
	if opts.Clock == nil {
		opts.Clock = func() time.Time { return fixedNow }
	}
	if opts.RotationStepDelay == 0 {
		opts.RotationStepDelay = time.Millisecond
	}
	opts.LambdaFunctions = append(opts.LambdaFunctions, testLambda)
	srv, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// client is the real SDK client for region, with fast retries.
func client(t testing.TB, srv *Server, region string) *secretsmanager.Client {
	t.Helper()
	return secretsmanager.New(secretsmanager.Options{
		Region:       region,
		BaseEndpoint: awssdk.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:   &http.Client{Timeout: 10 * time.Second},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.MaxBackoff = 5 * time.Millisecond
		}),
	})
}

func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// errCode is the AWS error code of err, "" for nil.
func errCode(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("not an API error: %v", err)
	}
	return ae.ErrorCode()
}

// wantCode fails unless err carries code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := errCode(t, err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// stages returns the version id -> labels map from DescribeSecret.
func stages(t *testing.T, c *secretsmanager.Client, id string) map[string][]string {
	t.Helper()
	d, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return d.VersionIdsToStages
}

// holderOf is the version id carrying label in m, "" if none.
func holderOf(m map[string][]string, label string) string {
	for id, ls := range m {
		if slices.Contains(ls, label) {
			return id
		}
	}
	return ""
}

func createText(t *testing.T, c *secretsmanager.Client, name, value string) *secretsmanager.CreateSecretOutput {
	t.Helper()
	out, err := c.CreateSecret(ctx(t), &secretsmanager.CreateSecretInput{Name: awssdk.String(name), SecretString: awssdk.String(value)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func putText(t *testing.T, c *secretsmanager.Client, id, value string) *secretsmanager.PutSecretValueOutput {
	t.Helper()
	out, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String(id), SecretString: awssdk.String(value)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func getText(t *testing.T, c *secretsmanager.Client, in *secretsmanager.GetSecretValueInput) string {
	t.Helper()
	out, err := c.GetSecretValue(ctx(t), in)
	if err != nil {
		t.Fatal(err)
	}
	return awssdk.ToString(out.SecretString)
}

// token returns a valid 36-character ClientRequestToken derived from n.
func token(n int) string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", n)
}
