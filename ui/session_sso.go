package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// The session's side of the IAM Identity Center log-in: before a connect
// and after a call failed with expired credentials, the cached session is
// read (no network) and renewed with its refresh token when it can be;
// only then is the operator asked to log in (list.SSOScreen).

// ssoNeededMsg says the profile's IAM Identity Center session is missing
// or expired and could not be refreshed silently: the operator must log in
// before the connect seq can go on.
type ssoNeededMsg struct {
	seq     int
	info    aws.Profile
	session aws.SSOSession
}

// ssoRecheckedMsg is the cached session looked at again after a call
// failed with expired credentials (err).
type ssoRecheckedMsg struct {
	seq   int
	info  aws.Profile
	check ssoCheck
	err   error
}

// ssoCheck is what checkSSOSession found.
type ssoCheck struct {
	session aws.SSOSession
	// usable: the cached token is valid, or was just renewed.
	usable bool
	// refreshed: it was renewed with the refresh token.
	refreshed bool
}

// checkSSOSession reads the profile's cached SSO session and, when it is
// over but a refresh token is cached, renews it. A session that cannot be
// read counts as usable: the connect's own error then says why.
func checkSSOSession(ctx context.Context, env *common.Env, sso list.SSOConfig, p aws.Profile) ssoCheck {
	o := aws.SSOLoginOptions{Profile: p.Name, EndpointURL: sso.Endpoint}
	sess, err := aws.SSOSessionOf(ctx, o, env.Now())
	if err != nil || !sess.NeedsLogin() {
		return ssoCheck{session: sess, usable: true}
	}
	if sess.Refreshable {
		if ok, err := aws.RefreshSSOIfPossible(ctx, o); ok && err == nil {
			return ssoCheck{session: sess, usable: true, refreshed: true}
		}
	}
	return ssoCheck{session: sess}
}

// recheckSSO looks at profile p's cached session after a call failed with
// expired credentials (err), renewing it silently when it can.
func (s *session) recheckSSO(p aws.Profile, err error) tea.Cmd {
	env, sso, seq := s.env, s.sso, s.seq
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		return ssoRecheckedMsg{seq: seq, info: p, check: checkSSOSession(ctx, env, sso, p), err: err}
	}
}

// ssoRechecked reconnects after a silent refresh; otherwise it offers the
// log-in. A session the cache still calls valid was refused by AWS (ended
// early, or revoked): the log-in then starts afresh rather than trusting
// the cache again.
func (a *App) ssoRechecked(msg ssoRecheckedMsg) tea.Cmd {
	s := a.session
	if msg.seq != s.seq || msg.info.Name != s.profile {
		return nil
	}
	if msg.check.refreshed {
		return tea.Batch(common.Info("SSO session of "+msg.info.Name+" renewed; loading again"), a.connect(""))
	}
	reason := ssoReason(msg.check.session)
	if !msg.check.session.NeedsLogin() {
		reason = "AWS refused the IAM Identity Center session of " + msg.info.Name + ": it has ended."
	}
	return a.offerSSOLogin(msg.info, reason, msg.err)
}

// offerSSOLogin opens the log-in screen for profile p, unless one is
// already open (a second failure while it is up changes nothing).
func (a *App) offerSSOLogin(p aws.Profile, reason string, err error) tea.Cmd {
	if _, open := a.top().(*list.SSOScreen); open {
		return nil
	}
	return a.pushScreen(list.NewSSOScreen(a.env, a.session.sso, p, reason, err))
}

// ssoReason says why a log-in is needed, from the cached session.
func ssoReason(sess aws.SSOSession) string {
	if sess.Status == aws.SSOExpired && !sess.ExpiresAt.IsZero() {
		return "Your IAM Identity Center session for " + sess.Profile + " expired at " +
			sess.ExpiresAt.Local().Format("15:04 on 2 Jan") + "."
	}
	return "You are not signed in to IAM Identity Center for " + sess.Profile + "."
}
