package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
	session *editSession
	editor  *form.FieldEditor
	purpose editPurpose
	path    jsonedit.Path // the field edited, renamed, or the container added to
	newKey  string        // purposeAddValue: the key typed in step one

	ext    externalEditor
	extSeq int

	currentID  string // AWSCURRENT's version id when the value was loaded
	currentSeq int

	notes    []string        // from a replay, shown in the next review
	reapply  bool            // the next successful load replays the session
	discard  bool            // asking whether to drop unsaved edits on leaving
	modified map[string]bool // paths (and their ancestors) with unsaved changes
}

// newValueEditing uses the editor command the App read once at start.
func newValueEditing(command []string) valueEditing {
	return valueEditing{ext: newExternalEditor(command, nil)}
}

// currentKnownMsg carries the AWSCURRENT version id, looked up when a
// version that is not AWSCURRENT was loaded.
type currentKnownMsg struct {
	owner *valueScreen
	seq   int
	id    string
	err   error
}

// externalEditedMsg carries what came back from $EDITOR.
type externalEditedMsg struct {
	owner   *valueScreen
	seq     int
	res     externalResult
	purpose editPurpose
	path    jsonedit.Path
	kind    jsonedit.Kind
	masked  bool
}

// editCapturing reports whether the editing state has the keyboard.
func (v *valueScreen) editCapturing() bool { return v.edit.editor != nil || v.edit.discard }

// UnsavedChanges is the number of edits that would be lost if the app quit.
func (v *valueScreen) UnsavedChanges() int { return v.pendingEdits() }

// pendingEdits is the number of unsaved edits.
func (v *valueScreen) pendingEdits() int {
	if v.edit.session == nil || !v.edit.session.dirty() {
		return 0
	}
	return len(v.edit.session.ops)
}

// shownText is the value as the screen shows it: with the unsaved edits.
func (v *valueScreen) shownText() string {
	if v.edit.session != nil {
		return string(v.edit.session.cur)
	}
	return v.val.Secret.Text()
}

// editLoaded runs after a value loaded: it replays pending edits when the
// operator asked to re-apply them, and learns which version is AWSCURRENT.
func (v *valueScreen) editLoaded() tea.Cmd {
	var cmds []tea.Cmd
	if v.edit.session != nil && v.edit.reapply {
		v.edit.reapply = false
		fresh, issues := v.edit.session.replay(v.val.Secret.Bytes(), v.kind == valueJSON)
		v.edit.session = fresh
		v.edit.notes = v.edit.notes[:0]
		skipped := 0
		for _, is := range issues {
			v.edit.notes = append(v.edit.notes, is.String())
			if is.skipped {
				skipped++
			}
		}
		v.showPending(v.table.selectedPath())
		n := len(fresh.ops)
		switch {
		case len(issues) == 0:
			cmds = append(cmds, common.Success("reloaded version "+common.ShortID(v.val.VersionID)+" and re-applied "+common.Plural(n, "edit")+" — "+common.KeyHelp(v.env.Keys.Editing.Save)+" reviews and saves"))
		default:
			cmds = append(cmds, common.Warn("reloaded and re-applied "+common.Plural(n, "edit")+"; "+common.Plural(skipped, "edit")+" no longer apply and "+
				common.Plural(len(issues)-skipped, "edit")+" replace someone else's change — "+common.KeyHelp(v.env.Keys.Editing.Save)+" shows which"))
		}
	}
	v.edit.currentID = ""
	if slices.Contains(v.val.Stages, aws.LabelCurrent) {
		v.edit.currentID = v.val.VersionID
	} else if !v.env.ReadOnly {
		cmds = append(cmds, v.fetchCurrent())
	}
	return tea.Batch(cmds...)
}

