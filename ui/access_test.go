package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/insight"
	"github.com/smtui/smtui/ui/pages/list"
)

// openRefused filters the list down to name, opens it, and (for a secret
// whose metadata can be read) opens its value, until a refusal shows on
// the status line with the why-denied key beside it.
func (h *harness) openRefused(name string, openValue bool) string {
	h.t.Helper()
	k := h.app.env.Keys
	h.press(k.List.Filter)
	h.typeText(name)
	h.press(k.Input.Submit)
	l := h.app.stack[0].(*list.Screen)
	h.waitUntil(name+" selected", func(string) bool {
		r := l.Table.Selected()
		return r != nil && r.Name() == name
	})
	h.press(k.Nav.Open)
	if openValue {
		h.waitFor("versions") // the detail has loaded
		h.press(k.Detail.Value)
	}
	return h.waitFor("W why denied?")
}

// Each access-denied demo secret, opened as an operator would, is refused;
// W opens the diagnosis, which names the layer AWS named, who is asking,
// the KMS key, the resource policy's statements, the next step and what
// smtui cannot know.
func TestWhyDeniedNamesEachLayer(t *testing.T) {
	cases := []struct {
		name      string
		openValue bool
		want      []string
	}{
		{emulator.DemoDeniedIdentity, false, []string{"identity-based policy · no Allow", "none of the policies attached to you", "your IAM administrators"}},
		{emulator.DemoDeniedResource, false, []string{"resource-based policy · explicit Deny", "✗ DENY statement 2 DenyHumanOperators", "customer managed", "the secret's owners"}},
		{emulator.DemoDeniedSCP, false, []string{"service control policy (SCP) · explicit Deny", "smtui cannot read SCPs from a member account", "organization's administrators"}},
		{emulator.DemoDeniedVPCEndpoint, false, []string{"VPC endpoint policy · explicit Deny", "cannot see which VPC endpoint"}},
		{emulator.DemoDeniedBoundary, false, []string{"permissions boundary · no Allow", "boundary policy"}},
		{emulator.DemoDeniedKMSDisabled, true, []string{"KMS key · disabled", "Disabled", "enable the key", "customer managed"}},
		{emulator.DemoDeniedKMSPending, true, []string{"KMS key · pending deletion", "PendingDeletion", "kms:CancelKeyDeletion"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, 120, 60, emulator.Options{Seed: true}, nil)
			h.waitFor("prod/db/postgres")
			h.openRefused(c.name, c.openValue)
			h.press(h.app.env.Keys.Common.WhyDenied)
			screen := h.waitFor("Next step")
			if _, ok := h.app.top().(*insight.Access); !ok {
				t.Fatalf("top screen is %T, want the access diagnosis", h.app.top())
			}
			text := flat(screen)
			for _, w := range append(c.want, "arn:aws:iam::123456789012:user/oncall", "Not known") {
				if !strings.Contains(text, w) {
					t.Errorf("diagnosis lacks %q:\n%s", w, screen)
				}
			}
			assertNoValues(h, screen)
		})
	}
}

// W with no refusal to explain says so and opens nothing.
func TestWhyDeniedWithoutRefusal(t *testing.T) {
	h := newHarness(t, 100, 30, emulator.Options{Seed: true}, nil)
	h.waitFor("prod/db/postgres")
	h.press(h.app.env.Keys.Common.WhyDenied)
	h.waitFor("no refused call to explain")
	if len(h.app.stack) != 1 {
		t.Errorf("a screen was opened: %T", h.app.top())
	}
}

// From the error box, W opens the diagnosis too, and the box names the key.
func TestWhyDeniedFromErrorBox(t *testing.T) {
	h := newHarness(t, 120, 50, emulator.Options{Seed: true}, nil)
	h.waitFor("prod/db/postgres")
	h.openRefused(emulator.DemoDeniedSCP, false)
	h.press(h.app.env.Keys.Common.ErrorDetail)
	h.waitFor("W why denied? · esc close")
	h.press(h.app.env.Keys.Common.WhyDenied)
	screen := h.waitFor("Next step")
	if !strings.Contains(flat(screen), "service control policy (SCP)") {
		t.Errorf("diagnosis from the error box:\n%s", screen)
	}
}

// A refused listing (no one secret) is diagnosed too: the layer and the
// caller, and no key or resource policy.
func TestWhyDeniedOnRefusedListing(t *testing.T) {
	h := newHarness(t, 120, 50, emulator.Options{Seed: true}, nil)
	h.waitFor("prod/db/postgres")
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException"})
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitFor("W why denied?")
	h.press(h.app.env.Keys.Common.WhyDenied)
	text := flat(h.waitFor("Next step"))
	for _, w := range []string{"secretsmanager:ListSecrets refused", "identity-based policy · no Allow", "no KMS key or resource policy applies", "arn:aws:iam::123456789012:user/oncall"} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q:\n%s", w, text)
		}
	}
}

// The diagnosis changes nothing, so --read-only leaves it available.
func TestWhyDeniedInReadOnly(t *testing.T) {
	h := newHarness(t, 120, 50, emulator.Options{Seed: true}, func(o *Options) { o.ReadOnly = true })
	h.waitFor("prod/db/postgres")
	h.openRefused(emulator.DemoDeniedBoundary, false)
	h.press(h.app.env.Keys.Common.WhyDenied)
	if text := flat(h.waitFor("Next step")); !strings.Contains(text, "permissions boundary · no Allow") {
		t.Errorf("read-only diagnosis:\n%s", text)
	}
}
