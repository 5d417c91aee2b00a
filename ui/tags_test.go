package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/pages/dialog"
)

func tagMap(tags []aws.Tag) map[string]string {
	m := map[string]string{}
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}

func TestTagsAddChangeRemove(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "prod/db/postgres" // team=payments, env=prod, cost-center=cc-1042
	sec := describeNow(h, store, name)
	openScreen(h, dialog.NewTagsScreen(h.app.env, store, sec))
	h.waitFor("cost-center = cc-1042")
	// Sorted: cost-center, env, team. Remove cost-center.
	h.press(k.Editing.DelField)
	h.waitFor("- cost-center")
	// Change env.
	h.press(k.Nav.Down)
	h.press(k.Editing.Edit)
	h.send(keyPress("ctrl+u"))
	h.typeText("production")
	h.press(k.Input.Submit)
	h.waitFor("~ env = production")
	// Add a bad tag, then a good one.
	h.press(k.Editing.AddField)
	h.typeText("aws:x")
	h.press(k.Input.Submit)
	waitForText(h, "which AWS reserves")
	h.send(keyPress("ctrl+u"))
	h.typeText("owner")
	h.press(k.Input.Submit)
	h.typeText("alice")
	h.press(k.Input.Submit)
	h.waitFor("+ owner = alice")
	if n := h.emu.Requests("TagResource") + h.emu.Requests("UntagResource"); n != 0 {
		t.Fatalf("%d tag calls before the review", n)
	}
	h.press(k.Editing.Save)
	screen := waitForText(h, "These changes will be applied")
	for _, want := range []string{"+ add owner = alice", "~ change env: prod → production", "- remove cost-center"} {
		if !strings.Contains(flat(screen), want) {
			t.Fatalf("review lacks %q:\n%s", want, screen)
		}
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Tags of " + name + " updated")
	got := tagMap(describeNow(h, store, name).Tags)
	want := map[string]string{"team": "payments", "env": "production", "owner": "alice"}
	if len(got) != len(want) {
		t.Fatalf("tags %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("tags %v, want %v", got, want)
		}
	}
}

func TestTagsRefuseConcurrentChange(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "prod/api/stripe"
	sec := describeNow(h, store, name)
	openScreen(h, dialog.NewTagsScreen(h.app.env, store, sec))
	h.waitFor("Tags of " + name)
	h.waitFor("team = payments")
	h.press(k.Editing.AddField)
	h.typeText("owner")
	h.press(k.Input.Submit)
	h.typeText("bob")
	h.press(k.Input.Submit)
	// Someone else tags the secret meanwhile.
	if err := store.TagSecret(context.Background(), name, []aws.Tag{{Key: "owner", Value: "carol"}}); err != nil {
		t.Fatal(err)
	}
	h.press(k.Editing.Save)
	waitForText(h, "These changes will be applied")
	h.press(k.Dialog.Yes)
	waitForText(h, "someone changed the tags")
	if got := tagMap(describeNow(h, store, name).Tags)["owner"]; got != "carol" {
		t.Fatalf("owner=%q: the other person's tag was overwritten", got)
	}
}
