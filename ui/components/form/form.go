package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// FieldKind is what a form field is.
type FieldKind int

const (
	fieldText   FieldKind = iota // one line of text
	fieldArea                    // several lines (enter inserts a newline)
	fieldCheck                   // a tick box
	fieldButton                  // an action
)

// Field is one row of a form.
type Field struct {
	kind    FieldKind
	Label   string
	Hint    string // shown while focused
	Input   textinput.Model
	area    textarea.Model
	Checked bool
	Masked  bool   // show the fixed mask instead of the text unless revealed
	Badge   string // e.g. "string" or "number", shown after the label
	danger  bool   // a destructive button
	Err     string // why the value was refused
	Id      string // the owner's name for the field
}

// Action is what a key press did to a form.
type Action int

const (
	formNone    Action = iota
	FormPressed        // a button was pressed: see focusedID
	FormCancel         // Editor.Cancel while typing
	FormToggled        // a tick box changed
)

// Form is a vertical list of fields for the write dialogs (create, rotation
// settings). tab (and the arrow keys outside text areas) move between
// fields; enter moves on from a text field and presses a button. Masked
// fields show a fixed mask while typing unless Editor.Reveal is pressed.
type Form struct {
	env      *common.Env
	Fields   []*Field
	Focus    int
	revealed bool
	Width    int
	Height   int
	offset   int
}

// New makes an empty form.
func New(env *common.Env) *Form { return &Form{env: env, Width: 60, Height: 20} }

// Text adds a one-line text field.
func (f *Form) Text(id, label, value, placeholder string) *Field {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholder
	in.SetValue(value)
	in.CursorEnd()
	ff := &Field{kind: fieldText, Id: id, Label: label, Input: in}
	f.Fields = append(f.Fields, ff)
	return ff
}

// Area adds a multi-line text field.
func (f *Form) Area(id, label, value string, rows int) *Field {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = "┃ "
	a.SetHeight(rows)
	a.SetValue(value)
	ff := &Field{kind: fieldArea, Id: id, Label: label, area: a}
	f.Fields = append(f.Fields, ff)
	return ff
}

// Check adds a tick box.
func (f *Form) Check(id, label string, checked bool) *Field {
	ff := &Field{kind: fieldCheck, Id: id, Label: label, Checked: checked}
	f.Fields = append(f.Fields, ff)
	return ff
}

// Button adds a button.
func (f *Form) Button(id, label string, danger bool) *Field {
	ff := &Field{kind: fieldButton, Id: id, Label: label, danger: danger}
	f.Fields = append(f.Fields, ff)
	return ff
}

// Field returns the field with id, or nil.
func (f *Form) Field(id string) *Field {
	for _, ff := range f.Fields {
		if ff.Id == id {
			return ff
		}
	}
	return nil
}

// Value is a text field's text.
func (ff *Field) Value() string {
	if ff.kind == fieldArea {
		return ff.area.Value()
	}
	return ff.Input.Value()
}

// focused is the field with the keyboard.
// hasText reports whether any text field holds input.
func (f *Form) HasText() bool {
	for _, ff := range f.Fields {
		switch {
		case ff.kind == fieldText && strings.TrimSpace(ff.Input.Value()) != "":
			return true
		case ff.kind == fieldArea && strings.TrimSpace(ff.area.Value()) != "":
			return true
		}
	}
	return false
}

// Focused is the field with focus, or nil.
func (f *Form) Focused() *Field {
	if f.Focus < 0 || f.Focus >= len(f.Fields) {
		return nil
	}
	return f.Fields[f.Focus]
}

// FocusedID is the id of the field with the keyboard.
func (f *Form) FocusedID() string {
	if ff := f.Focused(); ff != nil {
		return ff.Id
	}
	return ""
}

// SetFocus moves the keyboard to field i.
func (f *Form) SetFocus(i int) tea.Cmd {
	if len(f.Fields) == 0 {
		return nil
	}
	i = (i%len(f.Fields) + len(f.Fields)) % len(f.Fields)
	if ff := f.Focused(); ff != nil {
		switch ff.kind {
		case fieldText:
			ff.Input.Blur()
		case fieldArea:
			ff.area.Blur()
		}
	}
	f.Focus = i
	ff := f.Fields[i]
	switch ff.kind {
	case fieldText:
		return ff.Input.Focus()
	case fieldArea:
		return ff.area.Focus()
	}
	return nil
}

// FocusID moves the keyboard to the field with id.
func (f *Form) FocusID(id string) tea.Cmd {
	for i, ff := range f.Fields {
		if ff.Id == id {
			return f.SetFocus(i)
		}
	}
	return nil
}

// Capturing reports whether a text field has the keyboard.
func (f *Form) Capturing() bool {
	ff := f.Focused()
	return ff != nil && (ff.kind == fieldText || ff.kind == fieldArea)
}

