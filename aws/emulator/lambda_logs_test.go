package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
)

func lambdaClient(srv *Server, region string) *lambda.Client {
	return lambda.New(lambda.Options{Region: region, BaseEndpoint: awssdk.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), HTTPClient: &http.Client{Timeout: 10 * time.Second},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 1 })})
}

func logsClient(srv *Server, region string) *cloudwatchlogs.Client {
	return cloudwatchlogs.New(cloudwatchlogs.Options{Region: region, BaseEndpoint: awssdk.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), HTTPClient: &http.Client{Timeout: 10 * time.Second},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 1 })})
}

// GetFunction and GetPolicy through the real lambda client: by name, by
// ARN, and not found for a missing function or policy.
func TestLambdaGetFunctionAndPolicy(t *testing.T) {
	srv := startServer(t, Options{})
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:NoPolicy"
	srv.SetLambdaFunction(fn, "nodejs20.x", fixedNow.Add(-time.Hour), "")
	c := lambdaClient(srv, "us-east-1")
	for _, name := range []string{testLambda, "Rotate", "123456789012:function:Rotate", testLambda + ":$LATEST"} {
		out, err := c.GetFunction(ctx(t), &lambda.GetFunctionInput{FunctionName: awssdk.String(name)})
		if err != nil {
			t.Fatalf("GetFunction %s: %v", name, err)
		}
		if cfg := out.Configuration; awssdk.ToString(cfg.FunctionArn) != testLambda || cfg.Runtime != "python3.12" || awssdk.ToString(cfg.LastModified) == "" {
			t.Errorf("GetFunction %s: %+v", name, cfg)
		}
	}
	pol, err := c.GetPolicy(ctx(t), &lambda.GetPolicyInput{FunctionName: awssdk.String(testLambda)})
	if err != nil || !policyAllowsSecretsManager(awssdk.ToString(pol.Policy)) {
		t.Fatalf("GetPolicy: %v %v", err, pol)
	}
	out, err := c.GetFunction(ctx(t), &lambda.GetFunctionInput{FunctionName: awssdk.String(fn)})
	if err != nil || out.Configuration.Runtime != "nodejs20.x" {
		t.Fatalf("GetFunction set: %v", err)
	}
	_, err = c.GetPolicy(ctx(t), &lambda.GetPolicyInput{FunctionName: awssdk.String(fn)})
	if code := errCode(t, err); code != "ResourceNotFoundException" {
		t.Errorf("GetPolicy without a policy: %v", err)
	}
	_, err = c.GetFunction(ctx(t), &lambda.GetFunctionInput{FunctionName: awssdk.String("Missing")})
	if code := errCode(t, err); code != "ResourceNotFoundException" || !strings.Contains(err.Error(), "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Missing") {
		t.Errorf("GetFunction of a missing function: %v", err)
	}
	// In another region the same name is another function.
	_, err = lambdaClient(srv, "eu-west-1").GetFunction(ctx(t), &lambda.GetFunctionInput{FunctionName: awssdk.String("Rotate")})
	if code := errCode(t, err); code != "ResourceNotFoundException" {
		t.Errorf("GetFunction in eu-west-1: %v", err)
	}
}

// FilterLogEvents through the real client: the window, quoted and negated
// terms, stream names, pages, a missing group.
func TestLogsFilterLogEvents(t *testing.T) {
	srv := startServer(t, Options{})
	const group = "/aws/lambda/Rotate"
	for i := range 5 {
		srv.PutLogEvents("us-east-1", group, "s1", fixedNow.Add(time.Duration(i)*time.Minute), "line "+string(rune('a'+i))+" arn:x:1")
	}
	srv.PutLogEvents("us-east-1", group, "s2", fixedNow.Add(2*time.Minute), "other arn:x:2 [ERROR]")
	c := logsClient(srv, "us-east-1")
	filter := func(in cloudwatchlogs.FilterLogEventsInput) []string {
		t.Helper()
		in.LogGroupName = awssdk.String(group)
		var got []string
		p := cloudwatchlogs.NewFilterLogEventsPaginator(c, &in)
		for p.HasMorePages() {
			out, err := p.NextPage(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range out.Events {
				got = append(got, awssdk.ToString(ev.Message))
			}
		}
		return got
	}
	if got := filter(cloudwatchlogs.FilterLogEventsInput{FilterPattern: awssdk.String(`"arn:x:1"`), Limit: awssdk.Int32(2)}); len(got) != 5 || got[0] != "line a arn:x:1" {
		t.Errorf("quoted term over pages: %q", got)
	}
	if got := filter(cloudwatchlogs.FilterLogEventsInput{StartTime: awssdk.Int64(fixedNow.Add(time.Minute).UnixMilli()),
		EndTime: awssdk.Int64(fixedNow.Add(2 * time.Minute).UnixMilli())}); len(got) != 3 {
		t.Errorf("window: %q", got)
	}
	if got := filter(cloudwatchlogs.FilterLogEventsInput{FilterPattern: awssdk.String(`arn -"line a" -ERROR`)}); len(got) != 4 {
		t.Errorf("negated terms: %q", got)
	}
	if got := filter(cloudwatchlogs.FilterLogEventsInput{LogStreamNames: []string{"s2"}}); len(got) != 1 || !strings.HasPrefix(got[0], "other") {
		t.Errorf("stream names: %q", got)
	}
	_, err := c.FilterLogEvents(ctx(t), &cloudwatchlogs.FilterLogEventsInput{LogGroupName: awssdk.String("/aws/lambda/Nothing")})
	if code := errCode(t, err); code != "ResourceNotFoundException" {
		t.Errorf("missing group: %v", err)
	}
}

// RotateSecret is refused when the function's policy does not allow
// Secrets Manager, as AWS refuses it.
func TestRotateRefusedWhenThePolicyDoesNotAllowSecretsManager(t *testing.T) {
	srv := startServer(t, Options{})
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:Locked"
	srv.SetLambdaFunction(fn, "python3.12", fixedNow, `{"Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction"}]}`)
	srv.mu.Lock()
	ok := srv.lambdaInvocable(fn)
	srv.mu.Unlock()
	if ok {
		t.Fatal("a function only EventBridge may invoke is invocable by Secrets Manager")
	}
}
