package common

import (
	"context"
	"time"

	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/audit"
)

// Env is the shared context every screen receives: the settings the App
// started with and what its session knows. Screens hold a pointer to the
// App's one Env; only the App changes it (styles follow the terminal
// background; the Session part follows the App's session).
type Env struct {
	Settings
	Session
}

// Settings are fixed for a run, except Styles, which follow the terminal's
// background.
type Settings struct {
	Styles        *Styles
	Keys          *keymap.KeyMap
	Now           func() time.Time
	ReadOnly      bool
	CallTimeout   time.Duration
	RevealTimeout time.Duration
	ClipboardTTL  time.Duration
	Audit         audit.Auditor
	// Editor is the external editor command for plaintext values.
	Editor []string
	// ListMode is how the list pages through a region: "auto",
	// "partitioned" or "sequential" ("" is sequential).
	ListMode string
	// ListCache keeps the last listing of each profile and region, shown
	// at once on the next start; nil turns the cache off.
	ListCache *cache.Cache
	// ProdPatterns are the production patterns (profile names, account
	// ids), for a screen that works with another profile than the session's.
	ProdPatterns []string
}

// Session is what the screens know of the App's session: the profile, and
// what its secrets' ARNs have shown.
type Session struct {
	Profile string
	// Account is the AWS account id, once an ARN has shown it.
	Account string
	// Production is true when the profile or account matches a production
	// pattern: confirmations then ask for the secret's name to be typed.
	Production bool
}

// Context returns a context bounded by the per-call timeout, for a tea.Cmd.
func (e *Env) Context() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), e.CallTimeout)
}

// Record writes an audit event if an audit.Auditor is configured.
func (e *Env) Record(ev audit.Event) {
	if e.Audit != nil {
		e.Audit.Record(ev)
	}
}
