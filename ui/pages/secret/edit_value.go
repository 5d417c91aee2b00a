package secret

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/jsonedit"
)

// editPurpose is what the open field editor's result is for.
type editPurpose int

const (
	purposeSet      editPurpose = iota + 1 // a field's new value
	purposeAddKey                          // step one of adding a member: its key
	purposeAddValue                        // step two: its value
	purposeAppend                          // a new array element
	purposeRename                          // a member's new key
	purposeText                            // a whole plaintext value
)

// valueEditing is the value screen's editing state: the pending edits,
// the open editor (if any) and what it is for, and the version that was
// AWSCURRENT when the value was loaded (the save's ExpectCurrent).
type valueEditing struct {
	Session *EditSession
	Editor  *form.FieldEditor
	purpose editPurpose
	path    jsonedit.Path // the field edited, renamed, or the container added to
	newKey  string        // purposeAddValue: the key typed in step one

	Ext    ExternalEditor
	extSeq int
	// refused is text that came back from $EDITOR, was refused, and cannot
	// be shown in the in-app editor either (control characters): it is kept
	// here, in memory like a pending edit, and the next $EDITOR edit of the
	// same field starts from it, so nothing typed is lost.
	refused *externalEditedMsg

	CurrentID  string // AWSCURRENT's version id when the value was loaded
	currentSeq int

	notes    []string        // from a replay, shown in the next review
	reapply  bool            // the next successful load replays the session
	discard  bool            // asking whether to drop unsaved edits on leaving
	modified map[string]bool // paths (and their ancestors) with unsaved changes
}

// newValueEditing uses the editor command the App read once at start.
func newValueEditing(command []string) valueEditing {
	return valueEditing{Ext: NewExternalEditor(command, nil)}
}

// currentKnownMsg carries the AWSCURRENT version id, looked up when a
// version that is not AWSCURRENT was loaded.
type currentKnownMsg struct {
	owner *Value
	seq   int
	id    string
	err   error
}

// editCapturing reports whether the editing state has the keyboard.
func (v *Value) editCapturing() bool { return v.Edit.Editor != nil || v.Edit.discard }

// UnsavedChanges is the number of edits that would be lost if the app quit.
func (v *Value) UnsavedChanges() int { return v.PendingEdits() }

// PendingEdits is the number of unsaved edits.
func (v *Value) PendingEdits() int {
	if v.Edit.Session == nil || !v.Edit.Session.Dirty() {
		return 0
	}
	return len(v.Edit.Session.Ops)
}

// shownText is the value as the screen shows it: with the unsaved edits.
func (v *Value) shownText() string {
	if v.Edit.Session != nil {
		return string(v.Edit.Session.Cur)
	}
	return v.Val.Secret.Text()
}

// editLoaded runs after a value loaded: it replays pending edits when the
// operator asked to re-apply them, and learns which version is AWSCURRENT.
func (v *Value) editLoaded() tea.Cmd {
	var cmds []tea.Cmd
	if v.Edit.Session != nil && v.Edit.reapply {
		v.Edit.reapply = false
		fresh, issues := v.Edit.Session.Replay(v.Val.Secret.Bytes(), v.Kind == ValueJSON)
		v.Edit.Session = fresh
		v.Edit.notes = v.Edit.notes[:0]
		skipped := 0
		for _, is := range issues {
			v.Edit.notes = append(v.Edit.notes, is.String())
			if is.skipped {
				skipped++
			}
		}
		v.showPending(v.Table.selectedPath())
		n := len(fresh.Ops)
		switch {
		case len(issues) == 0:
			cmds = append(cmds, common.Success("reloaded version "+common.ShortID(v.Val.VersionID)+" and re-applied "+common.Plural(n, "edit")+" — "+common.KeyHelp(v.env.Keys.Editing.Save)+" reviews and saves"))
		default:
			cmds = append(cmds, common.Warn("reloaded and re-applied "+common.Plural(n, "edit")+"; "+common.Plural(skipped, "edit")+" no longer apply and "+
				common.Plural(len(issues)-skipped, "edit")+" replace someone else's change — "+common.KeyHelp(v.env.Keys.Editing.Save)+" shows which"))
		}
	}
	v.Edit.CurrentID = ""
	if slices.Contains(v.Val.Stages, aws.LabelCurrent) {
		v.Edit.CurrentID = v.Val.VersionID
	} else if !v.env.ReadOnly {
		cmds = append(cmds, v.fetchCurrent())
	}
	return tea.Batch(cmds...)
}

