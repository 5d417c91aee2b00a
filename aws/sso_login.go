package aws

import (
	"context"
	"errors"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	"github.com/aws/smithy-go"
)

// IAM Identity Center sign-in without the aws CLI: the OAuth device
// authorization grant, driven step by step so the UI can show the code and
// a countdown between polls (each step is one tea.Cmd), and the token
// written to the cache file the CLI and the SDKs read.

const (
	ssoClientName     = "smtui"
	grantDeviceCode   = "urn:ietf:params:oauth:grant-type:device_code"
	grantRefreshToken = "refresh_token"
	// slowDownStep is what RFC 8628 §3.5 adds to the interval on slow_down.
	slowDownStep = 5 * time.Second
	// registrationMargin: a client registration closer to its end than this
	// is renewed rather than reused.
	registrationMargin = time.Hour
)

// DeviceLogin is a device authorization waiting for the operator: show
// VerificationURI and UserCode (or open VerificationURIComplete), then Poll
// every Interval until ExpiresAt.
type DeviceLogin struct {
	Profile                 string
	StartURL                string
	VerificationURI         string
	VerificationURIComplete string
	UserCode                string
	ExpiresAt               time.Time
	// Interval is the wait before the next Poll.
	Interval time.Duration

	grant *deviceGrant
}

// deviceGrant holds what must not be shown: the device code and the client
// registration's secret.
type deviceGrant struct {
	cfg          ssoConfig
	client       *ssooidc.Client
	clientID     string
	clientSecret string
	regExpires   time.Time
	deviceCode   string
}

// String keeps the device code and client secret out of formatted output.
func (*deviceGrant) String() string { return "[device grant]" }

// PollResult is the outcome of one Poll.
type PollResult struct {
	// Done is set when the operator approved and the token is cached.
	Done bool
	// Interval is the wait before the next Poll (longer after AWS asked to
	// slow down).
	Interval time.Duration
}

// newOIDCClient is the OIDC client for the SSO region, through the
// configuration's HTTP client (CA bundle, proxy).
func newOIDCClient(cfg awssdk.Config, c ssoConfig, endpoint string) *ssooidc.Client {
	return ssooidc.NewFromConfig(cfg, func(o *ssooidc.Options) {
		o.Region = c.region
		if endpoint != "" {
			o.BaseEndpoint = awssdk.String(endpoint)
		}
	})
}

// BeginSSOLogin registers smtui as an OIDC client (or reuses the
// registration cached with the profile's session) and starts a device
// authorization. It makes two requests at most; ctx bounds them.
func BeginSSOLogin(ctx context.Context, o SSOLoginOptions) (DeviceLogin, error) {
	const op = "start SSO log-in"
	c, cfg, err := loadSSOConfig(ctx, o)
	if err != nil {
		return DeviceLogin{}, err
	}
	client := newOIDCClient(cfg, c, o.EndpointURL)
	g := &deviceGrant{cfg: c, client: client}
	now := time.Now()
	if c.session != "" {
		if cached, _, err := readSSOCache(c.cachePath); err == nil && cached.ClientID != "" &&
			cached.ClientSecret != "" && cached.RegistrationExpiresAt.After(now.Add(registrationMargin)) {
			g.clientID, g.clientSecret, g.regExpires = cached.ClientID, cached.ClientSecret, cached.RegistrationExpiresAt
		}
	}
	if g.clientID == "" {
		in := &ssooidc.RegisterClientInput{ClientName: awssdk.String(ssoClientName), ClientType: awssdk.String("public")}
		if c.session != "" {
			in.Scopes = c.scopes
		}
		reg, err := client.RegisterClient(ctx, in)
		if err != nil {
			return DeviceLogin{}, ssoError(op, c, err)
		}
		g.clientID, g.clientSecret = awssdk.ToString(reg.ClientId), awssdk.ToString(reg.ClientSecret)
		g.regExpires = time.Unix(reg.ClientSecretExpiresAt, 0)
	}
	start, err := client.StartDeviceAuthorization(ctx, &ssooidc.StartDeviceAuthorizationInput{
		ClientId: awssdk.String(g.clientID), ClientSecret: awssdk.String(g.clientSecret), StartUrl: awssdk.String(c.startURL),
	})
	if err != nil {
		return DeviceLogin{}, ssoError(op, c, err)
	}
	g.deviceCode = awssdk.ToString(start.DeviceCode)
	interval := time.Duration(start.Interval) * time.Second
	if interval <= 0 {
		interval = 5 * time.Second // RFC 8628's default
	}
	return DeviceLogin{
		Profile:                 c.profile,
		StartURL:                c.startURL,
		VerificationURI:         awssdk.ToString(start.VerificationUri),
		VerificationURIComplete: awssdk.ToString(start.VerificationUriComplete),
		UserCode:                awssdk.ToString(start.UserCode),
		ExpiresAt:               now.Add(time.Duration(start.ExpiresIn) * time.Second),
		Interval:                interval,
		grant:                   g,
	}, nil
}

