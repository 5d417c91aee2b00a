package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"

	"github.com/smtui/smtui/ui/components/form"
)

// widgetKeepsExactly is the ground truth inlineProblem predicts: does the
// widget hold text byte for byte?
func widgetKeepsExactly(text string, multi bool) bool {
	if multi {
		a, err := form.NewTextArea(text, true)
		return err == nil && a.Value() == text
	}
	in := textinput.New()
	in.CharLimit = 0
	in.SetValue(text)
	return in.Value() == text
}

var inlineSeeds = []string{
	"", "5432", "hunter2", "café", "日本語", "👩‍💻", "a b", "x\u200by", "\u202eevil",
	"\x00y", "ab\ufffdcd", "x\x7fy", "x\u0085y", "\x1b[31mred", "a\tb", "a\r\nb", "a\nb", "a\n", "\n\n",
	"\xff\xfe", "a\xc3", "\u009b31m", "-----BEGIN-----\nabc\n-----END-----\n",
}

func TestInlineProblemMatchesTheWidgets(t *testing.T) {
	t.Parallel()
	for _, text := range inlineSeeds {
		for _, multi := range []bool{false, true} {
			p := form.InlineProblem(text, multi)
			if got := widgetKeepsExactly(text, multi); got != (p == "") {
				t.Errorf("%q multi=%v: widget keeps it %v, inlineProblem %q", text, multi, got, p)
			}
		}
	}
	// The text area keeps at most 10,000 lines.
	for _, lines := range []int{form.TextAreaMaxLines, form.TextAreaMaxLines + 1} {
		text := strings.Repeat("x\n", lines-1) + "x"
		p := form.InlineProblem(text, true)
		if got := widgetKeepsExactly(text, true); got != (p == "") {
			t.Errorf("%d lines: text area keeps them %v, inlineProblem %q", lines, got, p)
		}
		if (lines > form.TextAreaMaxLines) == (p == "") {
			t.Errorf("%d lines: inlineProblem %q", lines, p)
		}
	}
}

// The reasons name the kind of character, never the text.
func TestInlineProblemNeverQuotesTheText(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"secretA\x00", "secretB\ufffd", "secretC\t", "secretD\xff"} {
		p := form.InlineProblem(text, false)
		if p == "" || strings.Contains(p, "secret") {
			t.Errorf("%q: reason %q", text, p)
		}
		err := form.InlineRefusal{What: "this value", Problem: p, Ext: testEnv().Keys.Editing.External}
		if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "$EDITOR") {
			t.Errorf("%q: refusal %q", text, err)
		}
	}
}

func FuzzInlineProblemMatchesTheWidgets(f *testing.F) {
	for _, s := range inlineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, multi := range []bool{false, true} {
			p := form.InlineProblem(text, multi)
			if got := widgetKeepsExactly(text, multi); got != (p == "") {
				t.Errorf("%q multi=%v: widget keeps it %v, inlineProblem %q", text, multi, got, p)
			}
		}
	})
}
