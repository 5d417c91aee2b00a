package ui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
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
