package emulator

import (
	"errors"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/sso/types"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	oidctypes "github.com/aws/aws-sdk-go-v2/service/ssooidc/types"
)

// The IAM Identity Center operations through the SDK's own ssooidc and sso
// clients, on the port that serves Secrets Manager. The emulator's clock is
// moved by hand so that polling intervals and expiry are exact.
func TestSSODeviceGrantOnTheWire(t *testing.T) {
	now := fixedNow
	srv := startServer(t, Options{Clock: func() time.Time { return now }, SSO: SSOOptions{TokenTTL: time.Hour}})
	c := ctx(t)
	oidc := ssooidc.New(ssooidc.Options{Region: "eu-west-1", BaseEndpoint: awssdk.String(srv.URL)})
	portal := sso.New(sso.Options{Region: "eu-west-1", BaseEndpoint: awssdk.String(srv.URL)})

	reg, err := oidc.RegisterClient(c, &ssooidc.RegisterClientInput{ClientName: awssdk.String("t"), ClientType: awssdk.String("public")})
	if err != nil {
		t.Fatal(err)
	}
	start, err := oidc.StartDeviceAuthorization(c, &ssooidc.StartDeviceAuthorizationInput{
		ClientId: reg.ClientId, ClientSecret: reg.ClientSecret, StartUrl: awssdk.String("https://x.awsapps.com/start")})
	if err != nil {
		t.Fatal(err)
	}
	if start.Interval != 1 || start.ExpiresIn != 600 || awssdk.ToString(start.UserCode) == "" {
		t.Fatalf("device authorization: interval %d, expires in %d, user code %q", start.Interval, start.ExpiresIn, awssdk.ToString(start.UserCode))
	}
	poll := func() (*ssooidc.CreateTokenOutput, error) {
		return oidc.CreateToken(c, &ssooidc.CreateTokenInput{ClientId: reg.ClientId, ClientSecret: reg.ClientSecret,
			GrantType: awssdk.String("urn:ietf:params:oauth:grant-type:device_code"), DeviceCode: start.DeviceCode})
	}
	var pending *oidctypes.AuthorizationPendingException
	if _, err := poll(); !errors.As(err, &pending) {
		t.Fatalf("first poll: %v, want AuthorizationPendingException", err)
	}
	var slow *oidctypes.SlowDownException
	if _, err := poll(); !errors.As(err, &slow) {
		t.Fatalf("poll within the interval: %v, want SlowDownException", err)
	}
	if err := srv.ApproveDevice("NOPE-NOPE"); err == nil {
		t.Error("ApproveDevice accepted an unknown code")
	}
	if err := srv.ApproveDevice(awssdk.ToString(start.UserCode)); err != nil {
		t.Fatal(err)
	}
	now = now.Add(10 * time.Second) // past the interval raised by slow_down
	tok, err := poll()
	if err != nil || tok.ExpiresIn != 3600 || awssdk.ToString(tok.RefreshToken) == "" {
		t.Fatalf("approved poll: %+v %v", tok, err)
	}
	var invalid *oidctypes.InvalidGrantException
	if _, err := poll(); !errors.As(err, &invalid) {
		t.Errorf("a device code used twice: %v, want InvalidGrantException", err)
	}

	creds, err := portal.GetRoleCredentials(c, &sso.GetRoleCredentialsInput{AccessToken: tok.AccessToken,
		AccountId: awssdk.String("111122223333"), RoleName: awssdk.String("R")})
	if err != nil {
		t.Fatal(err)
	}
	rc := creds.RoleCredentials
	if !srv.IssuedRoleCredentials(awssdk.ToString(rc.AccessKeyId)) || rc.Expiration != now.Add(time.Hour).UnixMilli() {
		t.Errorf("role credentials: %s expiring %d", awssdk.ToString(rc.AccessKeyId), rc.Expiration)
	}
	// Secrets Manager still answers on the same port.
	if _, err := client(t, srv, "eu-west-1").ListSecrets(c, &secretsmanager.ListSecretsInput{}); err != nil {
		t.Fatalf("Secrets Manager beside SSO: %v", err)
	}

	srv.ExpireSSOTokens()
	var unauthorized *ssotypes.UnauthorizedException
	_, err = portal.GetRoleCredentials(c, &sso.GetRoleCredentialsInput{AccessToken: tok.AccessToken,
		AccountId: awssdk.String("111122223333"), RoleName: awssdk.String("R")})
	if !errors.As(err, &unauthorized) {
		t.Errorf("expired token: %v, want UnauthorizedException", err)
	}
	// The refresh token still works, once.
	refresh := func() error {
		_, err := oidc.CreateToken(c, &ssooidc.CreateTokenInput{ClientId: reg.ClientId, ClientSecret: reg.ClientSecret,
			GrantType: awssdk.String("refresh_token"), RefreshToken: tok.RefreshToken})
		return err
	}
	if err := refresh(); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if err := refresh(); !errors.As(err, &invalid) {
		t.Errorf("a refresh token used twice: %v, want InvalidGrantException", err)
	}
	if srv.SSORequests("CreateToken") != 6 || srv.SSORequests("RegisterClient") != 1 {
		t.Errorf("counted %d CreateToken, %d RegisterClient", srv.SSORequests("CreateToken"), srv.SSORequests("RegisterClient"))
	}
}

func TestSSODeviceGrantExpiresAndAutoApproves(t *testing.T) {
	now := fixedNow
	srv := startServer(t, Options{Clock: func() time.Time { return now }, SSO: SSOOptions{AutoApproveAfter: 2, DeviceCodeTTL: time.Minute}})
	c := ctx(t)
	oidc := ssooidc.New(ssooidc.Options{Region: "eu-west-1", BaseEndpoint: awssdk.String(srv.URL)})
	reg, err := oidc.RegisterClient(c, &ssooidc.RegisterClientInput{ClientName: awssdk.String("t"), ClientType: awssdk.String("public")})
	if err != nil {
		t.Fatal(err)
	}
	begin := func() *ssooidc.StartDeviceAuthorizationOutput {
		out, err := oidc.StartDeviceAuthorization(c, &ssooidc.StartDeviceAuthorizationInput{
			ClientId: reg.ClientId, ClientSecret: reg.ClientSecret, StartUrl: awssdk.String("https://x.awsapps.com/start")})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	poll := func(s *ssooidc.StartDeviceAuthorizationOutput) error {
		_, err := oidc.CreateToken(c, &ssooidc.CreateTokenInput{ClientId: reg.ClientId, ClientSecret: reg.ClientSecret,
			GrantType: awssdk.String("urn:ietf:params:oauth:grant-type:device_code"), DeviceCode: s.DeviceCode})
		return err
	}
	s := begin()
	var pending *oidctypes.AuthorizationPendingException
	if err := poll(s); !errors.As(err, &pending) {
		t.Fatalf("poll 1: %v", err)
	}
	now = now.Add(2 * time.Second)
	if err := poll(s); err != nil {
		t.Fatalf("poll 2 with AutoApproveAfter 2: %v", err)
	}
	s = begin()
	now = now.Add(2 * time.Minute)
	var expired *oidctypes.ExpiredTokenException
	if err := poll(s); !errors.As(err, &expired) {
		t.Errorf("poll after the device code expired: %v, want ExpiredTokenException", err)
	}
}
