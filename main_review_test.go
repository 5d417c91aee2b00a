package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// keepDemoEnv restores what `review --demo` sets for its temporary home.
func keepDemoEnv(t *testing.T) {
	for _, k := range []string{"HOME", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
		"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AWS_CA_BUNDLE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC"} {
		t.Setenv(k, "")
	}
}

// `smtui review` needs no terminal: stdin is /dev/null here.
func TestReviewDemoJSONWithoutATerminal(t *testing.T) {
	keepDemoEnv(t)
	code, out, errOut := runCapture(t, "review", "--demo", "--format", "json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		Findings []struct {
			Rule    string            `json:"rule"`
			Secrets []json.RawMessage `json:"secrets"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Findings) < 8 {
		t.Fatalf("want the demo's findings as JSON: %v\n%s", err, out)
	}

	code, _, errOut = runCapture(t, "review", "--demo", "--fail-on", "critical")
	if code != 1 || !strings.Contains(errOut, "at or above critical") {
		t.Errorf("--fail-on critical on the demo: exit %d, stderr %q", code, errOut)
	}
}

func TestReviewUsageAndHelp(t *testing.T) {
	code, out, errOut := runCapture(t, "review", "--format", "yaml")
	if code != 2 || out != "" || !strings.Contains(errOut, "smtui review --help") {
		t.Errorf("--format yaml: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCapture(t, "review", "--help")
	if code != 0 || !strings.Contains(out, "Exit status") || !strings.Contains(out, "--fail-on") {
		t.Errorf("review --help: exit %d\n%s", code, out)
	}
}
