package form

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// errTextAreaUnsafe refuses to open the text area on text it would change
// (tabs become spaces, carriage returns and control characters vanish):
// saving it unchanged must not alter the secret.
var errTextAreaUnsafe = errors.New("this value has tabs, carriage returns or control characters that the text area cannot keep: edit it in $EDITOR instead")

// TextArea is a multi-line text area for plaintext secrets (a PEM key, a
// connection string) and nested JSON. While masked it shows a fixed mask
// instead of the text, and still takes keys.
type TextArea struct {
	area   textarea.Model
	masked bool
}

// NewTextArea opens a text area on text. It refuses text that the text area
// would not give back byte for byte.
func NewTextArea(text string, masked bool) (*TextArea, error) {
	a := textarea.New()
	a.CharLimit = 0
	a.MaxHeight = 0
	a.MaxWidth = 0
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.SetValue(text)
	if a.Value() != text {
		return nil, errTextAreaUnsafe
	}
	a.MoveToBegin()
	return &TextArea{area: a, masked: masked}, nil
}

// setValue replaces the text, with the cursor at the beginning.
func (t *TextArea) setValue(text string) {
	t.area.SetValue(text)
	t.area.MoveToBegin()
}

// focus gives the text area the keyboard.
func (t *TextArea) focus() tea.Cmd { return t.area.Focus() }

// Value is the text as edited.
func (t *TextArea) Value() string { return t.area.Value() }

// update passes a key or paste to the text area.
func (t *TextArea) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	t.area, cmd = t.area.Update(msg)
	return cmd
}

// setSize gives the text area its room.
func (t *TextArea) setSize(w, h int) {
	t.area.SetWidth(max(w, 4))
	t.area.SetHeight(max(h, 1))
}

// view renders the text area, or the mask while masked: neither the text
// nor its length shows (the host's pane says how to reveal).
func (t *TextArea) view(st *common.Styles) string {
	if !t.masked {
		return t.area.View()
	}
	lines := make([]string, max(t.area.Height(), 1))
	lines[0] = common.RenderMask(st)
	return strings.Join(lines, "\n")
}