// fetchCurrent looks up which version carries AWSCURRENT.
func (v *Value) fetchCurrent() tea.Cmd {
	v.Edit.currentSeq++
	seq, store, id, env := v.Edit.currentSeq, v.store, v.target.ID(), v.env
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		s, err := store.DescribeSecret(ctx, id)
		if err != nil {
			return currentKnownMsg{owner: v, seq: seq, err: err}
		}
		return currentKnownMsg{owner: v, seq: seq, id: common.LabelHolder(s.VersionStages, aws.LabelCurrent)}
	}
}

// editUpdate handles the editing messages; handled reports whether msg was
// one of them.
func (v *Value) editUpdate(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case currentKnownMsg:
		if msg.owner != v || msg.seq != v.Edit.currentSeq {
			return msg.owner == v, nil
		}
		if msg.err != nil {
			return true, common.Failed(msg.err)
		}
		v.Edit.CurrentID = msg.id
		return true, nil
	case valueSavedMsg:
		if msg.owner != v {
			return false, nil
		}
		v.Edit.Session, v.Edit.notes, v.Edit.modified = nil, nil, nil
		if v.ref.Stage != "" {
			v.savedOver = v.ref.Stage
		} else if v.ref.ID == "" || slices.Contains(v.Val.Stages, aws.LabelCurrent) {
			v.savedOver = aws.LabelCurrent // a save moves AWSCURRENT
		}
		v.ref = aws.VersionRef{ID: msg.result.VersionID}
		return true, v.load()
	case reapplyRequestedMsg:
		if msg.owner != v {
			return false, nil
		}
		v.Edit.reapply = true
		if slices.Contains(v.Val.Stages, aws.LabelCurrent) {
			v.ref = aws.VersionRef{}
		}
		return true, tea.Batch(common.Info("reloading "+v.target.String()+" to re-apply your edits…"), v.load())
	case externalEditedMsg:
		if msg.owner != v || msg.seq != v.Edit.extSeq {
			return msg.owner == v, nil
		}
		return true, v.externalDone(msg)
	case tea.KeyPressMsg:
		if v.Edit.discard {
			return true, v.discardKey(msg)
		}
		if v.Edit.Editor != nil {
			return true, v.editorKey(msg)
		}
	case tea.PasteMsg:
		if v.Edit.Editor != nil {
			_, cmd := v.Edit.Editor.Update(msg)
			return true, cmd
		}
	}
	return false, nil
}

// editKey starts an edit from the viewer's bindings (all disabled in
// read-only mode). handled reports whether msg was an editing binding.
func (v *Value) editKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := &v.env.Keys.Editing
	switch {
	case key.Matches(msg, k.Edit):
		return true, v.startEdit()
	case key.Matches(msg, k.AddField):
		return true, v.startAdd()
	case key.Matches(msg, k.DelField):
		return true, v.deleteField()
	case key.Matches(msg, k.Rename):
		return true, v.startRename()
	case key.Matches(msg, k.Save):
		return true, v.startReview()
	case key.Matches(msg, k.External):
		return true, v.startExternal()
	}
	return false, nil
}

// editable says why the value cannot be edited, or "".
func (v *Value) notEditable() string {
	switch {
	case v.Kind == ValueBinary:
		return "binary values cannot be edited here"
	case v.Kind == ValueJSON && v.raw:
		return "switch to the table (" + common.KeyHelp(v.env.Keys.Value.Raw) + ") to edit fields"
	}
	return ""
}

