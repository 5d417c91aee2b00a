package clipboard

import (
	"crypto/sha256"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/audit"
)

// clipMethod is how text reached the clipboard.
type clipMethod int

const (
	viaSystem clipMethod = iota // the system clipboard program
	viaOSC52                    // the terminal, through an OSC 52 escape
)

// where says, for the status line, where the text went.
func (m clipMethod) where() string {
	if m == viaSystem {
		return "to the system clipboard"
	}
	return "via OSC 52 (terminal clipboard)"
}

// oscVerifyTimeout is how long we wait for the terminal to answer an OSC 52
// read before clearing without being able to check.
const oscVerifyTimeout = time.Second

// Manager puts text on the clipboard and, for secrets, clears it again
// after Config.TTL if it still holds what we put there. It keeps
// only a SHA-256 of what it wrote, never the text. All clipboard I/O runs in
// commands; update only reads their results.
type Manager struct {
	cfg     Config
	sys     Clipboard
	overSSH bool // an SSH session: the system clipboard is the remote host's

	seq     int // copy sequence; a newer copy supersedes an older pending clear
	pending *pendingClear
	// VerifyTimeout is how long to wait for the terminal's OSC 52 answer.
	VerifyTimeout time.Duration
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
	// writtenMsg reports a system clipboard write.
	writtenMsg struct {
		seq      int
		what     string
		secret   bool
		err      error
		fallback tea.Cmd // on failure: the OSC 52 write to do instead
	}
	// clearDueMsg fires when copy seq's TTL is over.
	clearDueMsg struct{ seq int }
	// clearedMsg reports the outcome of a system clipboard clear.
	clearedMsg struct {
		seq     int
		outcome clearOutcome
		err     error
	}
	// verifyTimeoutMsg fires when the terminal did not answer an
	// OSC 52 read in time.
	verifyTimeoutMsg struct{ seq int }
)

// clearOutcome is what happened when the TTL ran out.
type clearOutcome int

const (
	clearDone       clearOutcome = iota // cleared: it still held our text
	clearSkipped                        // not cleared: it holds something else
	clearUnverified                     // cleared without being able to check
	clearFailed                         // the clipboard could not be read or written
)

// Config is what the Manager needs from the App.
type Config struct {
	Now    func() time.Time
	TTL    time.Duration     // a secret copy is cleared after this
	Record func(audit.Event) // records a secret copy (never its text); nil: nothing
}

// Request asks for text to be put on the clipboard. A Secret copy is
// audited (Region, ARN and Version say what was copied) and cleared after
// the TTL.
type Request struct {
	Text, What  string
	Secret      bool
	ARN, Region string
	Version     string
}

// Notice is a status line message of the Manager, for the App to show:
// Level says how, ClearsIn (for a secret copy) when the clear is due.
type Notice struct {
	Level    NoticeLevel
	Text     string
	ClearsIn time.Duration
}

// NoticeLevel is a Notice's kind.
type NoticeLevel int

// The kinds of Notice.
const (
	NoticeSuccess NoticeLevel = iota
	NoticeInfo
	NoticeWarning
)

func notice(level NoticeLevel, text string) tea.Cmd {
	return func() tea.Msg { return Notice{Level: level, Text: text} }
}

// NewManager builds the manager. It reads the environment once, here, to
// learn whether this is an SSH session.
func NewManager(cfg Config, sys Clipboard) *Manager {
	return NewManagerFor(cfg, sys, sshSession(os.Getenv))
}

// NewManagerFor builds the manager with the SSH question answered.
func NewManagerFor(cfg Config, sys Clipboard, overSSH bool) *Manager {
	return &Manager{cfg: cfg, sys: sys, overSSH: overSSH, VerifyTimeout: oscVerifyTimeout}
}

// sshSession reports whether the process runs inside an SSH session, where
// the system clipboard belongs to the remote machine, not the operator.
func sshSession(getenv func(string) string) bool {
	return getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != ""
}

// method picks the system clipboard when it works here, else OSC 52.
func (c *Manager) method() clipMethod {
	if c.sys != nil && !c.overSSH && c.sys.Available() {
		return viaSystem
	}
	return viaOSC52
}

// Copy puts msg.Text on the clipboard through a command. A secret copy is
// audited and scheduled to be cleared after the TTL.
func (c *Manager) Copy(msg Request) tea.Cmd {
	c.seq++
	seq := c.seq
	m := c.method()
	c.pending = nil // a newer copy supersedes the pending clear of an older one
	if msg.Secret {
		c.pending = &pendingClear{seq: seq, sum: sha256.Sum256([]byte(msg.Text)), method: m,
			due: c.cfg.Now().Add(c.cfg.TTL), what: msg.What}
	}
	var audit tea.Cmd
	if msg.Secret {
		audit = c.auditCopy(msg)
	}
	if m == viaOSC52 {
		return tea.Batch(tea.SetClipboard(msg.Text), audit, c.copiedStatus(msg.What, msg.Secret, m, ""))
	}
	sys, text := c.sys, msg.Text
	write := func() tea.Msg {
		if err := sys.WriteAll(text); err != nil {
			return writtenMsg{seq: seq, what: msg.What, secret: msg.Secret, err: err, fallback: tea.SetClipboard(text)}
		}
		return writtenMsg{seq: seq, what: msg.What, secret: msg.Secret}
	}
	return tea.Batch(write, audit)
}

