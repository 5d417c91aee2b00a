package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// fieldKind is what a form field is.
type fieldKind int

const (
	fieldText   fieldKind = iota // one line of text
	fieldArea                    // several lines (enter inserts a newline)
	fieldCheck                   // a tick box
	fieldButton                  // an action
)

// formField is one row of a form.
type formField struct {
	kind    fieldKind
	label   string
	hint    string // shown while focused
	input   textinput.Model
	area    textarea.Model
	checked bool
	masked  bool   // show the fixed mask instead of the text unless revealed
	badge   string // e.g. "string" or "number", shown after the label
	danger  bool   // a destructive button
	err     string // why the value was refused
	id      string // the owner's name for the field
}

// formAction is what a key press did to a form.
type formAction int

const (
	formNone    formAction = iota
	formPressed            // a button was pressed: see focusedID
	formCancel             // Editor.Cancel while typing
	formToggled            // a tick box changed
)

// form is a vertical list of fields for the write dialogs (create, rotation
// settings). tab (and the arrow keys outside text areas) move between
// fields; enter moves on from a text field and presses a button. Masked
// fields show a fixed mask while typing unless Editor.Reveal is pressed.
type form struct {
	env      *common.Env
	fields   []*formField
	focus    int
	revealed bool
	width    int
	height   int
	offset   int
}

func newForm(env *common.Env) *form { return &form{env: env, width: 60, height: 20} }

// text adds a one-line text field.
func (f *form) text(id, label, value, placeholder string) *formField {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholder
	in.SetValue(value)
	in.CursorEnd()
	ff := &formField{kind: fieldText, id: id, label: label, input: in}
	f.fields = append(f.fields, ff)
	return ff
}

// area adds a multi-line text field.
func (f *form) area(id, label, value string, rows int) *formField {
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = "┃ "
	a.SetHeight(rows)
	a.SetValue(value)
	ff := &formField{kind: fieldArea, id: id, label: label, area: a}
	f.fields = append(f.fields, ff)
	return ff
}

// check adds a tick box.
func (f *form) check(id, label string, checked bool) *formField {
	ff := &formField{kind: fieldCheck, id: id, label: label, checked: checked}
	f.fields = append(f.fields, ff)
	return ff
}

// button adds a button.
func (f *form) button(id, label string, danger bool) *formField {
	ff := &formField{kind: fieldButton, id: id, label: label, danger: danger}
	f.fields = append(f.fields, ff)
	return ff
}

// field returns the field with id, or nil.
func (f *form) field(id string) *formField {
	for _, ff := range f.fields {
		if ff.id == id {
			return ff
		}
	}
	return nil
}

// value is a text field's text.
func (ff *formField) value() string {
	if ff.kind == fieldArea {
		return ff.area.Value()
	}
	return ff.input.Value()
}

// focused is the field with the keyboard.
// hasText reports whether any text field holds input.
func (f *form) hasText() bool {
	for _, ff := range f.fields {
		switch {
		case ff.kind == fieldText && strings.TrimSpace(ff.input.Value()) != "":
			return true
		case ff.kind == fieldArea && strings.TrimSpace(ff.area.Value()) != "":
			return true
		}
	}
	return false
}

func (f *form) focused() *formField {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return nil
	}
	return f.fields[f.focus]
}

// focusedID is the id of the field with the keyboard.
func (f *form) focusedID() string {
	if ff := f.focused(); ff != nil {
		return ff.id
	}
	return ""
}

// setFocus moves the keyboard to field i.
func (f *form) setFocus(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = (i%len(f.fields) + len(f.fields)) % len(f.fields)
	if ff := f.focused(); ff != nil {
		switch ff.kind {
		case fieldText:
			ff.input.Blur()
		case fieldArea:
			ff.area.Blur()
		}
	}
	f.focus = i
	ff := f.fields[i]
	switch ff.kind {
	case fieldText:
		return ff.input.Focus()
	case fieldArea:
		return ff.area.Focus()
	}
	return nil
}

// focusID moves the keyboard to the field with id.
func (f *form) focusID(id string) tea.Cmd {
	for i, ff := range f.fields {
		if ff.id == id {
			return f.setFocus(i)
		}
	}
	return nil
}

// capturing reports whether a text field has the keyboard.
func (f *form) capturing() bool {
	ff := f.focused()
	return ff != nil && (ff.kind == fieldText || ff.kind == fieldArea)
}

