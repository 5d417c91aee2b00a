package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/secret"
)

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
