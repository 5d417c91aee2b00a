package ui

import (
	"context"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/prefs"
)

// Connector builds (or returns a cached) Store for a profile and region. It
// may read files and resolve credentials, so the UI only calls it inside a
// tea.Cmd.
type Connector func(ctx context.Context, profile, region string) (aws.Store, error)

// Clipboard is the system clipboard. The App falls back to OSC 52 when it is
// not Available (no clipboard program, or an SSH session).
type Clipboard interface {
	Available() bool
	WriteAll(text string) error
	ReadAll() (string, error)
}

// Options are the settings the App is started with.
type Options struct {
	Profile  string
	Regions  []string // the regions asked for; the first is current
	ReadOnly bool
	Demo     bool
	// Prefs remembers the regions chosen (A and R) across runs; nil: only
	// for this run (--demo, tests).
	Prefs          *prefs.File
	CallTimeout    time.Duration // per AWS call; default 15s
	RevealTimeout  time.Duration // revealed values mask again after this idle time; default 30s
	ClipboardTTL   time.Duration // the clipboard is cleared after this; default 30s
	StatusErrorTTL time.Duration // an error leaves the status line after this; default 15s
	ProdPatterns   []string      // glob patterns of profile names or account ids that are production
	Connect        Connector
	Clipboard      Clipboard
	Audit          audit.Auditor
	Now            func() time.Time
	SSOLoginRunner func(profile string) common.SSOLogin // nil: aws sso login via tea.ExecProcess
	Editor         []string                             // $EDITOR command and arguments; nil: $VISUAL, $EDITOR, vi
	// SSOEndpoint overrides the IAM Identity Center (OIDC) endpoint of the
	// in-app SSO log-in (the emulator in --demo and tests); "" for AWS.
	SSOEndpoint string
	// OpenBrowser opens the SSO log-in's verification address; nil:
	// aws.OpenBrowser (never over SSH).
	OpenBrowser func(address string) error
	// ConnectMFA connects a profile whose role needs an MFA code, with the
	// code the operator typed in the UI (asked before connecting, since
	// ConnectOptions.MFACode is called during credential resolution). It
	// should cache the resulting credentials per profile, so that later
	// Connect calls for other regions of that profile need no new code.
	// nil: profiles with mfa_serial go through Connect unchanged.
	ConnectMFA func(ctx context.Context, profile, region, code string) (aws.Store, error)
	// ListMode is how the list pages through a region: "auto" (partitions
	// when the first page is slow), "partitioned" or "sequential"; "" is
	// sequential, one page at a time (the command line defaults to auto).
	ListMode string
	// ListCache, when set, shows the last listing of a profile and region at
	// once and refreshes it (metadata only, never a value); nil: no cache.
	ListCache *cache.Cache
	// Notice is shown in the status line when the App starts (e.g. what
	// main cleaned up after a previous smtui that did not exit); "" for none.
	Notice string
}