// fetchCurrent looks up which version carries AWSCURRENT.
func (v *valueScreen) fetchCurrent() tea.Cmd {
	v.edit.currentSeq++
	seq, store, id, env := v.edit.currentSeq, v.store, v.target.ID(), v.env
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
func (v *valueScreen) editUpdate(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case currentKnownMsg:
		if msg.owner != v || msg.seq != v.edit.currentSeq {
			return msg.owner == v, nil
		}
		if msg.err != nil {
			return true, common.Failed(msg.err)
		}
		v.edit.currentID = msg.id
		return true, nil
	case valueSavedMsg:
		if msg.owner != v {
			return false, nil
		}
		v.edit.session, v.edit.notes, v.edit.modified = nil, nil, nil
		v.ref = aws.VersionRef{ID: msg.result.VersionID}
		return true, v.load()
	case reapplyRequestedMsg:
		if msg.owner != v {
			return false, nil
		}
		v.edit.reapply = true
		if slices.Contains(v.val.Stages, aws.LabelCurrent) {
			v.ref = aws.VersionRef{}
		}
		return true, tea.Batch(common.Info("reloading "+v.target.String()+" to re-apply your edits…"), v.load())
	case externalEditedMsg:
		if msg.owner != v || msg.seq != v.edit.extSeq {
			return msg.owner == v, nil
		}
		return true, v.externalDone(msg)
	case tea.KeyPressMsg:
		if v.edit.discard {
			return true, v.discardKey(msg)
		}
		if v.edit.editor != nil {
			return true, v.editorKey(msg)
		}
	case tea.PasteMsg:
		if v.edit.editor != nil {
			_, cmd := v.edit.editor.Update(msg)
			return true, cmd
		}
	}
	return false, nil
}

// editKey starts an edit from the viewer's bindings (all disabled in
// read-only mode). handled reports whether msg was an editing binding.
func (v *valueScreen) editKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
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
func (v *valueScreen) notEditable() string {
	switch {
	case v.kind == valueBinary:
		return "binary values cannot be edited here"
	case v.kind == valueJSON && v.raw:
		return "switch to the table (" + common.KeyHelp(v.env.Keys.Value.Raw) + ") to edit fields"
	}
	return ""
}

// session returns the pending edits, starting them on first use.
func (v *valueScreen) session() *editSession {
	if v.edit.session == nil {
		v.edit.session = newEditSession(v.val.Secret.Bytes(), v.kind == valueJSON)
	}
	return v.edit.session
}

// openEditor shows e for purpose on path.
func (v *valueScreen) openEditor(e *form.FieldEditor, purpose editPurpose, path jsonedit.Path) tea.Cmd {
	v.edit.editor, v.edit.purpose, v.edit.path = e, purpose, path
	v.sizeEditor()
	return e.Focus()
}

// sizeEditor gives the open editor its room: a text area takes the body,
// a one-line editor a pane at the bottom.
func (v *valueScreen) sizeEditor() {
	if e := v.edit.editor; e != nil {
		e.SetSize(v.width, max(v.height-1, 3))
	}
}

// selectedRow is the table row to act on, or a message why there is none.
func (v *valueScreen) selectedRow() (valueRow, tea.Cmd) {
	r, ok := v.table.selected()
	if !ok {
		return r, common.Info("no field here: " + common.KeyHelp(v.env.Keys.Editing.AddField) + " adds one")
	}
	if r.dup {
		return r, common.Warn("the key " + quoteWhat(r.key) + " appears more than once in its object: it cannot be edited safely here")
	}
	return r, nil
}

// startEdit opens the editor on the selected field, or on the plaintext.
func (v *valueScreen) startEdit() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.kind == valueText {
		e, err := form.NewTextEditor(v.env, "edit "+v.target.String(), v.shownText(), !v.revealAll)
		if err != nil {
			return common.Warn(err.Error())
		}
		v.session()
		return v.openEditor(e, purposeText, nil)
	}
	r, cmd := v.selectedRow()
	if cmd != nil {
		return cmd
	}
	e, err := form.NewValueEditor(v.env, "edit "+r.path.String(), r.node, !v.isRevealed(r.path))
	if err != nil {
		return common.Warn(err.Error())
	}
	v.session()
	return v.openEditor(e, purposeSet, r.path)
}

// parentOf is the container holding the selected row (the top level when
// the table is empty).
func (v *valueScreen) parentOf() (jsonedit.Path, *jsonedit.Node) {
	var p jsonedit.Path
	if r, ok := v.table.selected(); ok {
		p = r.path[:len(r.path)-1]
	}
	n, err := v.doc.Lookup(p)
	if err != nil {
		return nil, v.doc.Root()
	}
	return p, n
}

