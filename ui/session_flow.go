package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
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
			return tea.Batch(a.broadcast(sessionFailedMsg{profile: s.profile, region: s.region, err: msg.err}),
				a.loadFailed(msg.err)), true
		}
		return a.broadcast(sessionReadyMsg{profile: s.profile, region: s.region, store: s.store}), true
	case mfaNeededMsg:
		if msg.seq != s.seq {
			return nil, true
		}
		s.connecting = false
		return tea.Batch(a.broadcast(sessionFailedMsg{profile: s.profile, region: s.region}),
			push(newMFAScreen(a.env, msg.seq, msg.info, msg.region))), true
	case mfaCodeMsg:
		if msg.seq != s.seq {
			return nil, true
		}
		if msg.cancelled {
			return warn("not connected: " + s.profile + " needs an MFA code (press " + keyHelp(a.env.Keys.List.Profile) + " to pick another profile or " + keyHelp(a.env.Keys.Common.Refresh) + " to retry)"), true
		}
		return a.connect(msg.code), true
	case ssoLoginDoneMsg:
		if msg.err != nil {
			return errorBox("aws sso login --profile "+msg.profile+" failed", msg.err), true
		}
		return tea.Batch(success("signed in to "+msg.profile+"; loading again"), a.connect("")), true
	case credentialsExpiredMsg:
		return a.loadFailed(msg.err), true
	case reconnectMsg:
		if s.connecting {
			return nil, true
		}
		return a.connect(""), true
	case arnSeenMsg:
		// The account is learnt from the first ARN listed: the production
		// guard matches account ids too, with no extra call to STS.
		if msg.profile == s.profile && a.env.Account == "" && s.noteAccount(accountOf(msg.arn)) {
			a.layout()
		}
		return nil, true
	case storeRequestMsg:
		return s.storeFor(msg), true
	case pickRegionMsg:
		mode := regionPickOne
		if msg.many {
			mode = regionPickMany
		}
		return a.pushScreen(s.regionPicker(mode)), true
	case pickProfileMsg:
		return a.pushScreen(newProfilePicker(a.env, s.profile)), true
	case regionChosenMsg:
		return a.switchRegion(msg.region), true
	case regionsUsedMsg:
		for i := len(msg.regions) - 1; i >= 0; i-- {
			s.useRegion(msg.regions[i])
		}
		return nil, true
	case profileChosenMsg:
		return a.switchProfile(msg.profile), true
	}
	return nil, false
}

// connect (re)connects the session and tells the screens; code is an MFA
// code or "".
func (a *App) connect(code string) tea.Cmd {
	s := a.session
	cmd := s.startConnect(code)
	return tea.Batch(cmd, a.broadcast(sessionConnectingMsg{profile: s.profile, region: s.region}))
}

// switchRegion moves the session to another region of the same profile.
func (a *App) switchRegion(region string) tea.Cmd {
	s := a.session
	s.useRegion(region)
	if region == s.region && s.store != nil {
		return nil
	}
	s.region = region
	return tea.Batch(info("switching to "+region), a.connect(""))
}

// switchProfile reconnects with another profile; the header and the
// production guard follow it.
func (a *App) switchProfile(p aws.Profile) tea.Cmd {
	a.session.setProfile(p)
	a.layout()
	return tea.Batch(info("switching to profile "+p.Name), a.connect(""))
}

// loadFailed reports a connect or listing error: for expired SSO
// credentials it offers to sign in, for an expired MFA session it asks for
// a new code; otherwise the status line says what failed and what to do.
func (a *App) loadFailed(err error) tea.Cmd {
	s := a.session
	if aws.KindOf(err) == aws.KindCredentials && s.info != nil {
		switch {
		case s.info.SSO:
			return push(newSSOScreen(a.env, s.ssoRunner, *s.info, err))
		case s.info.MFASerial != "" && s.connectMFA != nil:
			// The MFA session expired: ask for a new code.
			s.mfaDone[s.profile] = false
			return tea.Batch(failed(err), push(newMFAScreen(a.env, s.seq, *s.info, s.region)))
		}
	}
	return failed(err)
}
