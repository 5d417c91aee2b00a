package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

func TestReadOnlyDisablesEveryWrite(t *testing.T) {
	t.Parallel()
	keys := keymap.Default()
	keys.SetReadOnly()
	for _, b := range []struct {
		name string
		on   bool
	}{
		{"Detail.Rotate", keys.Detail.Rotate.Enabled()},
		{"Detail.RotationSettings", keys.Detail.RotationSettings.Enabled()},
		{"Detail.CancelRotation", keys.Detail.CancelRotation.Enabled()},
		{"Detail.Rollback", keys.Detail.Rollback.Enabled()},
		{"Detail.Tags", keys.Detail.Tags.Enabled()},
		{"Detail.Delete", keys.Common.Delete.Enabled()},
		{"Detail.Restore", keys.Common.Restore.Enabled()},
		{"Versions.Rollback", keys.Versions.Rollback.Enabled()},
		{"Versions.MoveLabel", keys.Versions.MoveLabel.Enabled()},
		{"Versions.RemoveLabel", keys.Versions.RemoveLabel.Enabled()},
		{"List.Create", keys.Common.New.Enabled()},
		{"List.Delete", keys.Common.Delete.Enabled()},
		{"List.Restore", keys.Common.Restore.Enabled()},
	} {
		if b.on {
			t.Errorf("%s is enabled in read-only mode", b.name)
		}
	}

	h := writeHarness(t, func(o *Options) { o.ReadOnly = true })
	env := h.app.env
	if env.Keys.Detail.Rollback.Enabled() {
		t.Fatal("the App did not apply read-only to its key map")
	}
	store := connectStore(h, "us-east-1")
	sec := describeNow(h, store, "prod/db/postgres")
	for name, cmd := range map[string]tea.Cmd{
		"rotate":            dialog.OpenRotate(env, store, sec),
		"stuck":             dialog.OpenWrite(env, dialog.NewStuckRotationScreen(env, store, sec)),
		"rotation settings": dialog.OpenWrite(env, dialog.NewRotationSettingsScreen(env, store, sec)),
		"cancel rotation":   dialog.OpenWrite(env, dialog.NewCancelRotationScreen(env, store, sec)),
		"rollback":          dialog.OpenWrite(env, dialog.NewRollbackScreen(env, store, sec)),
		"move label":        dialog.OpenWrite(env, dialog.NewMoveLabelScreen(env, store, sec, nil)),
		"remove label":      dialog.OpenWrite(env, dialog.NewRemoveLabelScreen(env, store, sec, nil, "")),
		"tags":              dialog.OpenWrite(env, dialog.NewTagsScreen(env, store, sec)),
		"create":            dialog.OpenWrite(env, dialog.NewCreateScreen(env, store, "us-east-1")),
		"delete":            dialog.OpenWrite(env, dialog.NewDeleteScreen(env, store, sec.SecretSummary)),
		"restore":           dialog.OpenWrite(env, dialog.NewRestoreScreen(env, store, sec.SecretSummary)),
	} {
		if cmd != nil {
			t.Errorf("open %s returned a command in read-only mode", name)
		}
	}
}

func TestOpenHelpersPushTheirScreen(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	env := h.app.env
	store := connectStore(h, "us-east-1")
	mysql := describeNow(h, store, "prod/db/mysql-orders")
	pg := describeNow(h, store, "prod/db/postgres")
	cases := []struct {
		name string
		cmd  func() any
		want func(common.Screen) bool
	}{
		{"rotate on a stuck secret opens the stuck screen", func() any { return dialog.OpenRotate(env, store, mysql)() },
			func(s common.Screen) bool { _, ok := s.(*dialog.StuckRotationScreen); return ok }},
		{"rotate", func() any { return dialog.OpenRotate(env, store, pg)() },
			func(s common.Screen) bool { _, ok := s.(*dialog.RotateScreen); return ok }},
		{"rollback", func() any { return dialog.OpenWrite(env, dialog.NewRollbackScreen(env, store, pg))() },
			func(s common.Screen) bool { _, ok := s.(*dialog.RollbackScreen); return ok }},
		{"create", func() any { return dialog.OpenWrite(env, dialog.NewCreateScreen(env, store, "us-east-1"))() },
			func(s common.Screen) bool { _, ok := s.(*dialog.CreateScreen); return ok }},
		{"delete", func() any { return dialog.OpenWrite(env, dialog.NewDeleteScreen(env, store, pg.SecretSummary))() },
			func(s common.Screen) bool { _, ok := s.(*dialog.DeleteScreen); return ok }},
	}
	for _, c := range cases {
		msg, ok := c.cmd().(common.PushScreenMsg)
		if !ok || !c.want(msg.Screen) {
			t.Errorf("%s: got %T", c.name, msg.Screen)
		}
	}
}

func TestProductionGuardRequiresTypingTheName(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, func(o *Options) { o.ProdPatterns = []string{"test"} })
	if !h.app.env.Production {
		t.Fatal("the profile should match the production pattern")
	}
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	prev := common.LabelHolder(sec.VersionStages, aws.LabelPrevious)
	r := dialog.NewRollbackScreen(h.app.env, store, sec)
	openScreen(h, r)
	waitForText(h, "Production account: type the secret's name")
	if !r.Capturing() {
		t.Fatal("the name input does not capture keys")
	}
	// y is typed into the name, not taken as "yes".
	h.press(k.Dialog.Yes)
	h.press(k.Input.Submit)
	waitForText(h, "the name does not match")
	if n := h.emu.Requests("UpdateSecretVersionStage"); n != 0 {
		t.Fatalf("rolled back without the name (%d calls)", n)
	}
	h.send(keyPress("ctrl+u"))
	h.typeText(name)
	waitForText(h, "✓ the name matches")
	h.press(k.Input.Submit)
	h.waitFor("Rolled back " + name)
	if got := holderIn(h, store, name, aws.LabelCurrent); got != prev {
		t.Fatalf("AWSCURRENT on %s, want %s", got, prev)
	}
}
