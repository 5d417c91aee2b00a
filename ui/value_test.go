package ui

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

// openValue opens AWSCURRENT's value of a us-east-1 secret through its
// detail screen, as an operator would.
func (h *harness) openValue(name string) *secret.Value {
	h.t.Helper()
	h.openDetail(name)
	h.press(h.app.env.Keys.Detail.Value)
	return h.waitValue()
}

// rowLine returns the screen line of the table row for key.
func rowLine(t *testing.T, screen, key string) string {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		f := strings.Fields(strings.TrimLeft(l, "›▸▾ "))
		if len(f) > 0 && f[0] == key {
			return l
		}
	}
	t.Fatalf("no row %q:\n%s", key, screen)
	return ""
}

// currentValue reads a secret's AWSCURRENT value straight from the Store,
// for assertions (never through the UI).
func (h *harness) currentJSON(name string) map[string]any {
	h.t.Helper()
	v := h.emuValue(name)
	var m map[string]any
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		h.t.Fatalf("seed value of %s is not JSON: %v", name, err)
	}
	return m
}

func TestValueTableShowsTypesInDocumentOrder(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 40, nil)
	v := h.openValue("staging/app/config")
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	s := h.screen()
	want := []struct{ key, typ string }{
		{"service", "string"}, {"feature_flags", "object"}, {"limits", "object"},
		{"sampling_ratio", "number"}, {"fallback_region", "null"}, {"build_id", "number"},
		{"database", "object"}, {"allowed_origins", "array"},
	}
	last := -1
	for _, w := range want {
		line := rowLine(t, s, w.key)
		if !strings.Contains(line, w.typ) {
			t.Errorf("row %s = %q, want type %s", w.key, line, w.typ)
		}
		if w.typ != "null" && !strings.Contains(line, common.MaskText) {
			t.Errorf("row %s not masked: %q", w.key, line)
		}
		i := strings.Index(s, line)
		if i < last {
			t.Errorf("row %s out of document order", w.key)
		}
		last = i
	}
	// Expand feature_flags: nested rows with their own types appear.
	k := h.app.env.Keys
	h.press(k.Nav.Down)
	h.press(k.Value.Expand)
	s = h.screen()
	for _, w := range []struct{ key, typ string }{{"new_checkout", "boolean"}, {"dark_mode", "boolean"}, {"beta_users", "array"}} {
		if line := rowLine(t, s, w.key); !strings.Contains(line, w.typ) {
			t.Errorf("nested row %s = %q, want %s", w.key, line, w.typ)
		}
	}
	// Reveal the limits object: number spelling is preserved (1e3).
	h.press(k.Nav.Down)
	h.press(k.Nav.Down)
	h.press(k.Nav.Down)
	h.press(k.Nav.Down)
	if r, _ := v.Table.Selected(); r.Path.String() != "limits" {
		t.Fatalf("selected %s, want limits", r.Path)
	}
	h.press(k.Common.Reveal)
	assertContains(t, h.screen(), `{"requests_per_minute":600,"burst":1e3,"timeout_seconds":2.5}`)
	// build_id keeps all 20 digits when revealed.
	h.press(k.Value.RevealAll)
	assertContains(t, h.screen(), "12345678901234567890")
}

func TestValueRawViewPrettyPreservesSpelling(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 60, nil)
	h.openValue("staging/app/config")
	k := h.app.env.Keys
	h.press(k.Value.Raw)
	s := h.screen()
	assertContains(t, s, `"service": `+common.MaskText, `"burst": `+common.MaskText, `"fallback_region": null`, "JSON object (raw)")
	for _, leak := range []string{`"checkout"`, "1e3", "600", "alice@example.com"} {
		if strings.Contains(s, leak) {
			t.Fatalf("masked raw view shows %s:\n%s", leak, s)
		}
	}
	h.press(k.Value.RevealAll)
	s = h.screen()
	assertContains(t, s, `"burst": 1e3,`, `"build_id": 12345678901234567890,`, `"timeout_seconds": 2.5`)
	// Key order is the document's: service first, allowed_origins last.
	if strings.Index(s, `"service"`) > strings.Index(s, `"allowed_origins"`) {
		t.Errorf("raw view reorders keys:\n%s", s)
	}
}

