package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// pressDisabled presses a binding's first key even though read-only mode
// disabled it (h.press refuses disabled bindings).
func pressDisabled(h *harness, b key.Binding) {
	h.t.Helper()
	h.send(keyPress(b.Keys()[0]))
}

// In --read-only mode a key for a change says it is off instead of doing
// nothing silently, and nothing is written; keys that change nothing still
// work, and a picker's answers (which reuse letters) are not refused.
func TestReadOnlyKeysSayTheActionIsOff(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 40, func(o *Options) { o.ReadOnly = true })
	k := keys()
	waitLoaded(h)
	refused := func(where string, b key.Binding) {
		t.Helper()
		pressDisabled(h, b)
		want := readOnlyRefusal(b.Help().Desc)
		if s := h.screen(); !strings.Contains(s, want) {
			t.Errorf("%s: %s did not say %q:\n%s", where, b.Help().Key, want, s)
		}
		h.app.clearStatus()
	}
	refused("list", k.Common.Delete)
	refused("list", k.Common.New)
	refused("list", k.Common.Restore)
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatalf("a refused key opened %T", h.app.top())
	}

	h.openDetail("prod/db/postgres")
	for _, b := range []key.Binding{k.Detail.Rotate, k.Detail.RotationSettings, k.Detail.CancelRotation,
		k.Detail.Rollback, k.Detail.Tags, k.Detail.Replication, k.Common.Delete} {
		refused("detail", b)
	}
	if _, ok := h.app.top().(*secret.Detail); !ok {
		t.Fatalf("a refused key opened %T", h.app.top())
	}
	h.press(k.Detail.Versions)
	h.waitFor("AWSCURRENT")
	for _, b := range []key.Binding{k.Versions.Rollback, k.Versions.MoveLabel, k.Versions.RemoveLabel} {
		refused("versions", b)
	}
	if _, ok := h.app.top().(*secret.Versions); !ok {
		t.Fatalf("a refused key opened %T", h.app.top())
	}
	for _, op := range []string{"DeleteSecret", "CreateSecret", "RestoreSecret", "RotateSecret", "UpdateSecretVersionStage", "TagResource"} {
		if n := h.emu.Requests(op); n != 0 {
			t.Errorf("%d %s requests in read-only mode", n, op)
		}
	}

	// Back on the list: stop loading (X, also cancel rotation's key) changes
	// nothing and is not refused there.
	h.press(k.Common.Back)
	h.press(k.Common.Back)
	h.press(k.List.StopLoading)
	if s := h.screen(); strings.Contains(s, "read-only:") {
		t.Errorf("stop loading on the list was refused as a change:\n%s", s)
	}
	// In the region picker, u means "select none", not restore.
	h.press(k.List.AllRegions)
	if _, ok := h.app.top().(*list.RegionPicker); !ok {
		t.Fatalf("the all-regions picker did not open: %T", h.app.top())
	}
	h.press(k.Picker.None)
	if s := h.screen(); strings.Contains(s, "read-only:") {
		t.Errorf("the picker's select none was refused as a restore:\n%s", s)
	}
}
