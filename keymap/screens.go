package keymap

import "charm.land/bubbles/v2/key"

// Screen names a screen, or a mode of one, whose live bindings ScreenBindings
// lists. A mode is listed apart when it swaps the screen's keys for others
// (an open text input captures every key; a value that failed to load offers
// only refresh).
type Screen string

// The screens and modes of smtui.
const (
	ScreenList           Screen = "list"
	ScreenAllRegions     Screen = "all regions"
	ScreenPicker         Screen = "region or profile picker"
	ScreenSSO            Screen = "SSO sign-in"
	ScreenDetail         Screen = "detail"
	ScreenPolicy         Screen = "policy"
	ScreenAccess         Screen = "access diagnosis"
	ScreenVersions       Screen = "versions"
	ScreenValue          Screen = "value"
	ScreenValueFailed    Screen = "value that failed to load"
	ScreenValueDiscard   Screen = "value: discard edits?"
	ScreenTags           Screen = "tags"
	ScreenReview         Screen = "review (save, roll back)"
	ScreenChoices        Screen = "dialog choice list"
	ScreenConfirm        Screen = "dialog confirmation"
	ScreenConfirmButtons Screen = "dialog confirmation, typed"
	ScreenRotateEnded    Screen = "rotate, after a failure"
	ScreenForm           Screen = "form (new secret, rotation settings)"
	ScreenInput          Screen = "text input (filter, prompt, MFA, field editor)"
	ScreenHistory        Screen = "history"
	ScreenAccountReview  Screen = "account review"
	// ScreenRotationFailure is the diagnosis of a failed rotation.
	ScreenRotationFailure Screen = "why rotation failed"
)

// Screens lists every screen and mode ScreenBindings knows.
func Screens() []Screen {
	return []Screen{
		ScreenList, ScreenAllRegions, ScreenPicker, ScreenSSO, ScreenDetail, ScreenPolicy,
		ScreenVersions, ScreenValue, ScreenValueFailed, ScreenValueDiscard, ScreenTags,
		ScreenReview, ScreenChoices, ScreenConfirm, ScreenConfirmButtons, ScreenRotateEnded,
		ScreenForm, ScreenInput, ScreenHistory, ScreenAccess, ScreenAccountReview, ScreenRotationFailure,
	}
}

// NamedBinding is a binding with its place in the key map ("Common.Back").
type NamedBinding struct {
	Name    string
	Binding key.Binding
}

