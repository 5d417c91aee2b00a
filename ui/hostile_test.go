package ui

import (
	"strconv"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
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
			t.Parallel() // each width has its own emulator and App; the walk mostly waits
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
			h.send(common.PopScreenMsg{})
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
	h.press(k.Common.Help)
	check("list help")
	h.press(k.Common.Help)

	// Every region at once.
	h.press(k.List.AllRegions)
	check("region picker")
	h.press(k.Picker.Select)
	h.waitUntil("all regions", func(string) bool { return isScreen[*list.AllRegions](h.app.top()) })
	h.drain(300 * time.Millisecond)
	check("all regions")
	back()

	for _, name := range []string{emulator.HostileJSONName, emulator.HostileGuardName, emulator.HostilePlaintextName,
		emulator.HostileBinaryName, emulator.HostileReplicatedName, emulator.HostileDeletedName, emulator.HostileLongName()} {
		walkHostileSecret(h, name, check)
		back()
	}

	// The review of an edit, masked and with its values revealed.
	val, s := h.loadForEdit(emulator.HostileJSONName)
	hostileKey := "new" + emulator.HostileOSC8Open + emulator.HostileC1
	mustApply(h.t, s, secret.EditOp{Kind: secret.OpAdd, Key: hostileKey, Raw: []byte(strconv.Quote(emulator.HostileOverwrite + emulator.HostileBidi))})
	mustApply(h.t, s, secret.EditOp{Kind: secret.OpSet, Path: jsonedit.Path{jsonedit.Key("password")}, Raw: []byte(`"` + `\u009b2J\u001b]52;c;eA==\u0007` + `"`)})
	review := h.openReview(val, s, &reviewOwner{})
	check("review, masked")
	h.press(k.Input.Reveal)
	h.waitUntil("the review's values shown", func(string) bool { return review.Revealed })
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
	h.press(k.Common.Refresh)
	waitLoaded(h)
	check("list error in the status line")
	h.press(k.Common.ErrorDetail)
	check("list error in full")
	h.press(k.Common.Back)
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
	h.press(k.Common.Help)
	check(at("detail help"))
	h.press(k.Common.Help)

	// Dialogs that open from the detail screen: each opens or says why not.
	for _, b := range []struct {
		what string
		on   func() bool
	}{
		{"policy", func() bool { h.press(k.Detail.Policy); return true }},
		{"rollback", func() bool { h.press(k.Detail.Rollback); return true }},
		{"tags", func() bool { h.press(k.Detail.Tags); return true }},
		{"delete", func() bool { h.press(k.Common.Delete); return true }},
		{"restore", func() bool { h.press(k.Common.Restore); return true }},
		{"rotate", func() bool { h.press(k.Detail.Rotate); return true }},
		{"rotation settings", func() bool { h.press(k.Detail.RotationSettings); return true }},
	} {
		b.on()
		h.drain(100 * time.Millisecond)
		check(at(b.what))
		if h.app.top() != detail && b.what == "rollback" {
			h.press(k.Common.Reveal)
			h.drain(100 * time.Millisecond)
			check(at("rollback, values revealed"))
		}
		if ts, ok := h.app.top().(*dialog.TagsScreen); ok {
			// The edit prompts start with the tag's own (hostile) text.
			for range 3 {
				h.press(k.Nav.Down)
				for _, b := range []key.Binding{k.Editing.Edit, k.Editing.Rename} {
					h.press(b)
					if ts.Prompt != dialog.PromptNone {
						check(at("tags, " + b.Help().Desc))
						h.press(k.Input.Cancel)
					}
				}
			}
		}
		for h.app.top() != detail && len(h.app.stack) > 1 {
			h.send(common.PopScreenMsg{})
		}
		if h.app.top() != detail {
			h.t.Fatalf("%s: after %s the detail screen is gone (%T on top)", name, b.what, h.app.top())
		}
	}

	// Versions and the label dialogs, cursor on the newest version.
	h.press(k.Detail.Versions)
	h.waitUntil(at("versions"), func(string) bool { v, ok := h.app.top().(*secret.Versions); return ok && v.Loaded })
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
			h.send(common.PopScreenMsg{})
		}
	}
	h.send(common.PopScreenMsg{})

	// The value: masked, every field revealed, each row selected, a
	// container expanded, the raw view.
	if name == emulator.HostileDeletedName {
		return // a secret scheduled for deletion has no readable value
	}
	h.press(k.Detail.Value)
	if v := h.waitValue(); v.Err != nil {
		h.t.Fatalf("%s: value did not load: %v", name, v.Err)
	}
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
	h.press(k.Common.Help)
	check(at("value help"))
	h.press(k.Common.Help)
}

// The hostile text is shown, escaped, where an operator looks for it: the
// sanitizer must not hide what AWS holds, only make it harmless.
func TestHostileTextIsShownEscaped(t *testing.T) {
	t.Parallel()
	h := hostileHarness(t, 200, 60)
	k := h.app.env.Keys
	waitLoaded(h)
	waitForText(h, `JSON values: \x1b]8;;https://evil.example/\x1b\click`)

	h.openDetail(emulator.HostileGuardName)
	waitForText(h, `PRODUCTION - DO NOT DELETE\rtest scratch, safe to delete`)
	waitForText(h, `svcc1\x85\x8d\x90\x9b2J\x9b31mred\x9c`)
	waitForText(h, `function:rotate\x1b]0;pwned title\x07`)
	waitForText(h, "Rotation stuck or in progress")
	waitForText(h, `version \x1b]8;;https://evil.example/\x07pending\u202e\x9b2J-0123456789abcdef0123 holds AWSPENDING`)

	h.openDetail(emulator.HostileJSONName)
	waitForText(h, `invoice\u202efdp.exe\u202c`)
	waitForText(h, `👩\u200d💻`)
	waitForText(h, `\x1b[30;40mblack on black\x1b[0m`)
	h.press(k.Detail.Versions)
	waitForText(h, `\x1b[8mCONCEALED\x1b[0m`)
	h.send(common.PopScreenMsg{})

	h.openDetail(emulator.HostileReplicatedName)
	waitForText(h, `Replication failed: \x1b]8;;https://evil.example/spread\x07everything after this is a link`)

	h.openValue(emulator.HostilePlaintextName)
	h.press(k.Value.RevealAll)
	waitForText(h, `PRODUCTION - DO NOT DELETE\rtest scratch, safe to delete`)
	waitForText(h, `\x1b[2J\x1b[H\x1b[3;5Hmoved`)

	h.emu.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "AccessDeniedException", Message: emulator.HostileErrorMessage})
	h.openValue(emulator.HostileJSONName)
	waitForText(h, `this is a link \x9b2J\x85 \x1b]0;pwned title\x07`)
	waitForText(h, `User is not authorized \x1b]8;;https://`)
}
