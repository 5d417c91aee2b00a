package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// focusField tabs until the create form's field id has the keyboard.
func focusField(h *harness, c *dialog.CreateScreen, id string) {
	h.t.Helper()
	for range 40 {
		if c.Write.Pane == nil && c.Form.FocusedID() == id {
			return
		}
		h.press(h.app.env.Keys.Dialog.Switch)
	}
	h.t.Fatalf("field %s never got the focus", id)
}

func TestCreateInvalidNameRefusedLocally(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	c := dialog.NewCreateScreen(h.app.env, store, "us-east-1")
	openScreen(h, c)
	h.waitFor("New secret in us-east-1")
	h.typeText("bad name!")
	focusField(h, c, "create")
	h.press(h.app.env.Keys.Input.Submit)
	waitForText(h, "is not allowed: use ASCII letters, digits")
	if c.Form.FocusedID() != "name" {
		t.Fatalf("focus on %s, want the bad name", c.Form.FocusedID())
	}
	// A reserved tag key is refused too.
	h.send(keyPress("ctrl+u"))
	h.typeText("test/ok-name")
	focusField(h, c, "tags")
	h.typeText("aws:owner=me")
	focusField(h, c, "create")
	h.press(h.app.env.Keys.Input.Submit)
	waitForText(h, "which AWS reserves")
	if n := h.emu.Requests("CreateSecret"); n != 0 {
		t.Fatalf("CreateSecret was called %d times for invalid input", n)
	}
}

func TestCreateWithFieldsOK(t *testing.T) {
	t.Parallel()
	audit := newWriteAuditLog()
	h := writeHarness(t, func(o *Options) { o.Audit = audit })
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	c := dialog.NewCreateScreen(h.app.env, store, "us-east-1")
	openScreen(h, c)
	h.waitFor("New secret in us-east-1")
	h.typeText("test/app/creds")
	h.press(k.Input.Submit)
	h.typeText("Created by the test")
	focusField(h, c, "tags")
	h.typeText("team=qa")
	h.send(keyPress("enter"))
	h.typeText("env=test")
	focusField(h, c, "k1")
	h.typeText("username")
	h.press(k.Input.Submit)
	const secretText = "alice-s3cr3t-value"
	h.typeText(secretText)
	screen := h.screen()
	if strings.Contains(screen, secretText) {
		t.Fatalf("the value is shown while typed:\n%s", screen)
	}
	h.press(k.Input.Reveal)
	h.waitFor(secretText)
	h.press(k.Input.Reveal)
	h.waitUntil("masked again", func(s string) bool { return !strings.Contains(s, secretText) })
	h.press(k.Input.Submit)
	h.typeText("port")
	h.press(k.Input.ToggleType)
	h.press(k.Input.Submit)
	h.typeText("5432")
	focusField(h, c, "create")
	h.press(k.Input.Submit)
	screen = waitForText(h, "JSON object with 2 fields: username (string), port (number)")
	if strings.Contains(screen, secretText) {
		t.Fatalf("the value is on the confirmation:\n%s", screen)
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Created test/app/creds in us-east-1")
	got, err := store.GetValue(context.Background(), "test/app/creds", aws.VersionRef{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Secret.Text() != `{"username":"alice-s3cr3t-value","port":5432}` {
		t.Fatalf("stored value differs (%d bytes)", got.Secret.Len())
	}
	if got.VersionID != c.Token {
		t.Fatalf("version %s is not the dialog's token %s", got.VersionID, c.Token)
	}
	sec := describeNow(h, store, "test/app/creds")
	if sec.Description != "Created by the test" || len(sec.Tags) != 2 {
		t.Fatalf("description %q tags %v", sec.Description, sec.Tags)
	}
	for _, ev := range audit.all() {
		if ev.Action == "create" && strings.Contains(ev.Detail, secretText) {
			t.Fatal("the audit log holds the value")
		}
	}
}

func TestCreateRetryAfterDroppedResponseIsIdempotent(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	remove := h.emu.InjectFault(emulator.Fault{Op: "CreateSecret", DropResponse: true, Times: 2})
	defer remove()
	c := dialog.NewCreateScreen(h.app.env, store, "us-east-1")
	openScreen(h, c)
	h.waitFor("New secret in us-east-1")
	h.typeText("test/plain/one")
	focusField(h, c, "plain")
	h.press(k.Picker.Toggle)
	focusField(h, c, "value")
	h.typeText("line one")
	focusField(h, c, "create")
	h.press(k.Input.Submit)
	waitForText(h, "Value plaintext (hidden)")
	h.press(k.Dialog.Yes)
	h.waitFor("✗")
	if c.Write.Pane == nil || c.Write.Done {
		t.Fatal("the dialog did not stay open after the failure")
	}
	h.press(k.Dialog.Yes)
	h.waitFor("Created test/plain/one")
	vs := versionsNow(h, store, "test/plain/one")
	if len(vs) != 1 || vs[0].ID != c.Token {
		t.Fatalf("versions after retry: %+v", vs)
	}
}

// Leaving the form with input in it asks first; "no" keeps every field as
// typed, "yes" leaves without creating anything. An empty form just closes.
func TestCreateAsksBeforeDiscardingInput(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	c := dialog.NewCreateScreen(h.app.env, store, "us-east-1")
	openScreen(h, c)
	h.waitFor("New secret in us-east-1")
	h.typeText("team/new-secret")
	h.press(k.Input.Cancel)
	h.waitFor("Discard what you typed?")
	if h.app.top() != common.Screen(c) {
		t.Fatal("the form closed without asking")
	}
	h.press(k.Dialog.No)
	if h.app.top() != common.Screen(c) || c.Form.Field("name").Input.Value() != "team/new-secret" {
		t.Fatalf("keeping on lost the input: %q", c.Form.Field("name").Input.Value())
	}
	focusField(h, c, "create") // esc on a button goes through the App's back key
	h.press(k.Common.Back)
	h.waitFor("Discard what you typed?")
	h.press(k.Dialog.Yes)
	h.waitUntil("the form closed", func(string) bool { return h.app.top() != common.Screen(c) })
	if n := h.emu.Requests("CreateSecret"); n != 0 {
		t.Fatalf("CreateSecret called %d times", n)
	}

	empty := dialog.NewCreateScreen(h.app.env, store, "us-east-1")
	openScreen(h, empty)
	h.waitFor("New secret in us-east-1")
	h.press(k.Input.Cancel)
	h.waitUntil("the empty form closed", func(string) bool { return h.app.top() != common.Screen(empty) })
}
