package ui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// The write dialogs are reached from the list, detail and versions screens
// by their bindings; in read-only mode the same keys open nothing. Screens
// under a dialog follow the change it made.

// isScreen reports whether s is a T.
func isScreen[T common.Screen](s common.Screen) bool { _, ok := s.(T); return ok }

// reopenFromList goes back to the list, clears its filter and opens name.
func (h *harness) reopenFromList(name string) *secret.Detail {
	h.t.Helper()
	for len(h.app.stack) > 1 {
		h.send(common.PopScreenMsg{})
	}
	h.press(h.app.env.Keys.Common.Back) // clears the filter
	h.waitUntil("the filter cleared", func(string) bool { return !strings.Contains(h.screen(), "esc clears") })
	return h.openFromList(name)
}

// bindingCase is one binding pressed on one screen and the dialog it opens.
type bindingCase struct {
	name    string
	binding func(h *harness) key.Binding
	opens   func(common.Screen) bool
}

// pressEach presses every case's binding on the screen now on top. With
// readOnly it asserts that nothing opened; otherwise that the dialog did,
// and closes it again.
func pressEach(h *harness, where string, readOnly bool, cases []bindingCase) {
	h.t.Helper()
	from := h.app.top()
	for _, c := range cases {
		b := c.binding(h)
		if readOnly {
			if b.Enabled() {
				h.t.Errorf("%s: %s is enabled in read-only mode", where, c.name)
			}
			h.send(keyPress(b.Keys()[0])) // the key itself, though the binding is off
			h.drain(50 * time.Millisecond)
			if h.app.top() != from {
				h.t.Errorf("%s: %s opened %T in read-only mode", where, c.name, h.app.top())
				h.send(common.PopScreenMsg{})
			}
			continue
		}
		h.press(b)
		h.waitUntil(where+": "+c.name+" opens its dialog", func(string) bool { return c.opens(h.app.top()) })
		h.send(common.PopScreenMsg{})
		if h.app.top() != from {
			h.t.Fatalf("%s: closing %s left %T on top", where, c.name, h.app.top())
		}
	}
}

