package keymap

import "charm.land/bubbles/v2/key"

// History is a secret's CloudTrail history screen.
type History struct {
	// FilterEvent and FilterPrincipal open a prompt for the part of the
	// event name, or of the principal, the shown events must contain.
	FilterEvent     key.Binding
	FilterPrincipal key.Binding
}

func defaultHistory() History {
	return History{
		FilterEvent:     bind([]string{"/"}, "/", "filter"),
		FilterPrincipal: bind([]string{"w"}, "w", "filter by who"),
	}
}

func (k *KeyMap) history() []NamedBinding {
	return []NamedBinding{
		{"History.FilterEvent", k.History.FilterEvent},
		{"History.FilterPrincipal", k.History.FilterPrincipal},
	}
}
