package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/list"
)

// stepsIn runs cmd's non-timer commands (a batch's too) and returns the
// search step messages among their results.
func stepsIn(cmd tea.Cmd) []table.SearchStepMsg {
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	switch msg := cmd().(type) {
	case table.SearchStepMsg:
		return []table.SearchStepMsg{msg}
	case tea.BatchMsg:
		var out []table.SearchStepMsg
		for _, c := range msg {
			out = append(out, stepsIn(c)...)
		}
		return out
	}
	return nil
}

// A keystroke over more secrets than the table searches in one Update
// returns the Cmd of the search's next step; delivering each step's message
// through the App ends with every hit shown, as one whole search finds.
func TestFilterOverManySecretsGoesOnInStepsThroughTheApp(t *testing.T) {
	a, l := loadedApp(t, 12000)
	l.Table.SetSearchChunk(5000) // steps over 12,000 rows (the default takes 60,000 at once)
	a.Update(keyPress(a.env.Keys.List.Filter.Keys()[0]))
	_, cmd := a.Update(tea.KeyPressMsg{Code: 's', Text: "s"})
	if !l.Table.Searching() {
		t.Fatal("the search over 12,000 secrets was done in the keystroke")
	}
	steps := 0
	for pending := stepsIn(cmd); len(pending) > 0; steps++ {
		if len(pending) != 1 {
			t.Fatalf("%d step messages at once, want 1", len(pending))
		}
		_, cmd = a.Update(pending[0])
		pending = stepsIn(cmd)
	}
	if steps == 0 || l.Table.Searching() {
		t.Fatalf("%d steps ran, still searching: %v", steps, l.Table.Searching())
	}
	want := fuzzy.Find("s", l.Table.Fields, len(l.Table.Rows), nil)
	if len(l.Table.Shown) != len(want) || len(want) == 0 {
		t.Fatalf("%d rows shown, one search finds %d", len(l.Table.Shown), len(want))
	}
	for i := range want {
		if l.Table.Shown[i].Item != want[i].Item {
			t.Fatalf("row %d shown is item %d, one search ranks %d there", i, l.Table.Shown[i].Item, want[i].Item)
		}
	}
}

// A screen pushed over the list while a long search is still going on
// (a picker, a dialog opened by a result) does not leave the list with half
// its hits: the steps reach the list below and finish the search.
func TestSearchStepsFinishUnderAnotherScreen(t *testing.T) {
	a, l := loadedApp(t, 12000)
	l.Table.SetSearchChunk(5000) // steps over 12,000 rows (the default takes 60,000 at once)
	a.Update(keyPress(a.env.Keys.List.Filter.Keys()[0]))
	_, cmd := a.Update(tea.KeyPressMsg{Code: 's', Text: "s"})
	pending := stepsIn(cmd)
	if !l.Table.Searching() || len(pending) != 1 {
		t.Fatalf("searching %v with %d steps pending", l.Table.Searching(), len(pending))
	}
	a.Update(common.PushScreenMsg{Screen: list.NewProfilePicker(a.env, "test")})
	if a.top() == common.Screen(l) {
		t.Fatal("the picker is not on top")
	}
	for len(pending) > 0 {
		_, cmd = a.Update(pending[0])
		pending = stepsIn(cmd)
	}
	if l.Table.Searching() {
		t.Fatal("the search stopped under the picker")
	}
	if want := fuzzy.Find("s", l.Table.Fields, len(l.Table.Rows), nil); len(l.Table.Shown) != len(want) {
		t.Fatalf("%d rows shown, one search finds %d", len(l.Table.Shown), len(want))
	}
}
