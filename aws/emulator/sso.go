package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The IAM Identity Center side of the emulator: the OIDC service
// (RegisterClient, StartDeviceAuthorization, CreateToken) and the SSO portal's
// GetRoleCredentials, both REST-JSON as the SDK's ssooidc and sso clients
// speak them. They share the Secrets Manager port and are told apart by path.

const (
	grantDeviceCode   = "urn:ietf:params:oauth:grant-type:device_code"
	grantRefreshToken = "refresh_token"

	defaultSSOTokenTTL     = 8 * time.Hour
	defaultDeviceCodeTTL   = 10 * time.Minute
	defaultSSOPollInterval = time.Second
	registrationTTL        = 90 * 24 * time.Hour
	roleCredentialsTTL     = time.Hour
	slowDownStep           = 5 * time.Second
)

// SSOOptions configures the emulated IAM Identity Center.
type SSOOptions struct {
	// TokenTTL is how long an access token lasts; 0 means 8 hours. A
	// negative value issues tokens that are already expired, for a demo
	// profile whose session "expires".
	TokenTTL time.Duration
	// DeviceCodeTTL is how long a device authorization waits for approval;
	// 0 means 10 minutes.
	DeviceCodeTTL time.Duration
	// PollInterval is the interval StartDeviceAuthorization asks clients to
	// poll at; polling faster gets SlowDownException. 0 means 1 second.
	PollInterval time.Duration
	// AutoApproveAfter approves a device authorization by itself on its
	// Nth CreateToken poll (for the demo); 0 means only ApproveDevice does.
	AutoApproveAfter int
	// NoRefreshTokens makes CreateToken issue no refresh token.
	NoRefreshTokens bool
}

// ssoState is the emulated IAM Identity Center. Guarded by Emulator.mu.
type ssoState struct {
	clients map[string]*oidcClient  // by client id
	devices map[string]*deviceGrant // by device code
	byCode  map[string]*deviceGrant // by user code
	tokens  map[string]time.Time    // access token -> expiry
	refresh map[string]string       // refresh token -> client id
	issued  map[string]bool         // role access key ids handed out
	calls   map[string]int          // requests by operation
}

type oidcClient struct {
	secret  string
	expires time.Time
}

type deviceGrant struct {
	clientID  string
	userCode  string
	expires   time.Time
	interval  time.Duration
	lastPoll  time.Time
	polls     int
	approved  bool
	denied    bool
	exchanged bool
}

func newSSOState() *ssoState {
	return &ssoState{
		clients: map[string]*oidcClient{}, devices: map[string]*deviceGrant{}, byCode: map[string]*deviceGrant{},
		tokens: map[string]time.Time{}, refresh: map[string]string{}, issued: map[string]bool{}, calls: map[string]int{},
	}
}

// ssoRoute names the IAM Identity Center operation a request's path and
// method address, or "" for a Secrets Manager request.
func ssoRoute(r *http.Request) string {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/client/register":
		return "RegisterClient"
	case r.Method == http.MethodPost && r.URL.Path == "/device_authorization":
		return "StartDeviceAuthorization"
	case r.Method == http.MethodPost && r.URL.Path == "/token":
		return "CreateToken"
	case r.Method == http.MethodGet && r.URL.Path == "/federation/credentials":
		return "GetRoleCredentials"
	}
	return ""
}

// ssoError is an error answer of the OIDC or portal service.
type ssoError struct {
	status      int
	code        string
	description string
}

func ssoErrorf(status int, code, format string, args ...any) *ssoError {
	return &ssoError{status: status, code: code, description: fmt.Sprintf(format, args...)}
}

// serveSSO answers one IAM Identity Center request.
func (e *Emulator) serveSSO(w http.ResponseWriter, r *http.Request, op string) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		writeSSOError(w, op, ssoErrorf(http.StatusBadRequest, "InvalidRequestException", "could not read the request body"))
		return
	}
	e.mu.Lock()
	e.sso.calls[op]++
	now := e.now()
	var out any
	var apiErr *ssoError
	switch op {
	case "RegisterClient":
		out, apiErr = e.registerClient(body, now)
	case "StartDeviceAuthorization":
		out, apiErr = e.startDeviceAuthorization(r, body, now)
	case "CreateToken":
		out, apiErr = e.createToken(body, now)
	case "GetRoleCredentials":
		out, apiErr = e.getRoleCredentials(r, now)
	}
	e.mu.Unlock()
	if apiErr != nil {
		writeSSOError(w, op, apiErr)
		return
	}
	b, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