func TestEveryWriteBindingOpensItsDialog(t *testing.T) {
	t.Parallel()
	for _, readOnly := range []bool{false, true} {
		name := "read-write"
		if readOnly {
			name = "read-only"
		}
		t.Run(name, func(t *testing.T) {
			h := flowHarness(t, func(o *Options) { o.ReadOnly = readOnly })
			// The list, on prod/db/postgres.
			h.openFromList("prod/db/postgres")
			h.send(common.PopScreenMsg{}) // back to the list, the row still selected
			pressEach(h, "list", readOnly, []bindingCase{
				{"List.Create", func(h *harness) key.Binding { return h.app.env.Keys.Common.New }, isScreen[*dialog.CreateScreen]},
				{"List.Delete", func(h *harness) key.Binding { return h.app.env.Keys.Common.Delete }, isScreen[*dialog.DeleteScreen]},
			})

			// The detail of a secret with rotation on.
			h.press(h.app.env.Keys.Nav.Open)
			h.waitUntil("the detail", func(string) bool { d, ok := h.app.top().(*secret.Detail); return ok && d.Secret != nil })
			pressEach(h, "detail", readOnly, []bindingCase{
				{"Detail.Rotate", func(h *harness) key.Binding { return h.app.env.Keys.Detail.Rotate }, isScreen[*dialog.RotateScreen]},
				{"Detail.RotationSettings", func(h *harness) key.Binding { return h.app.env.Keys.Detail.RotationSettings }, isScreen[*dialog.RotationSettingsScreen]},
				{"Detail.CancelRotation", func(h *harness) key.Binding { return h.app.env.Keys.Detail.CancelRotation }, func(s common.Screen) bool {
					r, ok := s.(*dialog.RotationSettingsScreen)
					return ok && r.OffOnly
				}},
				{"Detail.Rollback", func(h *harness) key.Binding { return h.app.env.Keys.Detail.Rollback }, isScreen[*dialog.RollbackScreen]},
				{"Detail.Tags", func(h *harness) key.Binding { return h.app.env.Keys.Detail.Tags }, isScreen[*dialog.TagsScreen]},
				{"Detail.Delete", func(h *harness) key.Binding { return h.app.env.Keys.Common.Delete }, isScreen[*dialog.DeleteScreen]},
			})

			// The versions screen, cursor on the newest version (AWSCURRENT).
			h.press(h.app.env.Keys.Detail.Versions)
			h.waitUntil("versions", func(string) bool { v, ok := h.app.top().(*secret.Versions); return ok && v.Loaded })
			pressEach(h, "versions", readOnly, []bindingCase{
				{"Versions.Rollback", func(h *harness) key.Binding { return h.app.env.Keys.Versions.Rollback }, isScreen[*dialog.RollbackScreen]},
				{"Versions.MoveLabel", func(h *harness) key.Binding { return h.app.env.Keys.Versions.MoveLabel }, isScreen[*dialog.MoveLabelScreen]},
				{"Versions.RemoveLabel", func(h *harness) key.Binding { return h.app.env.Keys.Versions.RemoveLabel }, func(s common.Screen) bool {
					r, ok := s.(*dialog.RemoveLabelScreen)
					return ok && r.Version.ID == common.LabelHolder(h.labelsNow("prod/db/postgres"), aws.LabelCurrent)
				}},
			})

			// A stuck rotation: Detail.Rotate opens the ways out, not a new rotation.
			h.reopenFromList("prod/db/mysql-orders")
			pressEach(h, "stuck detail", readOnly, []bindingCase{
				{"Detail.Rotate", func(h *harness) key.Binding { return h.app.env.Keys.Detail.Rotate }, isScreen[*dialog.StuckRotationScreen]},
				{"Detail.CancelRotation", func(h *harness) key.Binding { return h.app.env.Keys.Detail.CancelRotation }, isScreen[*dialog.StuckRotationScreen]},
			})

			// A secret scheduled for deletion, from the list: restore.
			h.send(common.PopScreenMsg{})
			h.press(h.app.env.Keys.List.ShowDeleted)
			h.reopenFromList("legacy/reporting-db")
			pressEach(h, "detail of a deleted secret", readOnly, []bindingCase{
				{"Detail.Restore", func(h *harness) key.Binding { return h.app.env.Keys.Common.Restore }, isScreen[*dialog.RestoreScreen]},
				{"Detail.Delete", func(h *harness) key.Binding { return h.app.env.Keys.Common.Delete }, isScreen[*dialog.DeleteScreen]},
			})
			h.send(common.PopScreenMsg{})
			pressEach(h, "list, deleted row", readOnly, []bindingCase{
				{"List.Restore", func(h *harness) key.Binding { return h.app.env.Keys.Common.Restore }, isScreen[*dialog.RestoreScreen]},
			})

			for _, op := range []string{"PutSecretValue", "UpdateSecretVersionStage", "RotateSecret", "DeleteSecret",
				"RestoreSecret", "CreateSecret", "TagResource", "UntagResource", "CancelRotateSecret", "UpdateSecret"} {
				if n := h.emu.Requests(op); n != 0 {
					t.Errorf("%s called %d times by opening dialogs", op, n)
				}
			}
		})
	}
}

