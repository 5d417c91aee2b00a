package cli

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/aws/review"
)

func TestParseReview(t *testing.T) {
	env := func(string) string { return "" }
	c, err := ParseReview([]string{"--format", "json", "--fail-on", "High", "--days", "30", "-r", "eu-west-1"}, env)
	if err != nil || c.Format != "json" || c.FailOn != review.High || c.Days != 30 || len(c.Regions) != 1 {
		t.Fatalf("%+v %v", c, err)
	}
	if c, err := ParseReview(nil, env); err != nil || c.Format != "text" || c.FailOn != 0 || c.Days != 90 {
		t.Fatalf("defaults: %+v %v", c, err)
	}
	for _, bad := range [][]string{{"--format", "yaml"}, {"--fail-on", "urgent"}, {"--days", "0"}, {"--region", "mars-1"}, {"extra"}} {
		if _, err := ParseReview(bad, env); err == nil || errors.Is(err, ErrHelp) {
			t.Errorf("%v: accepted", bad)
		}
	}
	if _, err := ParseReview([]string{"--help"}, env); !errors.Is(err, ErrHelp) {
		t.Errorf("--help: %v", err)
	}
	for _, want := range []string{"--fail-on", "--days", "Exit status", "1  a finding at or above --fail-on"} {
		if !strings.Contains(ReviewHelp(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// reviewConnect connects the real SDK client to a seeded emulator.
func reviewConnect(t *testing.T) func(ctx context.Context, region string) (aws.Store, error) {
	t.Helper()
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/credentials")
	t.Setenv("AWS_PROFILE", "")
	srv, err := emulator.Start(emulator.Options{Seed: true, ReviewSeed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return func(ctx context.Context, region string) (aws.Store, error) {
		return aws.Connect(ctx, aws.ConnectOptions{Region: region, EndpointURL: srv.URL,
			AccessKeyID: "AKIDEMULATOR", SecretAccessKey: "emulator", CallTimeout: 10 * time.Second})
	}
}

func TestRunReviewJSONAndExitCodes(t *testing.T) {
	connect := reviewConnect(t)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		c, err := ParseReview(args, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut strings.Builder
		code := RunReview(context.Background(), c, connect, stripControls, &out, &errOut, time.Now())
		return code, out.String(), errOut.String()
	}

	code, out, _ := run("--format", "json", "-r", "us-east-1")
	if code != ReviewExitOK {
		t.Fatalf("no --fail-on: exit %d", code)
	}
	var rep struct {
		Secrets  int `json:"secrets_reviewed"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Control  string `json:"security_hub_control"`
			Secrets  []struct {
				Name string `json:"name"`
			} `json:"secrets"`
		} `json:"findings"`
		Cost struct {
			USD  float64 `json:"usd_per_month"`
			Date string  `json:"price_date"`
		} `json:"cost_estimate"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Secrets == 0 || len(rep.Findings) == 0 || rep.Findings[0].Rule != "policy-public" || rep.Findings[0].Severity != "critical" ||
		rep.Findings[0].Secrets[0].Name != "public/status-page/api-key" || rep.Cost.USD <= 0 || rep.Cost.Date == "" {
		t.Fatalf("report: %+v", rep)
	}
	controls := map[string]bool{}
	for _, f := range rep.Findings {
		controls[f.Control] = true
	}
	for _, c := range []string{"SecretsManager.1", "SecretsManager.2", "SecretsManager.3", "SecretsManager.4"} {
		if !controls[c] {
			t.Errorf("no finding cites %s", c)
		}
	}

	if code, _, errOut := run("--fail-on", "critical", "-r", "us-east-1"); code != ReviewExitFindings || !strings.Contains(errOut, "critical") {
		t.Errorf("--fail-on critical with a public policy: exit %d (%s)", code, errOut)
	}
	// ap-southeast-2's worst finding is medium (rotation off).
	if code, _, _ := run("--fail-on", "high", "-r", "ap-southeast-2"); code != ReviewExitOK {
		t.Errorf("--fail-on high, worst medium: exit %d", code)
	}
	if code, _, _ := run("--fail-on", "medium", "-r", "ap-southeast-2"); code != ReviewExitFindings {
		t.Errorf("--fail-on medium, worst medium: exit %d", code)
	}
	code, out, _ = run("-r", "us-east-1")
	if code != ReviewExitOK || !strings.Contains(out, "billing/old-provider-key") || !strings.Contains(out, "Estimated cost") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
}

func TestRunReviewConnectFails(t *testing.T) {
	c, _ := ParseReview([]string{"--fail-on", "low"}, func(string) string { return "" })
	var out, errOut strings.Builder
	code := RunReview(context.Background(), c, func(context.Context, string) (aws.Store, error) {
		return nil, errors.New("no credentials")
	}, stripControls, &out, &errOut, time.Now())
	if code != ReviewExitFailed || out.Len() != 0 || !strings.Contains(errOut.String(), "no credentials") {
		t.Fatalf("exit %d out %q err %q", code, out.String(), errOut.String())
	}
}

// stripControls stands in for the UI's sanitizer (main.go passes it).
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
