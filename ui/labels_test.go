package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// moveBLUEToNewest picks BLUE in an open move-label dialog of
// prod/api/stripe and the preselected target, the newest version (AWSCURRENT,
// GREEN), which opens the confirmation.
func moveBLUEToNewest(h *harness) {
	h.t.Helper()
	k := h.app.env.Keys
	h.waitFor("Which label?")
	// AWSCURRENT, AWSPREVIOUS, BLUE, GREEN, a new label…
	h.press(k.Nav.Down)
	h.press(k.Nav.Down)
	h.waitFor("› BLUE")
	h.press(k.Nav.Open)
	h.waitFor("Move BLUE to which version?")
	h.press(k.Nav.Open)
}

// holderIn returns the version carrying label in a fresh describe.
func holderIn(h *harness, store aws.Store, name, label string) string {
	h.t.Helper()
	return common.LabelHolder(describeNow(h, store, name).VersionStages, label)
}

func TestMoveLabelCustom(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := writeHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	sec := describeNow(h, store, name)
	blueWas := common.LabelHolder(sec.VersionStages, "BLUE")
	cur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	if blueWas == "" || blueWas == cur {
		t.Fatalf("seed: BLUE should be on a non-current version: %v", sec.VersionStages)
	}
	k := h.app.env.Keys
	openScreen(h, dialog.NewMoveLabelScreen(h.app.env, store, sec, versionsNow(h, store, name)))
	moveBLUEToNewest(h)
	screen := waitForText(h, "from version "+blueWas)
	if !strings.Contains(flat(screen), "to version "+cur) {
		t.Fatalf("confirmation does not name the target %s:\n%s", cur, screen)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Moved BLUE to version")
	if got := holderIn(h, store, name, "BLUE"); got != cur {
		t.Fatalf("BLUE on %s, want %s", got, cur)
	}
	var ok bool
	for _, ev := range audit.all() {
		ok = ok || (ev.Action == "move-label" && ev.Detail == "BLUE" && ev.Outcome == "ok")
	}
	if !ok {
		t.Fatal("no move-label audit event")
	}
}

func TestMoveLabelNewCustomValidated(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	sec := describeNow(h, store, name)
	vs := common.SortVersions(versionsNow(h, store, name))
	oldest := vs[len(vs)-1].ID
	k := h.app.env.Keys
	openScreen(h, dialog.NewMoveLabelScreen(h.app.env, store, sec, nil).WithTarget(oldest))
	h.waitFor("Which label?")
	h.press(k.Nav.Bottom)
	h.press(k.Nav.Open)
	h.waitFor("Label (1-256 characters)")
	h.press(k.Input.Submit)
	h.waitFor("type a label")
	h.send(tea.PasteMsg{Content: strings.Repeat("x", 257)})
	h.press(k.Input.Submit)
	h.waitFor("AWS allows at most 256")
	h.send(keyPress("ctrl+u")) // the text input's delete-to-start
	h.typeText("CANARY")
	h.press(k.Input.Submit)
	h.waitFor("Move CANARY to which version?")
	h.press(k.Nav.Open)
	h.waitFor("Attach the new label CANARY")
	h.press(k.Dialog.Yes)
	h.waitFor("Moved CANARY")
	if got := holderIn(h, store, name, "CANARY"); got != oldest {
		t.Fatalf("CANARY on %q, want the oldest version %s", got, oldest)
	}
}

func TestMoveCurrentGivesPreviousToTheVersionItLeaves(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	cur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	vs := common.SortVersions(versionsNow(h, store, name))
	oldest := vs[len(vs)-1].ID
	k := h.app.env.Keys
	openScreen(h, dialog.NewMoveLabelScreen(h.app.env, store, sec, vs).WithTarget(oldest))
	h.waitFor("› AWSCURRENT")
	h.press(k.Nav.Open)
	h.waitFor("Move AWSCURRENT to which version?")
	h.press(k.Nav.Open)
	screen := h.waitFor("gets AWSPREVIOUS")
	if !strings.Contains(screen, "changes the live value") {
		t.Fatalf("no warning that the live value changes:\n%s", screen)
	}
	// Destructive: Cancel has the focus, so enter cancels.
	h.press(k.Input.Submit)
	h.waitFor("Move AWSCURRENT to which version?")
	h.press(k.Nav.Open)
	h.waitFor("gets AWSPREVIOUS")
	h.press(k.Dialog.Yes)
	h.waitFor("Moved AWSCURRENT")
	after := describeNow(h, store, name)
	if common.LabelHolder(after.VersionStages, aws.LabelCurrent) != oldest || common.LabelHolder(after.VersionStages, aws.LabelPrevious) != cur {
		t.Fatalf("after the move: %v; want AWSCURRENT on %s and AWSPREVIOUS on %s", after.VersionStages, oldest, cur)
	}
}

func TestRemoveLabel(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	sec := describeNow(h, store, name)
	blue := common.LabelHolder(sec.VersionStages, "BLUE") // carries AWSPREVIOUS and BLUE
	k := h.app.env.Keys
	openScreen(h, dialog.NewRemoveLabelScreen(h.app.env, store, sec, versionsNow(h, store, name), blue))
	h.waitFor("Remove which label")
	h.press(k.Nav.Down)
	h.press(k.Nav.Open)
	h.waitFor("It keeps AWSPREVIOUS")
	h.press(k.Dialog.Yes)
	h.waitFor("Removed BLUE")
	if got := holderIn(h, store, name, "BLUE"); got != "" {
		t.Fatalf("BLUE still on %s", got)
	}
	if got := holderIn(h, store, name, aws.LabelPrevious); got != blue {
		t.Fatalf("AWSPREVIOUS moved to %s", got)
	}
}

func TestRemoveLabelRefusesCurrent(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	const name = "prod/ssh/deploy-key"
	sec := describeNow(h, store, name)
	cur := common.LabelHolder(sec.VersionStages, aws.LabelCurrent)
	openScreen(h, dialog.NewRemoveLabelScreen(h.app.env, store, sec, versionsNow(h, store, name), cur))
	h.waitFor("AWSCURRENT can't be removed")
	h.press(h.app.env.Keys.Nav.Open)
	if n := h.emu.Requests("UpdateSecretVersionStage"); n != 0 {
		t.Fatalf("%d label calls for a refused removal", n)
	}
}

// The footer names the keys that work now, by what they do: while the
// production name guard has the keyboard, enter moves the label and esc
// cancels; on [ Cancel ], enter cancels and y moves it.
func TestConfirmHelpFollowsNameGuard(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, func(o *Options) { o.ProdPatterns = []string{"test"} })
	store := connectStore(h, "us-east-1")
	const name = "prod/api/stripe"
	k := h.app.env.Keys
	openScreen(h, dialog.NewMoveLabelScreen(h.app.env, store, describeNow(h, store, name), versionsNow(h, store, name)))
	moveBLUEToNewest(h)
	h.waitFor("type the secret's name")
	enter := common.KeyHelp(k.Input.Submit)
	footer := lastLine(h.screen())
	if !strings.Contains(footer, enter+" move BLUE") || strings.Contains(footer, enter+" cancel") {
		t.Fatalf("name guard has the keyboard, footer says %q", footer)
	}
	h.press(k.Dialog.Switch)
	footer = lastLine(waitForText(h, enter+" cancel"))
	yes, _ := common.WithoutKeys(k.Dialog.Yes, k.Input.Submit, "")
	if strings.Contains(footer, enter+" move") || !strings.Contains(footer, yes.Help().Key+" move BLUE") {
		t.Fatalf("[ Cancel ] has the keyboard, footer says %q", footer)
	}
}

// lastLine is a screen's last line (the help footer).
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}
