package ui

import tea "charm.land/bubbletea/v2"

// clipboardManager puts text on the clipboard and clears it again.
// PLACEHOLDER: replaced by the clipboard implementation.
type clipboardManager struct {
	env *Env
	sys Clipboard
}

func newClipboardManager(env *Env, sys Clipboard) *clipboardManager {
	return &clipboardManager{env: env, sys: sys}
}

func (c *clipboardManager) copy(msg copyMsg) tea.Cmd {
	return tea.Batch(tea.SetClipboard(msg.text), info("copied "+msg.what+" via OSC 52"))
}

func (c *clipboardManager) update(msg tea.Msg) (tea.Cmd, bool) { return nil, false }
