package ui

import (
	"time"

	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
)

// clipboardConfig is what the clipboard manager needs of the App's Env.
func clipboardConfig(env *common.Env) clipboard.Config {
	return clipboard.Config{Now: func() time.Time { return env.Now() }, TTL: env.ClipboardTTL, Record: env.Record}
}

// clipboardStatus words a notice of the clipboard manager for the status
// line, as common.Success, Info and Warn would; a secret copy's notice
// stays until its clear is due and says when that is.
func clipboardStatus(n clipboard.Notice) common.StatusMsg {
	level, ttl := common.LevelSuccess, 5*time.Second
	switch n.Level {
	case clipboard.NoticeInfo:
		level = common.LevelInfo
	case clipboard.NoticeWarning:
		level, ttl = common.LevelWarning, 10*time.Second
	}
	text := n.Text
	if n.ClearsIn > 0 {
		text, ttl = text+" — clears in "+common.ShortDuration(n.ClearsIn), n.ClearsIn
	}
	return common.StatusMsg{Level: level, Text: text, TTL: ttl}
}
