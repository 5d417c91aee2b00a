package secret

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"slices"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/valuefacts"
)

// valueKind is how a loaded value is shown.
type valueKind int

const (
	ValueJSON   valueKind = iota // a JSON object or array: the key/value table
	valueText                    // plaintext (PEM keys, API keys, JSON scalars)
	ValueBinary                  // SecretBinary: size, base64 and hex dump
)

// Value shows one version's value. Opening it is the operator asking
// for the value: it is the only screen that calls GetValue. Everything is
// masked until revealed; revealed values mask again when the screen is left
// and after env.RevealTimeout without a key press.
type Value struct {
	env    *common.Env
	store  aws.Store
	target aws.SecretRef
	ref    aws.VersionRef
	// savedOver is the label the screen showed before a save, which then
	// loads the saved version by id: the title keeps the label while the
	// version shown carries it.
	savedOver string
	// kmsKeyID is the secret's key from DescribeSecret, to name it on a
	// decryption failure ("" when not known).
	kmsKeyID string

	Seq     int
	Loading bool
	Err     error

	Val   aws.Value         // kept in memory while the screen is open; dropped on Close
	facts []valuefacts.Fact // what the value is, without revealing it (value_facts.go)
	Kind  valueKind
	Doc   *jsonedit.Document // the parsed value, for valueJSON

	Table valueTable
	raw   bool // the raw view instead of the table

	revealAll bool
	revealed  map[string]bool // by jsonedit path string; "" is the whole value
	revealSeq int             // idle timer generation

	Pager         pager.Model // raw, text and binary views
	width, height int

	Edit  valueEditing // unsaved edits and the open editor (edit_value.go)
	watch valueWatch   // changes made under the screen (value_watch.go)
}

// valueLoadedMsg carries a GetValue result to the screen that asked.
type valueLoadedMsg struct {
	owner *Value
	seq   int
	value aws.Value
	err   error
}

// NewValue opens the value of one version of target.
func NewValue(env *common.Env, store aws.Store, target aws.SecretRef, ref aws.VersionRef) *Value {
	return &Value{
		env: env, store: store, target: target, ref: ref,
		Table: newValueTable(), revealed: map[string]bool{}, Pager: pager.New(),
		Edit: newValueEditing(env.Editor),
	}
}

// Init fetches the value, and removes smtui's own leftover save labels
// (save_leftovers.go).
func (v *Value) Init() tea.Cmd {
	return tea.Batch(v.load(), sweepLeftovers(v.env, v.store, v, v.target, nil))
}

func (v *Value) load() tea.Cmd {
	v.Seq++
	v.Loading = true
	v.Err = nil
	seq, store, id, ref, env := v.Seq, v.store, v.target.ID(), v.ref, v.env
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		val, err := store.GetValue(ctx, id, ref)
		return valueLoadedMsg{owner: v, seq: seq, value: val, err: err}
	}
}

// Update handles the value, the idle timer and keys.
func (v *Value) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if handled, cmd := v.watchUpdate(msg); handled {
		return v, cmd
	}
	if v.watch.gone {
		return v, nil // only esc, which the App handles
	}
	editing := v.Edit.Editor != nil
	if handled, cmd := v.editUpdate(msg); handled {
		if editing {
			// If the editor closed with nothing pending, follow a newer version now.
			cmd = tea.Batch(cmd, v.followNewer())
		}
		return v, cmd
	}
	switch msg := msg.(type) {
	case valueLoadedMsg:
		if msg.owner != v || msg.seq != v.Seq {
			return v, nil
		}
		v.Loading = false
		if msg.err != nil {
			v.Err = msg.err
			v.rebuild()
			return v, common.Failed(msg.err)
		}
		v.watch.newer = ""
		v.setValue(msg.value)
		return v, v.editLoaded()
	case leftoversRemovedMsg:
		if msg.owner != v {
			return v, nil
		}
		return v, msg.report(v.env.Keys)
	case revealExpiredMsg:
		if msg.owner != v || msg.seq != v.revealSeq || !v.AnyRevealed() {
			return v, nil
		}
		v.maskAll()
		return v, common.Info("values masked again after " + common.ShortDuration(v.env.RevealTimeout) + " without a key press")
	case tea.MouseWheelMsg:
		if v.Kind == ValueJSON && !v.raw {
			switch msg.Button {
			case tea.MouseWheelUp:
				v.Table.move(-3, v.tableHeight())
			case tea.MouseWheelDown:
				v.Table.move(3, v.tableHeight())
			}
		} else {
			v.Pager.HandleWheel(msg)
		}
		return v, nil
	case tea.KeyPressMsg:
		cmd := v.handleKey(msg)
		if v.AnyRevealed() {
			// Any key press while something is revealed restarts the idle timer.
			return v, tea.Batch(cmd, v.restartRevealTimer())
		}
		return v, cmd
	}
	return v, nil
}

// setValue classifies and stores a loaded value.
func (v *Value) setValue(val aws.Value) {
	v.Val = val
	v.Doc = nil
	switch {
	case val.Secret.IsBinary():
		v.Kind = ValueBinary
	default:
		v.Kind = valueText
		if doc, err := jsonedit.Parse([]byte(val.Secret.Text())); err == nil {
			if k := doc.Root().Kind(); k == jsonedit.Object || k == jsonedit.Array {
				v.Kind, v.Doc = ValueJSON, doc
			}
		}
	}
	v.facts = valuefacts.Of(val.Secret.Bytes(), val.CreatedDate)
	v.Table.build(v.Doc, v.Table.selectedPath())
	v.Table.clamp(v.tableHeight())
	v.rebuild()
}