func TestValuePEMRawViewIsNotCut(t *testing.T) {
	t.Parallel()
	for _, width := range []int{40, 80} {
		h := newSecretHarness(t, width, 24, nil)
		h.openValue("prod/ssh/deploy-key")
		pem := h.emuValue("prod/ssh/deploy-key")
		assertContains(t, h.screen(), common.MaskText, "plaintext")
		h.press(h.app.env.Keys.Value.RevealAll)
		// Scroll through the whole view, collecting what was shown where.
		v := h.topScreen().(*secret.Value)
		shown := map[int]string{}
		for range 80 {
			scr := strings.Split(h.screen(), "\n")
			off := v.Pager.Vp.YOffset()
			for j := 0; j < v.Pager.Vp.Height(); j++ {
				shown[off+j] = strings.TrimRight(scr[2+j], " ")
			}
			if v.Pager.Vp.AtBottom() {
				break
			}
			h.press(h.app.env.Keys.Nav.PageDown)
		}
		var all strings.Builder
		for i := 0; i < len(shown); i++ {
			all.WriteString(shown[i])
		}
		flat := all.String()
		for _, line := range strings.Split(strings.TrimSpace(pem), "\n") {
			if !strings.Contains(flat, line) {
				t.Fatalf("width %d: PEM line of %d chars missing from the raw view", width, len(line))
			}
		}
		for _, l := range strings.Split(h.screen(), "\n") {
			if n := len([]rune(l)); n > width {
				t.Fatalf("width %d: line of %d cells: %q", width, n, l)
			}
		}
	}
}

func TestValueBinaryShowsSizeBase64AndHex(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 60, nil)
	v := h.openValue("prod/tls/keystore")
	if v.Kind != secret.ValueBinary {
		t.Fatalf("kind %v, want binary", v.Kind)
	}
	data := []byte(h.emuValue("prod/tls/keystore"))
	s := h.screen()
	assertContains(t, s, "binary value · 640 bytes", "base64", "hex", common.MaskText)
	b64 := base64.StdEncoding.EncodeToString(data)
	if strings.Contains(s, b64[:16]) || strings.Contains(s, "30 82 02 7c") {
		t.Fatalf("masked binary view shows data:\n%s", s)
	}
	h.press(h.app.env.Keys.Value.RevealAll)
	s = h.screen()
	assertContains(t, s, b64[:40], "00000000  30 82 02 7c 02 01 03 30 82")
}

func TestValueRevealOneAllAndRemaskOnLeave(t *testing.T) {
	t.Parallel()
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 40, func(o *Options) { o.Audit = audit })
	h.openValue("prod/db/postgres")
	m := h.currentJSON("prod/db/postgres")
	pw, host := m["password"].(string), m["host"].(string)
	k := h.app.env.Keys
	// Select password and reveal only it.
	for i := 0; i < 4; i++ {
		h.press(k.Nav.Down)
	}
	h.press(k.Common.Reveal)
	s := h.screen()
	if !strings.Contains(rowLine(t, s, "password"), pw) {
		t.Fatalf("password not revealed:\n%s", s)
	}
	if strings.Contains(s, host) {
		t.Fatal("revealing one field revealed another")
	}
	// Reveal all, then mask just the password: the others stay revealed.
	h.press(k.Value.RevealAll)
	s = h.screen()
	assertContains(t, s, host, pw)
	h.press(k.Common.Reveal)
	s = h.screen()
	if strings.Contains(s, pw) || !strings.Contains(s, host) {
		t.Fatalf("masking one field out of reveal-all:\n%s", s)
	}
	// Leaving masks everything; coming back shows masks.
	v := h.topScreen().(*secret.Value)
	h.press(k.Common.Back)
	h.waitValueGone()
	if v.AnyRevealed() {
		t.Fatal("leaving the value screen left values revealed")
	}
	if v.Val.Secret.Len() != 0 {
		t.Fatal("the closed value screen still holds the value")
	}
	h.press(k.Detail.Value)
	h.waitValue()
	if s := h.screen(); strings.Contains(s, pw) || strings.Contains(s, host) {
		t.Fatalf("reopened value is not masked:\n%s", s)
	}
	// The reveals were audited, without values.
	var reveals int
	for _, ev := range audit.all() {
		if ev.Action == "reveal" {
			reveals++
			if ev.SecretARN == "" || len(ev.VersionIDs) != 1 || ev.Region != "us-east-1" {
				t.Errorf("incomplete audit event %+v", ev)
			}
		}
		if strings.Contains(ev.Detail, pw) {
			t.Fatal("audit event holds the value")
		}
	}
	if reveals != 2 {
		t.Fatalf("%d reveal events, want 2 (field, all)", reveals)
	}
}

