package ui

import (
	"crypto/sha256"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
)

// clipMethod is how text reached the clipboard.
type clipMethod int

const (
	clipSystem clipMethod = iota // the system clipboard program
	clipOSC52                    // the terminal, through an OSC 52 escape
)

// where says, for the status line, where the text went.
func (m clipMethod) where() string {
	if m == clipSystem {
		return "to the system clipboard"
	}
	return "via OSC 52 (terminal clipboard)"
}

// oscVerifyTimeout is how long we wait for the terminal to answer an OSC 52
// read before clearing without being able to check.
const oscVerifyTimeout = time.Second

// clipboardManager puts text on the clipboard and, for secrets, clears it
// again after env.ClipboardTTL if it still holds what we put there. It keeps
// only a SHA-256 of what it wrote, never the text. All clipboard I/O runs in
// commands; update only reads their results.
type clipboardManager struct {
	env     *common.Env
	sys     Clipboard
	overSSH bool // an SSH session: the system clipboard is the remote host's

	seq     int // copy sequence; a newer copy supersedes an older pending clear
	pending *pendingClear
	// verifyTimeout is how long to wait for the terminal's OSC 52 answer.
	verifyTimeout time.Duration
}

// pendingClear is a secret copy waiting to be cleared.
type pendingClear struct {
	seq       int
	sum       [32]byte
	method    clipMethod
	verifying bool      // an OSC 52 read is out; waiting for tea.ClipboardMsg
	due       time.Time // when the clear is due
	what      string    // what was copied, e.g. `field "password"`, for the exit note
}

// Messages of the clipboard manager. The App hands them to update before
// broadcasting; none carries clipboard contents.
type (
	// clipboardWrittenMsg reports a system clipboard write.
	clipboardWrittenMsg struct {
		seq      int
		what     string
		secret   bool
		err      error
		fallback tea.Cmd // on failure: the OSC 52 write to do instead
	}
	// clipboardClearDueMsg fires when copy seq's TTL is over.
	clipboardClearDueMsg struct{ seq int }
	// clipboardClearedMsg reports the outcome of a system clipboard clear.
	clipboardClearedMsg struct {
		seq     int
		outcome clearOutcome
		err     error
	}
	// clipboardVerifyTimeoutMsg fires when the terminal did not answer an
	// OSC 52 read in time.
	clipboardVerifyTimeoutMsg struct{ seq int }
)

// clearOutcome is what happened when the TTL ran out.
type clearOutcome int

const (
	clearDone       clearOutcome = iota // cleared: it still held our text
	clearSkipped                        // not cleared: it holds something else
	clearUnverified                     // cleared without being able to check
	clearFailed                         // the clipboard could not be read or written
)

// newClipboardManager builds the manager. It reads the environment once,
// here, to learn whether this is an SSH session.
func newClipboardManager(env *common.Env, sys Clipboard) *clipboardManager {
	return newClipboardManagerFor(env, sys, sshSession(os.Getenv))
}

// newClipboardManagerFor builds the manager with the SSH question answered.
func newClipboardManagerFor(env *common.Env, sys Clipboard, overSSH bool) *clipboardManager {
	return &clipboardManager{env: env, sys: sys, overSSH: overSSH, verifyTimeout: oscVerifyTimeout}
}

// sshSession reports whether the process runs inside an SSH session, where
// the system clipboard belongs to the remote machine, not the operator.
func sshSession(getenv func(string) string) bool {
	return getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != ""
}

// method picks the system clipboard when it works here, else OSC 52.
func (c *clipboardManager) method() clipMethod {
	if c.sys != nil && !c.overSSH && c.sys.Available() {
		return clipSystem
	}
	return clipOSC52
}

// copy puts msg.text on the clipboard through a command. A secret copy is
// audited and scheduled to be cleared after the TTL.
func (c *clipboardManager) copy(msg common.CopyMsg) tea.Cmd {
	c.seq++
	seq := c.seq
	m := c.method()
	c.pending = nil // a newer copy supersedes the pending clear of an older one
	if msg.Secret {
		c.pending = &pendingClear{seq: seq, sum: sha256.Sum256([]byte(msg.Text)), method: m,
			due: c.env.Now().Add(c.env.ClipboardTTL), what: msg.What}
	}
	var audit tea.Cmd
	if msg.Secret {
		audit = c.auditCopy(msg)
	}
	if m == clipOSC52 {
		return tea.Batch(tea.SetClipboard(msg.Text), audit, c.copiedStatus(msg.What, msg.Secret, m, ""))
	}
	sys, text := c.sys, msg.Text
	write := func() tea.Msg {
		if err := sys.WriteAll(text); err != nil {
			return clipboardWrittenMsg{seq: seq, what: msg.What, secret: msg.Secret, err: err, fallback: tea.SetClipboard(text)}
		}
		return clipboardWrittenMsg{seq: seq, what: msg.What, secret: msg.Secret}
	}
	return tea.Batch(write, audit)
}

// auditCopy records a secret copy (never its text) in a command.
func (c *clipboardManager) auditCopy(msg common.CopyMsg) tea.Cmd {
	ev := audit.Event{Action: "copy", Region: msg.Region, SecretARN: msg.ARN, Outcome: "ok", Detail: msg.What}
	if msg.Version != "" {
		ev.VersionIDs = []string{msg.Version}
	}
	env := c.env
	return func() tea.Msg {
		env.Record(ev)
		return nil
	}
}

