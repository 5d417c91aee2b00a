package form

import (
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"github.com/smtui/smtui/ui/common"
)

// TextAreaMaxLines is the most lines the text area holds: bubbles' textarea
// silently drops lines past 10,000.
const TextAreaMaxLines = 10000

// InlineProblem says why the in-app editor would not hold text byte for
// byte, or "" when it would. multi is the text area, else the one-line text
// input. Both drop control characters (C0, DEL, C1 such as U+0085), U+FFFD
// and invalid UTF-8; the text input turns line breaks and tabs into spaces,
// the text area turns tabs into spaces and carriage returns into line
// breaks. The reason never quotes the text: it may be a secret.
func InlineProblem(text string, multi bool) string {
	lines := 1
	for i, r := range text {
		switch {
		case r == '\n' && multi:
			lines++
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
				return "bytes that are not UTF-8"
			}
			return "a U+FFFD replacement character"
		case r == '\t':
			return "a tab"
		case r == '\r':
			return "a carriage return"
		case r == '\n':
			return "a line break"
		case unicode.IsControl(r):
			return "a control character"
		}
	}
	if lines > TextAreaMaxLines {
		return "more than 10,000 lines"
	}
	return ""
}

// InlineRefusal is the refusal to open the in-app editor on text it would
// change, so that applying it untouched cannot alter the secret.
type InlineRefusal struct {
	What    string      // "this value", "this key"
	Problem string      // from inlineProblem
	Ext     key.Binding // the $EDITOR binding, named in the message; disabled: not offered
}

// Error says why the text cannot be edited inline.
func (e InlineRefusal) Error() string {
	why := e.What + " has " + e.Problem + " the in-app editor would alter"
	if !e.Ext.Enabled() || len(e.Ext.Keys()) == 0 {
		return why + ": it cannot be changed here"
	}
	// The key and its name come from the binding, so the hint cannot lie;
	// they lead, as the status line cuts long text at its end.
	return "use " + common.KeyHelp(e.Ext) + " (" + e.Ext.Help().Desc + ") for " + e.What + ": it has " + e.Problem +
		" the in-app editor would alter"
}
