// Package keymap holds every key binding of smtui, grouped by screen, each with
// its help text. Screens match keys with key.Matches against these bindings,
// never against string literals, so a binding changed here changes everywhere,
// and a binding disabled here (read-only mode) disappears from the help too.
// Prose that names a key takes it from the binding too (see KeyName),
// so a rebinding never makes the text lie.
//
// Groups: Common holds the actions that exist on several screens (quit, help,
// back, refresh, reveal, copy, delete, restore, new); Nav moves a cursor on any
// scrolling screen; Dialog answers a confirmation or choice list; Input is an
// open text field; the other groups belong to one screen each. ScreenBindings
// tells which bindings are live together on each screen.
//
// One grammar holds across screens: a key is one action wherever the action
// exists (grammar.go lists the shared ones); Dialog, Picker and Input are
// layers, whose answers may reuse a screen's letters.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap is the whole application's key map.
type KeyMap struct {
	Common   Common
	Nav      Nav
	Dialog   Dialog
	Input    Input
	List     List
	Picker   Picker
	Detail   Detail
	Versions Versions
	Value    Value
	Editing  Editing
	History  History
}

// DefaultKeyMap returns smtui's key map: arrow and vim keys, enter to open,
// esc back.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Common:   defaultCommon(),
		Nav:      defaultNav(),
		Dialog:   defaultDialog(),
		Input:    defaultInput(),
		List:     defaultList(),
		Picker:   defaultPicker(),
		Detail:   defaultDetail(),
		Versions: defaultVersions(),
		Value:    defaultValue(),
		Editing:  defaultEditing(),
		History:  defaultHistory(),
	}
}

// Default returns a fresh DefaultKeyMap by pointer, the form the UI shares
// between its screens (read-only mode disables bindings in place).
func Default() *KeyMap {
	k := DefaultKeyMap()
	return &k
}

func bind(keys []string, helpKey, helpDesc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, helpDesc))
}

// Mutating returns every binding that changes something in AWS.
func (k *KeyMap) Mutating() []*key.Binding {
	return []*key.Binding{
		&k.Common.New, &k.Common.Delete, &k.Common.Restore,
		&k.Detail.Rotate, &k.Detail.RotationSettings, &k.Detail.CancelRotation,
		&k.Detail.Rollback, &k.Detail.Tags, &k.Detail.Replication,
		&k.Versions.Rollback, &k.Versions.MoveLabel, &k.Versions.RemoveLabel,
		&k.Editing.Edit, &k.Editing.AddField, &k.Editing.DelField, &k.Editing.Rename,
		&k.Editing.Save, &k.Editing.External,
	}
}

// SetReadOnly disables every mutating binding: disabled bindings match no key
// and are left out of the help, so read-only mode offers no way to change anything.
func (k *KeyMap) SetReadOnly() {
	for _, b := range k.Mutating() {
		b.SetEnabled(false)
	}
}