// copiedStatus tells the operator truthfully where the text went, and for a
// secret when it will be cleared. prefix explains a fallback.
func (c *clipboardManager) copiedStatus(what string, secret bool, m clipMethod, prefix string) tea.Cmd {
	text := prefix + "copied " + what + " " + m.where()
	if !secret {
		return common.Success(text)
	}
	ttl := c.env.ClipboardTTL
	seq := c.seq
	return tea.Batch(
		common.Status(common.LevelSuccess, text+" — clears in "+common.ShortDuration(ttl), ttl),
		tea.Tick(ttl, func(time.Time) tea.Msg { return clipboardClearDueMsg{seq: seq} }),
	)
}

// update handles the manager's own messages and the terminal's clipboard
// answer while a verification is out. handled is false for anything else.
func (c *clipboardManager) update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case clipboardWrittenMsg:
		if msg.seq != c.seq {
			return nil, true // superseded while the write was out
		}
		if msg.err != nil {
			if c.pending != nil {
				c.pending.method = clipOSC52
			}
			prefix := "system clipboard failed (" + msg.err.Error() + "); "
			return tea.Batch(msg.fallback, c.copiedStatus(msg.what, msg.secret, clipOSC52, prefix)), true
		}
		return c.copiedStatus(msg.what, msg.secret, clipSystem, ""), true
	case clipboardClearDueMsg:
		p := c.pending
		if p == nil || p.seq != msg.seq {
			return nil, true
		}
		if p.method == clipOSC52 {
			p.verifying = true
			seq := p.seq
			return tea.Batch(tea.ReadClipboard, tea.Tick(c.verifyTimeout, func(time.Time) tea.Msg {
				return clipboardVerifyTimeoutMsg{seq: seq}
			})), true
		}
		return c.clearSystem(p), true
	case clipboardClearedMsg:
		if c.pending == nil || c.pending.seq != msg.seq {
			return nil, true
		}
		c.pending = nil
		return clearedStatus(msg.outcome, msg.err), true
	case clipboardVerifyTimeoutMsg:
		p := c.pending
		if p == nil || p.seq != msg.seq || !p.verifying {
			return nil, true
		}
		c.pending = nil
		return tea.Batch(tea.SetClipboard(""), clearedStatus(clearUnverified, nil)), true
	case tea.ClipboardMsg:
		p := c.pending
		if p == nil || !p.verifying || (msg.Selection != 0 && msg.Selection != 'c') {
			return nil, false
		}
		c.pending = nil
		switch {
		case msg.Content == "":
			// Many terminals refuse OSC 52 reads with an empty answer.
			return tea.Batch(tea.SetClipboard(""), clearedStatus(clearUnverified, nil)), true
		case sha256.Sum256([]byte(msg.Content)) == p.sum:
			return tea.Batch(tea.SetClipboard(""), clearedStatus(clearDone, nil)), true
		default:
			return clearedStatus(clearSkipped, nil), true
		}
	}
	return nil, false
}

// clearSystem reads the system clipboard in a command and clears it if it
// still holds what we wrote.
func (c *clipboardManager) clearSystem(p *pendingClear) tea.Cmd {
	sys, seq, sum := c.sys, p.seq, p.sum
	return func() tea.Msg {
		cleared, err := ClearClipboardIfUnchanged(sys, sum)
		switch {
		case err != nil:
			return clipboardClearedMsg{seq: seq, outcome: clearFailed, err: err}
		case !cleared:
			return clipboardClearedMsg{seq: seq, outcome: clearSkipped}
		}
		return clipboardClearedMsg{seq: seq, outcome: clearDone}
	}
}

// ClearClipboardIfUnchanged empties the system clipboard if it still holds
// the text whose SHA-256 is sum, and reports whether it did.
func ClearClipboardIfUnchanged(sys Clipboard, sum [32]byte) (bool, error) {
	return clipboard.ClearIfUnchanged(sys, sum)
}

// PendingClear is a secret copy whose clearing was still due when the app
// quit. For the system clipboard, main hands it to a background process so
// the promise made in the status line ("clears in 30s") still holds.
type PendingClear struct {
	Sum    [32]byte  // SHA-256 of what was copied; never the text itself
	Due    time.Time // when to clear
	What   string    // e.g. `field "password"`
	System bool      // the system clipboard (else OSC 52, which only a terminal can clear)
}

// pendingAtExit returns the copy still waiting to be cleared, if any.
func (c *clipboardManager) pendingAtExit() (PendingClear, bool) {
	p := c.pending
	if p == nil {
		return PendingClear{}, false
	}
	return PendingClear{Sum: p.sum, Due: p.due, What: p.what, System: p.method == clipSystem}, true
}

// clearedStatus says what the clear did.
func clearedStatus(o clearOutcome, err error) tea.Cmd {
	switch o {
	case clearDone:
		return common.Success("clipboard cleared")
	case clearSkipped:
		return common.Info("clipboard not cleared: it holds something else now")
	case clearUnverified:
		return common.Info("clipboard cleared (could not verify: the terminal did not report its contents)")
	default:
		text := "could not clear the clipboard"
		if err != nil {
			text += ": " + err.Error()
		}
		return common.Warn(text + " — clear it yourself")
	}
}
