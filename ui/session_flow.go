package ui

import (
	"cmp"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// updateSession handles the session's messages: connect results, the MFA
// and SSO flows, the pickers' choices and the screens' requests. handled is
// false for any other message.
func (a *App) updateSession(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	s := a.session
	switch msg := msg.(type) {
	case connectedMsg:
		if !s.connected(msg) {
			return nil, true
		}
		if msg.err != nil {
			fail := a.loadFailed(msg.err)
			if s.region == "" && errors.Is(msg.err, aws.ErrNoRegion) {
				// No region anywhere: pick one rather than stop.
				fail = a.pushScreen(s.regionPicker(list.RegionPickOne).WithTitle(
					"No region is configured for profile " + cmp.Or(s.profile, "default") + ": pick one"))
			}
			return tea.Batch(a.broadcast(common.SessionFailedMsg{Profile: s.profile, Region: s.region, Err: msg.err}),
				fail), true
		}
		return a.broadcast(common.SessionReadyMsg{Profile: s.profile, Region: s.region, Store: s.store}), true
	case mfaNeededMsg:
		if msg.seq != s.seq {
			return nil, true
		}
		s.connecting = false
		return tea.Batch(a.broadcast(common.SessionFailedMsg{Profile: s.profile, Region: s.region}),
			common.Push(list.NewMFAScreen(a.env, msg.seq, msg.info, msg.region))), true
	case ssoNeededMsg:
		if msg.seq != s.seq {
			return nil, true
		}
		s.connecting = false
		s.info = &msg.info
		return tea.Batch(a.broadcast(common.SessionFailedMsg{Profile: s.profile, Region: s.region}),
			a.offerSSOLogin(msg.info, ssoReason(msg.session), nil)), true
	case ssoRecheckedMsg:
		return a.ssoRechecked(msg), true
	case common.MFACodeMsg:
		if msg.Seq != s.seq {
			return nil, true
		}
		if msg.Cancelled {
			return common.Warn("not connected: " + s.profile + " needs an MFA code (press " + common.KeyHelp(a.env.Keys.List.Profile) + " to pick another profile or " + common.KeyHelp(a.env.Keys.Common.Refresh) + " to retry)"), true
		}
		return a.connect(msg.Code), true
	case common.SSOLoginDoneMsg:
		return a.ssoLoginDone(msg), true
	case common.SignInMsg:
		return s.signInCheck(msg.Profile), true
	case signInCheckedMsg:
		return a.signInChecked(msg), true
	case common.CredentialsExpiredMsg:
		return a.loadFailed(msg.Err), true
	case common.ReconnectMsg:
		if s.connecting {
			return nil, true
		}
		return a.connect(""), true
	case common.ARNSeenMsg:
		// The account is learnt from the first ARN listed: the production
		// guard matches account ids too, with no extra call to STS.
		if msg.Profile == s.profile && a.env.Account == "" && s.noteAccount(common.AccountOf(msg.ARN)) {
			a.layout()
		}
		return nil, true
	case common.StoreRequestMsg:
		return s.storeFor(msg), true
	case common.PickRegionMsg:
		mode := list.RegionPickOne
		if msg.Many {
			mode = list.RegionPickMany
		}
		return a.pushScreen(s.regionPicker(mode)), true
	case common.PickProfileMsg:
		return a.pushScreen(list.NewProfilePicker(a.env, s.profile)), true
	case common.RegionChosenMsg:
		return a.switchRegion(msg.Region), true
	case common.RegionsUsedMsg:
		s.lastAll = slices.Clone(msg.Regions)
		s.lastProfiles = slices.Clone(msg.Profiles)
		for i := len(msg.Regions) - 1; i >= 0; i-- {
			s.useRegion(msg.Regions[i])
		}
		return s.saveRegions(), true
	case common.ProfileChosenMsg:
		return a.switchProfile(msg.Profile), true
	}
	return nil, false
}

// connect (re)connects the session and tells the screens; code is an MFA
// code or "".
func (a *App) connect(code string) tea.Cmd {
	s := a.session
	cmd := s.startConnect(code)
	return tea.Batch(cmd, a.broadcast(common.SessionConnectingMsg{Profile: s.profile, Region: s.region}))
}

// switchRegion moves the session to another region of the same profile.
func (a *App) switchRegion(region string) tea.Cmd {
	s := a.session
	s.useRegion(region)
	if region == s.region && s.store != nil {
		return nil
	}
	s.region = region
	return tea.Batch(common.Info("switching to "+region), a.connect(""), s.saveRegions())
}

// switchProfile reconnects with another profile; the header and the
// production guard follow it.
func (a *App) switchProfile(p aws.Profile) tea.Cmd {
	a.session.setProfile(p)
	a.layout()
	return tea.Batch(common.Info("switching to profile "+p.Name), a.connect(""))
}

// loadFailed reports a connect or listing error: for expired SSO
// credentials it offers to sign in, for an expired MFA session it asks for
// a new code; otherwise the status line says what failed and what to do.
func (a *App) loadFailed(err error) tea.Cmd {
	cmd := a.offerSignIn(err)
	switch {
	case cmd == nil:
		return common.Failed(err)
	case a.session.info.SSO:
		return cmd // the SSO check says what happened
	}
	said := func() tea.Msg { return common.StatusMsg{Level: common.LevelError, Err: err, SignInOffered: true} }
	return tea.Batch(said, cmd)
}

// offerSignIn is what to do when a call failed on credentials: check the
// SSO session again (renewing it silently, or offering the log-in), or ask
// for a new MFA code. nil when err is not about credentials, or the
// profile uses neither; the caller then reports err as it is.
func (a *App) offerSignIn(err error) tea.Cmd {
	s := a.session
	if aws.KindOf(err) != aws.KindCredentials || s.info == nil {
		return nil
	}
	switch {
	case s.info.SSO:
		return s.recheckSSO(*s.info, err)
	case s.info.MFASerial != "" && s.connectMFA != nil:
		// The MFA session expired: ask for a new code, once.
		if _, asking := a.top().(*list.MFAScreen); asking {
			return nil
		}
		s.mfaDone[s.profile] = false
		return common.Push(list.NewMFAScreen(a.env, s.seq, *s.info, s.region))
	}
	return nil
}