// Keys that cannot apply say why instead of opening a dialog that fails.
func TestWriteKeysThatCannotApplySaySo(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	k := h.app.env.Keys
	stays := func(where string, b key.Binding, want string) {
		t.Helper()
		top := h.app.top()
		h.press(b)
		h.waitFor(want)
		if h.app.top() != top {
			t.Errorf("%s: %s opened %T", where, b.Help().Desc, h.app.top())
		}
	}
	h.openFromList("prod/db/postgres")
	stays("detail", k.Common.Restore, "prod/db/postgres is not scheduled for deletion; nothing to restore")
	h.send(common.PopScreenMsg{})
	stays("list", k.Common.Restore, "prod/db/postgres is not scheduled for deletion; nothing to restore")

	h.press(k.List.ShowDeleted)
	h.reopenFromList("legacy/reporting-db")
	h.waitFor("Press " + k.Common.Restore.Help().Key + " to restore it.")
	for _, b := range []key.Binding{k.Detail.Rotate, k.Detail.Rollback, k.Detail.Tags, k.Detail.RotationSettings} {
		stays("detail of a deleted secret", b, "legacy/reporting-db is scheduled for deletion: restore it first ("+k.Common.Restore.Help().Key+")")
	}
}

// A rollback made from the versions screen shows on it at once, and on the
// detail screen under it, without pressing refresh.
func TestDetailAndVersionsFollowAChange(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/postgres"
	stages := h.labelsNow(name)
	cur, prev := common.LabelHolder(stages, aws.LabelCurrent), common.LabelHolder(stages, aws.LabelPrevious)
	h.openFromList(name)
	k := h.app.env.Keys
	h.press(k.Detail.Versions)
	h.waitUntil("versions", func(string) bool { v, ok := h.app.top().(*secret.Versions); return ok && v.Loaded })
	describes := h.emu.Requests("DescribeSecret")
	h.press(k.Versions.Rollback)
	waitForText(h, "AWSCURRENT moves to version "+prev)
	h.press(k.Dialog.Yes)
	h.waitUntil("the versions with the labels swapped", func(s string) bool {
		_, ok := h.app.top().(*secret.Versions)
		return ok && strings.Contains(lineWith(s, prev[:8]), "AWSCURRENT") && strings.Contains(lineWith(s, cur[:8]), "AWSPREVIOUS")
	})
	if h.emu.Requests("DescribeSecret") == describes {
		t.Error("the detail screen under the versions did not re-read the secret")
	}
	h.press(k.Common.Back)
	h.waitUntil("the detail with the new AWSCURRENT", func(s string) bool {
		return strings.Contains(lineWith(s, "AWSCURRENT "), prev) && strings.Contains(lineWith(s, "AWSPREVIOUS "), cur)
	})
}

// A force delete made from the top of the stack leaves no screen of that
// secret pretending it still exists, and no value in memory.
func TestForceDeleteClosesOverTheSecretsScreens(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "dev/api/sendgrid"
	d := h.openFromList(name)
	k := h.app.env.Keys
	h.press(k.Detail.Versions)
	h.waitUntil("versions", func(string) bool { v, ok := h.app.top().(*secret.Versions); return ok && v.Loaded })
	h.press(k.Versions.OpenValue)
	val := h.waitValue()
	// The delete dialog is opened on top of the value here to reach every
	// screen of the secret at once (the detail and the list open it too).
	openScreen(h, dialog.NewDeleteScreen(h.app.env, d.Store, d.Summary))
	h.waitFor("How?")
	h.press(k.Nav.Down)
	h.press(k.Nav.Open)
	waitForText(h, "NOW, without recovery")
	h.typeText(name)
	h.press(k.Input.Submit)
	h.waitFor("Deleted " + name + " for good")

	s := h.waitFor("was deleted for good: there is no value to show")
	if val.Val.Secret.Text() != "" || val.Doc != nil {
		t.Error("the value screen kept the value of a deleted secret")
	}
	if help := lineWith(s, "? help"); strings.Contains(help, "reveal") || strings.Contains(help, "copy") {
		t.Errorf("the value screen still offers its keys: %q", help)
	}
	h.press(k.Common.Back)
	h.waitFor("was deleted for good: it has no versions any more")
	h.press(k.Versions.Rollback) // nothing to change any more
	if _, ok := h.app.top().(*secret.Versions); !ok {
		t.Fatalf("a key on the deleted secret's versions opened %T", h.app.top())
	}
	h.press(k.Common.Back)
	s = h.waitFor("This secret was deleted for good")
	if help := lineWith(s, "? help"); strings.Contains(help, "rotate") || strings.Contains(help, "value") {
		t.Errorf("the detail of a deleted secret still offers its keys: %q", help)
	}
}

