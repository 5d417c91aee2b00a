package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

func TestReadOnlyDisablesEveryWrite(t *testing.T) {
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
		"rotate":            openRotate(env, store, sec),
		"stuck":             openWrite(env, newStuckRotationScreen(env, store, sec)),
		"rotation settings": openWrite(env, newRotationSettingsScreen(env, store, sec)),
		"cancel rotation":   openWrite(env, newCancelRotationScreen(env, store, sec)),
		"rollback":          openWrite(env, newRollbackScreen(env, store, sec)),
		"move label":        openWrite(env, newMoveLabelScreen(env, store, sec, nil)),
		"remove label":      openWrite(env, newRemoveLabelScreen(env, store, sec, nil, "")),
		"tags":              openWrite(env, newTagsScreen(env, store, sec)),
		"create":            openWrite(env, newCreateScreen(env, store, "us-east-1")),
		"delete":            openWrite(env, newDeleteScreen(env, store, sec.SecretSummary)),
		"restore":           openWrite(env, newRestoreScreen(env, store, sec.SecretSummary)),
	} {
		if cmd != nil {
			t.Errorf("open %s returned a command in read-only mode", name)
		}
	}
}

func TestOpenHelpersPushTheirScreen(t *testing.T) {
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
		{"rotate on a stuck secret opens the stuck screen", func() any { return openRotate(env, store, mysql)() },
			func(s common.Screen) bool { _, ok := s.(*stuckRotationScreen); return ok }},
		{"rotate", func() any { return openRotate(env, store, pg)() },
			func(s common.Screen) bool { _, ok := s.(*rotateScreen); return ok }},
		{"rollback", func() any { return openWrite(env, newRollbackScreen(env, store, pg))() },
			func(s common.Screen) bool { _, ok := s.(*rollbackScreen); return ok }},
		{"create", func() any { return openWrite(env, newCreateScreen(env, store, "us-east-1"))() },
			func(s common.Screen) bool { _, ok := s.(*createScreen); return ok }},
		{"delete", func() any { return openWrite(env, newDeleteScreen(env, store, pg.SecretSummary))() },
			func(s common.Screen) bool { _, ok := s.(*deleteScreen); return ok }},
	}
	for _, c := range cases {
		msg, ok := c.cmd().(common.PushScreenMsg)
		if !ok || !c.want(msg.Screen) {
			t.Errorf("%s: got %T", c.name, msg.Screen)
		}
	}
}

func TestProductionGuardRequiresTypingTheName(t *testing.T) {
	h := writeHarness(t, func(o *Options) { o.ProdPatterns = []string{"test"} })
	if !h.app.env.Production {
		t.Fatal("the profile should match the production pattern")
	}
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "prod/db/postgres"
	sec := describeNow(h, store, name)
	prev := common.LabelHolder(sec.VersionStages, aws.LabelPrevious)
	r := newRollbackScreen(h.app.env, store, sec)
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
