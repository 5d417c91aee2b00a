package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
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
