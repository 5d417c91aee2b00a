package aws

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// isolateEnv clears every AWS setting of the environment and points HOME
// and the shared files at an empty temp dir, so no real configuration leaks
// into a test. It returns that dir.
func isolateEnv(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
		"AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
		"AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
		"AWS_CA_BUNDLE", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC"} {
		t.Setenv(k, "")
	}
	t.Setenv("HOME", dir)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	return dir
}

func TestConnectNoRegion(t *testing.T) {
	isolateEnv(t)
	for name, o := range map[string]ConnectOptions{
		"static": {AccessKeyID: "AKID", SecretAccessKey: "s"},
		"shared": {},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Connect(context.Background(), o)
			if KindOf(err) != KindInvalidParameter {
				t.Fatalf("Connect without a region: %v", err)
			}
			var e *Error
			if !errorsAs(err, &e) || !strings.Contains(e.Hint, "--region") || !strings.Contains(e.Hint, "AWS_REGION") {
				t.Errorf("hint %q does not mention --region and AWS_REGION", e.Hint)
			}
		})
	}
}

func TestConnectRegionSources(t *testing.T) {
	dir := isolateEnv(t)
	writeFile(t, dir, "config", "[profile p]\nregion = eu-north-1\n")
	writeFile(t, dir, "credentials", "[p]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
	st, err := Connect(context.Background(), ConnectOptions{Profile: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Region() != "eu-north-1" || st.Profile() != "p" {
		t.Errorf("profile region: got %s/%s", st.Profile(), st.Region())
	}
	st, err = Connect(context.Background(), ConnectOptions{Profile: "p", Region: "ap-south-2"})
	if err != nil || st.Region() != "ap-south-2" {
		t.Errorf("explicit region ignored: %v %v", st, err)
	}
	t.Setenv("AWS_REGION", "ca-west-1")
	st, err = Connect(context.Background(), ConnectOptions{AccessKeyID: "AKID", SecretAccessKey: "s"})
	if err != nil || st.Region() != "ca-west-1" {
		t.Errorf("static credentials ignore AWS_REGION: %v %v", st, err)
	}
}

func TestConnectHalfStaticCredentials(t *testing.T) {
	isolateEnv(t)
	_, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", AccessKeyID: "AKID"})
	if KindOf(err) != KindInvalidParameter {
		t.Fatalf("an access key without a secret key was accepted: %v", err)
	}
}

func TestConnectUnknownProfile(t *testing.T) {
	dir := isolateEnv(t)
	writeFile(t, dir, "config", "[profile other]\nregion = us-east-1\n")
	_, err := Connect(context.Background(), ConnectOptions{Profile: "nope", Region: "us-east-1"})
	if KindOf(err) != KindInvalidParameter || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("unknown profile: %v", err)
	}
}

// Endpoint precedence, as in the AWS CLI: ConnectOptions.EndpointURL, then
// AWS_ENDPOINT_URL_SECRETS_MANAGER, then AWS_ENDPOINT_URL.
func TestConnectEndpointPrecedence(t *testing.T) {
	flag, service, global := newFakeServer(t), newFakeServer(t), newFakeServer(t)
	cases := []struct {
		name          string
		opt, svc, all string
		want          *fakeServer
	}{
		{"option", flag.URL, service.URL, global.URL, flag},
		{"service env", "", service.URL, global.URL, service},
		{"global env", "", "", global.URL, global},
	}
	for _, shared := range []bool{false, true} {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s shared=%v", tc.name, shared), func(t *testing.T) {
				dir := isolateEnv(t)
				t.Setenv("AWS_ENDPOINT_URL_SECRETS_MANAGER", tc.svc)
				t.Setenv("AWS_ENDPOINT_URL", tc.all)
				o := ConnectOptions{Region: "us-east-1", EndpointURL: tc.opt, MaxAttempts: 1}
				if shared {
					writeFile(t, dir, "credentials", "[default]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
				} else {
					o.AccessKeyID, o.SecretAccessKey = "AKID", "s"
				}
				st, err := Connect(context.Background(), o)
				if err != nil {
					t.Fatal(err)
				}
				before := len(tc.want.seen())
				if _, err := st.DescribeSecret(context.Background(), "x"); err != nil {
					t.Fatal(err)
				}
				if got := tc.want.seen(); len(got) != before+1 || got[len(got)-1] != "DescribeSecret" {
					t.Errorf("the request did not reach the expected endpoint: %v", got)
				}
			})
		}
	}
}

