// Package keymap holds every key binding of smtui, grouped by screen, each with
// its help text. Screens match keys with key.Matches against these bindings,
// never against string literals, so a binding changed here changes everywhere,
// and a binding disabled here (read-only mode) disappears from the help too.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap is the whole application's key map.
type KeyMap struct {
	Global   Global
	Nav      Nav
	List     List
	Picker   Picker
	Detail   Detail
	Versions Versions
	Value    Value
	Editor   Editor
	Confirm  Confirm
}

// Global bindings work on every screen that is not capturing text input.
type Global struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding
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

// List is the secret list.
type List struct {
	Filter       key.Binding
	ServerFilter key.Binding
	Sort         key.Binding
	SortOrder    key.Binding
	ShowDeleted  key.Binding
	Refresh      key.Binding
	StopLoading  key.Binding
	Region       key.Binding
	AllRegions   key.Binding
	Profile      key.Binding
	CopyName     key.Binding
	CopyARN      key.Binding
	Create       key.Binding // mutating
	Delete       key.Binding // mutating
	Restore      key.Binding // mutating
}

// Picker is a region or profile picker.
type Picker struct {
	Select key.Binding
	Toggle key.Binding
	Filter key.Binding
}

// Detail is a secret's metadata screen.
type Detail struct {
	Value            key.Binding
	Versions         key.Binding
	Policy           key.Binding
	Refresh          key.Binding
	CopyName         key.Binding
	CopyARN          key.Binding
	Rotate           key.Binding // mutating
	RotationSettings key.Binding // mutating
	CancelRotation   key.Binding // mutating
	Rollback         key.Binding // mutating
	Tags             key.Binding // mutating
	Delete           key.Binding // mutating
	Restore          key.Binding // mutating
}

// Versions is the version list of one secret.
type Versions struct {
	OpenValue   key.Binding
	Rollback    key.Binding // mutating
	MoveLabel   key.Binding // mutating
	RemoveLabel key.Binding // mutating
}

// Value is a secret value viewer.
type Value struct {
	Reveal    key.Binding
	RevealAll key.Binding
	CopyField key.Binding
	CopyAll   key.Binding
	Raw       key.Binding
	Expand    key.Binding
	Edit      key.Binding // mutating
	AddField  key.Binding // mutating
	DelField  key.Binding // mutating
	Rename    key.Binding // mutating
	Save      key.Binding // mutating
	External  key.Binding // mutating: edit in $EDITOR
}

// Editor is an open text field or text area.
type Editor struct {
	Submit     key.Binding
	Cancel     key.Binding
	ToggleType key.Binding
	Reveal     key.Binding
	// SubmitText applies a multi-line text area, where enter is a new line.
	SubmitText key.Binding
}

// Confirm is a confirmation or review pane.
type Confirm struct {
	Yes    key.Binding
	No     key.Binding
	Switch key.Binding
}

func bind(keys []string, helpKey, helpDesc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, helpDesc))
}

