package secret

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/jsonedit"
)

// startEdit opens the editor on the selected field, or on the plaintext.
func (v *Value) startEdit() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.Kind == valueText {
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
	e, err := form.NewValueEditor(v.env, "edit "+r.Path.String(), r.node, !v.isRevealed(r.Path))
	if err != nil {
		return common.Warn(err.Error())
	}
	v.session()
	return v.openEditor(e, purposeSet, r.Path)
}

// parentOf is the container holding the selected row (the top level when
// the table is empty).
func (v *Value) parentOf() (jsonedit.Path, *jsonedit.Node) {
	var p jsonedit.Path
	if r, ok := v.Table.Selected(); ok {
		p = r.Path[:len(r.Path)-1]
	}
	n, err := v.Doc.Lookup(p)
	if err != nil {
		return nil, v.Doc.Root()
	}
	return p, n
}

// startAdd adds a member to the object (or an element to the array) that
// holds the selected row: the key first, then the value.
func (v *Value) startAdd() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.Kind != ValueJSON {
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
func (v *Value) startRename() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.Kind != ValueJSON {
		return common.Info("a plaintext value has no keys")
	}
	r, cmd := v.selectedRow()
	if cmd != nil {
		return cmd
	}
	if last := r.Path[len(r.Path)-1]; last.IsIndex {
		return common.Info("array elements have no key to rename")
	}
	e, err := form.NewKeyEditor(v.env, "rename "+r.Path.String()+" to", r.Key)
	if err != nil {
		return common.Warn(err.Error())
	}
	v.session()
	return v.openEditor(e, purposeRename, r.Path)
}

// deleteField removes the selected field from the pending value. Nothing is
// sent: the review lists it before anything is saved.
func (v *Value) deleteField() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	if v.Kind != ValueJSON {
		return common.Info("a plaintext value has no fields: " + common.KeyHelp(v.env.Keys.Editing.Edit) + " edits the text")
	}
	r, cmd := v.selectedRow()
	if cmd != nil {
		return cmd
	}
	if err := v.session().Apply(EditOp{Kind: OpDelete, Path: r.Path}); err != nil {
		return common.Warn("cannot delete " + r.Path.String() + ": " + err.Error())
	}
	cursor := v.Table.cursor
	v.showPending(nil)
	v.Table.cursor = cursor
	v.Table.clamp(v.tableHeight())
	return common.Info("deleted " + r.Path.String() + " (unsaved) — " + v.pendingHint())
}

// editorKey passes a key to the open editor and acts on its result.
func (v *Value) editorKey(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := v.Edit.Editor.Update(msg)
	switch res {
	case form.EditorCancelled:
		v.Edit.Editor = nil
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
func (v *Value) submitEditor() tea.Cmd {
	e := v.Edit.Editor
	if v.Edit.purpose != purposeAddKey && e.Unchanged() {
		return v.closeUnchanged()
	}
	raw, err := e.Value()
	if err != nil {
		e.SetError(err.Error())
		return nil
	}
	p := v.Edit.path
	var op EditOp
	keep := p
	switch v.Edit.purpose {
	case purposeSet:
		op = EditOp{Kind: OpSet, Path: p, Raw: raw}
	case purposeText:
		op = EditOp{Kind: OpText, Raw: raw}
	case purposeAppend:
		op = EditOp{Kind: OpAppend, Path: p, Raw: raw}
	case purposeRename:
		if len(raw) == 0 {
			e.SetError("a key cannot be empty")
			return nil
		}
		op = EditOp{Kind: OpRename, Path: p, Key: string(raw)}
		keep = p[:len(p)-1].Append(jsonedit.Key(string(raw)))
	case purposeAddValue:
		op = EditOp{Kind: OpAdd, Path: p, Key: v.Edit.newKey, Raw: raw}
		keep = p.Append(jsonedit.Key(v.Edit.newKey))
	case purposeAddKey:
		return v.addKeyTyped(string(raw))
	}
	if v.session().sameAsPending(op) {
		return v.closeUnchanged()
	}
	if err := v.session().Apply(op); err != nil {
		e.SetError(err.Error())
		return nil
	}
	v.Edit.Editor = nil
	v.showPending(keep)
	return common.Info(op.String() + " (unsaved) — " + v.pendingHint())
}

// addKeyTyped checks the new key and asks for the value.
func (v *Value) addKeyTyped(k string) tea.Cmd {
	e := v.Edit.Editor
	if k == "" {
		e.SetError("a key cannot be empty")
		return nil
	}
	p := v.Edit.path
	if _, err := v.Doc.Lookup(p.Append(jsonedit.Key(k))); err == nil {
		e.SetError("the key " + quoteWhat(k) + " already exists here: edit it, or choose another key")
		return nil
	}
	v.Edit.newKey = k
	ve, _ := form.NewValueEditor(v.env, "value of "+p.Append(jsonedit.Key(k)).String(), nil, true)
	return v.openEditor(ve, purposeAddValue, p)
}

// showPending shows the pending value in the table and marks what changed.
func (v *Value) showPending(keep jsonedit.Path) {
	s := v.Edit.Session
	if s == nil {
		return
	}
	v.Edit.modified = s.ModifiedPaths()
	if v.Kind == ValueJSON {
		if doc, err := s.document(); err == nil {
			v.Doc = doc
			v.Table.build(doc, keep)
			v.Table.clamp(v.tableHeight())
		}
	}
	v.rebuild()
}
