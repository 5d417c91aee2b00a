package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// The status line says one thing for a while: every status expires (one set
// without a ttl gets its level's: 5 s for information, 10 s for a warning,
// Options.StatusErrorTTL, 15 s, for an error, whose details stay one key away
// while it shows and after). A status belongs to the screen that was on top
// when it was set: opening or closing a screen clears it, unless it was set
// after the operator's last key press or click, i.e. it reports what that
// key did (a dialog's "Deleted …" arrives with the dialog closing, in either
// order, and is meant for the screen below).

// statusTTL is how long a status shows: its own ttl, or its level's.
func (a *App) statusTTL(msg common.StatusMsg) time.Duration {
	if msg.TTL > 0 {
		return msg.TTL
	}
	switch msg.Level {
	case common.LevelError:
		return a.opts.StatusErrorTTL
	case common.LevelWarning:
		return 10 * time.Second
	default:
		return 5 * time.Second
	}
}

// setStatus shows msg and starts its expiry; a later status makes the
// pending expiry stale (the generation counter statusSeq).
func (a *App) setStatus(msg common.StatusMsg) tea.Cmd {
	a.statusSeq++
	a.status = msg
	a.statusHasErr = false
	a.statusInput = a.inputSeq
	seq := a.statusSeq
	return tea.Tick(a.statusTTL(msg), func(time.Time) tea.Msg { return common.StatusExpiredMsg{Seq: seq} })
}

// clearStatus empties the status line; a pending expiry of the old status
// no longer applies.
func (a *App) clearStatus() {
	a.statusSeq++
	a.status = common.StatusMsg{}
	a.statusHasErr = false
}

// screenChanged clears a status that belongs to the screen the operator
// left: one set before their last key press or click.
func (a *App) screenChanged() {
	if a.status.Text != "" && a.statusInput != a.inputSeq {
		a.clearStatus()
	}
}