// ScreenBindings returns the bindings live at once on a screen: its own
// group's, the Common and Nav ones it handles, and the App's global ones
// unless the screen captures text. It mirrors the ui code, so a test can
// check that no key means two things on one screen.
func (k *KeyMap) ScreenBindings(s Screen) []NamedBinding {
	c := &k.Common
	switch s {
	case ScreenList:
		return cat(k.global(), k.move(), k.open(), k.list(),
			[]NamedBinding{
				{"Common.Refresh", c.Refresh},
				{"Common.CopyName", c.CopyName},
				{"Common.CopyARN", c.CopyARN},
				{"Common.New", c.New},
				{"Common.Delete", c.Delete},
				{"Common.Restore", c.Restore},
			})
	case ScreenAllRegions:
		return cat(k.global(), k.move(), k.open(),
			[]NamedBinding{{"List.Filter", k.List.Filter}, {"List.StopLoading", k.List.StopLoading}, {"List.SignIn", k.List.SignIn}},
			[]NamedBinding{{"Common.Refresh", c.Refresh}, {"Common.CopyName", c.CopyName}, {"Common.CopyARN", c.CopyARN}})
	case ScreenPicker:
		p := &k.Picker
		return cat(k.global(), k.move(), []NamedBinding{
			{"Picker.Select", p.Select},
			{"Picker.Toggle", p.Toggle},
			{"Picker.All", p.All},
			{"Picker.None", p.None},
			{"Picker.Filter", p.Filter},
			{"Picker.Profiles", p.Profiles},
		})
	case ScreenSSO, ScreenValueDiscard:
		return cat(k.global(), []NamedBinding{{"Dialog.Yes", k.Dialog.Yes}, {"Dialog.No", k.Dialog.No}})
	case ScreenDetail:
		d := &k.Detail
		return cat(k.global(), k.move(),
			[]NamedBinding{
				{"Detail.Value", d.Value},
				{"Detail.Versions", d.Versions},
				{"Detail.Policy", d.Policy},
				{"Detail.Rotate", d.Rotate},
				{"Detail.RotationSettings", d.RotationSettings},
				{"Detail.CancelRotation", d.CancelRotation},
				{"Detail.Rollback", d.Rollback},
				{"Detail.Tags", d.Tags},
				{"Detail.Replication", d.Replication},
				{"Detail.RotationFailure", d.RotationFailure},
				{"Detail.History", d.History},
			},
			[]NamedBinding{
				{"Common.Refresh", c.Refresh},
				{"Common.CopyName", c.CopyName},
				{"Common.CopyARN", c.CopyARN},
				{"Common.Delete", c.Delete},
				{"Common.Restore", c.Restore},
			})
	case ScreenHistory:
		return cat(k.global(), k.move(), k.history(), []NamedBinding{{"Common.Refresh", c.Refresh}})
	case ScreenPolicy, ScreenAccess, ScreenRotationFailure:
		return cat(k.global(), k.move(), []NamedBinding{{"Common.Refresh", c.Refresh}})
	case ScreenAccountReview:
		return cat(k.global(), k.move(), k.open(), []NamedBinding{{"Common.Refresh", c.Refresh}})
	case ScreenVersions:
		v := &k.Versions
		return cat(k.global(), k.move(), []NamedBinding{{"Common.Refresh", c.Refresh}},
			[]NamedBinding{
				{"Versions.OpenValue", v.OpenValue},
				{"Versions.Rollback", v.Rollback},
				{"Versions.MoveLabel", v.MoveLabel},
				{"Versions.RemoveLabel", v.RemoveLabel},
			})
	case ScreenValue:
		v := &k.Value
		return cat(k.global(), k.move(), []NamedBinding{{"Common.Reveal", c.Reveal}},
			[]NamedBinding{
				{"Value.RevealAll", v.RevealAll},
				{"Value.CopyField", v.CopyField},
				{"Value.CopyAll", v.CopyAll},
				{"Value.Raw", v.Raw},
				{"Value.Expand", v.Expand},
			},
			k.editing(), []NamedBinding{{"Editing.External", k.Editing.External}})
	case ScreenValueFailed:
		return cat(k.global(), []NamedBinding{{"Common.Refresh", c.Refresh}})
	case ScreenTags:
		return cat(k.global(), k.editing(), []NamedBinding{
			{"Nav.Up", k.Nav.Up},
			{"Nav.Down", k.Nav.Down},
			{"Nav.Open", k.Nav.Open},
		})
	case ScreenReview:
		return cat(k.global(), k.confirm(), []NamedBinding{{"Nav.Up", k.Nav.Up}, {"Nav.Down", k.Nav.Down}},
			[]NamedBinding{{"Common.Reveal", c.Reveal}}, []NamedBinding{{"Input.Reveal", k.Input.Reveal}})
	case ScreenChoices:
		n := &k.Nav
		return cat(k.global(), []NamedBinding{
			{"Dialog.Choose", k.Dialog.Choose},
		}, []NamedBinding{
			{"Common.Refresh", c.Refresh},
		},
			[]NamedBinding{{"Nav.Up", n.Up}, {"Nav.Down", n.Down}, {"Nav.PageUp", n.PageUp}, {"Nav.PageDown", n.PageDown}})
	case ScreenConfirm:
		return cat(k.global(), k.confirm())
	case ScreenConfirmButtons:
		return cat([]NamedBinding{{"Common.ForceQuit", c.ForceQuit}}, []NamedBinding{{"Dialog.Switch", k.Dialog.Switch}},
			[]NamedBinding{{"Input.Submit", k.Input.Submit}, {"Input.Cancel", k.Input.Cancel}})
	case ScreenRotateEnded:
		return cat(k.global(), k.open()) // open: the ways out of a stuck rotation
	case ScreenForm:
		in := &k.Input
		return cat([]NamedBinding{{"Common.ForceQuit", c.ForceQuit}}, []NamedBinding{{"Dialog.Switch", k.Dialog.Switch}},
			[]NamedBinding{{"Nav.Up", k.Nav.Up}, {"Nav.Down", k.Nav.Down}}, []NamedBinding{{"Picker.Toggle", k.Picker.Toggle}},
			[]NamedBinding{
				{"Input.Submit", in.Submit},
				{"Input.Cancel", in.Cancel},
				{"Input.ToggleType", in.ToggleType},
				{"Input.Reveal", in.Reveal},
			})
	case ScreenInput:
		in := &k.Input
		return cat([]NamedBinding{{"Common.ForceQuit", c.ForceQuit}},
			[]NamedBinding{
				{"Input.Submit", in.Submit},
				{"Input.Cancel", in.Cancel},
				{"Input.ToggleType", in.ToggleType},
				{"Input.Reveal", in.Reveal},
				{"Input.SubmitText", in.SubmitText},
			})
	}
	return nil
}