// auditCopy records a secret copy (never its text) in a command.
func (c *Manager) auditCopy(msg Request) tea.Cmd {
	ev := audit.Event{Action: "copy", Region: msg.Region, SecretARN: msg.ARN, Outcome: "ok", Detail: msg.What}
	if msg.Version != "" {
		ev.VersionIDs = []string{msg.Version}
	}
	record := c.cfg.Record
	return func() tea.Msg {
		if record != nil {
			record(ev)
		}
		return nil
	}
}

// copiedStatus tells the operator truthfully where the text went, and for a
// secret when it will be cleared. prefix explains a fallback.
func (c *Manager) copiedStatus(what string, secret bool, m clipMethod, prefix string) tea.Cmd {
	text := prefix + "copied " + what + " " + m.where()
	if !secret {
		return notice(NoticeSuccess, text)
	}
	ttl := c.cfg.TTL
	seq := c.seq
	return tea.Batch(
		func() tea.Msg { return Notice{Level: NoticeSuccess, Text: text, ClearsIn: ttl} },
		tea.Tick(ttl, func(time.Time) tea.Msg { return clearDueMsg{seq: seq} }),
	)
}

// Update handles the manager's own messages and the terminal's clipboard
// answer while a verification is out. handled is false for anything else.
func (c *Manager) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case writtenMsg:
		if msg.seq != c.seq {
			return nil, true // superseded while the write was out
		}
		if msg.err != nil {
			if c.pending != nil {
				c.pending.method = viaOSC52
			}
			prefix := "system clipboard failed (" + msg.err.Error() + "); "
			return tea.Batch(msg.fallback, c.copiedStatus(msg.what, msg.secret, viaOSC52, prefix)), true
		}
		return c.copiedStatus(msg.what, msg.secret, viaSystem, ""), true
	case clearDueMsg:
		p := c.pending
		if p == nil || p.seq != msg.seq {
			return nil, true
		}
		if p.method == viaOSC52 {
			p.verifying = true
			seq := p.seq
			return tea.Batch(tea.ReadClipboard, tea.Tick(c.VerifyTimeout, func(time.Time) tea.Msg {
				return verifyTimeoutMsg{seq: seq}
			})), true
		}
		return c.clearSystem(p), true
	case clearedMsg:
		if c.pending == nil || c.pending.seq != msg.seq {
			return nil, true
		}
		c.pending = nil
		return clearedStatus(msg.outcome, msg.err), true
	case verifyTimeoutMsg:
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
func (c *Manager) clearSystem(p *pendingClear) tea.Cmd {
	sys, seq, sum := c.sys, p.seq, p.sum
	return func() tea.Msg {
		cleared, err := ClearIfUnchanged(sys, sum)
		switch {
		case err != nil:
			return clearedMsg{seq: seq, outcome: clearFailed, err: err}
		case !cleared:
			return clearedMsg{seq: seq, outcome: clearSkipped}
		}
		return clearedMsg{seq: seq, outcome: clearDone}
	}
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

// PendingAtExit returns the copy still waiting to be cleared, if any.
func (c *Manager) PendingAtExit() (PendingClear, bool) {
	p := c.pending
	if p == nil {
		return PendingClear{}, false
	}
	return PendingClear{Sum: p.sum, Due: p.due, What: p.what, System: p.method == viaSystem}, true
}

// clearedStatus says what the clear did.
func clearedStatus(o clearOutcome, err error) tea.Cmd {
	switch o {
	case clearDone:
		return notice(NoticeSuccess, "clipboard cleared")
	case clearSkipped:
		return notice(NoticeInfo, "clipboard not cleared: it holds something else now")
	case clearUnverified:
		return notice(NoticeInfo, "clipboard cleared (could not verify: the terminal did not report its contents)")
	default:
		text := "could not clear the clipboard"
		if err != nil {
			text += ": " + err.Error()
		}
		return notice(NoticeWarning, text+" — clear it yourself")
	}
}

// Pending reports whether a secret copy is waiting to be cleared.
func (c *Manager) Pending() bool { return c.pending != nil }

// Verifying reports whether the pending clear waits for the terminal's
// answer to an OSC 52 read.
func (c *Manager) Verifying() bool { return c.pending != nil && c.pending.verifying }

// ClearNow returns the message that makes the pending clear fall due at
// once, as its timer would when the TTL runs out; nil when nothing is
// pending. The App (or a test) sends it to clear the clipboard early.
func (c *Manager) ClearNow() tea.Msg {
	if c.pending == nil {
		return nil
	}
	return clearDueMsg{seq: c.pending.seq}
}
