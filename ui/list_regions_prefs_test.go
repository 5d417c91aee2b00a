package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/prefs"
)

// The regions last listed together are remembered across runs, per
// profile: a new App on the same preferences file ticks them in A.
func TestAllRegionsChoiceSurvivesARestart(t *testing.T) {
	t.Parallel()
	file := &prefs.File{Path: filepath.Join(t.TempDir(), "smtui", "prefs.json")}
	withPrefs := func(o *Options) { o.Prefs = file }
	k := keys()

	h := newListHarness(t, 120, 40, emulator.Options{}, withPrefs)
	waitLoaded(h)
	h.press(k.List.AllRegions)
	h.press(k.Picker.None)
	for _, q := range []string{"euwest1", "apsoutheast2"} {
		h.press(k.Picker.Filter)
		h.typeText(q)
		h.press(k.Input.Submit)
		h.press(k.Picker.Toggle)
		h.press(k.Common.Back)
	}
	h.press(k.Picker.Select)
	h.waitFor("eu-west-1 · 8")
	deadline := time.Now().Add(5 * time.Second)
	for len(file.Load().Regions[h.app.session.profile].All) != 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := file.Load().Regions[h.app.session.profile].All; strings.Join(got, ",") != "eu-west-1,ap-southeast-2" && strings.Join(got, ",") != "ap-southeast-2,eu-west-1" {
		t.Fatalf("saved %v", got)
	}

	again := newListHarness(t, 120, 40, emulator.Options{}, withPrefs)
	waitLoaded(again)
	again.press(k.List.AllRegions)
	assertContains(t, again.screen(), "2 selected", "[x] eu-west-1", "[x] ap-southeast-2", "[ ] us-east-1")
}
