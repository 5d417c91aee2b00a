package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/ui/jsonedit"
)

// editorResult is what a message did to an open field editor.
type editorResult int

const (
	editorEditing   editorResult = iota // still typing
	editorSubmitted                     // read value() and apply it
	editorCancelled                     // close, change nothing
	editorRevealed                      // the operator revealed the text: audit it
)

// editorMode is what a field editor asks for.
type editorMode int

const (
	modeValue editorMode = iota // a JSON value of a kind (toggleable for scalars)
	modeKey                     // an object key (plain text, never masked)
	modeText                    // a whole plaintext value
)

// toggleCycle is the types Editor.ToggleType moves through for a field
// that was of kind orig: a number, boolean or null field switches between
// its type and string (3306 or "3306"); a string or new field cycles
// through every scalar type.
func toggleCycle(orig jsonedit.Kind) []jsonedit.Kind {
	if orig == jsonedit.String {
		return []jsonedit.Kind{jsonedit.String, jsonedit.Number, jsonedit.Bool, jsonedit.Null}
	}
	return []jsonedit.Kind{orig, jsonedit.String}
}

// fieldEditor is the pane that edits one thing: a field's value (one line
// in a text input, or a text area for multi-line strings and nested JSON),
// a key, or a whole plaintext value. It validates nothing itself until
// value() is called; the host applies the result through jsonedit and
// shows any refusal with setError, keeping the pane open and the text kept.
type fieldEditor struct {
	env   *Env
	title string
	mode  editorMode
	kind  jsonedit.Kind // modeValue: the type the text is read as
	orig  jsonedit.Kind // the field's type when the editor opened

	masked   bool
	origText string // the text the editor opened with, to tell "changed" while masked
	input    textinput.Model
	area     *textEdit // non-nil: multi-line
	err      string

	width, height int
}

// newValueEditor edits a field whose current value is n (nil for a new
// field, typed as a string by default). masked hides the text while typing.
func newValueEditor(env *Env, title string, n *jsonedit.Node, masked bool) (*fieldEditor, error) {
	kind, text := jsonedit.String, ""
	if n != nil {
		kind = n.Kind()
		switch kind {
		case jsonedit.String:
			text = n.Decoded()
		case jsonedit.Null:
			text = ""
		default:
			text = string(n.Raw())
		}
	}
	return newValueEditorText(env, title, kind, text, masked)
}

// newValueEditorText edits text to be read as a value of kind (for text
// that came back from $EDITOR and was refused, so nothing typed is lost).
func newValueEditorText(env *Env, title string, kind jsonedit.Kind, text string, masked bool) (*fieldEditor, error) {
	e := &fieldEditor{env: env, title: title, mode: modeValue, kind: kind, orig: kind, masked: masked, origText: text}
	multi := kind == jsonedit.Object || kind == jsonedit.Array || strings.ContainsAny(text, "\n\r\t")
	return e, e.open(text, multi)
}

// newKeyEditor asks for an object key (a new field's, or a new name).
func newKeyEditor(env *Env, title, current string) *fieldEditor {
	e := &fieldEditor{env: env, title: title, mode: modeKey, kind: jsonedit.String}
	_ = e.open(current, false)
	return e
}

// newTextEditor edits a whole plaintext value in a text area.
func newTextEditor(env *Env, title, text string, masked bool) (*fieldEditor, error) {
	e := &fieldEditor{env: env, title: title, mode: modeText, kind: jsonedit.String, masked: masked}
	return e, e.open(text, true)
}

func (e *fieldEditor) open(text string, multi bool) error {
	if multi {
		a, err := newTextEdit(text, e.masked)
		if err != nil {
			return err
		}
		e.area = a
		return nil
	}
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 0
	in.SetValue(text)
	in.CursorEnd()
	if e.masked {
		in.EchoMode = textinput.EchoPassword
		in.EchoCharacter = '•'
	}
	e.input = in
	return nil
}

// focus gives the editor the keyboard.
func (e *fieldEditor) focus() tea.Cmd {
	if e.area != nil {
		return e.area.focus()
	}
	return e.input.Focus()
}

// text is what has been typed.
func (e *fieldEditor) text() string {
	if e.area != nil {
		return e.area.value()
	}
	return e.input.Value()
}

// value is the result to apply: the raw JSON for a value (refused with a
// clear message, never quoting the text, when it does not fit the type), the
// key for a key, the text for plaintext.
func (e *fieldEditor) value() ([]byte, error) {
	switch e.mode {
	case modeKey:
		return []byte(e.text()), nil
	case modeText:
		return []byte(e.text()), nil
	}
	return jsonedit.ParseInput(e.kind, e.text())
}

