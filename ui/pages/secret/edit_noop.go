package secret

import (
	"bytes"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// sameAsPending reports whether op would leave the pending value exactly
// as it is: the same bytes for a field or the text, the same name for a
// rename. Such an op is not an edit and is not recorded.
func (s *EditSession) sameAsPending(op EditOp) bool {
	switch op.Kind {
	case OpText:
		return !s.JSON && bytes.Equal(s.Cur, op.Raw)
	case OpSet:
		doc, err := jsonedit.Parse(s.Cur)
		if err != nil || len(op.Path) == 0 {
			return false
		}
		n, err := doc.Lookup(op.Path)
		return err == nil && bytes.Equal(n.Raw(), op.Raw)
	case OpRename:
		if len(op.Path) == 0 {
			return false
		}
		last := op.Path[len(op.Path)-1]
		return !last.IsIndex && last.Key == op.Key
	}
	return false
}

// closeUnchanged closes the editor that was applied without a change:
// no edit is made, not even an identical rewrite.
func (v *Value) closeUnchanged() tea.Cmd {
	what := "the text"
	if v.Edit.purpose != purposeText {
		what = v.Edit.path.String()
	}
	v.Edit.Editor = nil
	if v.Edit.purpose == purposeRename {
		return common.Info("no change: " + what + " keeps its name")
	}
	return common.Info("no change: " + what + " keeps its current value")
}
