package aws

import (
	"context"
	"sync"
)

// Sessions hands out one Store per (profile, region) for a whole smtui run,
// building each on first use and reusing it after. The Stores of one profile
// share its credentials (ConnectOptions.ShareCredentialsWith), so opening a
// second region needs no new SSO sign-in, role assumption or MFA code.
// RenewMFA resolves a profile's credentials afresh with an MFA code the
// operator typed. Sessions is safe for concurrent use; its methods fit the
// UI's Connector and ConnectMFA options as method values.
type Sessions struct {
	base ConnectOptions
	// connect builds a Store; Connect, or a fake in tests.
	connect func(context.Context, ConnectOptions) (Store, error)

	// mu is held while a Store is built: Connect makes no network call, so
	// the wait is short, and two callers asking for one key at once get the
	// same Store instead of resolving credentials twice.
	mu     sync.Mutex
	stores map[sessionKey]Store
	// byProfile is the first Store built for each profile: the one whose
	// credentials the profile's other regions share.
	byProfile map[string]Store
}

type sessionKey struct{ profile, region string }

// NewSessions returns Sessions that connect with base, its Profile and
// Region replaced by those asked for. With static credentials in base
// (AccessKeyID), the profile asked for only keys the cache: base.Profile is
// what is used.
func NewSessions(base ConnectOptions) *Sessions { return newSessions(base, Connect) }

func newSessions(base ConnectOptions, connect func(context.Context, ConnectOptions) (Store, error)) *Sessions {
	return &Sessions{base: base, connect: connect, stores: map[sessionKey]Store{}, byProfile: map[string]Store{}}
}

// Store returns the Store for (profile, region), building it on first use
// with the profile's shared credentials. A failed connect is not cached: the
// next call tries again. Errors are Connect's (*Error).
func (s *Sessions) Store(ctx context.Context, profile, region string) (Store, error) {
	return s.get(ctx, profile, region, "")
}

// RenewMFA connects (profile, region) with credentials resolved afresh
// using the MFA code the operator typed, for a profile whose role needs
// one. Every Store of the profile is forgotten first (they hold the old
// credentials); later Store calls for its other regions share the new ones.
// The code is only checked when the credentials are resolved, on the
// Store's first call or CheckCredentials.
func (s *Sessions) RenewMFA(ctx context.Context, profile, region, code string) (Store, error) {
	if code == "" {
		return nil, &Error{Kind: KindInvalidParameter, Op: "connect", Message: "renewing the credentials of profile " + profile + " needs an MFA code"}
	}
	return s.get(ctx, profile, region, code)
}

// Check returns the Store for (profile, region) with its credentials
// resolved now (running SSO, assume-role or credential_process as
// configured), so that a start without usable credentials fails at once
// with advice (StartupAdvice) instead of on the first call. The Store is
// kept, and the profile's other regions share its credentials; on an error
// it is dropped, so a later call starts afresh.
func (s *Sessions) Check(ctx context.Context, profile, region string) (Store, error) {
	st, err := s.Store(ctx, profile, region)
	if err != nil {
		return nil, err
	}
	if err := CheckCredentials(ctx, st); err != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.stores[sessionKey{profile, region}] == st {
			s.forget(profile)
		}
		return nil, err
	}
	return st, nil
}

// get returns the Store for (profile, region). A non-empty MFA code renews
// the profile's credentials instead of sharing them.
func (s *Sessions) get(ctx context.Context, profile, region, code string) (Store, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := sessionKey{profile, region}
	if st, ok := s.stores[k]; ok && code == "" {
		return st, nil
	}
	o := s.base
	o.Region = region
	if s.base.AccessKeyID == "" {
		o.Profile = profile
	}
	if code != "" {
		o.MFACode = func() (string, error) { return code, nil }
		s.forget(profile)
	} else if shared, ok := s.byProfile[profile]; ok {
		o.ShareCredentialsWith = shared
	}
	st, err := s.connect(ctx, o)
	if err != nil {
		return nil, err
	}
	s.stores[k] = st
	if _, ok := s.byProfile[profile]; !ok {
		s.byProfile[profile] = st
	}
	return st, nil
}

// forget drops every Store of profile. The caller holds mu.
func (s *Sessions) forget(profile string) {
	for k := range s.stores {
		if k.profile == profile {
			delete(s.stores, k)
		}
	}
	delete(s.byProfile, profile)
}
