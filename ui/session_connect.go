package ui

import (
	"cmp"
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// connectedMsg is the result of the session's connect to a (profile,
// region): a Store, or an error. info describes the profile when the shared
// config knows it.
type connectedMsg struct {
	owner   *session // for the status line's error bookkeeping (outcomeMsg)
	seq     int
	profile string
	region  string
	store   aws.Store
	info    *aws.Profile
	withMFA bool // connected with an MFA code the operator typed
	err     error
}

// mfaNeededMsg says the profile needs an MFA code before it can connect.
type mfaNeededMsg struct {
	seq     int
	profile string
	region  string
	info    aws.Profile
}

// connectRequest is what a connect command needs, captured from the session
// when the command is made.
type connectRequest struct {
	seq             int
	profile, region string
	// code is the MFA code the operator typed, or "".
	code string
	// mfaDone is true once this profile got its MFA code in this session:
	// the connector reuses its credentials, no new code is asked.
	mfaDone bool
}

// startConnect begins (re)connecting to s.profile/s.region; code is an MFA
// code or "". Results of earlier connects become stale.
func (s *session) startConnect(code string) tea.Cmd {
	s.seq++
	s.store = nil
	s.connecting = true
	return s.connectCmd(connectRequest{
		seq: s.seq, profile: s.profile, region: s.region,
		code: code, mfaDone: s.mfaDone[s.profile],
	})
}

// connected takes the result of the current connect; false when it is not
// the current one's (the operator moved on) and must be dropped.
func (s *session) connected(msg connectedMsg) bool {
	if msg.seq != s.seq {
		return false
	}
	s.connecting = false
	s.info = msg.info
	if msg.err != nil {
		return true
	}
	if s.region == "" && msg.store != nil {
		// Started without a region: the profile's (or AWS_REGION) applied.
		s.region = msg.store.Region()
		s.useRegion(s.region)
	}
	if msg.withMFA {
		s.mfaDone[msg.profile] = true
	}
	s.store = msg.store
	return true
}

// connectCmd looks the profile up in the shared config, asks for an MFA code
// first when the profile needs one, then connects through the Connector
// (or ConnectMFA with the code).
func (s *session) connectCmd(req connectRequest) tea.Cmd {
	env, connect, connectMFA, sso := s.env, s.connect, s.connectMFA, s.sso
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		msg := connectedMsg{owner: s, seq: req.seq, profile: req.profile, region: req.region}
		msg.info = lookupProfile(req.profile)
		if msg.info != nil && msg.info.MFASerial != "" && req.code == "" && !req.mfaDone && connectMFA != nil {
			return mfaNeededMsg{seq: req.seq, profile: req.profile, region: req.region, info: *msg.info}
		}
		if msg.info != nil && msg.info.SSO {
			if c := checkSSOSession(ctx, env, sso, *msg.info); !c.usable {
				return ssoNeededMsg{seq: req.seq, info: *msg.info, session: c.session}
			}
		}
		switch {
		case req.code != "" && connectMFA != nil:
			msg.withMFA = true
			msg.store, msg.err = connectMFA(ctx, req.profile, req.region, req.code)
			if msg.err == nil && msg.store == nil {
				msg.err = errors.New("connect to " + req.region + ": the connector returned no store")
			}
		default:
			msg.store, msg.err = dialStore(ctx, connect, req.profile, req.region)
		}
		return msg
	}
}

// storeFor answers a screen's request for the Store of a region of the
// session's profile or of another one (listing several accounts). A profile
// that needed an MFA code got it when the session connected: the connector
// reuses those credentials; the connector shares each profile's credentials
// across its regions.
func (s *session) storeFor(req common.StoreRequestMsg) tea.Cmd {
	env, connect, profile := s.env, s.connect, cmp.Or(req.Profile, s.profile)
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		store, err := dialStore(ctx, connect, profile, req.Region)
		return common.StoreReadyMsg{Owner: req.Owner, Seq: req.Seq, Profile: req.Profile, Region: req.Region, Store: store, Err: err}
	}
}

// dialStore connects through the Connector, which must return a Store or
// an error.
func dialStore(ctx context.Context, connect Connector, profile, region string) (aws.Store, error) {
	if connect == nil {
		return nil, errors.New("connect to " + region + ": no connector configured")
	}
	store, err := connect(ctx, profile, region)
	if err == nil && store == nil {
		err = errors.New("connect to " + region + ": the connector returned no store")
	}
	return store, err
}

// lookupProfile finds a profile in the shared config files; nil when the
// files or the profile do not exist.
func lookupProfile(name string) *aws.Profile {
	if name == "" {
		name = "default"
	}
	profiles, err := aws.ListProfiles()
	if err != nil {
		return nil
	}
	for _, p := range profiles {
		if p.Name == name {
			return &p
		}
	}
	return nil
}

// Outcome says who asked and whether the load failed.
func (m connectedMsg) Outcome() (any, error) { return m.owner, m.err }
