package common

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

// StatusMsg shows text in the status line for ttl (0: the default of its
// level; every status expires).
type StatusMsg struct {
	Level Level
	Text  string
	TTL   time.Duration
	// Err, when set (failed), is described by the App into text: its hints
	// name keys, and the App has the key map.
	Err error
	// SignInOffered says the App already offered a log-in or asked for an
	// MFA code for Err (expired credentials), so it must not ask again.
	SignInOffered bool
}

// StatusExpiredMsg clears the status line if it still shows status seq.
type StatusExpiredMsg struct{ Seq int }

// ErrorBoxMsg opens a blocking error box: what failed and what to do.
type ErrorBoxMsg struct {
	Title string
	Err   error
}

// PushScreenMsg opens a screen on top of the stack.
type PushScreenMsg struct{ Screen Screen }

// PopScreenMsg closes the top screen.
type PopScreenMsg struct{}

// ReplaceScreenMsg swaps the top screen for another.
type ReplaceScreenMsg struct{ Screen Screen }

// CopyMsg asks the App to put text on the clipboard. what names it for the
// status line ("the password field", "the ARN"); the text itself is never shown.
type CopyMsg struct {
	Text   string
	What   string
	Secret bool // a secret value: audit it and clear the clipboard after the TTL
	ARN    string
	Region string
	// Version is the version id a secret was copied from, for the audit log.
	Version string
}

// SecretChangedMsg tells every screen that a secret was changed through the
// app, so lists refresh that row from DescribeSecret (ListSecrets can lag).
type SecretChangedMsg struct {
	Region   string
	SecretID string // ARN when known, else name
	Deleted  bool   // removed for good (force delete)
}

// About reports whether the change is to the secret called name (or arn) in
// region.
func (m SecretChangedMsg) About(region, name, arn string) bool {
	return m.Region == region && m.SecretID != "" && (m.SecretID == name || m.SecretID == arn)
}

// Status returns a Cmd that shows text in the status line.
func Status(level Level, text string, ttl time.Duration) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Level: level, Text: text, TTL: ttl} }
}

// Info shows a short-lived informational status.
func Info(text string) tea.Cmd { return Status(LevelInfo, text, 5*time.Second) }

// Success shows a short-lived success status.
func Success(text string) tea.Cmd { return Status(LevelSuccess, text, 5*time.Second) }

// Warn shows a warning status that stays a little longer.
func Warn(text string) tea.Cmd { return Status(LevelWarning, text, 10*time.Second) }

// Failed shows an error in the status line until replaced.
func Failed(err error) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Level: LevelError, Err: err} }
}

// ErrorBox opens the blocking error box.
func ErrorBox(title string, err error) tea.Cmd {
	return func() tea.Msg { return ErrorBoxMsg{Title: title, Err: err} }
}

// Push opens a screen.
func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushScreenMsg{Screen: s} } }

// Pop closes the top screen.
func Pop() tea.Cmd { return func() tea.Msg { return PopScreenMsg{} } }

// Replace swaps the top screen.
func Replace(s Screen) tea.Cmd { return func() tea.Msg { return ReplaceScreenMsg{Screen: s} } }

// Changed announces a change made through the app.
func Changed(region, secretID string) tea.Cmd {
	return func() tea.Msg { return SecretChangedMsg{Region: region, SecretID: secretID} }
}

// The session's messages. The App owns the session (session.go): it tells
// the screens where it is connecting and with which Store, and screens and
// pickers ask it for a Store, a reconnect or another profile or region.

// SessionConnectingMsg tells every screen the session is (re)connecting to
// profile/region: what was listed from the old Store is stale.
type SessionConnectingMsg struct{ Profile, Region string }

// SessionReadyMsg tells every screen the session is connected to
// profile/region through store.
type SessionReadyMsg struct {
	Profile, Region string
	Store           aws.Store
}

// SessionFailedMsg tells every screen the session could not connect to
// profile/region: err says why, or is nil when it waits for the operator
// (an MFA code asked for, or refused).
type SessionFailedMsg struct {
	Profile, Region string
	Err             error
}

// ReconnectMsg asks the App to connect the session again (refresh while not
// connected).
type ReconnectMsg struct{}

// CredentialsExpiredMsg tells the App a call with the session's Store failed
// on credentials: it offers an SSO sign-in or asks for a new MFA code when
// the profile uses them.
type CredentialsExpiredMsg struct{ Err error }

// ARNSeenMsg tells the App a screen listed a secret of profile's account, so
// the session learns the account from the ARN (no call to STS).
type ARNSeenMsg struct{ Profile, ARN string }

// StoreRequestMsg asks the App for the Store of region, with Profile (the
// session's when empty), for owner's request seq; the answer is a
// StoreReadyMsg. The Stores of one profile share its credentials.
type StoreRequestMsg struct {
	Owner   any
	Seq     int
	Profile string
	Region  string
}

// StoreReadyMsg is the Store (or the error) owner asked for.
type StoreReadyMsg struct {
	Owner   any
	Seq     int
	Profile string // as asked: "" for the session's
	Region  string
	Store   aws.Store
	Err     error
}

// outcome ties a failed Store request to the screen that asked, for the
// status line (status_errors.go).
func (m StoreReadyMsg) Outcome() (any, error) { return m.Owner, m.Err }

// PickRegionMsg asks the App for the region picker: one region to switch
// the list to, or several (many) to list together.
type PickRegionMsg struct{ Many bool }

// PickProfileMsg asks the App for the profile picker.
type PickProfileMsg struct{}

// RegionChosenMsg is the region picked for the list: the App switches the
// session to it.
type RegionChosenMsg struct{ Region string }

// RegionsUsedMsg names the regions picked to list together, for the
// session's recent regions (the first is the most recent), and the profiles
// picked with them (nil: the session's only), remembered for the next A.
type RegionsUsedMsg struct{ Regions, Profiles []string }

// ProfileChosenMsg is the profile picked: the App switches the session to
// it.
type ProfileChosenMsg struct{ Profile aws.Profile }

// MFACodeMsg carries the MFA code typed for the session's connect seq (or
// its cancellation) to the App.
type MFACodeMsg struct {
	Seq       int
	Code      string
	Cancelled bool
}

// SignInMsg asks the App to log in to profile (a listing of several
// accounts failed on its expired credentials): the IAM Identity Center
// log-in when the profile uses it; SSOLoginDoneMsg then reaches the screens.
type SignInMsg struct{ Profile string }

// SSOLoginDoneMsg is the end of an `aws sso login` run for profile.
type SSOLoginDoneMsg struct {
	Profile string
	Err     error
}

// Ask returns a command that sends msg (a request to the App).
func Ask(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// DeletedMsg announces a secret removed for good (force delete).
func DeletedMsg(region, secretID string) tea.Cmd {
	return func() tea.Msg { return SecretChangedMsg{Region: region, SecretID: secretID, Deleted: true} }
}
