package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// helpItem is a binding as the footer shows it: "key desc".
func helpItem(b key.Binding, desc string) string { return b.Help().Key + " " + desc }

// The value screen's footer says what space and V do now: reveal what is
// masked, hide what is shown.
func TestValueFooterFollowsRevealState(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 200, 60, nil)
	h.openValue("prod/db/postgres")
	k := h.app.env.Keys
	for range 4 {
		h.press(k.Nav.Down) // the password
	}
	expect := func(when string, want, not []string) {
		t.Helper()
		footer := lastLine(h.screen())
		for _, w := range want {
			if !strings.Contains(footer, w) {
				t.Errorf("%s: footer %q lacks %q", when, footer, w)
			}
		}
		for _, n := range not {
			if strings.Contains(footer, n) {
				t.Errorf("%s: footer %q says %q", when, footer, n)
			}
		}
	}
	reveal, hide := helpItem(k.Common.Reveal, "reveal"), helpItem(k.Common.Reveal, "hide")
	all, hideAll := helpItem(k.Value.RevealAll, "reveal all"), helpItem(k.Value.RevealAll, "hide all")
	expect("all masked", []string{reveal, all}, []string{hide, hideAll})
	h.press(k.Common.Reveal)
	expect("the password revealed", []string{hide, all}, []string{reveal + " ", hideAll})
	h.press(k.Value.RevealAll)
	expect("all revealed", []string{hide, hideAll}, []string{all})
	h.press(k.Value.RevealAll)
	expect("all masked again", []string{reveal, all}, []string{hide, hideAll})
	fields := h.currentJSON("prod/db/postgres")
	if strings.Contains(h.screen(), fields["password"].(string)) {
		t.Fatal("hide all left the password shown")
	}
	// Every field revealed one by one: V hides them all.
	h.press(k.Nav.Top)
	for range fields {
		h.press(k.Common.Reveal)
		h.press(k.Nav.Down)
	}
	expect("each field revealed", []string{hideAll}, []string{all})
	h.press(k.Value.RevealAll)
	expect("hidden again", []string{all}, []string{hideAll})
	if strings.Contains(h.screen(), fields["password"].(string)) {
		t.Fatal("V after revealing every field did not hide them")
	}
}

// In the delete dialog, enter is described as what it does on the focused
// button or in the name input, at 80x24 and 40x10.
func TestDeleteDialogFooterSaysWhatEnterDoes(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {40, 10}} {
		h := writeHarness(t, nil)
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		store := connectStore(h, "us-east-1")
		k := h.app.env.Keys
		const name = "dev/api/sendgrid"
		openScreen(h, dialog.NewDeleteScreen(h.app.env, store, describeNow(h, store, name).SecretSummary))
		h.waitFor("How?")
		h.press(k.Nav.Open) // schedule
		enter := common.KeyHelp(k.Input.Submit)
		h.typeText(name)
		if f := lastLine(h.screen()); !strings.Contains(f, enter+" schedule deletion") {
			t.Errorf("%dx%d name input: footer %q", size[0], size[1], f)
		}
		h.press(k.Dialog.Switch) // [ Cancel ]
		if f := lastLine(h.screen()); !strings.HasPrefix(strings.TrimSpace(f), enter+" cancel") {
			t.Errorf("%dx%d on [ Cancel ]: footer %q", size[0], size[1], f)
		}
		h.press(k.Dialog.Switch) // [ Schedule deletion ]
		if f := lastLine(h.screen()); !strings.HasPrefix(strings.TrimSpace(f), enter+" schedule deletion") {
			t.Errorf("%dx%d on [ Schedule deletion ]: footer %q", size[0], size[1], f)
		}
	}
}

// At 40x10 the delete dialog keeps its border (top and bottom) and its
// buttons readable, on the choice and on the confirmation.
func TestDeleteDialogFitsFortyByTen(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	store := connectStore(h, "us-east-1")
	k := h.app.env.Keys
	const name = "dev/api/sendgrid"
	openScreen(h, dialog.NewDeleteScreen(h.app.env, store, describeNow(h, store, name).SecretSummary))
	whole := func(when string, wants ...string) {
		t.Helper()
		s := h.screen()
		if !strings.Contains(s, "╭") || !strings.Contains(s, "╰") {
			t.Errorf("%s: the box lost its border:\n%s", when, s)
		}
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s: lacks %q:\n%s", when, w, s)
			}
		}
	}
	whole("the choice", "How?", "Schedule the deletion", "Delete now")
	h.press(k.Nav.Open) // schedule
	whole("the name guard", "[ Cancel ]", "[ Schedule deletion ]", "type "+name+" to confirm")
	h.typeText("dev/api/x")
	h.press(k.Input.Submit)
	whole("a wrong name", "[ Cancel ]", "[ Schedule deletion ]")
}