// Loaded reports whether the value is loaded without error.
func (v *Value) Loaded() bool { return !v.Loading && v.Err == nil && v.Seq > 0 }

func (v *Value) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &v.env.Keys.Value
	if !v.Loaded() {
		if v.Err != nil && key.Matches(msg, v.env.Keys.Common.Refresh) {
			return v.load()
		}
		return nil
	}
	if handled, cmd := v.editKey(msg); handled {
		return cmd
	}
	switch {
	case key.Matches(msg, k.RevealAll):
		return v.toggleRevealAll()
	case key.Matches(msg, v.env.Keys.Common.Reveal):
		return v.toggleRevealSelected()
	case key.Matches(msg, k.CopyAll):
		return v.copyAll()
	case key.Matches(msg, k.CopyField):
		return v.copyField()
	case key.Matches(msg, k.Raw):
		if v.Kind != ValueJSON {
			return common.Info("this value is not a JSON object or array: there is only the raw view")
		}
		v.raw = !v.raw
		v.rebuild()
		return nil
	}
	if v.Kind == ValueJSON && !v.raw {
		nav := &v.env.Keys.Nav
		h := v.tableHeight()
		switch {
		case key.Matches(msg, k.Expand):
			v.Table.toggle(v.Doc)
			v.Table.clamp(h)
		case key.Matches(msg, nav.Up):
			v.Table.move(-1, h)
		case key.Matches(msg, nav.Down):
			v.Table.move(1, h)
		case key.Matches(msg, nav.PageUp):
			v.Table.move(-h, h)
		case key.Matches(msg, nav.PageDown):
			v.Table.move(h, h)
		case key.Matches(msg, nav.Top):
			v.Table.move(-len(v.Table.Rows), h)
		case key.Matches(msg, nav.Bottom):
			v.Table.move(len(v.Table.Rows), h)
		}
		return nil
	}
	v.Pager.HandleKey(&v.env.Keys.Nav, msg)
	return nil
}

// HandleBack masks everything before the App pops the screen.
func (v *Value) HandleBack() (bool, tea.Cmd) {
	if v.watch.gone {
		return false, nil
	}
	if handled, cmd := v.editBack(); handled {
		return true, cmd
	}
	v.maskAll()
	return false, nil
}

// Close masks everything and drops the value from memory.
func (v *Value) Close() { v.forget() }

// forget masks everything and drops the value and its edits from memory.
func (v *Value) forget() {
	v.maskAll()
	v.editClose()
	v.Edit.refused = nil
	v.Val = aws.Value{}
	v.facts = nil
	v.Doc = nil
	v.Table = newValueTable()
	v.Pager.SetLines(nil)
	v.Seq++ // a load still in flight is no longer wanted
}

// SetSize gives the screen its share of the window.
func (v *Value) SetSize(w, h int) {
	v.width, v.height = w, h
	v.Pager.SetSize(w, v.pagerHeight())
	v.Table.clamp(v.tableHeight())
	v.sizeEditor()
	v.rebuild()
}

// Title names the version shown.
func (v *Value) Title() string {
	switch {
	case v.ref.ID != "" && v.savedOver != "" && slices.Contains(v.Val.Stages, v.savedOver):
		return "value " + v.savedOver
	case v.ref.ID != "":
		return "value " + common.ShortID(v.ref.ID)
	case v.ref.Stage != "":
		return "value " + v.ref.Stage
	}
	return "value"
}

// Capturing is true while an editor or the discard question has the keyboard.
func (v *Value) Capturing() bool { return v.editCapturing() }

// ShortHelp lists the main bindings for the current view.
func (v *Value) ShortHelp() []key.Binding {
	k := v.env.Keys
	if b := v.editHelp(); b != nil {
		return b
	}
	if v.watch.gone {
		return []key.Binding{k.Common.Back}
	}
	if v.Err != nil {
		return []key.Binding{k.Common.Refresh, k.Common.Back}
	}
	// The most useful first: the footer drops keys from the end to fit.
	reveal, revealAll := v.revealKeys()
	var out []key.Binding
	if v.PendingEdits() > 0 {
		out = append(out, k.Editing.Save)
	}
	if v.Kind == ValueJSON && !v.raw {
		out = append(out, reveal, k.Value.CopyField, k.Editing.Edit, k.Value.CopyAll, revealAll, k.Value.Raw)
	} else {
		out = append(out, revealAll, k.Value.CopyAll, k.Editing.Edit)
		if v.Kind == ValueJSON {
			out = append(out, k.Value.Raw)
		}
	}
	return append(out, k.Common.Back)
}

// FullHelp lists every binding of the viewer.
func (v *Value) FullHelp() [][]key.Binding {
	k := v.env.Keys
	if v.Err != nil {
		// After a failed load, retrying is all there is to do.
		return [][]key.Binding{{k.Common.Refresh, k.Common.Back, k.Common.Help, k.Common.Quit}}
	}
	reveal, revealAll := v.revealKeys()
	return [][]key.Binding{
		{reveal, revealAll, k.Value.CopyField, k.Value.CopyAll},
		{k.Value.Raw, k.Value.Expand},
		v.editBindings(),
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}

// Outcome says who asked and whether the load failed.
func (m valueLoadedMsg) Outcome() (any, error) { return m.owner, m.err }