func writeSSOError(w http.ResponseWriter, op string, e *ssoError) {
	body := map[string]string{"__type": e.code}
	if op == "GetRoleCredentials" {
		body["message"] = e.description
	} else {
		// OAuth error codes in snake case beside the type, as AWS sends them.
		body["error"] = oauthCode(e.code)
		body["error_description"] = e.description
	}
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", e.code)
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.WriteHeader(e.status)
	_, _ = w.Write(b)
}

// oauthCode is the RFC 6749/8628 error code for an exception name.
func oauthCode(code string) string {
	switch code {
	case "AuthorizationPendingException":
		return "authorization_pending"
	case "SlowDownException":
		return "slow_down"
	case "ExpiredTokenException":
		return "expired_token"
	case "AccessDeniedException":
		return "access_denied"
	case "InvalidGrantException":
		return "invalid_grant"
	case "InvalidClientException":
		return "invalid_client"
	case "UnsupportedGrantTypeException":
		return "unsupported_grant_type"
	}
	return "invalid_request"
}

func decodeSSO(body []byte, v any) *ssoError {
	if err := json.Unmarshal(body, v); err != nil {
		return ssoErrorf(http.StatusBadRequest, "InvalidRequestException", "the request body is not valid JSON")
	}
	return nil
}

func (e *Emulator) registerClient(body []byte, now time.Time) (any, *ssoError) {
	var in struct {
		ClientName string   `json:"clientName"`
		ClientType string   `json:"clientType"`
		Scopes     []string `json:"scopes"`
	}
	if err := decodeSSO(body, &in); err != nil {
		return nil, err
	}
	if in.ClientName == "" || in.ClientType != "public" {
		return nil, ssoErrorf(http.StatusBadRequest, "InvalidClientMetadataException", "clientName is required and clientType must be public")
	}
	id := "client-" + randString(e.rng, alnum, 16)
	c := &oidcClient{secret: "secret-" + randString(e.rng, alnum, 32), expires: now.Add(registrationTTL)}
	e.sso.clients[id] = c
	return map[string]any{
		"clientId": id, "clientSecret": c.secret,
		"clientIdIssuedAt": now.Unix(), "clientSecretExpiresAt": c.expires.Unix(),
	}, nil
}

// client checks a client id and secret.
func (e *Emulator) client(id, secret string, now time.Time) *ssoError {
	c, ok := e.sso.clients[id]
	if !ok || c.secret != secret {
		return ssoErrorf(http.StatusUnauthorized, "InvalidClientException", "the client is not registered or its secret is wrong")
	}
	if now.After(c.expires) {
		return ssoErrorf(http.StatusUnauthorized, "InvalidClientException", "the client registration has expired")
	}
	return nil
}

func (e *Emulator) startDeviceAuthorization(r *http.Request, body []byte, now time.Time) (any, *ssoError) {
	var in struct {
		ClientID     string `json:"clientId"`
		ClientSecret string `json:"clientSecret"`
		StartURL     string `json:"startUrl"`
	}
	if err := decodeSSO(body, &in); err != nil {
		return nil, err
	}
	if err := e.client(in.ClientID, in.ClientSecret, now); err != nil {
		return nil, err
	}
	if in.StartURL == "" {
		return nil, ssoErrorf(http.StatusBadRequest, "InvalidRequestException", "startUrl is required")
	}
	o := e.opts.SSO
	g := &deviceGrant{
		clientID: in.ClientID,
		userCode: randString(e.rng, "BCDFGHJKLMNPQRSTVWXZ", 4) + "-" + randString(e.rng, "BCDFGHJKLMNPQRSTVWXZ", 4),
		expires:  now.Add(orDefault(o.DeviceCodeTTL, defaultDeviceCodeTTL)),
		interval: orDefault(o.PollInterval, defaultSSOPollInterval),
	}
	deviceCode := "device-" + randString(e.rng, alnum, 32)
	e.sso.devices[deviceCode] = g
	e.sso.byCode[g.userCode] = g
	verify := "http://" + r.Host + "/device"
	return map[string]any{
		"deviceCode": deviceCode, "userCode": g.userCode,
		"verificationUri": verify, "verificationUriComplete": verify + "?user_code=" + g.userCode,
		"expiresIn": int64(g.expires.Sub(now) / time.Second), "interval": int64(g.interval / time.Second),
	}, nil
}

