package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// Level is how serious a status message is.
type Level int

// Status levels.
const (
	LevelInfo Level = iota
	LevelSuccess
	LevelWarning
	LevelError
)

// statusMsg shows text in the status line for ttl (0: until replaced).
type statusMsg struct {
	level Level
	text  string
	ttl   time.Duration
	// err, when set (failed), is described by the App into text: its hints
	// name keys, and the App has the key map.
	err error
}

// statusExpiredMsg clears the status line if it still shows status seq.
type statusExpiredMsg struct{ seq int }

// errorBoxMsg opens a blocking error box: what failed and what to do.
type errorBoxMsg struct {
	title string
	err   error
}

// pushScreenMsg opens a screen on top of the stack.
type pushScreenMsg struct{ screen Screen }

// popScreenMsg closes the top screen.
type popScreenMsg struct{}

// replaceScreenMsg swaps the top screen for another.
type replaceScreenMsg struct{ screen Screen }

// copyMsg asks the App to put text on the clipboard. what names it for the
// status line ("the password field", "the ARN"); the text itself is never shown.
type copyMsg struct {
	text   string
	what   string
	secret bool // a secret value: audit it and clear the clipboard after the TTL
	arn    string
	region string
	// version is the version id a secret was copied from, for the audit log.
	version string
}

// secretChangedMsg tells every screen that a secret was changed through the
// app, so lists refresh that row from DescribeSecret (ListSecrets can lag).
type secretChangedMsg struct {
	region   string
	secretID string // ARN when known, else name
	deleted  bool   // removed for good (force delete)
}

// about reports whether the change is to the secret called name (or arn) in
// region.
func (m secretChangedMsg) about(region, name, arn string) bool {
	return m.region == region && m.secretID != "" && (m.secretID == name || m.secretID == arn)
}

// status returns a Cmd that shows text in the status line.
func status(level Level, text string, ttl time.Duration) tea.Cmd {
	return func() tea.Msg { return statusMsg{level: level, text: text, ttl: ttl} }
}

// info shows a short-lived informational status.
func info(text string) tea.Cmd { return status(LevelInfo, text, 5*time.Second) }

// success shows a short-lived success status.
func success(text string) tea.Cmd { return status(LevelSuccess, text, 5*time.Second) }

// warn shows a warning status that stays a little longer.
func warn(text string) tea.Cmd { return status(LevelWarning, text, 10*time.Second) }

// failed shows an error in the status line until replaced.
func failed(err error) tea.Cmd {
	return func() tea.Msg { return statusMsg{level: LevelError, err: err} }
}

// errorBox opens the blocking error box.
func errorBox(title string, err error) tea.Cmd {
	return func() tea.Msg { return errorBoxMsg{title: title, err: err} }
}

// push opens a screen.
func push(s Screen) tea.Cmd { return func() tea.Msg { return pushScreenMsg{screen: s} } }

// pop closes the top screen.
func pop() tea.Cmd { return func() tea.Msg { return popScreenMsg{} } }

// replace swaps the top screen.
func replace(s Screen) tea.Cmd { return func() tea.Msg { return replaceScreenMsg{screen: s} } }

// changed announces a change made through the app.
func changed(region, secretID string) tea.Cmd {
	return func() tea.Msg { return secretChangedMsg{region: region, secretID: secretID} }
}

// The session's messages. The App owns the session (session.go): it tells
// the screens where it is connecting and with which Store, and screens and
// pickers ask it for a Store, a reconnect or another profile or region.

// sessionConnectingMsg tells every screen the session is (re)connecting to
// profile/region: what was listed from the old Store is stale.
type sessionConnectingMsg struct{ profile, region string }

// sessionReadyMsg tells every screen the session is connected to
// profile/region through store.
type sessionReadyMsg struct {
	profile, region string
	store           aws.Store
}

// sessionFailedMsg tells every screen the session could not connect to
// profile/region: err says why, or is nil when it waits for the operator
// (an MFA code asked for, or refused).
type sessionFailedMsg struct {
	profile, region string
	err             error
}

// reconnectMsg asks the App to connect the session again (refresh while not
// connected).
type reconnectMsg struct{}

// credentialsExpiredMsg tells the App a call with the session's Store failed
// on credentials: it offers an SSO sign-in or asks for a new MFA code when
// the profile uses them.
type credentialsExpiredMsg struct{ err error }

// arnSeenMsg tells the App a screen listed a secret of profile's account, so
// the session learns the account from the ARN (no call to STS).
type arnSeenMsg struct{ profile, arn string }

// storeRequestMsg asks the App for the Store of region, with the session's
// profile, for owner's request seq; the answer is a storeReadyMsg.
type storeRequestMsg struct {
	owner  any
	seq    int
	region string
}

// storeReadyMsg is the Store (or the error) owner asked for.
type storeReadyMsg struct {
	owner  any
	seq    int
	region string
	store  aws.Store
	err    error
}

// outcome ties a failed Store request to the screen that asked, for the
// status line (status_errors.go).
func (m storeReadyMsg) Outcome() (any, error) { return m.owner, m.err }

// pickRegionMsg asks the App for the region picker: one region to switch
// the list to, or several (many) to list together.
type pickRegionMsg struct{ many bool }

// pickProfileMsg asks the App for the profile picker.
type pickProfileMsg struct{}

// regionChosenMsg is the region picked for the list: the App switches the
// session to it.
type regionChosenMsg struct{ region string }

// regionsUsedMsg names the regions picked to list together, for the
// session's recent regions (the first is the most recent).
type regionsUsedMsg struct{ regions []string }

// profileChosenMsg is the profile picked: the App switches the session to
// it.
type profileChosenMsg struct{ profile aws.Profile }

// mfaCodeMsg carries the MFA code typed for the session's connect seq (or
// its cancellation) to the App.
type mfaCodeMsg struct {
	seq       int
	code      string
	cancelled bool
}

// ssoLoginDoneMsg is the end of an `aws sso login` run for profile.
type ssoLoginDoneMsg struct {
	profile string
	err     error
}

// ask returns a command that sends msg (a request to the App).
func ask(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// deletedMsg announces a secret removed for good (force delete).
func deletedMsg(region, secretID string) tea.Cmd {
	return func() tea.Msg { return secretChangedMsg{region: region, secretID: secretID, deleted: true} }
}