// Update handles one message.
func (f *Form) Update(msg tea.Msg) (Action, tea.Cmd) {
	ff := f.Focused()
	if ff == nil {
		return formNone, nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return formNone, f.forward(ff, msg)
	}
	keys := f.env.Keys
	switch {
	case key.Matches(k, keys.Dialog.Switch):
		return formNone, f.SetFocus(f.Focus + 1)
	case key.Matches(k, keys.Input.Reveal):
		f.revealed = !f.revealed
		return formNone, nil
	case ff.kind != fieldArea && common.IsArrow(k) && key.Matches(k, keys.Nav.Up):
		return formNone, f.SetFocus(f.Focus - 1)
	case ff.kind != fieldArea && common.IsArrow(k) && key.Matches(k, keys.Nav.Down):
		return formNone, f.SetFocus(f.Focus + 1)
	}
	switch ff.kind {
	case fieldText, fieldArea:
		if key.Matches(k, keys.Input.Cancel) {
			return FormCancel, nil
		}
		if ff.kind == fieldText && key.Matches(k, keys.Input.Submit) {
			return formNone, f.SetFocus(f.Focus + 1)
		}
		ff.Err = ""
		return formNone, f.forward(ff, msg)
	case fieldCheck:
		if key.Matches(k, keys.Input.Submit) || key.Matches(k, keys.Picker.Toggle) {
			ff.Checked = !ff.Checked
			return FormToggled, nil
		}
	case fieldButton:
		if key.Matches(k, keys.Input.Submit) || key.Matches(k, keys.Picker.Toggle) {
			return FormPressed, nil
		}
	}
	return formNone, nil
}

func (f *Form) forward(ff *Field, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch ff.kind {
	case fieldText:
		ff.Input, cmd = ff.Input.Update(msg)
	case fieldArea:
		ff.area, cmd = ff.area.Update(msg)
	}
	return cmd
}

// SetSize gives the form its box (inside a pane).
func (f *Form) SetSize(w, h int) {
	f.Width, f.Height = max(w, 8), max(h, 3)
	for _, ff := range f.Fields {
		switch ff.kind {
		case fieldText:
			ff.Input.SetWidth(max(f.Width-8, 4))
		case fieldArea:
			ff.area.SetWidth(max(f.Width-2, 4))
		}
	}
}

// escapedNote follows a field whose text is shown escaped.
const escapedNote = "(control characters shown escaped)"

// SafeInputView is in.View(), unless the input holds text the terminal must
// not get raw (a value prefilled from AWS): then that text is shown escaped
// with a note. The input keeps the real text, and typing still edits it.
func SafeInputView(st *common.Styles, in textinput.Model) string {
	v := in.Value()
	if shown := common.Sanitize(v); shown != v {
		return st.Text.Render(shown) + st.Muted.Render("  "+escapedNote)
	}
	return in.View()
}

// lines renders every field; start[i] is the first line of field i.
func (f *Form) lines() (out []string, start []int) {
	st := f.env.Styles
	w := f.Width
	start = make([]int, len(f.Fields))
	for i, ff := range f.Fields {
		start[i] = len(out)
		focused := i == f.Focus
		mark := "  "
		if focused {
			mark = st.Title.Render("▸ ")
		}
		switch ff.kind {
		case fieldText, fieldArea:
			label := ff.Label
			if ff.Badge != "" {
				label += " " + st.TypeBadge.Render("("+ff.Badge+")")
			}
			out = append(out, common.Cut(mark+st.Label.Render(label), w))
			switch {
			case ff.Masked && !f.revealed:
				out = append(out, "  "+common.RenderMask(st)+st.Muted.Render(maskedNote(ff)))
			case ff.kind == fieldArea && common.SanitizeMultiline(ff.area.Value()) != ff.area.Value():
				// Text from AWS the terminal must not get raw: shown escaped
				// (the field keeps the real text, and typing still edits it).
				for _, l := range strings.Split(common.SanitizeMultiline(ff.area.Value()), "\n") {
					out = append(out, common.Cut("  "+st.Text.Render(l), w))
				}
				out = append(out, common.Cut("  "+st.Muted.Render(escapedNote), w))
			case ff.kind == fieldArea:
				for _, l := range strings.Split(ff.area.View(), "\n") {
					out = append(out, common.Cut("  "+l, w))
				}
			default:
				out = append(out, common.Cut("  "+SafeInputView(st, ff.Input), w))
			}
		case fieldCheck:
			box := "[ ] "
			if ff.Checked {
				box = "[x] "
			}
			line := mark + box + ff.Label
			if focused {
				line = mark + st.Selected.Render(box+ff.Label)
			}
			out = append(out, common.Cut(line, w))
		case fieldButton:
			style := st.Text
			if ff.danger {
				style = st.Danger
			}
			text := "[ " + ff.Label + " ]"
			if focused {
				out = append(out, common.Cut(mark+st.Selected.Inherit(style).Render(text), w))
			} else {
				out = append(out, common.Cut(mark+style.Render(text), w))
			}
		}
		switch {
		case ff.Err != "":
			out = append(out, wrapIndented(st.Error.Render(ff.Err), w)...)
		case focused && ff.Hint != "":
			out = append(out, wrapIndented(st.Muted.Render(ff.Hint), w)...)
		}
	}
	return out, start
}

// maskedNote says a masked field holds something without saying how much.
func maskedNote(ff *Field) string {
	if ff.Value() == "" {
		return "  (empty)"
	}
	return "  (hidden)"
}

// wrapIndented wraps text under a field, indented by two cells.
func wrapIndented(s string, w int) []string {
	ls := common.WrapText(s, max(w-2, 4))
	for i := range ls {
		ls[i] = "  " + ls[i]
	}
	return ls
}

// View renders the part of the form that fits, keeping the focused field visible.
func (f *Form) View() string {
	out, start := f.lines()
	if len(out) <= f.Height {
		return strings.Join(out, "\n")
	}
	top := start[f.Focus]
	end := len(out)
	if f.Focus+1 < len(start) {
		end = start[f.Focus+1]
	}
	if top < f.offset {
		f.offset = top
	}
	if end > f.offset+f.Height {
		f.offset = end - f.Height
	}
	f.offset = max(min(f.offset, len(out)-f.Height), 0)
	return strings.Join(out[f.offset:f.offset+f.Height], "\n")
}
