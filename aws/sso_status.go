package aws

import (
	"context"
	"time"
)

// tokenMargin: a cached token ending sooner than this counts as expired, so
// a session is not reported valid only to end during the next call.
const tokenMargin = time.Minute

// SSOStatus is the state of a profile's cached IAM Identity Center session.
type SSOStatus int

const (
	// SSONotUsed: the profile does not sign in through IAM Identity Center.
	SSONotUsed SSOStatus = iota
	// SSOMissing: no cached token (never logged in, or logged out).
	SSOMissing
	// SSOExpired: the cached token has ended (RefreshSSOIfPossible may
	// renew it when SSOSession.Refreshable).
	SSOExpired
	// SSOValid: the cached token is usable.
	SSOValid
)

func (s SSOStatus) String() string {
	switch s {
	case SSOMissing:
		return "missing"
	case SSOExpired:
		return "expired"
	case SSOValid:
		return "valid"
	}
	return "not used"
}

// SSOSession describes a profile's cached IAM Identity Center session.
type SSOSession struct {
	Status    SSOStatus
	Profile   string
	StartURL  string
	ExpiresAt time.Time // zero when Missing
	// Refreshable: a refresh token and a live client registration are
	// cached, so RefreshSSOIfPossible can renew the token without the
	// operator.
	Refreshable bool
}

// NeedsLogin reports whether the operator must log in (or a refresh be
// tried) before the profile's credentials can be resolved.
func (s SSOSession) NeedsLogin() bool { return s.Status == SSOMissing || s.Status == SSOExpired }

// SSOSessionOf reads the profile's SSO session from the token cache,
// without any network call, so the UI can offer "log in now" at start.
// A profile that does not use IAM Identity Center is SSONotUsed, not an
// error.
func SSOSessionOf(ctx context.Context, o SSOLoginOptions, now time.Time) (SSOSession, error) {
	c, _, err := loadSSOConfig(ctx, o)
	if err != nil {
		if KindOf(err) == KindInvalidParameter && !hasSSOSettings(ctx, o) {
			return SSOSession{Status: SSONotUsed, Profile: o.Profile}, nil
		}
		return SSOSession{}, err
	}
	s := SSOSession{Profile: c.profile, StartURL: c.startURL, Status: SSOMissing}
	t, _, err := readSSOCache(c.cachePath)
	if err != nil || t.AccessToken == "" || t.ExpiresAt.IsZero() {
		return s, nil
	}
	s.ExpiresAt = t.ExpiresAt
	s.Status = SSOExpired
	if t.ExpiresAt.After(now.Add(tokenMargin)) {
		s.Status = SSOValid
	}
	s.Refreshable = c.session != "" && t.RefreshToken != "" && t.ClientID != "" && t.ClientSecret != "" &&
		(t.RegistrationExpiresAt.IsZero() || t.RegistrationExpiresAt.After(now))
	return s, nil
}

// hasSSOSettings reports whether the profile loads and names any SSO
// setting (so a broken SSO profile is an error, not "not used").
func hasSSOSettings(ctx context.Context, o SSOLoginOptions) bool {
	cfg, err := loadConfig(ctx, ConnectOptions{Profile: o.Profile})
	if err != nil {
		return true
	}
	_, sso := profileOf(cfg, o.Profile)
	return sso
}
