package keymap

import "charm.land/bubbles/v2/key"

// Common holds the actions that exist on several screens. Quit, ForceQuit,
// Help and Back are handled by the App on every screen that is not capturing
// text input; the others by each screen that offers them.
type Common struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding
	// ErrorDetail opens the shown error in full (code, message, action,
	// advice, cause); handled by the App like Help.
	ErrorDetail key.Binding
	// WhyDenied opens the access diagnosis of the latest refusal (access
	// denied, or the secret's KMS key); handled by the App like ErrorDetail.
	WhyDenied key.Binding
	Refresh   key.Binding
	Reveal    key.Binding // shows one masked value (value, review, rollback)
	CopyName  key.Binding
	CopyARN   key.Binding
	New       key.Binding // mutating: a new secret
	Delete    key.Binding // mutating
	Restore   key.Binding // mutating
}

func defaultCommon() Common {
	return Common{
		Quit:        bind([]string{"q"}, "q", "quit"),
		ForceQuit:   bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:        bind([]string{"?"}, "?", "help"),
		Back:        bind([]string{"esc"}, "esc", "back"),
		ErrorDetail: bind([]string{"!"}, "!", "error details"),
		WhyDenied:   bind([]string{"W"}, "W", "why denied?"),
		Refresh:     bind([]string{"r", "ctrl+r"}, "r", "refresh"),
		Reveal:      bind([]string{"space"}, "space", "reveal"),
		CopyName:    bind([]string{"y"}, "y", "copy name"),
		CopyARN:     bind([]string{"Y"}, "Y", "copy ARN"),
		New:         bind([]string{"n"}, "n", "new secret"),
		Delete:      bind([]string{"d"}, "d", "delete"),
		Restore:     bind([]string{"u"}, "u", "restore"),
	}
}

// Nav moves a cursor through rows on any scrolling screen.
type Nav struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
}

func defaultNav() Nav {
	return Nav{
		Up:       bind([]string{"up", "k"}, "↑/k", "up"),
		Down:     bind([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   bind([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "ctrl+f", "ctrl+d"}, "pgdn", "page down"),
		Top:      bind([]string{"home", "g"}, "g", "top"),
		Bottom:   bind([]string{"end", "G"}, "G", "bottom"),
		Open:     bind([]string{"enter"}, "enter", "open"),
	}
}

// Dialog answers a confirmation pane, a review or a dialog's choice list.
type Dialog struct {
	Yes    key.Binding
	No     key.Binding
	Switch key.Binding
	// Choose picks the focused entry of a dialog's choice list.
	Choose key.Binding
}

func defaultDialog() Dialog {
	return Dialog{
		Yes:    bind([]string{"y", "enter"}, "y/enter", "confirm"),
		No:     bind([]string{"n", "esc"}, "n/esc", "cancel"),
		Switch: bind([]string{"tab"}, "tab", "next choice"),
		Choose: bind([]string{"enter"}, "enter", "choose"),
	}
}

// Input is an open text input: a form field, a filter, a prompt, a field
// editor or a text area. It captures every other key while open.
type Input struct {
	Submit     key.Binding
	Cancel     key.Binding
	ToggleType key.Binding
	Reveal     key.Binding
	// SubmitText applies a multi-line text area, where enter is a new line.
	SubmitText key.Binding
}

func defaultInput() Input {
	return Input{
		Submit:     bind([]string{"enter"}, "enter", "apply"),
		Cancel:     bind([]string{"esc"}, "esc", "cancel"),
		ToggleType: bind([]string{"ctrl+t"}, "ctrl+t", "number/string"),
		Reveal:     bind([]string{"ctrl+v"}, "ctrl+v", "reveal"),
		SubmitText: bind([]string{"ctrl+s"}, "ctrl+s", "apply"),
	}
}
