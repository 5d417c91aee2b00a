package ui

import (
	"cmp"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// Logging in to a profile other than the session's, from a listing of
// several accounts (common.SignInMsg): the session is not reconnected; the
// screens hear common.SSOLoginDoneMsg and list that profile again.

// signInCheckedMsg is what the shared config and the SSO token cache say
// about a profile the operator asked to log in to.
type signInCheckedMsg struct {
	profile string
	info    *aws.Profile // nil: not in the shared config
	check   ssoCheck
}

// signInCheck reads the profile and its cached SSO session (file I/O, and a
// silent refresh when a refresh token is cached).
func (s *session) signInCheck(profile string) tea.Cmd {
	env, sso := s.env, s.sso
	return func() tea.Msg {
		msg := signInCheckedMsg{profile: profile, info: lookupProfile(profile)}
		if msg.info != nil && msg.info.SSO {
			ctx, cancel := env.Context()
			defer cancel()
			msg.check = checkSSOSession(ctx, env, sso, *msg.info)
		}
		return msg
	}
}

// signInChecked offers the IAM Identity Center log-in, or says what else to
// do: a renewed session lists again at once; a profile without SSO cannot
// be logged in to from here.
func (a *App) signInChecked(msg signInCheckedMsg) tea.Cmd {
	switch {
	case msg.info == nil || !msg.info.SSO:
		return common.Warn("profile " + msg.profile + " does not sign in through IAM Identity Center: renew its credentials outside smtui, then refresh (" +
			common.KeyHelp(a.env.Keys.Common.Refresh) + ")")
	case msg.check.usable:
		// Renewed silently (or the cache says it is valid): list again.
		return tea.Batch(common.Info("SSO session of "+msg.profile+" usable; loading again"),
			common.Ask(common.SSOLoginDoneMsg{Profile: msg.profile}))
	}
	return a.offerSSOLogin(*msg.info, ssoReason(msg.check.session), nil)
}

// isSessionProfile reports whether profile is the session's.
func (s *session) isSessionProfile(profile string) bool {
	return cmp.Or(profile, "default") == cmp.Or(s.profile, "default")
}

// ssoLoginDone follows a log-in: the session reconnects when it was its
// profile; the screens hear of it either way (a listing of several
// accounts lists the profile again).
func (a *App) ssoLoginDone(msg common.SSOLoginDoneMsg) tea.Cmd {
	if msg.Err != nil {
		return common.ErrorBox("aws sso login --profile "+msg.Profile+" failed", msg.Err)
	}
	cmds := []tea.Cmd{common.Success("signed in to " + msg.Profile + "; loading again"), a.broadcast(msg)}
	if a.session.isSessionProfile(msg.Profile) {
		cmds = append(cmds, a.connect(""))
	}
	return tea.Batch(cmds...)
}
