package secret

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/jsonedit"
)

// externalEditedMsg carries what came back from $EDITOR.
type externalEditedMsg struct {
	owner   *Value
	seq     int
	res     ExternalResult
	purpose editPurpose
	path    jsonedit.Path
	kind    jsonedit.Kind
	masked  bool
}

// startExternal edits the selected field (or the plaintext) in $EDITOR.
func (v *Value) startExternal() tea.Cmd {
	if why := v.notEditable(); why != "" {
		return common.Info(why)
	}
	msg := externalEditedMsg{owner: v, purpose: purposeText, kind: jsonedit.String, masked: !v.revealAll}
	text, ext := v.shownText(), ".txt"
	if v.Kind == ValueJSON {
		r, cmd := v.selectedRow()
		if cmd != nil {
			return cmd
		}
		msg.purpose, msg.path, msg.kind, msg.masked = purposeSet, r.Path, r.kind(), !v.isRevealed(r.Path)
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
	var note tea.Cmd
	if kept := v.Edit.refused; kept != nil {
		v.Edit.refused = nil
		if kept.purpose == msg.purpose && kept.path.String() == msg.path.String() {
			text = kept.res.Text // carry on from the refused text
		} else {
			note = common.Warn("dropped the refused " + v.Edit.Ext.editorName() + " text of " + kept.what(v) + ": you are editing another field")
		}
	}
	v.session()
	v.Edit.extSeq++
	msg.seq = v.Edit.extSeq
	return tea.Batch(note, v.Edit.Ext.Edit(text, ext, func(res ExternalResult) tea.Msg {
		m := msg
		m.res = res
		return m
	}))
}

// what names the field (or the whole value) an $EDITOR edit was for.
func (m externalEditedMsg) what(v *Value) string {
	if m.purpose == purposeText {
		return v.target.String()
	}
	return m.path.String()
}

// externalDone applies what came back from $EDITOR. Text that does not fit
// the field opens in the in-app editor with the reason, so it is not lost.
func (v *Value) externalDone(msg externalEditedMsg) tea.Cmd {
	name := v.Edit.Ext.editorName()
	if msg.res.Err != nil {
		return common.Warn(msg.res.Err.Error())
	}
	if !msg.res.Changed {
		return common.Info("no change from " + name)
	}
	var op EditOp
	if msg.purpose == purposeText {
		op = EditOp{Kind: OpText, Raw: []byte(msg.res.Text)}
	} else {
		raw, err := jsonedit.ParseInput(msg.kind, msg.res.Text)
		if err != nil {
			return v.reopen(msg, err)
		}
		op = EditOp{Kind: OpSet, Path: msg.path, Raw: raw}
	}
	if err := v.session().Apply(op); err != nil {
		return v.reopen(msg, err)
	}
	v.showPending(msg.path)
	return common.Info(op.String() + " from " + name + " (unsaved) — " + v.pendingHint())
}

// reopen shows refused $EDITOR text in the in-app editor with the reason.
func (v *Value) reopen(msg externalEditedMsg, why error) tea.Cmd {
	var e *form.FieldEditor
	var err error
	if msg.purpose == purposeText {
		e, err = form.NewTextEditorText(v.env, "edit "+v.target.String(), msg.res.Text, msg.masked)
	} else {
		e, err = form.NewValueEditorText(v.env, "edit "+msg.path.String(), msg.kind, msg.res.Text, msg.masked)
	}
	if err != nil {
		// The in-app editor cannot hold this text either: keep it for the
		// next $EDITOR edit of the same field rather than lose it.
		kept := msg
		v.Edit.refused = &kept
		return common.Warn("refused, your text is kept (" + common.KeyHelp(v.env.Keys.Editing.External) +
			" edits it again in " + v.Edit.Ext.editorName() + "): " + why.Error())
	}
	e.SetError(why.Error())
	return tea.Batch(v.openEditor(e, msg.purpose, msg.path), common.Warn("refused: "+why.Error()))
}
