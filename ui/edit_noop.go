package ui

import (
	"bytes"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// sameAsPending reports whether op would leave the pending value exactly
// as it is: the same bytes for a field or the text, the same name for a
// rename. Such an op is not an edit and is not recorded.
func (s *editSession) sameAsPending(op editOp) bool {
	switch op.kind {
	case opText:
		return !s.json && bytes.Equal(s.cur, op.raw)
	case opSet:
		doc, err := jsonedit.Parse(s.cur)
		if err != nil || len(op.path) == 0 {
			return false
		}
		n, err := doc.Lookup(op.path)
		return err == nil && bytes.Equal(n.Raw(), op.raw)
	case opRename:
		if len(op.path) == 0 {
			return false
		}
		last := op.path[len(op.path)-1]
		return !last.IsIndex && last.Key == op.key
	}
	return false
}

// closeUnchanged closes the editor that was applied without a change:
// no edit is made, not even an identical rewrite.
func (v *valueScreen) closeUnchanged() tea.Cmd {
	what := "the text"
	if v.edit.purpose != purposeText {
		what = v.edit.path.String()
	}
	v.edit.editor = nil
	if v.edit.purpose == purposeRename {
		return common.Info("no change: " + what + " keeps its name")
	}
	return common.Info("no change: " + what + " keeps its current value")
}
