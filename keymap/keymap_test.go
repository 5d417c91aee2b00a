package keymap

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// bindings returns every binding of k by "Group.Field" name, as pointers
// into k.
func bindings(k *KeyMap) map[string]*key.Binding {
	out := map[string]*key.Binding{}
	v := reflect.ValueOf(k).Elem()
	for i := 0; i < v.NumField(); i++ {
		g := v.Field(i)
		for j := 0; j < g.NumField(); j++ {
			name := v.Type().Field(i).Name + "." + g.Type().Field(j).Name
			out[name] = g.Field(j).Addr().Interface().(*key.Binding)
		}
	}
	return out
}

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	k := DefaultKeyMap()
	all := bindings(&k)
	if len(all) < 50 {
		t.Fatalf("only %d bindings found", len(all))
	}
	for n, b := range all {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("%s has no keys or no help text", n)
		}
	}
}

// allowedOverlap lists the pairs of bindings that share a key on purpose,
// with the reason. Anything else sharing a key on one screen is a conflict.
func allowedOverlap() map[[2]string]string {
	return map[[2]string]string{
		{"Common.Back", "Dialog.No"}: "esc leaves a dialog, and leaving it is cancelling it",
	}
}

func overlapAllowed(a, b string) bool {
	_, ok := allowedOverlap()[[2]string{a, b}]
	_, ko := allowedOverlap()[[2]string{b, a}]
	return ok || ko
}

// conflicts lists the keys that mean two things on screen s.
func conflicts(k *KeyMap, s Screen) []string {
	var out []string
	seen := map[string]string{}
	for _, nb := range k.ScreenBindings(s) {
		if !nb.Binding.Enabled() {
			continue
		}
		for _, key := range nb.Binding.Keys() {
			if prev, ok := seen[key]; ok && prev != nb.Name && !overlapAllowed(prev, nb.Name) {
				out = append(out, "key "+strconv.Quote(key)+" is both "+prev+" and "+nb.Name)
			}
			seen[key] = nb.Name
		}
	}
	return out
}

// On a screen, its own bindings, the Common and Nav ones it handles and the
// App's global ones are live at once, so no key may mean two things there.
func TestNoKeyMeansTwoThingsOnAnyScreen(t *testing.T) {
	k := DefaultKeyMap()
	for _, s := range Screens() {
		if len(k.ScreenBindings(s)) == 0 {
			t.Errorf("screen %q has no bindings", s)
		}
		for _, c := range conflicts(&k, s) {
			t.Errorf("on %s, %s", s, c)
		}
	}
}

// The check above must be able to fail: two bindings on one key are caught.
func TestConflictCheckCatchesARebinding(t *testing.T) {
	k := DefaultKeyMap()
	k.Common.Refresh.SetKeys("v") // Detail.Versions is v
	if len(conflicts(&k, ScreenDetail)) == 0 {
		t.Fatal("a refresh rebound onto the versions key was not seen as a conflict on the detail screen")
	}
}

// Every binding is live on some screen, and ScreenBindings names each one
// where it lives in the key map, so the screen data cannot go stale
// silently.
func TestScreenBindingsCoverTheKeyMapAndNameItRight(t *testing.T) {
	k := DefaultKeyMap()
	all := bindings(&k)
	used := map[string]bool{}
	for _, s := range Screens() {
		for _, nb := range k.ScreenBindings(s) {
			b, ok := all[nb.Name]
			if !ok {
				t.Errorf("on %s: %s is not a binding of the key map", s, nb.Name)
				continue
			}
			if !reflect.DeepEqual(b.Keys(), nb.Binding.Keys()) || b.Help() != nb.Binding.Help() {
				t.Errorf("on %s: the binding named %s is not KeyMap.%s", s, nb.Name, nb.Name)
			}
			used[nb.Name] = true
		}
	}
	var unused []string
	for n := range all {
		if !used[n] {
			unused = append(unused, n)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("bindings live on no screen: %s", strings.Join(unused, ", "))
	}
}

func TestSetReadOnlyDisablesExactlyTheMutatingBindings(t *testing.T) {
	k := DefaultKeyMap()
	mutating := map[*key.Binding]bool{}
	for _, b := range k.Mutating() {
		mutating[b] = true
	}
	k.SetReadOnly()
	want := []string{
		"Common.Delete", "Common.New", "Common.Restore",
		"Detail.CancelRotation", "Detail.Replication", "Detail.Rollback", "Detail.Rotate", "Detail.RotationSettings", "Detail.Tags",
		"Editing.AddField", "Editing.DelField", "Editing.Edit", "Editing.External", "Editing.Rename", "Editing.Save",
		"Versions.MoveLabel", "Versions.RemoveLabel", "Versions.Rollback",
	}
	var got []string
	for name, b := range bindings(&k) {
		if mutating[b] {
			got = append(got, name)
		}
		if mutating[b] && b.Enabled() {
			t.Errorf("%s changes AWS but is still enabled in read-only mode", name)
		}
		if !mutating[b] && !b.Enabled() {
			t.Errorf("%s does not change AWS but was disabled", name)
		}
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mutating bindings:\n got %v\nwant %v", got, want)
	}
}

func TestKeyNameFollowsTheBinding(t *testing.T) {
	k := DefaultKeyMap()
	if got := KeyName(k.Dialog.Yes); got != "y/enter" {
		t.Errorf("KeyName(Dialog.Yes) = %q", got)
	}
	k.Common.Refresh.SetHelp("F5", "refresh")
	if got := KeyName(k.Common.Refresh); got != "F5" {
		t.Errorf("KeyName after a rebinding = %q, want the new key", got)
	}
}