// setError shows why the input was refused; the pane stays open.
func (e *fieldEditor) setError(msg string) { e.err = msg }

// canToggle reports whether Editor.ToggleType applies: scalar values only.
func (e *fieldEditor) canToggle() bool {
	return e.mode == modeValue && e.kind != jsonedit.Object && e.kind != jsonedit.Array && e.area == nil
}

// toggleType moves to the next scalar type, keeping the text.
func (e *fieldEditor) toggleType() {
	cycle := toggleCycle(e.orig)
	for i, k := range cycle {
		if k == e.kind {
			e.kind = cycle[(i+1)%len(cycle)]
			return
		}
	}
}

// setMasked masks or reveals the text being typed.
func (e *fieldEditor) setMasked(m bool) {
	e.masked = m
	if e.area != nil {
		e.area.masked = m
		return
	}
	if m {
		e.input.EchoMode = textinput.EchoPassword
		e.input.EchoCharacter = '•'
	} else {
		e.input.EchoMode = textinput.EchoNormal
	}
}

// submitKey is the binding that applies the editor: enter on one line,
// Editor.SubmitText in a text area (where enter is a new line).
func (e *fieldEditor) submitKey() key.Binding {
	if e.area != nil {
		return e.env.Keys.Editor.SubmitText
	}
	return e.env.Keys.Editor.Submit
}

// update handles one message while the editor is open.
func (e *fieldEditor) update(msg tea.Msg) (editorResult, tea.Cmd) {
	k := &e.env.Keys.Editor
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, e.submitKey()):
			return editorSubmitted, nil
		case key.Matches(km, k.Cancel):
			return editorCancelled, nil
		case key.Matches(km, k.ToggleType):
			if e.canToggle() {
				e.toggleType()
				e.err = ""
			} else {
				e.err = "this field's type cannot change here"
			}
			return editorEditing, nil
		case key.Matches(km, k.Reveal):
			if e.mode == modeKey {
				return editorEditing, nil
			}
			e.setMasked(!e.masked)
			if !e.masked {
				return editorRevealed, nil
			}
			return editorEditing, nil
		}
		e.err = ""
	}
	if _, ok := msg.(tea.PasteMsg); ok {
		e.err = ""
	}
	if e.area != nil {
		return editorEditing, e.area.update(msg)
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return editorEditing, cmd
}

// setSize gives the pane the room it may use.
func (e *fieldEditor) setSize(w, h int) {
	e.width, e.height = w, h
	inner := max(w-4, 4)
	if e.area != nil {
		e.area.setSize(inner, max(h-2-4, 1))
		return
	}
	e.input.SetWidth(max(inner-3, 4))
}

// view renders the pane: title, input, type and state, error or help.
func (e *fieldEditor) view() string {
	st := e.env.Styles
	inner := max(e.width-4, 1)
	k := &e.env.Keys.Editor
	var body string
	switch {
	case e.area != nil:
		body = e.area.view(st)
	case e.masked && e.mode != modeKey:
		// The input's own password echo draws one dot per character, which
		// would give away the value's length: show the fixed mask instead,
		// and whether the text was changed, so typing still has feedback.
		state := "unchanged"
		if e.input.Value() != e.origText {
			state = "changed"
		}
		body = e.input.Prompt + st.Masked.Render(maskText) + " " + st.Muted.Render(state)
	default:
		body = e.input.View()
	}
	var info []string
	if e.mode == modeValue {
		t := "type " + e.kind.String()
		if e.canToggle() {
			t += " (" + keyHelp(k.ToggleType) + " changes)"
		}
		info = append(info, t)
	}
	if e.mode != modeKey {
		if e.masked {
			info = append(info, "masked while you type — "+keyHelp(k.Reveal)+" reveals")
		} else {
			info = append(info, "revealed")
		}
	}
	lines := []string{st.Section.Render(cut(e.title, inner)), body}
	if len(info) > 0 {
		lines = append(lines, st.Muted.Render(cut(strings.Join(info, " · "), inner)))
	}
	if e.err != "" {
		lines = append(lines, st.Error.Render(cut(e.err, inner)))
	}
	sub := e.submitKey()
	help := keyHelp(sub) + " " + sub.Help().Desc + " · " + keyHelp(k.Cancel) + " " + k.Cancel.Help().Desc
	lines = append(lines, st.Muted.Render(cut(help, inner)))
	return st.Pane.Width(max(e.width, 6)).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