// global are the App's keys, live on every screen not capturing text.
func (k *KeyMap) global() []NamedBinding {
	c := &k.Common
	return []NamedBinding{
		{"Common.Quit", c.Quit},
		{"Common.ForceQuit", c.ForceQuit},
		{"Common.Help", c.Help},
		{"Common.Back", c.Back},
		{"Common.ErrorDetail", c.ErrorDetail},
		{"Common.WhyDenied", c.WhyDenied},
	}
}

// move is the cursor movement of a scrolling screen.
func (k *KeyMap) move() []NamedBinding {
	n := &k.Nav
	return []NamedBinding{
		{"Nav.Up", n.Up},
		{"Nav.Down", n.Down},
		{"Nav.PageUp", n.PageUp},
		{"Nav.PageDown", n.PageDown},
		{"Nav.Top", n.Top},
		{"Nav.Bottom", n.Bottom},
	}
}

func (k *KeyMap) open() []NamedBinding { return []NamedBinding{{"Nav.Open", k.Nav.Open}} }

func (k *KeyMap) list() []NamedBinding {
	l := &k.List
	return []NamedBinding{
		{"List.Filter", l.Filter},
		{"List.ServerFilter", l.ServerFilter},
		{"List.Sort", l.Sort},
		{"List.SortOrder", l.SortOrder},
		{"List.SortMenu", l.SortMenu},
		{"List.ShowDeleted", l.ShowDeleted},
		{"List.StopLoading", l.StopLoading},
		{"List.Region", l.Region},
		{"List.AllRegions", l.AllRegions},
		{"List.Profile", l.Profile},
		{"List.Review", l.Review},
	}
}

// editing is the field editing shared by the value and tags screens.
func (k *KeyMap) editing() []NamedBinding {
	e := &k.Editing
	return []NamedBinding{
		{"Editing.Edit", e.Edit},
		{"Editing.AddField", e.AddField},
		{"Editing.DelField", e.DelField},
		{"Editing.Rename", e.Rename},
		{"Editing.Save", e.Save},
	}
}

func (k *KeyMap) confirm() []NamedBinding {
	d := &k.Dialog
	return []NamedBinding{{"Dialog.Yes", d.Yes}, {"Dialog.No", d.No}, {"Dialog.Switch", d.Switch}}
}

func cat(groups ...[]NamedBinding) []NamedBinding {
	var out []NamedBinding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
