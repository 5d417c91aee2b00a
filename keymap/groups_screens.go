package keymap

import "charm.land/bubbles/v2/key"

// List is the secret list (and, for Filter and StopLoading, the all-regions
// search, which reads like it).
type List struct {
	Filter       key.Binding
	ServerFilter key.Binding
	Sort         key.Binding
	SortOrder    key.Binding
	SortMenu     key.Binding
	ShowDeleted  key.Binding
	StopLoading  key.Binding
	Region       key.Binding
	AllRegions   key.Binding
	Profile      key.Binding
	// SignIn logs in to a profile whose listing failed on expired
	// credentials (the all-regions view of several accounts).
	SignIn key.Binding
	// Review opens the account review of the loaded secrets.
	Review key.Binding
}

func defaultList() List {
	return List{
		Filter:       bind([]string{"/"}, "/", "filter"),
		ServerFilter: bind([]string{"f"}, "f", "server filter"),
		Sort:         bind([]string{"s"}, "s", "sort"),
		SortOrder:    bind([]string{"S"}, "S", "reverse sort"),
		SortMenu:     bind([]string{"ctrl+o"}, "ctrl+o", "sort menu"),
		ShowDeleted:  bind([]string{"D"}, "D", "show deleted"),
		StopLoading:  bind([]string{"X"}, "X", "stop loading"),
		Region:       bind([]string{"R"}, "R", "region"),
		AllRegions:   bind([]string{"A"}, "A", "all regions"),
		Profile:      bind([]string{"P"}, "P", "profile"),
		SignIn:       bind([]string{"i"}, "i", "log in"),
		Review:       bind([]string{"H"}, "H", "review: what needs attention"),
	}
}

// Picker is a region or profile picker.
type Picker struct {
	Select key.Binding
	Toggle key.Binding
	All    key.Binding // multi-select: tick every shown item
	None   key.Binding // multi-select: untick every item
	Filter key.Binding
	// Profiles switches the all-regions picker to the profiles listed
	// with the regions (several accounts at once).
	Profiles key.Binding
}

func defaultPicker() Picker {
	return Picker{
		Select: bind([]string{"enter"}, "enter", "choose"),
		Toggle: bind([]string{"space"}, "space", "toggle"),
		All:    bind([]string{"a"}, "a", "select all"),
		None:   bind([]string{"u"}, "u", "select none"),
		Filter: bind([]string{"/"}, "/", "filter"),
		// Like the list's P (profile): the profiles to list.
		Profiles: bind([]string{"P"}, "P", "profiles"),
	}
}

// Detail is a secret's metadata screen.
type Detail struct {
	Value            key.Binding
	Versions         key.Binding
	Policy           key.Binding
	Rotate           key.Binding // mutating
	RotationSettings key.Binding // mutating
	CancelRotation   key.Binding // mutating
	Rollback         key.Binding // mutating
	Tags             key.Binding // mutating
	Replication      key.Binding // mutating: retry a failed replica or remove one
	History          key.Binding // who touched the secret (CloudTrail)
	// RotationFailure opens the diagnosis of a failed, stuck or overdue
	// rotation (function, invoke permission, the last attempt's logs).
	RotationFailure key.Binding
}

func defaultDetail() Detail {
	return Detail{
		Value:            bind([]string{"enter"}, "enter", "value"),
		Versions:         bind([]string{"v"}, "v", "versions"),
		Policy:           bind([]string{"p"}, "p", "policy"),
		Rotate:           bind([]string{"o"}, "o", "rotate now"),
		RotationSettings: bind([]string{"O"}, "O", "rotation settings"),
		CancelRotation:   bind([]string{"X"}, "X", "cancel rotation"),
		Rollback:         bind([]string{"b"}, "b", "roll back"),
		Tags:             bind([]string{"t"}, "t", "tags"),
		Replication:      bind([]string{"L"}, "L", "replication"),
		History:          bind([]string{"h"}, "h", "history"),
		RotationFailure:  bind([]string{"F"}, "F", "why rotation failed"),
	}
}

// Versions is the version list of one secret.
type Versions struct {
	OpenValue   key.Binding
	Rollback    key.Binding // mutating
	MoveLabel   key.Binding // mutating
	RemoveLabel key.Binding // mutating
}

func defaultVersions() Versions {
	return Versions{
		OpenValue:   bind([]string{"enter"}, "enter", "open value"),
		Rollback:    bind([]string{"b"}, "b", "roll back"),
		MoveLabel:   bind([]string{"m"}, "m", "move label"),
		RemoveLabel: bind([]string{"d"}, "d", "remove label"),
	}
}

// Value is the secret value viewer (Common.Reveal shows one field). Its
// copy keys are Common's (y the focused thing, Y the whole), described for
// what they copy here.
type Value struct {
	RevealAll key.Binding
	CopyField key.Binding
	CopyAll   key.Binding
	Raw       key.Binding
	Expand    key.Binding
}

func defaultValue() Value {
	return Value{
		RevealAll: bind([]string{"V"}, "V", "reveal all"),
		CopyField: bind([]string{"y"}, "y", "copy field"),
		CopyAll:   bind([]string{"Y"}, "Y", "copy value"),
		Raw:       bind([]string{"T"}, "T", "raw/table"),
		Expand:    bind([]string{"enter", "right", "l"}, "enter", "expand"),
	}
}

// Editing changes a map of fields: a secret value's fields on the value
// screen, and a secret's tags on the tags screen (which describes them as
// tag actions). All of them are mutating.
type Editing struct {
	Edit     key.Binding
	AddField key.Binding
	DelField key.Binding
	Rename   key.Binding
	Save     key.Binding
	External key.Binding // edit in $EDITOR
}

func defaultEditing() Editing {
	return Editing{
		Edit:     bind([]string{"e"}, "e", "edit"),
		AddField: bind([]string{"n"}, "n", "add field"),
		DelField: bind([]string{"d"}, "d", "delete field"),
		Rename:   bind([]string{"N"}, "N", "rename key"),
		Save:     bind([]string{"ctrl+s"}, "ctrl+s", "review & save"),
		External: bind([]string{"E"}, "E", "$EDITOR"),
	}
}
