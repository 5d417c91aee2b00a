package keymap

// The key grammar: one key is one action on every screen where the action
// exists. An action shared by several screens may have a binding per
// screen (so each footer can say what it acts on: "copy name", "copy
// field"), but all of them answer the same keys; SharedActions lists them
// so the keymap tests can hold them to it. Dialogs, pickers and open inputs
// (the Dialog, Picker and Input groups) are layers on top of a screen: their
// answers (y/n, a/u) may reuse a screen's letters, and q closes a layer
// rather than quitting.

// SharedAction is one action of the grammar and its binding on each screen
// that has it. The first binding is the canonical one: every other answers
// at least its keys (a screen may add an alias, as the value screen's right
// and l expand a field like enter), under the same help key.
type SharedAction struct {
	Name     string
	Bindings []NamedBinding
}

// SharedActions lists the actions that exist on more than one screen.
func (k *KeyMap) SharedActions() []SharedAction {
	c, e := &k.Common, &k.Editing
	return []SharedAction{
		{"open the focused thing", []NamedBinding{
			{"Nav.Open", k.Nav.Open}, {"Detail.Value", k.Detail.Value},
			{"Versions.OpenValue", k.Versions.OpenValue}, {"Value.Expand", k.Value.Expand},
		}},
		{"copy the focused thing", []NamedBinding{{"Common.CopyName", c.CopyName}, {"Value.CopyField", k.Value.CopyField}}},
		{"copy the whole", []NamedBinding{{"Common.CopyARN", c.CopyARN}, {"Value.CopyAll", k.Value.CopyAll}}},
		{"refresh", []NamedBinding{{"Common.Refresh", c.Refresh}}},
		{"new, add", []NamedBinding{{"Common.New", c.New}, {"Editing.AddField", e.AddField}}},
		{"delete, remove", []NamedBinding{
			{"Common.Delete", c.Delete}, {"Editing.DelField", e.DelField}, {"Versions.RemoveLabel", k.Versions.RemoveLabel},
		}},
		{"edit", []NamedBinding{{"Editing.Edit", e.Edit}}},
		{"reveal", []NamedBinding{{"Common.Reveal", c.Reveal}}},
		{"review & save", []NamedBinding{{"Editing.Save", e.Save}}},
		{"stop the running thing", []NamedBinding{{"List.StopLoading", k.List.StopLoading}, {"Detail.CancelRotation", k.Detail.CancelRotation}}},
		{"roll back", []NamedBinding{{"Detail.Rollback", k.Detail.Rollback}, {"Versions.Rollback", k.Versions.Rollback}}},
	}
}

// LayerGroups names the key map's groups that belong to layers (a dialog, a
// picker, an open text input) rather than to a screen.
func LayerGroups() []string { return []string{"Dialog", "Picker", "Input"} }