func (e *Emulator) createToken(body []byte, now time.Time) (any, *ssoError) {
	var in struct {
		ClientID     string `json:"clientId"`
		ClientSecret string `json:"clientSecret"`
		GrantType    string `json:"grantType"`
		DeviceCode   string `json:"deviceCode"`
		RefreshToken string `json:"refreshToken"`
	}
	if err := decodeSSO(body, &in); err != nil {
		return nil, err
	}
	if err := e.client(in.ClientID, in.ClientSecret, now); err != nil {
		return nil, err
	}
	switch in.GrantType {
	case grantDeviceCode:
		return e.exchangeDeviceCode(in.ClientID, in.DeviceCode, now)
	case grantRefreshToken:
		if e.sso.refresh[in.RefreshToken] != in.ClientID {
			return nil, ssoErrorf(http.StatusBadRequest, "InvalidGrantException", "the refresh token is not valid for this client")
		}
		delete(e.sso.refresh, in.RefreshToken) // refresh tokens rotate
		return e.issueToken(in.ClientID, now), nil
	}
	return nil, ssoErrorf(http.StatusBadRequest, "UnsupportedGrantTypeException", "grant type %q is not supported", in.GrantType)
}

func (e *Emulator) exchangeDeviceCode(clientID, deviceCode string, now time.Time) (any, *ssoError) {
	g, ok := e.sso.devices[deviceCode]
	if !ok || g.clientID != clientID || g.exchanged {
		return nil, ssoErrorf(http.StatusBadRequest, "InvalidGrantException", "the device code is not valid")
	}
	if now.After(g.expires) {
		return nil, ssoErrorf(http.StatusBadRequest, "ExpiredTokenException", "the device code has expired")
	}
	if !g.lastPoll.IsZero() && now.Sub(g.lastPoll) < g.interval {
		g.lastPoll = now
		g.interval += slowDownStep
		return nil, ssoErrorf(http.StatusBadRequest, "SlowDownException", "polling too fast")
	}
	g.lastPoll = now
	g.polls++
	if n := e.opts.SSO.AutoApproveAfter; n > 0 && g.polls >= n && !g.denied {
		g.approved = true
	}
	switch {
	case g.denied:
		return nil, ssoErrorf(http.StatusBadRequest, "AccessDeniedException", "the user denied the authorization")
	case !g.approved:
		return nil, ssoErrorf(http.StatusBadRequest, "AuthorizationPendingException", "the user has not yet approved the authorization")
	}
	g.exchanged = true
	return e.issueToken(clientID, now), nil
}

func (e *Emulator) issueToken(clientID string, now time.Time) map[string]any {
	ttl := orDefault(e.opts.SSO.TokenTTL, defaultSSOTokenTTL)
	access := "access-" + randString(e.rng, alnum, 40)
	e.sso.tokens[access] = now.Add(ttl)
	out := map[string]any{"accessToken": access, "tokenType": "Bearer", "expiresIn": int64(ttl / time.Second)}
	if !e.opts.SSO.NoRefreshTokens {
		rt := "refresh-" + randString(e.rng, alnum, 40)
		e.sso.refresh[rt] = clientID
		out["refreshToken"] = rt
	}
	return out
}

func (e *Emulator) getRoleCredentials(r *http.Request, now time.Time) (any, *ssoError) {
	token := r.Header.Get("X-Amz-Sso_bearer_token")
	q := r.URL.Query()
	account, role := q.Get("account_id"), q.Get("role_name")
	if account == "" || role == "" {
		return nil, ssoErrorf(http.StatusBadRequest, "InvalidRequestException", "account_id and role_name are required")
	}
	exp, ok := e.sso.tokens[token]
	if !ok || !now.Before(exp) {
		return nil, ssoErrorf(http.StatusUnauthorized, "UnauthorizedException", "Session token not found or invalid")
	}
	akid := "ASIA" + strings.ToUpper(randString(e.rng, alnum, 16))
	e.sso.issued[akid] = true
	return map[string]any{"roleCredentials": map[string]any{
		"accessKeyId": akid, "secretAccessKey": randString(e.rng, alnum, 40),
		"sessionToken": randString(e.rng, alnum, 64), "expiration": now.Add(roleCredentialsTTL).UnixMilli(),
	}}, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}