// The value screen showing AWSCURRENT follows a change made under it when
// nothing would be lost, masked; with an unsaved edit it keeps the edit and
// says a newer version exists.
func TestValueScreenFollowsANewCurrentVersion(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	const name = "prod/db/postgres"
	stages := h.labelsNow(name)
	cur, prev := common.LabelHolder(stages, aws.LabelCurrent), common.LabelHolder(stages, aws.LabelPrevious)
	d := h.openFromList(name)
	k := h.app.env.Keys
	h.press(k.Detail.Value)
	v := h.waitValue()
	h.press(k.Value.RevealAll)
	h.waitFor("REVEALED")

	// A rollback made on top of the value screen.
	openScreen(h, dialog.NewRollbackScreen(h.app.env, d.Store, *d.Secret))
	waitForText(h, "AWSCURRENT moves to version "+prev)
	h.press(k.Dialog.Yes)
	h.waitUntil("the value screen at the new AWSCURRENT", func(string) bool {
		return h.app.top() == v && v.Loaded() && v.Val.VersionID == prev
	})
	if v.AnyRevealed() {
		t.Error("the newer version was shown revealed without being asked")
	}
	s := h.waitFor("showing the new AWSCURRENT, version " + prev[:8])
	if !strings.Contains(s, "masked · AWSCURRENT · version "+prev[:8]) {
		t.Errorf("the info line does not name the new version:\n%s", s)
	}

	// Now with an unsaved edit: the edit stays, the screen says what changed.
	h.editPort(v, "7777", false)
	h.waitFor("1 unsaved edit")
	openScreen(h, dialog.NewRollbackScreen(h.app.env, d.Store, describeNow(h, d.Store, name)))
	waitForText(h, "AWSCURRENT moves to version "+cur)
	h.press(k.Dialog.Yes)
	s = h.waitFor("version " + cur[:8] + " is AWSCURRENT now")
	if v.PendingEdits() != 1 || v.Val.VersionID != prev {
		t.Errorf("pending %d on version %s, want the edit kept on %s", v.PendingEdits(), v.Val.VersionID, prev)
	}
	if !strings.Contains(s, "saving offers to re-apply your edits") {
		t.Errorf("the info line does not say what saving will do:\n%s", s)
	}
}

// The footer always ends with "? help", however narrow, and leads with the
// keys that matter on the screen: write keys included unless read-only.
func TestShortHelpShowsTheWriteKeysAndAlwaysHelp(t *testing.T) {
	t.Parallel()
	for _, readOnly := range []bool{false, true} {
		h := flowHarness(t, func(o *Options) { o.ReadOnly = readOnly })
		k := h.app.env.Keys
		footer := func() string {
			lines := strings.Split(strings.TrimRight(h.screen(), "\n"), "\n")
			return lines[len(lines)-1]
		}
		check := func(where string, want ...key.Binding) {
			t.Helper()
			f := footer()
			if !strings.HasSuffix(strings.TrimSpace(f), "? help") {
				t.Errorf("%s (read-only %v): the footer does not end with ? help: %q", where, readOnly, f)
			}
			for _, b := range want {
				hk := b.Help().Key + " " + b.Help().Desc
				if got := strings.Contains(f, hk); got != !readOnly {
					t.Errorf("%s (read-only %v): footer has %q = %v: %q", where, readOnly, hk, got, f)
				}
			}
		}
		h.openFromList("prod/db/postgres")
		check("detail", k.Detail.Rotate, k.Detail.Rollback)
		h.press(k.Detail.Value)
		h.waitValue()
		check("value", k.Editing.Edit)
		h.send(common.PopScreenMsg{})
		h.send(common.PopScreenMsg{})
		check("list", k.Common.Delete, k.Common.New)

		h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
		check("list at 40x10")
		h.press(k.Nav.Open)
		h.waitUntil("detail", func(string) bool { _, ok := h.app.top().(*secret.Detail); return ok })
		check("detail at 40x10")
	}
}

