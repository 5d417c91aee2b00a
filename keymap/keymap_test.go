package keymap

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

// groups returns each screen group's bindings by field name.
func groups(k *KeyMap) map[string]map[string]key.Binding {
	out := map[string]map[string]key.Binding{}
	v := reflect.ValueOf(k).Elem()
	for i := 0; i < v.NumField(); i++ {
		g := v.Field(i)
		name := v.Type().Field(i).Name
		out[name] = map[string]key.Binding{}
		for j := 0; j < g.NumField(); j++ {
			out[name][g.Type().Field(j).Name] = g.Field(j).Interface().(key.Binding)
		}
	}
	return out
}

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	for g, bs := range groups(Default()) {
		for n, b := range bs {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s.%s has no keys or no help text", g, n)
			}
		}
	}
}

// On a screen the screen's own group, Nav and Global are live at once, so
// no key may mean two things there. Open/enter is shared on purpose by
// screens whose "open" is their main action.
func TestNoKeyMeansTwoThingsOnOneScreen(t *testing.T) {
	all := groups(Default())
	shared := map[string]bool{"enter": true}
	for _, screen := range []string{"List", "Detail", "Versions", "Value"} {
		seen := map[string]string{}
		for _, g := range []string{screen, "Nav", "Global"} {
			for n, b := range all[g] {
				for _, k := range b.Keys() {
					if prev, ok := seen[k]; ok && !shared[k] {
						t.Errorf("on %s, key %q is both %s and %s.%s", screen, k, prev, g, n)
					}
					seen[k] = g + "." + n
				}
			}
		}
	}
}

func TestSetReadOnlyDisablesExactlyTheMutatingBindings(t *testing.T) {
	k := Default()
	mutating := map[*key.Binding]bool{}
	for _, b := range k.Mutating() {
		mutating[b] = true
	}
	k.SetReadOnly()
	v := reflect.ValueOf(k).Elem()
	for i := 0; i < v.NumField(); i++ {
		g := v.Field(i)
		for j := 0; j < g.NumField(); j++ {
			b := g.Field(j).Addr().Interface().(*key.Binding)
			name := v.Type().Field(i).Name + "." + g.Type().Field(j).Name
			if mutating[b] && b.Enabled() {
				t.Errorf("%s changes AWS but is still enabled in read-only mode", name)
			}
			if !mutating[b] && !b.Enabled() {
				t.Errorf("%s does not change AWS but was disabled", name)
			}
		}
	}
	if len(mutating) < 19 {
		t.Errorf("only %d mutating bindings listed", len(mutating))
	}
}