func TestCheckCredentialsNone(t *testing.T) {
	isolateEnv(t)
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	err = CheckCredentials(context.Background(), st)
	var e *Error
	if KindOf(err) != KindCredentials || !errorsAs(err, &e) {
		t.Fatalf("CheckCredentials with no credentials: %v", err)
	}
	t.Logf("%v (hint: %s)", err, e.Hint)
	if !strings.Contains(e.Message, "no AWS credentials found") || strings.Contains(e.Message, "IMDS") {
		t.Errorf("message %q should say plainly that no credentials were found", e.Message)
	}
	if !strings.Contains(e.Hint, "--demo") {
		t.Errorf("hint %q does not mention --demo", e.Hint)
	}
}

func TestCheckCredentialsSSO(t *testing.T) {
	dir := isolateEnv(t)
	writeFile(t, dir, "config", `[profile work]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = eu-west-1
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`)
	st, err := Connect(context.Background(), ConnectOptions{Profile: "work"})
	if err != nil {
		t.Fatal(err)
	}
	err = CheckCredentials(context.Background(), st)
	var e *Error
	if KindOf(err) != KindCredentials || !errorsAs(err, &e) {
		t.Fatalf("CheckCredentials with no SSO token: %v", err)
	}
	t.Logf("%v (hint: %s)", err, e.Hint)
	if !strings.Contains(e.Hint, "aws sso login --profile work") {
		t.Errorf("hint %q does not say how to log in", e.Hint)
	}
}

func TestCheckCredentialsStatic(t *testing.T) {
	isolateEnv(t)
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", AccessKeyID: "AKID", SecretAccessKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCredentials(context.Background(), st); err != nil {
		t.Fatal(err)
	}
}

// An assume-role profile with mfa_serial asks MFACode, sends the code to STS,
// and signs Secrets Manager requests with the role's credentials.
func TestConnectAssumeRoleMFA(t *testing.T) {
	dir := isolateEnv(t)
	var mu sync.Mutex
	var tokenCodes []string
	sts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		mu.Lock()
		tokenCodes = append(tokenCodes, r.Form.Get("Action")+":"+r.Form.Get("SerialNumber")+":"+r.Form.Get("TokenCode"))
		mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>rs</SecretAccessKey><SessionToken>tok</SessionToken>
<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Admin/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`)
	}))
	defer sts.Close()
	var auth []string
	sm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auth = append(auth, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		fmt.Fprint(w, "{}")
	}))
	defer sm.Close()
	t.Setenv("AWS_ENDPOINT_URL_STS", sts.URL)
	writeFile(t, dir, "config", `[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
mfa_serial = arn:aws:iam::123456789012:mfa/bob
source_profile = base
region = us-east-1
`)
	writeFile(t, dir, "credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n")
	asked := 0
	st, err := Connect(context.Background(), ConnectOptions{Profile: "admin", EndpointURL: sm.URL,
		MFACode: func() (string, error) { asked++; return "123456", nil }})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCredentials(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DescribeSecret(context.Background(), "x"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if asked != 1 {
		t.Errorf("MFACode asked %d times, want once (credentials are cached)", asked)
	}
	want := "AssumeRole:arn:aws:iam::123456789012:mfa/bob:123456"
	if !slices.Equal(tokenCodes, []string{want}) {
		t.Errorf("STS saw %v, want [%s]", tokenCodes, want)
	}
	if len(auth) != 1 || !strings.Contains(auth[0], "Credential=ASIAROLE/") {
		t.Errorf("Secrets Manager request not signed with the role's key: %v", auth)
	}
	mu.Unlock()

	// Another region of the same profile shares the assumed role: no new
	// MFA code, no new AssumeRole call, requests signed for the new region.
	other, err := Connect(context.Background(), ConnectOptions{Profile: "admin", Region: "eu-west-1", EndpointURL: sm.URL,
		MFACode:              func() (string, error) { asked++; return "654321", nil },
		ShareCredentialsWith: st})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.DescribeSecret(context.Background(), "x"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if asked != 1 || len(tokenCodes) != 1 {
		t.Errorf("second region asked for MFA %d times and called STS %d times, want 1 and 1", asked, len(tokenCodes))
	}
	if len(auth) != 2 || !strings.Contains(auth[1], "Credential=ASIAROLE/") || !strings.Contains(auth[1], "/eu-west-1/secretsmanager/") {
		t.Errorf("second region's request not signed with the shared role for eu-west-1: %v", auth[1:])
	}
}