// Default returns smtui's key map: arrow and vim keys, enter to open, esc back.
func Default() *KeyMap {
	return &KeyMap{
		Global: Global{
			Quit:      bind([]string{"q"}, "q", "quit"),
			ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
			Help:      bind([]string{"?"}, "?", "help"),
			Back:      bind([]string{"esc"}, "esc", "back"),
		},
		Nav: Nav{
			Up:       bind([]string{"up", "k"}, "↑/k", "up"),
			Down:     bind([]string{"down", "j"}, "↓/j", "down"),
			PageUp:   bind([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", "page up"),
			PageDown: bind([]string{"pgdown", "ctrl+f", "ctrl+d"}, "pgdn", "page down"),
			Top:      bind([]string{"home", "g"}, "g", "top"),
			Bottom:   bind([]string{"end", "G"}, "G", "bottom"),
			Open:     bind([]string{"enter"}, "enter", "open"),
		},
		List: List{
			Filter:       bind([]string{"/"}, "/", "filter"),
			ServerFilter: bind([]string{"f"}, "f", "server filter"),
			Sort:         bind([]string{"s"}, "s", "sort"),
			SortOrder:    bind([]string{"S"}, "S", "reverse sort"),
			ShowDeleted:  bind([]string{"D"}, "D", "show deleted"),
			Refresh:      bind([]string{"r", "ctrl+r"}, "r", "refresh"),
			StopLoading:  bind([]string{"x"}, "x", "stop loading"),
			Region:       bind([]string{"R"}, "R", "region"),
			AllRegions:   bind([]string{"A"}, "A", "all regions"),
			Profile:      bind([]string{"P"}, "P", "profile"),
			CopyName:     bind([]string{"y"}, "y", "copy name"),
			CopyARN:      bind([]string{"Y"}, "Y", "copy ARN"),
			Create:       bind([]string{"n"}, "n", "new secret"),
			Delete:       bind([]string{"d"}, "d", "delete"),
			Restore:      bind([]string{"u"}, "u", "restore"),
		},
		Picker: Picker{
			Select: bind([]string{"enter"}, "enter", "choose"),
			Toggle: bind([]string{"space"}, "space", "toggle"),
			Filter: bind([]string{"/"}, "/", "filter"),
		},
		Detail: Detail{
			Value:            bind([]string{"enter"}, "enter", "value"),
			Versions:         bind([]string{"v"}, "v", "versions"),
			Policy:           bind([]string{"p"}, "p", "policy"),
			Refresh:          bind([]string{"r", "ctrl+r"}, "r", "refresh"),
			CopyName:         bind([]string{"y"}, "y", "copy name"),
			CopyARN:          bind([]string{"Y"}, "Y", "copy ARN"),
			Rotate:           bind([]string{"o"}, "o", "rotate now"),
			RotationSettings: bind([]string{"O"}, "O", "rotation settings"),
			CancelRotation:   bind([]string{"X"}, "X", "cancel rotation"),
			Rollback:         bind([]string{"b"}, "b", "roll back"),
			Tags:             bind([]string{"t"}, "t", "tags"),
			Delete:           bind([]string{"d"}, "d", "delete"),
			Restore:          bind([]string{"u"}, "u", "restore"),
		},
		Versions: Versions{
			OpenValue:   bind([]string{"enter"}, "enter", "open value"),
			Rollback:    bind([]string{"b"}, "b", "roll back"),
			MoveLabel:   bind([]string{"m"}, "m", "move label"),
			RemoveLabel: bind([]string{"x"}, "x", "remove label"),
		},
		Value: Value{
			Reveal:    bind([]string{"space"}, "space", "reveal"),
			RevealAll: bind([]string{"V"}, "V", "reveal all"),
			CopyField: bind([]string{"c"}, "c", "copy field"),
			CopyAll:   bind([]string{"C"}, "C", "copy value"),
			Raw:       bind([]string{"r"}, "r", "raw/table"),
			Expand:    bind([]string{"enter", "right", "l"}, "enter", "expand"),
			Edit:      bind([]string{"e"}, "e", "edit"),
			AddField:  bind([]string{"a"}, "a", "add field"),
			DelField:  bind([]string{"x"}, "x", "delete field"),
			Rename:    bind([]string{"n"}, "n", "rename key"),
			Save:      bind([]string{"s", "ctrl+s"}, "s", "review & save"),
			External:  bind([]string{"E"}, "E", "$EDITOR"),
		},
		Editor: Editor{
			Submit:     bind([]string{"enter"}, "enter", "apply"),
			Cancel:     bind([]string{"esc"}, "esc", "cancel"),
			ToggleType: bind([]string{"ctrl+t"}, "ctrl+t", "number/string"),
			Reveal:     bind([]string{"ctrl+v"}, "ctrl+v", "reveal"),
			SubmitText: bind([]string{"ctrl+s"}, "ctrl+s", "apply"),
		},
		Confirm: Confirm{
			Yes:    bind([]string{"y", "enter"}, "y/enter", "confirm"),
			No:     bind([]string{"n", "esc"}, "n/esc", "cancel"),
			Switch: bind([]string{"tab"}, "tab", "next choice"),
		},
	}
}

// Mutating returns every binding that changes something in AWS.
func (k *KeyMap) Mutating() []*key.Binding {
	return []*key.Binding{
		&k.List.Create, &k.List.Delete, &k.List.Restore,
		&k.Detail.Rotate, &k.Detail.RotationSettings, &k.Detail.CancelRotation,
		&k.Detail.Rollback, &k.Detail.Tags, &k.Detail.Delete, &k.Detail.Restore,
		&k.Versions.Rollback, &k.Versions.MoveLabel, &k.Versions.RemoveLabel,
		&k.Value.Edit, &k.Value.AddField, &k.Value.DelField, &k.Value.Rename,
		&k.Value.Save, &k.Value.External,
	}
}

// SetReadOnly disables every mutating binding: disabled bindings match no key
// and are left out of the help, so read-only mode offers no way to change anything.
func (k *KeyMap) SetReadOnly() {
	for _, b := range k.Mutating() {
		b.SetEnabled(false)
	}
}