// On a narrow window the header keeps the screen on top in view: the
// account and the first crumbs give way first.
func TestHeaderKeepsTheScreenOnTop(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	h.openFromList("prod/db/postgres")
	h.press(h.app.env.Keys.Detail.Value)
	h.waitValue()
	for _, w := range []int{40, 60, 100} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 12})
		header := strings.SplitN(h.screen(), "\n", 2)[0]
		if !strings.Contains(header, "value AWSCURRENT") {
			t.Errorf("width %d: the header lost the screen on top: %q", w, header)
		}
	}
	if got := fitTrail([]string{"secrets in us-east-1", "prod/db/postgres", "value AWSCURRENT"}, 30); got != "… › value AWSCURRENT" {
		t.Errorf("fitTrail = %q", got)
	}
	if got := fitTrail([]string{"secrets", "value AWSCURRENT"}, 8); got != "value A…" {
		t.Errorf("fitTrail of a long last title = %q", got)
	}
}

// Esc in the new-secret form asks before throwing away what was typed; the
// footer says what y and n do.
func TestCreateFormAsksBeforeDiscarding(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	k := h.app.env.Keys
	h.press(k.Common.New)
	h.waitUntil("the form", func(string) bool { _, ok := h.app.top().(*dialog.CreateScreen); return ok })
	h.typeText("my/new")
	h.press(k.Common.Back)
	s := waitForText(h, "Discard what you typed?")
	if !strings.Contains(lineWith(s, "? help"), "discard") {
		t.Errorf("the footer does not say what y does: %q", lineWith(s, "? help"))
	}
	h.press(k.Dialog.No)
	if _, ok := h.app.top().(*dialog.CreateScreen); !ok {
		t.Fatal("n closed the form")
	}
	h.press(k.Common.Back)
	waitForText(h, "Discard what you typed?")
	h.press(k.Dialog.Yes)
	h.waitFor("nothing was created")
	if _, ok := h.app.top().(*list.Screen); !ok || h.emu.Requests("CreateSecret") != 0 {
		t.Fatalf("after discarding: %T on top, %d creates", h.app.top(), h.emu.Requests("CreateSecret"))
	}
}

// The stuck-rotation screen keeps its ways out in view on a 40x10 window,
// dropping the end of the explanation instead.
func TestStuckScreenFitsASmallWindow(t *testing.T) {
	t.Parallel()
	h := flowHarness(t, nil)
	h.openFromList("prod/db/mysql-orders")
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.press(h.app.env.Keys.Detail.Rotate)
	s := h.waitFor("Remove the stray")
	for _, want := range []string{"Cancel the rotation", "Roll back to AWSPREVIOUS", "╰"} {
		if !strings.Contains(s, want) {
			t.Errorf("the 40x10 stuck screen lacks %q:\n%s", want, s)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	s = h.waitFor("a taller window shows the whole explanation")
	if !strings.Contains(s, "Roll back to AWSPREVIOUS") || !strings.Contains(s, "╰") {
		t.Errorf("the 60x16 stuck screen does not fit:\n%s", s)
	}
	h.send(tea.WindowSizeMsg{Width: 110, Height: 40})
	if s := h.screen(); strings.Contains(s, "a taller window") || !strings.Contains(flat(s), "finishSecret; its logs say why") {
		t.Errorf("the full-size stuck screen is cut:\n%s", s)
	}
}
