package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// editorResult is what a message did to an open field editor.
type editorResult int

const (
	editorEditing   editorResult = iota // still typing
	EditorSubmitted                     // read value() and apply it
	EditorCancelled                     // close, change nothing
	EditorRevealed                      // the operator revealed the text: audit it
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

// FieldEditor is the pane that edits one thing: a field's value (one line
// in a text input, or a text area for multi-line strings and nested JSON),
// a key, or a whole plaintext value. It validates nothing itself until
// value() is called; the host applies the result through jsonedit and
// shows any refusal with setError, keeping the pane open and the text kept.
//
// Masked over an existing value, the editor replaces: it starts empty (the
// hidden text is never appended to), what is typed becomes the new value,
// and applying with nothing typed keeps the current value. Revealing with
// nothing typed puts the current text in to edit in place.
type FieldEditor struct {
	env   *common.Env
	title string
	mode  editorMode
	Kind  jsonedit.Kind // modeValue: the type the text is read as
	orig  jsonedit.Kind // the field's type when the editor opened

	masked     bool
	origText   string // the current value's text (or the text the editor opened with)
	hasCurrent bool   // origText is the value being edited: applying it unchanged is no edit
	replacing  bool   // masked over the current value: started empty, empty keeps origText
	input      textinput.Model
	Area       *TextArea // non-nil: multi-line
	Err        string

	width, height int
}

// NewValueEditor edits a field whose current value is n (nil for a new
// field, typed as a string by default). masked hides the text while typing
// and makes the editor replace the value rather than edit it in place.
// It refuses a value the editor would not hold exactly (an inlineRefusal).
func NewValueEditor(env *common.Env, title string, n *jsonedit.Node, masked bool) (*FieldEditor, error) {
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
	e := &FieldEditor{env: env, title: title, mode: modeValue, Kind: kind, orig: kind, masked: masked,
		origText: text, hasCurrent: n != nil}
	return e, e.openOn(text, valueNeedsArea(kind, text))
}

// NewValueEditorText edits text to be read as a value of kind (for text
// that came back from $EDITOR and was refused, so nothing typed is lost):
// the text is in the editor, masked or not.
func NewValueEditorText(env *common.Env, title string, kind jsonedit.Kind, text string, masked bool) (*FieldEditor, error) {
	e := &FieldEditor{env: env, title: title, mode: modeValue, Kind: kind, orig: kind, masked: masked, origText: text}
	return e, e.openOn(text, valueNeedsArea(kind, text))
}

// valueNeedsArea reports whether a value of kind with text is edited in a
// text area rather than on one line.
func valueNeedsArea(kind jsonedit.Kind, text string) bool {
	return kind == jsonedit.Object || kind == jsonedit.Array || strings.ContainsAny(text, "\n\r\t")
}

// NewKeyEditor asks for an object key (a new field's, or a new name for
// the key current). It refuses a key the editor would not hold exactly.
func NewKeyEditor(env *common.Env, title, current string) (*FieldEditor, error) {
	e := &FieldEditor{env: env, title: title, mode: modeKey, Kind: jsonedit.String, origText: current}
	return e, e.openOn(current, false)
}

// NewTextEditor edits a whole plaintext value, text, in a text area
// (replacing it while masked, as newValueEditor does).
func NewTextEditor(env *common.Env, title, text string, masked bool) (*FieldEditor, error) {
	e := &FieldEditor{env: env, title: title, mode: modeText, Kind: jsonedit.String, masked: masked,
		origText: text, hasCurrent: true}
	return e, e.openOn(text, true)
}

// NewTextEditorText opens the text area on text that is not the current
// value (text refused after $EDITOR), in place, masked or not.
func NewTextEditorText(env *common.Env, title, text string, masked bool) (*FieldEditor, error) {
	e := &FieldEditor{env: env, title: title, mode: modeText, Kind: jsonedit.String, masked: masked, origText: text}
	return e, e.openOn(text, true)
}

// openOn opens the editor on text: refused if the editor would not hold it
// exactly (applying it untouched must not change it), started empty when
// masked over the current value.
func (e *FieldEditor) openOn(text string, multi bool) error {
	if p := InlineProblem(text, multi); p != "" {
		return e.refusal(p)
	}
	if e.masked && e.hasCurrent && e.mode != modeKey {
		e.replacing = true
		return e.open("", multi)
	}
	return e.open(text, multi)
}

// refusal explains why the editor does not open on its text.
func (e *FieldEditor) refusal(problem string) error {
	r := InlineRefusal{What: "this value", Problem: problem, Ext: e.env.Keys.Editing.External}
	if e.mode == modeKey {
		r.What, r.Ext = "this key", key.Binding{}
	}
	return r
}

// open puts text in a new text area (multi) or text input, and checks that
// the widget holds it exactly.
func (e *FieldEditor) open(text string, multi bool) error {
	if multi {
		a, err := NewTextArea(text, e.masked)
		if err != nil {
			return e.refusal("characters")
		}
		e.Area = a
		return nil
	}
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 0
	in.SetValue(text)
	if in.Value() != text {
		return e.refusal("characters")
	}
	in.CursorEnd()
	if e.masked {
		in.EchoMode = textinput.EchoPassword
		in.EchoCharacter = '•'
	}
	e.input = in
	return nil
}

// Focus gives the editor the keyboard.
func (e *FieldEditor) Focus() tea.Cmd {
	if e.Area != nil {
		return e.Area.focus()
	}
	return e.input.Focus()
}

// Text is what is in the editor (what has been typed, while replacing).
func (e *FieldEditor) Text() string {
	if e.Area != nil {
		return e.Area.Value()
	}
	return e.input.Value()
}

// keepsCurrent reports whether the editor replaces a masked value and
// nothing has been typed: applying it keeps the current value.
func (e *FieldEditor) keepsCurrent() bool { return e.replacing && e.Text() == "" }

// result is the text to apply: what is in the editor, or the current
// value's text when nothing was typed over it.
func (e *FieldEditor) result() string {
	if e.keepsCurrent() {
		return e.origText
	}
	return e.Text()
}

// Unchanged reports whether applying the editor would leave the value it
// opened on as it is (same text, same type): the host makes no edit then,
// not even an identical rewrite.
func (e *FieldEditor) Unchanged() bool {
	return e.hasCurrent && e.Kind == e.orig && e.result() == e.origText
}

// Value is the result to apply: the raw JSON for a value (refused with a
// clear message, never quoting the text, when it does not fit the type), the
// key for a key, the text for plaintext.
func (e *FieldEditor) Value() ([]byte, error) {
	switch e.mode {
	case modeKey, modeText:
		return []byte(e.result()), nil
	}
	return jsonedit.ParseInput(e.Kind, e.result())
}

// editInPlace stops replacing: the current value's text goes into the
// editor to be edited as an unmasked editor does (on reveal with nothing
// typed). openOn checked that the editor holds that text exactly.
func (e *FieldEditor) editInPlace() {
	e.replacing = false
	if e.Area != nil {
		e.Area.setValue(e.origText)
		return
	}
	e.input.SetValue(e.origText)
	e.input.CursorEnd()
}

// SetError shows why the input was refused; the pane stays open.
func (e *FieldEditor) SetError(msg string) { e.Err = msg }

// CanToggle reports whether Editor.ToggleType applies: scalar values only.
func (e *FieldEditor) CanToggle() bool {
	return e.mode == modeValue && e.Kind != jsonedit.Object && e.Kind != jsonedit.Array && e.Area == nil
}

// toggleType moves to the next scalar type, keeping the text.
func (e *FieldEditor) toggleType() { e.Kind = e.nextKind() }

// nextKind is the type Editor.ToggleType switches the value to.
func (e *FieldEditor) nextKind() jsonedit.Kind {
	cycle := toggleCycle(e.orig)
	for i, k := range cycle {
		if k == e.Kind {
			return cycle[(i+1)%len(cycle)]
		}
	}
	return e.Kind
}

// ToggleKey is Editor.ToggleType described by what it does now, from the
// field's type ("→ string" on a boolean, "→ number" on a string), for the
// footer and the pane alike.
func (e *FieldEditor) ToggleKey() key.Binding {
	return common.WithHelpDesc(e.env.Keys.Input.ToggleType, "→ "+e.nextKind().String())
}

// setMasked masks or reveals the text being typed.
func (e *FieldEditor) setMasked(m bool) {
	e.masked = m
	if e.Area != nil {
		e.Area.masked = m
		return
	}
	if m {
		e.input.EchoMode = textinput.EchoPassword
		e.input.EchoCharacter = '•'
	} else {
		e.input.EchoMode = textinput.EchoNormal
	}
}

// SubmitKey is the binding that applies the editor: enter on one line,
// Editor.SubmitText in a text area (where enter is a new line).
func (e *FieldEditor) SubmitKey() key.Binding {
	if e.Area != nil {
		return e.env.Keys.Input.SubmitText
	}
	return e.env.Keys.Input.Submit
}

// Update handles one message while the editor is open.
func (e *FieldEditor) Update(msg tea.Msg) (editorResult, tea.Cmd) {
	k := &e.env.Keys.Input
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, e.SubmitKey()):
			return EditorSubmitted, nil
		case key.Matches(km, k.Cancel):
			return EditorCancelled, nil
		case key.Matches(km, k.ToggleType):
			if e.CanToggle() {
				e.toggleType()
				e.Err = ""
			} else {
				e.Err = "this field's type cannot change here"
			}
			return editorEditing, nil
		case key.Matches(km, k.Reveal):
			if e.mode == modeKey {
				return editorEditing, nil
			}
			if e.masked && e.keepsCurrent() {
				e.editInPlace()
			}
			e.setMasked(!e.masked)
			if !e.masked {
				return EditorRevealed, nil
			}
			return editorEditing, nil
		}
		e.Err = ""
	}
	if _, ok := msg.(tea.PasteMsg); ok {
		e.Err = ""
	}
	if e.Area != nil {
		return editorEditing, e.Area.update(msg)
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return editorEditing, cmd
}

// SetSize gives the pane the room it may use.
func (e *FieldEditor) SetSize(w, h int) {
	e.width, e.height = w, h
	inner := max(w-4, 4)
	if e.Area != nil {
		e.Area.setSize(inner, max(h-2-4, 1))
		return
	}
	e.input.SetWidth(max(inner-3, 4))
}
