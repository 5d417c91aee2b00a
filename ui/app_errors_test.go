package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/secret"
)

const deniedList = "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: secretsmanager:ListSecrets " +
	"on resource: * because no identity-based policy allows the secretsmanager:ListSecrets action"

// A list error is cut to one line in the status line, with the key that
// opens it in full next to it; the full view has the code, the message, the
// action, the region and the advice, and esc closes it.
func TestListErrorOpensInFull(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 30, nil)
	k := h.app.env.Keys
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException", Message: deniedList})
	h.press(k.Common.Refresh)
	waitLoaded(h)
	h.waitUntil("the error in the status line", func(string) bool { return h.app.statusHasErr })
	status := h.statusLine()
	if !strings.HasSuffix(status, "! error details · W why denied?") || !strings.HasPrefix(status, "list secrets in us-east-1: access denied") {
		t.Fatalf("status line = %q, want the error and then the key that opens it", status)
	}
	if strings.Contains(h.screen(), "no identity-based policy allows") {
		t.Fatal("the whole message fits at 80 columns? the test no longer shows a cut error")
	}

	h.press(k.Common.ErrorDetail)
	screen := h.screen()
	for _, want := range []string{"could not list secrets in us-east-1", "AccessDeniedException", "secretsmanager:ListSecrets", "us-east-1", "list secrets",
		"What to do", "or switch profile", "Cause", "identity-based policy", "RequestID", "esc close"} {
		if !strings.Contains(screen, want) {
			t.Errorf("full error view lacks %q:\n%s", want, screen)
		}
	}
	h.press(k.Common.Back)
	if h.app.errBox != nil || len(h.app.stack) != 1 {
		t.Fatalf("esc did not close only the error view (box %v, %d screens)", h.app.errBox != nil, len(h.app.stack))
	}
	if strings.Contains(h.screen(), "AccessDeniedException") {
		t.Fatal("the full error is still shown after esc")
	}
}

// No repeated prefixes: the list's own failure text names the region once.
func TestListFailureSaysEachFactOnce(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 200, 30, nil)
	k := h.app.env.Keys
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException", Message: deniedList})
	h.press(k.Common.Refresh)
	waitLoaded(h)
	screen := h.screen()
	if !strings.Contains(screen, "could not list secrets in us-east-1: access denied") {
		t.Fatalf("no list failure text:\n%s", screen)
	}
	if strings.Contains(screen, "us-east-1: list secrets in us-east-1") {
		t.Fatalf("repeated prefix:\n%s", screen)
	}
}

// On a small window the full error scrolls, and says there is more.
func TestErrorViewScrollsOnASmallWindow(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 40, 14, nil)
	k := h.app.env.Keys
	waitLoaded(h)
	h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException", Message: deniedList})
	h.press(k.Common.Refresh)
	waitLoaded(h)
	h.waitUntil("the error in the status line", func(string) bool { return h.app.statusHasErr })
	h.press(k.Common.ErrorDetail)
	first := h.screen()
	if !strings.Contains(first, "more below") {
		t.Fatalf("no sign of more lines:\n%s", first)
	}
	for range 40 {
		h.press(k.Nav.Down)
	}
	last := h.screen()
	if last == first || !strings.Contains(last, "secretsmanager:ListSecrets action") || strings.Contains(last, "more below") {
		t.Fatalf("scrolling to the end did not show the cause:\n%s", last)
	}
	for _, line := range strings.Split(last, "\n") {
		if len([]rune(line)) > 40 {
			t.Fatalf("line wider than the window: %q", line)
		}
	}
}

// With no error yet, the key says so instead of doing nothing.
func TestErrorDetailWithoutAnError(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 80, 24, nil)
	waitLoaded(h)
	h.press(h.app.env.Keys.Common.ErrorDetail)
	if h.app.errBox != nil || !strings.Contains(h.statusLine(), "no error to show") {
		t.Fatalf("status %q, box open %v", h.statusLine(), h.app.errBox != nil)
	}
}

// On the value screen too, a decryption failure opens in full with its key,
// and the full view names the secret's KMS key.
func TestValueDecryptionErrorNamesTheKeyInFull(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	k := h.app.env.Keys
	h.emu.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "DecryptionFailure"})
	h.openValue("dev/db/postgres")
	h.waitUntil("the error in the status line", func(string) bool { return h.app.statusHasErr })
	if !strings.HasSuffix(h.statusLine(), "! error details · W why denied?") {
		t.Fatalf("status line = %q", h.statusLine())
	}
	h.press(k.Common.ErrorDetail)
	screen := h.screen()
	for _, want := range []string{"DecryptionFailure", "KMS key:", "the AWS managed key aws/secretsmanager", "dev/db/postgres"} {
		if !strings.Contains(screen, want) {
			t.Errorf("full error view lacks %q:\n%s", want, screen)
		}
	}
	h.press(k.Common.Back)
	if h.app.errBox != nil {
		t.Fatal("esc did not close the error view")
	}
	if _, ok := h.topScreen().(*secret.Value); !ok {
		t.Fatalf("esc on the error view left the value screen: top is %T", h.topScreen())
	}
}
