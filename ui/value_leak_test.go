package ui

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// rootList is the list screen at the bottom of the stack.
func rootList(h *harness) *list.Screen { return h.app.stack[0].(*list.Screen) }

// waitListed waits until the list has finished loading.
func waitListed(h *harness) {
	h.t.Helper()
	h.waitUntil("the listing to finish", func(string) bool {
		l := rootList(h)
		return !l.Loading && !l.Connecting && (l.Complete || l.LoadErr != nil || l.Stopped)
	})
}

// listSelected is the name of the secret under the list's cursor.
func listSelected(h *harness) string {
	if r := rootList(h).Table.Selected(); r != nil {
		return r.Name()
	}
	return ""
}

// waitDetail waits for the detail screen on top to finish loading.
func waitDetail(h *harness) *secret.Detail {
	h.t.Helper()
	var d *secret.Detail
	h.waitUntil("the detail screen to load", func(string) bool {
		var ok bool
		d, ok = h.app.top().(*secret.Detail)
		return ok && (d.Secret != nil || d.LoadErr != nil) && d.PolicyLoaded
	})
	return d
}

// waitVersions waits for the versions screen on top to finish loading.
func waitVersions(h *harness) *secret.Versions {
	h.t.Helper()
	var v *secret.Versions
	h.waitUntil("the versions screen to load", func(string) bool {
		var ok bool
		v, ok = h.app.top().(*secret.Versions)
		return ok && v.Loaded
	})
	return v
}

// back presses esc until the list is on top.
func backToList(h *harness) {
	h.t.Helper()
	for len(h.app.stack) > 1 {
		h.press(h.app.env.Keys.Common.Back)
	}
}

// TestBrowsingNeverReadsValues walks list → detail → versions for every
// listed secret, scrolling each screen, and proves no GetSecretValue was
// made: a value is read only when the operator opens it.
func TestBrowsingNeverReadsValues(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	waitListed(h)
	k := h.app.env.Keys
	h.press(k.Nav.Top)
	seen := map[string]bool{}
	for name := listSelected(h); name != "" && !seen[name]; name = listSelected(h) {
		seen[name] = true
		h.press(k.Nav.Open)
		waitDetail(h)
		h.press(k.Nav.Bottom)
		h.press(k.Detail.Versions)
		waitVersions(h)
		h.press(k.Nav.Bottom)
		backToList(h)
		h.press(k.Nav.Down)
	}
	if len(seen) < 15 {
		t.Fatalf("walked only %d secrets", len(seen))
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("browsing called GetSecretValue %d times", n)
	}
	// Opening a value is the operator asking: exactly one read.
	h.press(k.Nav.Top)
	h.press(k.Nav.Open)
	waitDetail(h)
	h.press(k.Detail.Value)
	h.waitValue()
	if n := h.emu.Requests("GetSecretValue"); n != 1 {
		t.Fatalf("opening one value made %d GetSecretValue calls", n)
	}
}

// leakNeedles lists the strings whose appearance on a masked screen means
// a leak: every seeded value, each of its lines, its JSON leaves, the start
// of its base64 and hex forms, and a 12-character prefix of each (to catch
// a value cut short by a narrow column). Strings of 5 characters or fewer,
// and strings that are also public text (names, descriptions, tags, ARNs,
// JSON keys: "postgres", "orders", "checkout") are left out.
func leakNeedles(h *harness) []string {
	public := &strings.Builder{}
	for _, region := range []string{"us-east-1", "eu-west-1", "ap-southeast-2"} {
		for _, s := range h.allSummaries(region) {
			fmt.Fprintln(public, s.Name, s.Description, s.ARN, s.RotationLambdaARN, s.OwningService)
			for _, tg := range s.Tags {
				fmt.Fprintln(public, tg.Key, tg.Value)
			}
		}
	}
	set := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) <= 5 {
			return
		}
		set[s] = true
		if len(s) > 12 {
			set[s[:12]] = true
		}
	}
	for _, v := range h.emu.SeedValues() {
		add(v)
		for _, l := range strings.Split(v, "\n") {
			add(l)
		}
		if doc, err := jsonedit.Parse([]byte(v)); err == nil {
			doc.Walk(func(_ jsonedit.Path, f jsonedit.Field) bool {
				fmt.Fprintln(public, f.Key)
				if k := f.Value.Kind(); k != jsonedit.Object && k != jsonedit.Array {
					add(f.Value.Decoded())
				}
				return true
			})
		}
		add(base64.StdEncoding.EncodeToString([]byte(v)))
		if len(v) >= 4 {
			add(fmt.Sprintf("%02x %02x %02x %02x", v[0], v[1], v[2], v[3]))
		}
	}
	pub := public.String()
	var out []string
	for s := range set {
		if !strings.Contains(pub, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// assertNoLeak fails if the screen shows any needle.
func assertNoLeak(t *testing.T, needles []string, where, screen string) {
	t.Helper()
	for _, n := range needles {
		if strings.Contains(screen, n) {
			t.Fatalf("%s: a seeded secret value (%d chars) is on the screen:\n%s", where, len(n), screen)
		}
	}
}

// TestNoSeededValueOnAnyMaskedScreen walks every listed us-east-1 secret
// through the list, its detail (top and bottom), its versions, its newest
// version's value (masked table, masked raw view, expanded rows) at 80 and
// 40 columns, and fails if any seeded value shows.
func TestNoSeededValueOnAnyMaskedScreen(t *testing.T) {
	t.Parallel()
	for _, width := range []int{80, 40} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			h := newSecretHarness(t, width, 24, nil)
			waitListed(h)
			needles := leakNeedles(h)
			if len(needles) < 50 {
				t.Fatalf("only %d needles: the leak test would prove little", len(needles))
			}
			k := h.app.env.Keys
			check := func(where string) { assertNoLeak(t, needles, where, h.screen()) }
			h.press(k.Nav.Top)
			check("list")
			seen := map[string]bool{}
			values := 0
			for name := listSelected(h); name != "" && !seen[name]; name = listSelected(h) {
				seen[name] = true
				h.press(k.Nav.Open)
				waitDetail(h)
				check(name + " detail")
				h.press(k.Nav.Bottom)
				check(name + " detail bottom")
				h.press(k.Detail.Versions)
				waitVersions(h)
				check(name + " versions")
				h.press(k.Versions.OpenValue)
				if _, ok := h.app.top().(*secret.Value); ok {
					v := h.waitValue()
					values++
					check(name + " value")
					if v.Kind == secret.ValueJSON {
						for range v.Table.Rows {
							h.press(k.Value.Expand)
							h.press(k.Nav.Down)
						}
						check(name + " value expanded")
						h.press(k.Value.Raw)
						check(name + " raw value")
						h.press(k.Nav.Bottom)
						check(name + " raw value bottom")
					} else {
						h.press(k.Nav.Bottom)
						check(name + " value bottom")
					}
				}
				backToList(h)
				check("list after " + name)
				h.press(k.Nav.Down)
			}
			if len(seen) < 15 || values < 12 {
				t.Fatalf("walked %d secrets and %d values; the list did not show the seed", len(seen), values)
			}
		})
	}
}
