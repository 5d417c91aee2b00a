package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/list"
)

// boxEdges finds a dialog box's top border in a screen: the columns (in
// cells) of its left and right corners, or ok false.
func boxEdges(screen string) (left, right int, ok bool) {
	for _, line := range strings.Split(screen, "\n") {
		i := strings.Index(line, "╭")
		j := strings.LastIndex(line, "╮")
		if i >= 0 && j > i {
			return ansi.StringWidth(line[:i]), ansi.StringWidth(line[:j]), true
		}
	}
	return 0, 0, false
}

// Every dialog is at most about 100 columns wide and centred on a wide
// window (200x60), and still whole at 80 columns.
func TestDialogsAreNarrowAndCentredOnWideWindows(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	env := h.app.env
	const plain, rotating = "dev/api/sendgrid", "prod/db/postgres"
	sum := describeNow(h, store, plain).SecretSummary
	sec := describeNow(h, store, rotating)
	vers := versionsNow(h, store, rotating)
	dialogs := map[string]func() common.Screen{
		"create":            func() common.Screen { return dialog.NewCreateScreen(env, store, "us-east-1") },
		"delete":            func() common.Screen { return dialog.NewDeleteScreen(env, store, sum) },
		"first value":       func() common.Screen { return dialog.NewFirstValueScreen(env, store, sum) },
		"move label":        func() common.Screen { return dialog.NewMoveLabelScreen(env, store, sec, vers) },
		"replicas":          func() common.Screen { return dialog.NewReplicasScreen(env, store, sum) },
		"restore":           func() common.Screen { return dialog.NewRestoreScreen(env, store, sum) },
		"rollback":          func() common.Screen { return dialog.NewRollbackScreen(env, store, sec) },
		"rotate":            func() common.Screen { return dialog.NewRotateScreen(env, store, sec) },
		"stuck rotation":    func() common.Screen { return dialog.NewStuckRotationScreen(env, store, sec) },
		"rotation settings": func() common.Screen { return dialog.NewRotationSettingsScreen(env, store, sec) },
		"tags":              func() common.Screen { return dialog.NewTagsScreen(env, store, sec) },
	}
	for name, open := range dialogs {
		for _, w := range []int{200, 80} {
			h.send(tea.WindowSizeMsg{Width: w, Height: 60})
			openScreen(h, open())
			s := h.screen()
			left, right, ok := boxEdges(s)
			boxW := right - left + 1
			switch {
			case !ok:
				t.Errorf("%s at %dx60: no box border:\n%s", name, w, s)
			case boxW > common.BoxMaxWidth:
				t.Errorf("%s at %dx60: %d columns wide, want at most %d", name, w, boxW, common.BoxMaxWidth)
			case w-1-right-left > 1 || left-(w-1-right) > 1:
				t.Errorf("%s at %dx60: not centred: %d columns left of it, %d right:\n%s", name, w, left, w-1-right, s)
			}
			h.send(common.PopScreenMsg{})
		}
	}
}

// The region picker's notes (current, recent) start in one column, however
// long the region names.
func TestRegionPickerNotesLineUp(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	for _, w := range []int{40, 80, 200} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 24})
		openScreen(h, list.NewRegionPicker(h.app.env, list.RegionPickOne, "us-east-1",
			[]string{"us-east-1", "ap-southeast-1", "eu-west-1"}, []string{"ap-southeast-1", "eu-west-1"}, nil, nil))
		s := h.screen()
		cols := map[string]int{}
		for _, line := range strings.Split(s, "\n") {
			for _, note := range []string{"current", "recent"} {
				if i := strings.Index(line, "  "+note); i >= 0 && strings.Contains(line, "-1") {
					cols[strings.Fields(strings.TrimPrefix(line, "›"))[0]] = ansi.StringWidth(line[:i])
				}
			}
		}
		if len(cols) != 3 {
			t.Fatalf("at %d columns, found the notes of %v, want 3 regions:\n%s", w, cols, s)
		}
		if cols["us-east-1"] != cols["ap-southeast-1"] || cols["eu-west-1"] != cols["ap-southeast-1"] {
			t.Errorf("at %d columns the notes start in columns %v:\n%s", w, cols, s)
		}
		h.send(common.PopScreenMsg{})
	}
}

// The move-label dialog's choices line up: "on version" starts in one
// column whatever the label's length (AWSCURRENT, AWSPREVIOUS, BLUE).
func TestMoveLabelChoicesLineUp(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	for _, w := range []int{80, 200} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 24})
		openScreen(h, dialog.NewMoveLabelScreen(h.app.env, store, describeNow(h, store, name), versionsNow(h, store, name)))
		s := h.waitFor("Which label?")
		cols := map[string]int{}
		for _, line := range strings.Split(s, "\n") {
			for _, l := range []string{"AWSCURRENT", "AWSPREVIOUS", "BLUE"} {
				if strings.Contains(line, l+" ") {
					if i := strings.Index(line, "on version"); i >= 0 {
						cols[l] = ansi.StringWidth(line[:i])
					}
				}
			}
		}
		if len(cols) != 3 || cols["AWSCURRENT"] != cols["AWSPREVIOUS"] || cols["BLUE"] != cols["AWSPREVIOUS"] {
			t.Errorf("at %d columns, 'on version' starts in columns %v:\n%s", w, cols, s)
		}
		h.send(common.PopScreenMsg{})
	}
}
