package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one page of the UI: the secret list, a secret's detail, its
// versions, a value, a dialog. Only the root App is a tea.Model; screens are
// plain values the App routes to. Key and mouse input goes to the top screen
// only; every other message goes to every screen on the stack, and each drops
// results it did not ask for (they carry a request id).
type Screen interface {
	// Init starts the screen's first loads when it is opened.
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	// SetSize gives the screen its share of the window.
	SetSize(width, height int)
	// Title is the screen's name in the breadcrumb.
	Title() string
	// Capturing reports whether a text input has focus; the App then
	// passes every key (q, ?, esc too) to the screen, except ctrl+c.
	Capturing() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// BackHandler is a Screen that handles the back key itself: when handled
// is true the App does not close it (e.g. a form that first leaves a field).
type BackHandler interface {
	HandleBack() (handled bool, cmd tea.Cmd)
}

// Closer is a Screen that must release something when it leaves the stack
// (a revealed value's timer, an editor's temporary file).
type Closer interface {
	Close()
}

// Unsaved is a Screen that can hold edits not saved yet; when a signal
// stops the App it counts them, to report how many were dropped.
type Unsaved interface {
	UnsavedChanges() int
}

// Layer is a Screen that sits over another as a dialog or a picker: the
// quit key closes it like the back key, and never quits the app from inside
// it. IsLayer may change with the screen's state (the list is a layer while
// its sort menu is open).
type Layer interface {
	IsLayer() bool
}

// IsLayer reports whether s is a dialog or picker layer right now.
func IsLayer(s Screen) bool {
	l, ok := s.(Layer)
	return ok && l.IsLayer()
}

// BoxMaxWidth is the widest a dialog box is drawn: on a wide window a box
// across the whole width is hard to read, so the App centres it instead.
const BoxMaxWidth = 100

// Boxed is a Screen drawn as a dialog box (a confirmation, a form, a
// picker): the App gives it at most BoxMaxWidth columns and centres it.
type Boxed interface {
	Boxed()
}

// SecretScreen is a Screen about one secret whose Title is the secret's
// name: on a narrow window the breadcrumb keeps it, cutting the other
// titles first.
type SecretScreen interface {
	SecretName() string
}

// SessionScoped is a screen that works in the session it reports, which may
// be another profile's than the App's (a secret opened from a list of
// several accounts): while it or a screen above it is shown, the chrome
// shows that profile, account and production banner.
type SessionScoped interface {
	ScopedSession() Session
}
