package cli

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/smtui/smtui/aws"
)

// The demo's profiles, written to a temporary AWS config so that `P` lists
// them and the SSO log-in can be tried without AWS.
const (
	// DemoProfile signs in with static keys.
	DemoProfile = "demo"
	// DemoSSOProfile signs in through the emulator's IAM Identity Center;
	// its cached session has already expired, so smtui offers to log in.
	DemoSSOProfile = "demo-sso"
	// DemoNoRegionProfile has keys but no region: smtui opens the region
	// picker at start.
	DemoNoRegionProfile = "demo-no-region"
	// DemoSecondProfile signs in with static keys to the demo's second
	// account (another emulator, emulator.SecondAccount), to try listing
	// several accounts at once.
	DemoSecondProfile = "demo-b"
	// demoSSOSession is the [sso-session] of DemoSSOProfile; the token cache
	// file is named after its SHA-1, as the aws CLI names it.
	demoSSOSession = "demo"
)

// demoConfig is the demo's shared config file.
const demoConfig = `[profile demo]
region = us-east-1

[profile demo-sso]
sso_session = demo
sso_account_id = 123456789012
sso_role_name = OnCall
region = us-east-1

[sso-session demo]
sso_start_url = https://demo.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile demo-no-region]

[profile demo-b]
region = us-east-1
`

// demoCredentials are the static keys of the demo profiles that have them
// (the emulator accepts any).
const demoCredentials = `[demo]
aws_access_key_id = DEMO
aws_secret_access_key = demo

[demo-no-region]
aws_access_key_id = DEMO
aws_secret_access_key = demo

[demo-b]
aws_access_key_id = DEMOB
aws_secret_access_key = demo
`

// DemoHome makes the demo's temporary home: an AWS config with the demo
// profiles, their credentials, and an SSO token cache holding an expired
// session for DemoSSOProfile. env lists the variables to set so that the
// SDK, the aws/ package and `P` use it and nothing of the operator's own
// (~/.aws is never read or written); remove deletes the directory.
func DemoHome() (env map[string]string, remove func() error, err error) {
	dir, err := os.MkdirTemp("", "smtui-demo-home-")
	if err != nil {
		return nil, nil, fmt.Errorf("demo home: %w", err)
	}
	remove = func() error { return os.RemoveAll(dir) }
	if err := writeDemoHome(dir, time.Now()); err != nil {
		_ = remove()
		return nil, nil, err
	}
	env = map[string]string{
		"HOME":                        dir,
		"AWS_CONFIG_FILE":             filepath.Join(dir, ".aws", "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, ".aws", "credentials"),
		// The operator's settings must not leak into the demo's profiles.
		"AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
		"AWS_CA_BUNDLE": "", "AWS_ENDPOINT_URL": "", "AWS_ENDPOINT_URL_SSO": "", "AWS_ENDPOINT_URL_SSO_OIDC": "",
	}
	return env, remove, nil
}

// writeDemoHome writes the config, the credentials and the expired SSO
// token under dir.
func writeDemoHome(dir string, now time.Time) error {
	cache := filepath.Join(dir, ".aws", "sso", "cache")
	if err := os.MkdirAll(cache, 0o700); err != nil {
		return fmt.Errorf("demo home: %w", err)
	}
	token, err := json.Marshal(map[string]string{
		"startUrl":    "https://demo.awsapps.com/start",
		"region":      "us-east-1",
		"accessToken": "demo-expired-token",
		"expiresAt":   now.Add(-time.Hour).UTC().Format(time.RFC3339),
	})
	if err != nil {
		return fmt.Errorf("demo home: %w", err)
	}
	sum := sha1.Sum([]byte(demoSSOSession))
	files := map[string][]byte{
		filepath.Join(dir, ".aws", "config"):                     []byte(demoConfig),
		filepath.Join(dir, ".aws", "credentials"):                []byte(demoCredentials),
		filepath.Join(cache, hex.EncodeToString(sum[:])+".json"): token,
	}
	for path, b := range files {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return fmt.Errorf("demo home: %w", err)
		}
	}
	return nil
}

// DemoConnect is the demo's connector: the demo profiles through the
// temporary shared config (DemoHome's environment must be set), any other
// profile name with the demo's static keys, all against the emulator at url
// except DemoSecondProfile, against the second account's at secondURL.
func DemoConnect(url, secondURL string, callTimeout time.Duration) func(ctx context.Context, profile, region string) (aws.Store, error) {
	shared := aws.NewSessions(aws.ConnectOptions{EndpointURL: url, CallTimeout: callTimeout})
	second := aws.NewSessions(aws.ConnectOptions{EndpointURL: secondURL, CallTimeout: callTimeout})
	static := aws.NewSessions(aws.ConnectOptions{EndpointURL: url, AccessKeyID: "DEMO", SecretAccessKey: "demo", CallTimeout: callTimeout})
	return func(ctx context.Context, profile, region string) (aws.Store, error) {
		switch {
		case profile == DemoSecondProfile:
			return second.Store(ctx, profile, region)
		case IsDemoProfile(profile):
			return shared.Store(ctx, profile, region)
		}
		return static.Store(ctx, profile, region)
	}
}

// IsDemoProfile reports whether profile is one of the demo config's.
func IsDemoProfile(profile string) bool {
	switch profile {
	case DemoProfile, DemoSSOProfile, DemoNoRegionProfile, DemoSecondProfile:
		return true
	}
	return false
}