// session returns the pending edits, starting them on first use.
func (v *Value) session() *EditSession {
	if v.Edit.Session == nil {
		v.Edit.Session = NewEditSession(v.Val.Secret.Bytes(), v.Kind == ValueJSON)
	}
	return v.Edit.Session
}

// openEditor shows e for purpose on path.
func (v *Value) openEditor(e *form.FieldEditor, purpose editPurpose, path jsonedit.Path) tea.Cmd {
	v.Edit.Editor, v.Edit.purpose, v.Edit.path = e, purpose, path
	v.sizeEditor()
	return e.Focus()
}

// sizeEditor gives the open editor its room: a text area takes the body,
// a one-line editor a pane at the bottom.
func (v *Value) sizeEditor() {
	if e := v.Edit.Editor; e != nil {
		e.SetSize(v.width, max(v.height-1, 3))
	}
}

// selectedRow is the table row to act on, or a message why there is none.
func (v *Value) selectedRow() (valueRow, tea.Cmd) {
	r, ok := v.Table.Selected()
	if !ok {
		return r, common.Info("no field here: " + common.KeyHelp(v.env.Keys.Editing.AddField) + " adds one")
	}
	if r.dup {
		return r, common.Warn("the key " + quoteWhat(r.Key) + " appears more than once in its object: it cannot be edited safely here")
	}
	return r, nil
}

// pendingHint says how many edits wait and how to save them.
func (v *Value) pendingHint() string {
	return common.Plural(v.PendingEdits(), "unsaved edit") + ", " + common.KeyHelp(v.env.Keys.Editing.Save) + " reviews and saves"
}

// startReview opens the review of the pending edits.
func (v *Value) startReview() tea.Cmd {
	s := v.Edit.Session
	if s == nil || !s.Dirty() {
		return common.Info("no unsaved edits to save")
	}
	if err := checkSize(s.Cur); err != nil {
		return common.Warn(err.Error())
	}
	if v.Edit.CurrentID == "" {
		return tea.Batch(common.Info("still checking which version is AWSCURRENT; try again in a moment"), v.fetchCurrent())
	}
	t := v.target
	if arn := v.secretARN(); arn != "" {
		t.ARN = arn
	}
	req := SaveRequest{
		Owner: v, Target: t,
		LoadedID: v.Val.VersionID, LoadedStages: v.Val.Stages, ExpectCurrent: v.Edit.CurrentID,
		Base: s.Base, Updated: s.Cur, IsJSON: s.JSON, Edits: len(s.Ops),
		notes: append([]string(nil), v.Edit.notes...),
	}
	return common.Push(NewReview(v.env, v.store, req))
}

// editBack is esc on the viewer: with unsaved edits it asks first.
func (v *Value) editBack() (bool, tea.Cmd) {
	if v.PendingEdits() == 0 {
		return false, nil
	}
	v.Edit.discard = true
	return true, nil
}

// discardKey answers the "discard unsaved edits?" question.
func (v *Value) discardKey(msg tea.KeyPressMsg) tea.Cmd {
	k := v.env.Keys.Dialog
	switch {
	case key.Matches(msg, k.Yes):
		v.Edit.discard = false
		n := v.PendingEdits()
		v.Edit.Session = nil
		return tea.Batch(common.Pop(), common.Info("discarded "+common.Plural(n, "unsaved edit")))
	case key.Matches(msg, k.No), key.Matches(msg, v.env.Keys.Common.Back):
		v.Edit.discard = false
		return nil
	}
	return nil
}

// editClose drops the pending edits with the screen.
func (v *Value) editClose() {
	v.Edit.Session, v.Edit.Editor, v.Edit.notes, v.Edit.modified = nil, nil, nil, nil
	v.Edit.discard, v.Edit.reapply = false, false
	v.Edit.extSeq++
	v.Edit.currentSeq++
}
