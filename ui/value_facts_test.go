package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The value screen says what a value is without revealing it: the demo's
// SSH key shows the fingerprint ssh-keygen -l prints, while masked.
func TestValueFactsShowKeyFingerprintWhileMasked(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 110, 30, nil)
	v := h.openValue("prod/ssh/deploy-key")
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	s := h.screen()
	if !strings.Contains(s, "masked") || v.AnyRevealed() {
		t.Fatalf("the value is not masked:\n%s", s)
	}
	line := mustLineWith(t, s, "SHA256:")
	if !strings.Contains(line, "private key · 256 SHA256:") || !strings.HasSuffix(strings.TrimSpace(line), "(ED25519)") {
		t.Fatalf("fact line: %q", line)
	}
	key := h.emuValue("prod/ssh/deploy-key")
	for _, l := range strings.Split(key, "\n") {
		if len(l) > 12 && !strings.HasPrefix(l, "-----") && strings.Contains(s, l[:12]) {
			t.Fatalf("the screen shows part of the key:\n%s", s)
		}
	}
	if bin, err := exec.LookPath("ssh-keygen"); err == nil {
		path := filepath.Join(t.TempDir(), "id")
		if err := os.WriteFile(path, []byte(key), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-l", "-f", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		fp := strings.Fields(string(out))[1]
		if !strings.Contains(line, fp) {
			t.Fatalf("ssh-keygen says %s; the screen says %q", fp, line)
		}
	}
}

// A token whose expires_at has passed is flagged on the info line in the
// warning style's words, and the field's pane says which fact it is.
func TestValueFactsWarnOfAnExpiredToken(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 110, 30, nil)
	v := h.openValue("prod/oauth/github-app")
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	s := h.screen()
	info := mustLineWith(t, s, "AWSCURRENT · version")
	if !strings.Contains(info, "OAuth token expired 16 hours ago") {
		t.Fatalf("info line: %q", info)
	}
	for range 4 {
		h.press(h.app.env.Keys.Nav.Down)
	}
	if l := mustLineWith(t, h.screen(), "expiry from expires_at"); !strings.Contains(l, "expired 16 hours ago") {
		t.Fatalf("field pane: %q", l)
	}
	if v.AnyRevealed() {
		t.Fatal("facts revealed the value")
	}
}

func mustLineWith(t *testing.T, screen, part string) string {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	t.Fatalf("no line with %q:\n%s", part, screen)
	return ""
}
