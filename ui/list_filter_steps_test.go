package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/components/fuzzy"
	"github.com/smtui/smtui/ui/components/table"
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