// waitValueGone waits until the top screen is no longer the value screen.
func (h *harness) waitValueGone() {
	h.t.Helper()
	h.waitUntil("the value screen to close", func(string) bool {
		_, ok := h.app.top().(*secret.Value)
		return !ok
	})
}

// Not parallel: it races key presses against a real 150ms timer, which
// needs the CPU the parallel tests would take.
func TestValueRemasksAfterIdleTimeout(t *testing.T) {
	h := newSecretHarness(t, 100, 40, func(o *Options) { o.RevealTimeout = 150 * time.Millisecond })
	h.openValue("prod/api/stripe")
	key := h.emuValue("prod/api/stripe")
	k := h.app.env.Keys
	h.press(k.Value.RevealAll)
	assertContains(t, h.screen(), key)
	// Key presses keep it revealed past the timeout.
	for range 4 {
		time.Sleep(60 * time.Millisecond)
		h.press(k.Nav.Down)
	}
	if !strings.Contains(h.screen(), key) {
		t.Fatal("masked again although keys were pressed")
	}
	h.waitUntil("the value to mask again", func(s string) bool { return !strings.Contains(s, key) })
	assertContains(t, h.waitFor("masked again after 150ms"), common.MaskText)
}

func TestValueCopyFieldWithoutRevealing(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	audit := &recordingAuditor{}
	h := newSecretHarness(t, 100, 40, func(o *Options) { o.Clipboard = clip; o.Audit = audit })
	h.app.clipboard = clipboard.NewManagerFor(clipboardConfig(h.app.env), clip, false)
	h.openValue("prod/db/postgres")
	m := h.currentJSON("prod/db/postgres")
	pw := m["password"].(string)
	k := h.app.env.Keys
	for i := 0; i < 4; i++ {
		h.press(k.Nav.Down)
	}
	h.press(k.Value.CopyField)
	s := h.waitFor(`copied field "password" to the system clipboard — clears in 30s`)
	if clip.get() != pw {
		t.Fatal("clipboard does not hold the password")
	}
	if strings.Contains(s, pw) {
		t.Fatal("copying revealed the password")
	}
	v := h.topScreen().(*secret.Value)
	if v.AnyRevealed() {
		t.Fatal("copy marked something revealed")
	}
	// port is a number: copied as written.
	h.press(k.Nav.Up)
	h.press(k.Nav.Up)
	h.press(k.Value.CopyField)
	h.waitFor(`copied field "port"`)
	if clip.get() != "5432" {
		t.Fatalf("clipboard holds %q, want 5432", clip.get())
	}
	h.press(k.Value.CopyAll)
	h.waitFor("copied the value")
	if clip.get() != h.emuValue("prod/db/postgres") {
		t.Fatal("copy all did not copy the whole value")
	}
	var copies int
	for _, ev := range audit.all() {
		if ev.Action == "copy" {
			copies++
			if len(ev.VersionIDs) != 1 || ev.SecretARN == "" {
				t.Errorf("incomplete copy audit %+v", ev)
			}
		}
	}
	if copies != 3 {
		t.Fatalf("%d copy audit events, want 3", copies)
	}
}

func TestValueErrorsNameTheCause(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	remove := h.emu.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "AccessDeniedException"})
	v := h.openValue("prod/api/stripe")
	if v.Err == nil {
		t.Fatal("no error")
	}
	assertContains(t, h.screen(), "could not read the value of prod/api/stripe", "secretsmanager:GetSecretValue")
	remove()
	h.emu.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "DecryptionFailure"})
	h.press(h.app.env.Keys.Common.Refresh)
	h.waitValue()
	s := strings.Join(strings.Fields(h.screen()), " ")
	assertContains(t, s, "decryption failed", "KMS key")
	h.emu.ClearFaults()
	// The rest keeps working: back to detail, versions still load.
	h.press(h.app.env.Keys.Common.Back)
	h.press(h.app.env.Keys.Detail.Versions)
	h.waitFor("AWSCURRENT GREEN")
}