// startAdd adds a member to the object (or an element to the array) that
// holds the selected row: the key first, then the value.
func (v *valueScreen) startAdd() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.kind != valueJSON {
		return common.Info("a plaintext value has no fields: " + common.KeyHelp(v.env.Keys.Editing.Edit) + " edits the text")
	}
	p, n := v.parentOf()
	v.session()
	if n.Kind() == jsonedit.Array {
		e, _ := form.NewValueEditor(v.env, "new element of "+p.String(), nil, true)
		return v.openEditor(e, purposeAppend, p)
	}
	e, err := form.NewKeyEditor(v.env, "new field in "+p.String()+": its key", "")
	if err != nil {
		return common.Warn(err.Error())
	}
	return v.openEditor(e, purposeAddKey, p)
}

// startRename renames the selected member.
func (v *valueScreen) startRename() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.kind != valueJSON {
		return common.Info("a plaintext value has no keys")
	}
	r, cmd := v.selectedRow()
	if cmd != nil {
		return cmd
	}
	if last := r.path[len(r.path)-1]; last.IsIndex {
		return common.Info("array elements have no key to rename")
	}
	e, err := form.NewKeyEditor(v.env, "rename "+r.path.String()+" to", r.key)
	if err != nil {
		return common.Warn(err.Error())
	}
	v.session()
	return v.openEditor(e, purposeRename, r.path)
}

// deleteField removes the selected field from the pending value. Nothing is
// sent: the review lists it before anything is saved.
func (v *valueScreen) deleteField() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.kind != valueJSON {
		return common.Info("a plaintext value has no fields: " + common.KeyHelp(v.env.Keys.Editing.Edit) + " edits the text")
	}
	r, cmd := v.selectedRow()
	if cmd != nil {
		return cmd
	}
	if err := v.session().apply(editOp{kind: opDelete, path: r.path}); err != nil {
		return common.Warn("cannot delete " + r.path.String() + ": " + err.Error())
	}
	cursor := v.table.cursor
	v.showPending(nil)
	v.table.cursor = cursor
	v.table.clamp(v.tableHeight())
	return common.Info("deleted " + r.path.String() + " (unsaved) — " + v.pendingHint())
}

// pendingHint says how many edits wait and how to save them.
func (v *valueScreen) pendingHint() string {
	return common.Plural(v.pendingEdits(), "unsaved edit") + ", " + common.KeyHelp(v.env.Keys.Editing.Save) + " reviews and saves"
}

// editorKey passes a key to the open editor and acts on its result.
func (v *valueScreen) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := v.edit.editor.Update(msg)
	switch res {
	case form.EditorCancelled:
		v.edit.editor = nil
		return common.Info("edit cancelled; nothing changed")
	case form.EditorRevealed:
		return tea.Batch(cmd, v.audit("reveal", "the text being edited"))
	case form.EditorSubmitted:
		return v.submitEditor()
	}
	return cmd
}

// submitEditor validates the editor's text and applies it to the pending
// value. A refusal keeps the editor open with the text and the reason.
func (v *valueScreen) submitEditor() tea.Cmd {
	e := v.edit.editor
	if v.edit.purpose != purposeAddKey && e.Unchanged() {
		return v.closeUnchanged()
	}
	raw, err := e.Value()
	if err != nil {
		e.SetError(err.Error())
		return nil
	}
	p := v.edit.path
	var op editOp
	keep := p
	switch v.edit.purpose {
	case purposeSet:
		op = editOp{kind: opSet, path: p, raw: raw}
	case purposeText:
		op = editOp{kind: opText, raw: raw}
	case purposeAppend:
		op = editOp{kind: opAppend, path: p, raw: raw}
	case purposeRename:
		if len(raw) == 0 {
			e.SetError("a key cannot be empty")
			return nil
		}
		op = editOp{kind: opRename, path: p, key: string(raw)}
		keep = p[:len(p)-1].Append(jsonedit.Key(string(raw)))
	case purposeAddValue:
		op = editOp{kind: opAdd, path: p, key: v.edit.newKey, raw: raw}
		keep = p.Append(jsonedit.Key(v.edit.newKey))
	case purposeAddKey:
		return v.addKeyTyped(string(raw))
	}
	if v.session().sameAsPending(op) {
		return v.closeUnchanged()
	}
	if err := v.session().apply(op); err != nil {
		e.SetError(err.Error())
		return nil
	}
	v.edit.editor = nil
	v.showPending(keep)
	return common.Info(op.String() + " (unsaved) — " + v.pendingHint())
}

