package keymap

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// actionOf is the grammar's name for a binding: its shared action, if it
// has one, else its help description.
func actionOf(k *KeyMap, name string, b *key.Binding) string {
	for _, a := range k.SharedActions() {
		for _, nb := range a.Bindings {
			if nb.Name == name {
				return a.Name
			}
		}
	}
	return b.Help().Desc
}

func isLayerGroup(name string) bool {
	for _, g := range LayerGroups() {
		if strings.HasPrefix(name, g+".") {
			return true
		}
	}
	return false
}

// grammarBreaks lists the keys that mean two actions across the screens
// (layers aside): one key is one action on every screen where it exists.
func grammarBreaks(k *KeyMap) []string {
	actions := map[string]map[string][]string{} // key → action → binding names
	for name, b := range bindings(k) {
		if isLayerGroup(name) {
			continue
		}
		for _, kk := range b.Keys() {
			if actions[kk] == nil {
				actions[kk] = map[string][]string{}
			}
			a := actionOf(k, name, b)
			actions[kk][a] = append(actions[kk][a], name)
		}
	}
	var out []string
	for kk, as := range actions {
		if len(as) < 2 {
			continue
		}
		var desc []string
		for a, names := range as {
			sort.Strings(names)
			desc = append(desc, strconv.Quote(a)+" ("+strings.Join(names, ", ")+")")
		}
		sort.Strings(desc)
		out = append(out, "key "+strconv.Quote(kk)+" means "+strings.Join(desc, " and "))
	}
	sort.Strings(out)
	return out
}

// One key, one action: across every screen-level group, no key is bound to
// two different actions. Dialog, Picker and Input are layers and exempt.
func TestOneKeyIsOneActionAcrossScreens(t *testing.T) {
	k := DefaultKeyMap()
	for _, b := range grammarBreaks(&k) {
		t.Error(b)
	}
}

func TestGrammarCheckCatchesAKeyReused(t *testing.T) {
	k := DefaultKeyMap()
	k.List.StopLoading.SetKeys("x")
	k.Versions.RemoveLabel.SetKeys("x") // stop loading and remove label: two actions
	if len(grammarBreaks(&k)) == 0 {
		t.Fatal("x bound to stop loading and remove label was not seen")
	}
	k = DefaultKeyMap()
	k.Dialog.No.SetKeys("d") // a layer may reuse a screen's letter
	if b := grammarBreaks(&k); len(b) != 0 {
		t.Fatalf("a layer's key was counted against the screens: %v", b)
	}
}

// sharedActionBreaks lists the shared actions whose bindings do not answer
// the canonical (first) binding's keys under its help key.
func sharedActionBreaks(k *KeyMap) []string {
	var out []string
	for _, a := range k.SharedActions() {
		first := a.Bindings[0]
		for _, nb := range a.Bindings[1:] {
			have := map[string]bool{}
			for _, kk := range nb.Binding.Keys() {
				have[kk] = true
			}
			for _, kk := range first.Binding.Keys() {
				if !have[kk] {
					out = append(out, a.Name+": "+nb.Name+" does not answer "+strconv.Quote(kk)+" as "+first.Name+" does")
				}
			}
			if nb.Binding.Help().Key != first.Binding.Help().Key {
				out = append(out, a.Name+": "+nb.Name+" is shown as "+strconv.Quote(nb.Binding.Help().Key)+
					", "+first.Name+" as "+strconv.Quote(first.Binding.Help().Key))
			}
		}
	}
	return out
}

// The shared actions (open, copy, copy whole, refresh, new, delete, edit,
// reveal, save, stop, roll back) are the same key on every screen that has
// them, and the ones the grammar names are shared actions.
func TestSharedActionsAreOneKeyEverywhere(t *testing.T) {
	k := DefaultKeyMap()
	for _, b := range sharedActionBreaks(&k) {
		t.Error(b)
	}
	want := map[string]string{
		"copy the focused thing": "y", "copy the whole": "Y", "refresh": "r", "new, add": "n",
		"delete, remove": "d", "edit": "e", "reveal": "space", "review & save": "ctrl+s",
		"stop the running thing": "X", "open the focused thing": "enter", "roll back": "b",
	}
	got := map[string]string{}
	for _, a := range k.SharedActions() {
		got[a.Name] = KeyName(a.Bindings[0].Binding)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shared actions and their keys:\n got %v\nwant %v", got, want)
	}
	// Every binding the grammar names is the key map's, live on some screen.
	all := bindings(&k)
	for _, a := range k.SharedActions() {
		for _, nb := range a.Bindings {
			if b, ok := all[nb.Name]; !ok || !reflect.DeepEqual(b.Keys(), nb.Binding.Keys()) {
				t.Errorf("%s: %s is not KeyMap.%s", a.Name, nb.Name, nb.Name)
			}
		}
	}
}

func TestSharedActionCheckCatchesADrift(t *testing.T) {
	k := DefaultKeyMap()
	k.Value.CopyField.SetKeys("c") // the value screen copying with c again
	if len(sharedActionBreaks(&k)) == 0 {
		t.Fatal("copy on c on the value screen and y elsewhere was not seen")
	}
}
