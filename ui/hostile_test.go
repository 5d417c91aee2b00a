package ui

import (
	"strconv"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/jsonedit"
)

// The hostile fixture account (emulator.Options.Hostile) carries escape
// sequences, C1 controls, CR overwrites, bidi controls, ZWJ emoji, wide and
// combining text in every field AWS lets it. Every screen is rendered on it
// at 40, 80 and 200 columns, and the RAW View output (escape codes and all,
// not ansi.Strip) must hold nothing but text and the app's own SGR styles,
// no line wider than the window.

// hostileHarness is an App on the hostile account, on a fixed clock.
func hostileHarness(t *testing.T, width, height int) *harness {
	t.Helper()
	return newHarness(t, width, height, emulator.Options{Hostile: true, Clock: func() time.Time { return testNow }}, func(o *Options) {
		o.Now = func() time.Time { return testNow }
		o.Regions = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
	})
}

// assertSafe fails the test when the raw View holds a terminal hazard.
func (h *harness) assertSafe(where string, width int) {
	h.t.Helper()
	v := h.app.View()
	if bad := terminalHazard(v.Content, width); bad != "" {
		h.t.Errorf("%s at %d columns: %s\nscreen:\n%s", where, width, bad, h.screen())
	}
	if bad := terminalHazard(v.WindowTitle, 1<<20); bad != "" {
		h.t.Errorf("%s at %d columns: window title: %s", where, width, bad)
	}
}

func TestHostileAccountNeverReachesTheTerminalRaw(t *testing.T) {
	for _, width := range []int{40, 80, 200} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			h := hostileHarness(t, width, 40)
			walkHostileScreens(h, width)
		})
	}
}

// walkHostileScreens opens every screen on the hostile secrets and checks
// each as it is drawn.
func walkHostileScreens(h *harness, width int) {
	k := h.app.env.Keys
	check := func(where string) { h.t.Helper(); h.assertSafe(where, width) }
	back := func() {
		for len(h.app.stack) > 1 {
			h.send(popScreenMsg{})
		}
	}

	// The list, with the deleted secret shown, and its help.
	waitLoaded(h)
	check("list")
	h.press(k.List.ShowDeleted)
	waitLoaded(h)
	check("list with deleted")
	for range 8 {
		h.press(k.Nav.Down)
		check("list, cursor moving")
	}
	h.press(k.Global.Help)
	check("list help")
	h.press(k.Global.Help)

	// Every region at once.
	h.press(k.List.AllRegions)
	check("region picker")
	h.press(k.Picker.Select)
	h.waitUntil("all regions", func(string) bool { return isScreen[*allRegionsScreen](h.app.top()) })
	h.drain(300 * time.Millisecond)
	check("all regions")
	back()

	for _, name := range []string{emulator.HostileJSONName, emulator.HostileGuardName, emulator.HostilePlaintextName,
		emulator.HostileBinaryName, emulator.HostileReplicatedName, emulator.HostileDeletedName, emulator.HostileLongName} {
		walkHostileSecret(h, name, check)
		back()
	}

	// The review of an edit, masked and with its values revealed.
	val, s := h.loadForEdit(emulator.HostileJSONName)
	hostileKey := "new" + emulator.HostileOSC8Open + emulator.HostileC1
	mustApply(h.t, s, editOp{kind: opAdd, key: hostileKey, raw: []byte(strconv.Quote(emulator.HostileOverwrite + emulator.HostileBidi))})
	mustApply(h.t, s, editOp{kind: opSet, path: jsonedit.Path{jsonedit.Key("password")}, raw: []byte(`"` + `\u009b2J\u001b]52;c;eA==\u0007` + `"`)})
	review := h.openReview(val, s, &reviewOwner{})
	check("review, masked")
	h.press(k.Editor.Reveal)
	h.waitUntil("the review's values shown", func(string) bool { return review.revealed })
	check("review, values revealed")
	back()

	// Errors from the endpoint that carry an OSC 8 link and C1 controls: in
	// the value screen's error box and in the list's status line.
	remove := h.emu.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "AccessDeniedException", Message: emulator.HostileErrorMessage})
	h.openValue(emulator.HostileJSONName)
	check("value error box")
	remove()
	back()
	remove = h.emu.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "ValidationException", Message: emulator.HostileErrorMessage})
	h.press(k.List.Refresh)
	waitLoaded(h)
	check("list error in the status line")
	remove()
}

// walkHostileSecret checks the detail, policy, versions, value, rollback,
// tags and write dialogs of one secret.
func walkHostileSecret(h *harness, name string, check func(string)) {
	k := h.app.env.Keys
	at := func(s string) string { return name + ": " + s }
	h.openDetail(name)
	check(at("detail"))
	detail := h.app.top()
	h.press(k.Nav.PageDown)
	check(at("detail, scrolled"))
	h.press(k.Global.Help)
	check(at("detail help"))
	h.press(k.Global.Help)

	// Dialogs that open from the detail screen: each opens or says why not.
	for _, b := range []struct {
		what string
		on   func() bool
	}{
		{"policy", func() bool { h.press(k.Detail.Policy); return true }},
		{"rollback", func() bool { h.press(k.Detail.Rollback); return true }},
		{"tags", func() bool { h.press(k.Detail.Tags); return true }},
		{"delete", func() bool { h.press(k.Detail.Delete); return true }},
		{"restore", func() bool { h.press(k.Detail.Restore); return true }},
		{"rotate", func() bool { h.press(k.Detail.Rotate); return true }},
		{"rotation settings", func() bool { h.press(k.Detail.RotationSettings); return true }},
	} {
		b.on()
		h.drain(100 * time.Millisecond)
		check(at(b.what))
		if h.app.top() != detail && b.what == "rollback" {
			h.press(k.Value.Reveal)
			h.drain(100 * time.Millisecond)
			check(at("rollback, values revealed"))
		}
		for h.app.top() != detail && len(h.app.stack) > 1 {
			h.send(popScreenMsg{})
		}
	}

	// Versions and the label dialogs, cursor on the newest version.
	h.press(k.Detail.Versions)
	h.waitUntil(at("versions"), func(string) bool { v, ok := h.app.top().(*versionsScreen); return ok && v.loaded })
	check(at("versions"))
	versions := h.app.top()
	for _, b := range []string{"move", "remove"} {
		if b == "move" {
			h.press(k.Versions.MoveLabel)
		} else {
			h.press(k.Versions.RemoveLabel)
		}
		h.drain(100 * time.Millisecond)
		check(at(b + " label"))
		for h.app.top() != versions && len(h.app.stack) > 1 {
			h.send(popScreenMsg{})
		}
	}
	h.send(popScreenMsg{})

	// The value: masked, every field revealed, each row selected, a
	// container expanded, the raw view.
	if name == emulator.HostileDeletedName {
		return // a secret scheduled for deletion has no readable value
	}
	h.press(k.Detail.Value)
	h.waitValue()
	check(at("value, masked"))
	h.press(k.Value.RevealAll)
	check(at("value, revealed"))
	for range 14 {
		h.press(k.Nav.Down)
		check(at("value, row selected"))
		h.send(keyPress(k.Value.Expand.Keys()[0]))
		check(at("value, row expanded"))
	}
	h.send(keyPress(k.Value.Raw.Keys()[0]))
	check(at("value, raw view"))
	h.press(k.Nav.PageDown)
	check(at("value, raw view scrolled"))
	h.press(k.Global.Help)
	check(at("value help"))
	h.press(k.Global.Help)
}