// addKeyTyped checks the new key and asks for the value.
func (v *valueScreen) addKeyTyped(k string) tea.Cmd {
	e := v.edit.editor
	if k == "" {
		e.SetError("a key cannot be empty")
		return nil
	}
	p := v.edit.path
	if _, err := v.doc.Lookup(p.Append(jsonedit.Key(k))); err == nil {
		e.SetError("the key " + quoteWhat(k) + " already exists here: edit it, or choose another key")
		return nil
	}
	v.edit.newKey = k
	ve, _ := form.NewValueEditor(v.env, "value of "+p.Append(jsonedit.Key(k)).String(), nil, true)
	return v.openEditor(ve, purposeAddValue, p)
}

// showPending shows the pending value in the table and marks what changed.
func (v *valueScreen) showPending(keep jsonedit.Path) {
	s := v.edit.session
	if s == nil {
		return
	}
	v.edit.modified = s.modifiedPaths()
	if v.kind == valueJSON {
		if doc, err := s.document(); err == nil {
			v.doc = doc
			v.table.build(doc, keep)
			v.table.clamp(v.tableHeight())
		}
	}
	v.rebuild()
}

// startReview opens the review of the pending edits.
func (v *valueScreen) startReview() tea.Cmd {
	s := v.edit.session
	if s == nil || !s.dirty() {
		return common.Info("no unsaved edits to save")
	}
	if err := checkSize(s.cur); err != nil {
		return common.Warn(err.Error())
	}
	if v.edit.currentID == "" {
		return tea.Batch(common.Info("still checking which version is AWSCURRENT; try again in a moment"), v.fetchCurrent())
	}
	t := v.target
	if arn := v.secretARN(); arn != "" {
		t.ARN = arn
	}
	req := saveRequest{
		owner: v, target: t,
		loadedID: v.val.VersionID, loadedStages: v.val.Stages, expectCurrent: v.edit.currentID,
		base: s.base, updated: s.cur, isJSON: s.json, edits: len(s.ops),
		notes: append([]string(nil), v.edit.notes...),
	}
	return common.Push(newReviewScreen(v.env, v.store, req))
}

// startExternal edits the selected field (or the plaintext) in $EDITOR.
func (v *valueScreen) startExternal() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	msg := externalEditedMsg{owner: v, purpose: purposeText, kind: jsonedit.String, masked: !v.revealAll}
	text, ext := v.shownText(), ".txt"
	if v.kind == valueJSON {
		r, cmd := v.selectedRow()
		if cmd != nil {
			return cmd
		}
		msg.purpose, msg.path, msg.kind, msg.masked = purposeSet, r.path, r.kind(), !v.isRevealed(r.path)
		switch r.kind() {
		case jsonedit.String:
			text = r.node.Decoded()
		case jsonedit.Object, jsonedit.Array:
			text, ext = string(r.node.Raw()), ".json"
		case jsonedit.Null:
			text = ""
		default:
			text = string(r.node.Raw())
		}
	}
	v.session()
	v.edit.extSeq++
	msg.seq = v.edit.extSeq
	return v.edit.ext.edit(text, ext, func(res externalResult) tea.Msg {
		m := msg
		m.res = res
		return m
	})
}

// externalDone applies what came back from $EDITOR. Text that does not fit
// the field opens in the in-app editor with the reason, so it is not lost.
func (v *valueScreen) externalDone(msg externalEditedMsg) tea.Cmd {
	name := v.edit.ext.editorName()
	if msg.res.err != nil {
		return common.Warn(msg.res.err.Error())
	}
	if !msg.res.changed {
		return common.Info("no change from " + name)
	}
	var op editOp
	if msg.purpose == purposeText {
		op = editOp{kind: opText, raw: []byte(msg.res.text)}
	} else {
		raw, err := jsonedit.ParseInput(msg.kind, msg.res.text)
		if err != nil {
			return v.reopen(msg, err)
		}
		op = editOp{kind: opSet, path: msg.path, raw: raw}
	}
	if err := v.session().apply(op); err != nil {
		return v.reopen(msg, err)
	}
	v.showPending(msg.path)
	return common.Info(op.String() + " from " + name + " (unsaved) — " + v.pendingHint())
}