// update handles one message.
func (f *form) update(msg tea.Msg) (formAction, tea.Cmd) {
	ff := f.focused()
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
		return formNone, f.setFocus(f.focus + 1)
	case key.Matches(k, keys.Input.Reveal):
		f.revealed = !f.revealed
		return formNone, nil
	case ff.kind != fieldArea && common.IsArrow(k) && key.Matches(k, keys.Nav.Up):
		return formNone, f.setFocus(f.focus - 1)
	case ff.kind != fieldArea && common.IsArrow(k) && key.Matches(k, keys.Nav.Down):
		return formNone, f.setFocus(f.focus + 1)
	}
	switch ff.kind {
	case fieldText, fieldArea:
		if key.Matches(k, keys.Input.Cancel) {
			return formCancel, nil
		}
		if ff.kind == fieldText && key.Matches(k, keys.Input.Submit) {
			return formNone, f.setFocus(f.focus + 1)
		}
		ff.err = ""
		return formNone, f.forward(ff, msg)
	case fieldCheck:
		if key.Matches(k, keys.Input.Submit) || key.Matches(k, keys.Picker.Toggle) {
			ff.checked = !ff.checked
			return formToggled, nil
		}
	case fieldButton:
		if key.Matches(k, keys.Input.Submit) || key.Matches(k, keys.Picker.Toggle) {
			return formPressed, nil
		}
	}
	return formNone, nil
}

func (f *form) forward(ff *formField, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch ff.kind {
	case fieldText:
		ff.input, cmd = ff.input.Update(msg)
	case fieldArea:
		ff.area, cmd = ff.area.Update(msg)
	}
	return cmd
}

// setSize gives the form its box (inside a pane).
func (f *form) setSize(w, h int) {
	f.width, f.height = max(w, 8), max(h, 3)
	for _, ff := range f.fields {
		switch ff.kind {
		case fieldText:
			ff.input.SetWidth(max(f.width-8, 4))
		case fieldArea:
			ff.area.SetWidth(max(f.width-2, 4))
		}
	}
}

// escapedNote follows a field whose text is shown escaped.
const escapedNote = "(control characters shown escaped)"

// safeInputView is in.View(), unless the input holds text the terminal must
// not get raw (a value prefilled from AWS): then that text is shown escaped
// with a note. The input keeps the real text, and typing still edits it.
func safeInputView(st *common.Styles, in textinput.Model) string {
	v := in.Value()
	if shown := common.Sanitize(v); shown != v {
		return st.Text.Render(shown) + st.Muted.Render("  "+escapedNote)
	}
	return in.View()
}

// lines renders every field; start[i] is the first line of field i.
func (f *form) lines() (out []string, start []int) {
	st := f.env.Styles
	w := f.width
	start = make([]int, len(f.fields))
	for i, ff := range f.fields {
		start[i] = len(out)
		focused := i == f.focus
		mark := "  "
		if focused {
			mark = st.Title.Render("▸ ")
		}
		switch ff.kind {
		case fieldText, fieldArea:
			label := ff.label
			if ff.badge != "" {
				label += " " + st.TypeBadge.Render("("+ff.badge+")")
			}
			out = append(out, common.Cut(mark+st.Label.Render(label), w))
			switch {
			case ff.masked && !f.revealed:
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
				out = append(out, common.Cut("  "+safeInputView(st, ff.input), w))
			}
		case fieldCheck:
			box := "[ ] "
			if ff.checked {
				box = "[x] "
			}
			line := mark + box + ff.label
			if focused {
				line = mark + st.Selected.Render(box+ff.label)
			}
			out = append(out, common.Cut(line, w))
		case fieldButton:
			style := st.Text
			if ff.danger {
				style = st.Danger
			}
			text := "[ " + ff.label + " ]"
			if focused {
				out = append(out, common.Cut(mark+st.Selected.Inherit(style).Render(text), w))
			} else {
				out = append(out, common.Cut(mark+style.Render(text), w))
			}
		}
		switch {
		case ff.err != "":
			out = append(out, wrapIndented(st.Error.Render(ff.err), w)...)
		case focused && ff.hint != "":
			out = append(out, wrapIndented(st.Muted.Render(ff.hint), w)...)
		}
	}
	return out, start
}

// maskedNote says a masked field holds something without saying how much.
func maskedNote(ff *formField) string {
	if ff.value() == "" {
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

// view renders the part of the form that fits, keeping the focused field visible.
func (f *form) view() string {
	out, start := f.lines()
	if len(out) <= f.height {
		return strings.Join(out, "\n")
	}
	top := start[f.focus]
	end := len(out)
	if f.focus+1 < len(start) {
		end = start[f.focus+1]
	}
	if top < f.offset {
		f.offset = top
	}
	if end > f.offset+f.height {
		f.offset = end - f.height
	}
	f.offset = max(min(f.offset, len(out)-f.height), 0)
	return strings.Join(out[f.offset:f.offset+f.height], "\n")
}