// Poll asks once whether the operator approved the login (one CreateToken).
// Pending: Done false, wait Interval. Approved: the token is written to the
// cache file and Done is set. The code expiring or the operator refusing
// is an *Error; start again with BeginSSOLogin. Poll does not change l, so
// it can run in a tea.Cmd; keep the returned Interval.
func (l DeviceLogin) Poll(ctx context.Context) (PollResult, error) {
	const op = "finish SSO log-in"
	g := l.grant
	if g == nil {
		return PollResult{}, &Error{Kind: KindInvalidParameter, Op: op, Message: "no log-in was started"}
	}
	out, err := g.client.CreateToken(ctx, &ssooidc.CreateTokenInput{
		ClientId: awssdk.String(g.clientID), ClientSecret: awssdk.String(g.clientSecret),
		GrantType: awssdk.String(grantDeviceCode), DeviceCode: awssdk.String(g.deviceCode),
	})
	if err != nil {
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			switch apiErr.ErrorCode() {
			case "AuthorizationPendingException":
				return PollResult{Interval: l.Interval}, nil
			case "SlowDownException":
				return PollResult{Interval: l.Interval + slowDownStep}, nil
			case "ExpiredTokenException":
				return PollResult{}, &Error{Kind: KindCredentials, Op: op, Err: err,
					Message: "the code " + l.UserCode + " expired before it was approved",
					Hint:    "start the log-in again, or run: aws sso login --profile " + g.cfg.profile}
			case "AccessDeniedException":
				return PollResult{}, &Error{Kind: KindAccessDenied, Op: op, Err: err,
					Message: "the log-in was refused in the browser",
					Hint:    "start the log-in again and approve it, or run: aws sso login --profile " + g.cfg.profile}
			}
		}
		return PollResult{}, ssoError(op, g.cfg, err)
	}
	t := ssoCachedToken{
		StartURL: g.cfg.startURL, Region: g.cfg.region,
		AccessToken: awssdk.ToString(out.AccessToken),
		ExpiresAt:   time.Now().Add(time.Duration(out.ExpiresIn) * time.Second),
	}
	if g.cfg.session != "" {
		// Legacy profiles cache no registration: the SDK cannot refresh them.
		t.ClientID, t.ClientSecret, t.RegistrationExpiresAt = g.clientID, g.clientSecret, g.regExpires
		t.RefreshToken = awssdk.ToString(out.RefreshToken)
	}
	if err := saveSSOToken(g.cfg.cachePath, t); err != nil {
		return PollResult{}, &Error{Kind: KindUnknown, Op: op, Message: err.Error(), Err: err,
			Hint: "check that ~/.aws/sso/cache is writable"}
	}
	return PollResult{Done: true}, nil
}

// saveSSOToken writes t over the cache file, keeping its other fields.
func saveSSOToken(path string, t ssoCachedToken) error {
	_, extra, err := readSSOCache(path)
	if err != nil {
		extra = nil // an unreadable file is replaced by a good one
	}
	return writeSSOCache(path, t, extra)
}

// RefreshSSOIfPossible renews the profile's cached SSO token with its cached
// refresh token and client registration, so the operator need not log in
// again. It reports whether the cached token is usable afterwards: true when
// it still was or was renewed; false, nil when there is nothing to refresh
// with or IAM Identity Center refused it (then BeginSSOLogin). Errors are
// failures to reach IAM Identity Center or to write the cache.
func RefreshSSOIfPossible(ctx context.Context, o SSOLoginOptions) (bool, error) {
	const op = "refresh SSO session"
	c, cfg, err := loadSSOConfig(ctx, o)
	if err != nil {
		return false, err
	}
	t, _, err := readSSOCache(c.cachePath)
	if err != nil {
		return false, nil
	}
	now := time.Now()
	if t.AccessToken != "" && t.ExpiresAt.After(now.Add(tokenMargin)) {
		return true, nil
	}
	if c.session == "" || t.RefreshToken == "" || t.ClientID == "" || t.ClientSecret == "" ||
		(!t.RegistrationExpiresAt.IsZero() && !t.RegistrationExpiresAt.After(now)) {
		return false, nil
	}
	out, err := newOIDCClient(cfg, c, o.EndpointURL).CreateToken(ctx, &ssooidc.CreateTokenInput{
		ClientId: awssdk.String(t.ClientID), ClientSecret: awssdk.String(t.ClientSecret),
		GrantType: awssdk.String(grantRefreshToken), RefreshToken: awssdk.String(t.RefreshToken),
	})
	if err != nil {
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) && apiErr.ErrorFault() == smithy.FaultClient {
			return false, nil // refused (expired or revoked): ask the operator
		}
		return false, ssoError(op, c, err)
	}
	t.AccessToken = awssdk.ToString(out.AccessToken)
	t.ExpiresAt = now.Add(time.Duration(out.ExpiresIn) * time.Second)
	if rt := awssdk.ToString(out.RefreshToken); rt != "" {
		t.RefreshToken = rt
	}
	t.StartURL, t.Region = c.startURL, c.region
	if err := saveSSOToken(c.cachePath, t); err != nil {
		return false, &Error{Kind: KindUnknown, Op: op, Message: err.Error(), Err: err,
			Hint: "check that ~/.aws/sso/cache is writable"}
	}
	return true, nil
}

// ssoError maps a failed OIDC call: transport errors in a sentence (see
// errors_transport.go), the rest with the aws CLI as the fallback.
func ssoError(op string, c ssoConfig, err error) error {
	e := mapError(err, errContext{Op: op, Region: c.region, Profile: c.profile, SSO: true}).(*Error)
	if e.Hint == "" {
		e.Hint = "try again, or run: aws sso login --profile " + c.profile
	}
	return e
}
