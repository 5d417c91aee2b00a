package ui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// The chrome's remembered lines never show a stale state: after every
// change (size, theme, status level, bindings, layers, the production
// banner) the frame drawn with the memo is the frame drawn without it.
func TestChromeMemoNeverStale(t *testing.T) {
	a, l := loadedApp(t, 50)
	k := a.env.Keys
	steps := []struct {
		name string
		do   func()
	}{
		{"first frame", func() {}},
		{"resize", func() { a.Update(tea.WindowSizeMsg{Width: 90, Height: 20}) }},
		{"info", func() { a.Update(common.StatusMsg{Level: common.LevelInfo, Text: "copied"}) }},
		{"warning, same text", func() { a.Update(common.StatusMsg{Level: common.LevelWarning, Text: "copied"}) }},
		{"error, same text", func() { a.Update(common.StatusMsg{Level: common.LevelError, Text: "copied"}) }},
		{"narrow", func() { a.Update(tea.WindowSizeMsg{Width: 44, Height: 20}) }},
		{"filter open", func() { a.Update(keyPress(k.List.Filter.Keys()[0])) }},
		{"filter typed", func() { a.Update(tea.KeyPressMsg{Code: 'd', Text: "d"}) }},
		{"filter closed", func() { a.Update(keyPress("esc")) }},
		{"light theme", func() { a.Update(tea.BackgroundColorMsg{Color: color.White}) }},
		{"a binding disabled", func() { a.env.Keys.List.Filter.SetEnabled(false) }},
		{"and enabled again", func() { a.env.Keys.List.Filter.SetEnabled(true) }},
		{"production", func() { a.env.Session.Production = true }},
		{"wide", func() { a.Update(tea.WindowSizeMsg{Width: 140, Height: 30}) }},
		{"help open", func() { a.Update(keyPress(k.Common.Help.Keys()[0])) }},
		{"help closed", func() { a.Update(keyPress("esc")) }},
	}
	for _, s := range steps {
		s.do()
		got := a.View().Content
		a.chrome = chromeMemo{}
		if want := a.View().Content; got != want {
			t.Fatalf("after %s the remembered chrome is stale:\ngot  %q\nwant %q", s.name, got, want)
		}
		// Draw once more so the next step starts from a full memo.
		_ = a.View()
	}
	if l.Table.Query != "" {
		t.Fatalf("query %q left", l.Table.Query)
	}
}
