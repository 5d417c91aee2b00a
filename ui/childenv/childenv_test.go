package childenv

import (
	"slices"
	"strings"
	"testing"
)

func TestScrubDropsEveryCredentialVariable(t *testing.T) {
	env := []string{
		"HOME=/home/op", "PATH=/usr/bin", "TERM=xterm-256color", "LANG=C.UTF-8", "DISPLAY=:0",
		"AWS_ACCESS_KEY_ID=AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI", "AWS_SESSION_TOKEN=tok",
		"AWS_SECURITY_TOKEN=tok", "AWS_CONTAINER_AUTHORIZATION_TOKEN=Bearer x",
		"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=/run/token", "AWS_CONTAINER_CREDENTIALS_FULL_URI=http://169.254.170.23/v1",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/creds", "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/token",
		"AWS_ROLE_ARN=arn:aws:iam::1:role/x", "AWS_CREDENTIAL_EXPIRATION=2026-01-01T00:00:00Z",
		"AWS_PROFILE=prod", "AWS_REGION=eu-west-1", "AWS_VAULT=prod", "aws_secret_access_key=lower",
		"AWSUME_PROFILE=prod", "GRANTED_SSO=1", "EDITOR=vim", "MYAWS_THING=kept",
	}
	got := Scrub(env)
	want := []string{"HOME=/home/op", "PATH=/usr/bin", "TERM=xterm-256color", "LANG=C.UTF-8", "DISPLAY=:0", "EDITOR=vim", "MYAWS_THING=kept"}
	if !slices.Equal(got, want) {
		t.Fatalf("Scrub kept %q\nwant %q", got, want)
	}
}

func TestEnvironReadsTheProcessEnvironment(t *testing.T) {
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI")
	t.Setenv("SMTUI_CHILDENV_PROBE", "here")
	env := Environ()
	if !slices.Contains(env, "SMTUI_CHILDENV_PROBE=here") {
		t.Fatal("Environ lost an ordinary variable")
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "AWS_") {
			t.Fatalf("Environ kept %s", kv[:strings.IndexByte(kv, '=')])
		}
	}
}