// reopen shows refused $EDITOR text in the in-app editor with the reason.
func (v *valueScreen) reopen(msg externalEditedMsg, why error) tea.Cmd {
	var e *form.FieldEditor
	var err error
	if msg.purpose == purposeText {
		e, err = form.NewTextEditorText(v.env, "edit "+v.target.String(), msg.res.text, msg.masked)
	} else {
		e, err = form.NewValueEditorText(v.env, "edit "+msg.path.String(), msg.kind, msg.res.text, msg.masked)
	}
	if err != nil {
		return common.Warn("refused: " + why.Error())
	}
	e.SetError(why.Error())
	return tea.Batch(v.openEditor(e, msg.purpose, msg.path), common.Warn("refused: "+why.Error()))
}

// editBack is esc on the viewer: with unsaved edits it asks first.
func (v *valueScreen) editBack() (bool, tea.Cmd) {
	if v.pendingEdits() == 0 {
		return false, nil
	}
	v.edit.discard = true
	return true, nil
}

// discardKey answers the "discard unsaved edits?" question.
func (v *valueScreen) discardKey(msg tea.KeyPressMsg) tea.Cmd {
	k := v.env.Keys.Dialog
	switch {
	case key.Matches(msg, k.Yes):
		v.edit.discard = false
		n := v.pendingEdits()
		v.edit.session = nil
		return tea.Batch(common.Pop(), common.Info("discarded "+common.Plural(n, "unsaved edit")))
	case key.Matches(msg, k.No), key.Matches(msg, v.env.Keys.Common.Back):
		v.edit.discard = false
		return nil
	}
	return nil
}

// editView draws the open editor (or the discard question) over the
// bottom of the viewer's body.
func (v *valueScreen) editView(body string) string {
	var pane string
	switch {
	case v.edit.discard:
		st := v.env.Styles
		k := v.env.Keys.Dialog
		pane = st.Pane.Width(max(v.width, 6)).Render(lipgloss.JoinVertical(lipgloss.Left,
			st.Warning.Render(common.Cut("Discard "+common.Plural(v.pendingEdits(), "unsaved edit")+"?", max(v.width-4, 1))),
			st.Muted.Render(common.Cut(common.KeyHelp(k.Yes)+" discard and leave · "+common.KeyHelp(k.No)+" keep editing", max(v.width-4, 1)))))
	case v.edit.editor != nil:
		pane = v.edit.editor.View()
	default:
		return body
	}
	ph := lipgloss.Height(pane)
	lines := strings.Split(body, "\n")
	keep := max(min(v.height-ph, len(lines)), 0)
	return strings.Join(append(lines[:keep], pane), "\n")
}

// editMarker marks a row with an unsaved change.
func (v *valueScreen) editMarker(p jsonedit.Path) string {
	if v.edit.modified[p.String()] {
		return " *"
	}
	return ""
}

// editInfo is the info line's note about unsaved edits.
func (v *valueScreen) editInfo() string {
	n := v.pendingEdits()
	if n == 0 {
		return ""
	}
	return v.env.Styles.Changed.Render(common.Plural(n, "unsaved edit") + " (*) — " + common.KeyHelp(v.env.Keys.Editing.Save) + " reviews")
}

// editHelp is the short help while editing, or the editing bindings.
func (v *valueScreen) editHelp() []key.Binding {
	k := v.env.Keys
	switch {
	case v.edit.discard:
		return []key.Binding{common.WithHelpDesc(k.Dialog.Yes, "discard and leave"), common.WithHelpDesc(k.Dialog.No, "keep editing")}
	case v.edit.editor != nil:
		b := []key.Binding{v.edit.editor.SubmitKey(), k.Input.Cancel, k.Input.Reveal}
		if v.edit.editor.CanToggle() {
			b = append(b, k.Input.ToggleType)
		}
		return b
	}
	return nil
}

// editBindings are the viewer's editing bindings for its help (disabled
// ones, in read-only mode, are left out by the help itself).
func (v *valueScreen) editBindings() []key.Binding {
	k := v.env.Keys.Editing
	return []key.Binding{k.Edit, k.AddField, k.DelField, k.Rename, k.External, k.Save}
}

// editClose drops the pending edits with the screen.
func (v *valueScreen) editClose() {
	v.edit.session, v.edit.editor, v.edit.notes, v.edit.modified = nil, nil, nil, nil
	v.edit.discard, v.edit.reapply = false, false
	v.edit.extSeq++
	v.edit.currentSeq++
}
