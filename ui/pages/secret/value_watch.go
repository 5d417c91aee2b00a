package secret

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// The value screen follows changes made through the app (a rotation, a
// rollback, a save elsewhere). When it shows the AWSCURRENT version and
// AWSCURRENT moves, it reloads at the new version, masked — unless edits
// are pending or an editor is open: then it says a newer version exists and
// leaves the edits alone (saving checks AWSCURRENT and offers to re-apply
// them on the newer version). A secret deleted for good is dropped from the
// screen.

// valueWatch is the value screen's view of changes under it.
type valueWatch struct {
	seq   int    // request id of the latest AWSCURRENT check
	newer string // AWSCURRENT's version id when it is newer than the one shown
	gone  bool   // the secret was deleted for good
}

// watchUpdate handles common.SecretChangedMsg and the AWSCURRENT check it starts;
// handled reports whether msg was one of them.
func (v *Value) watchUpdate(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case common.SecretChangedMsg:
		if !msg.About(v.target.Region, v.target.String(), v.target.ARN) || v.watch.gone {
			return true, nil
		}
		if msg.Deleted {
			v.drop()
			return true, nil
		}
		// A load in flight reads the new state anyway; a version other than
		// AWSCURRENT stays what it is.
		if !v.Loaded() || !slices.Contains(v.Val.Stages, aws.LabelCurrent) {
			return true, nil
		}
		v.watch.seq++
		return true, common.Describe(v.env, v.store, v, v.watch.seq, v.target.ID())
	case common.ResultMsg[aws.Secret]:
		if !msg.IsFor(v, v.watch.seq) {
			return msg.Owner == v, nil
		}
		if msg.Err != nil || !v.Loaded() {
			return true, nil // a failed check changes nothing; a load in flight is fresh
		}
		cur := common.LabelHolder(msg.Val.VersionStages, aws.LabelCurrent)
		if cur == "" || cur == v.Val.VersionID {
			v.watch.newer = ""
			return true, nil
		}
		v.watch.newer = cur
		return true, v.followNewer()
	}
	return false, nil
}

// followNewer reloads at the newer AWSCURRENT when nothing would be lost:
// no unsaved edit and no open editor. Otherwise the info line keeps saying
// that a newer version exists.
func (v *Value) followNewer() tea.Cmd {
	if v.watch.newer == "" || v.watch.gone || v.PendingEdits() > 0 || v.editCapturing() || !v.Loaded() {
		return nil
	}
	id := v.watch.newer
	v.watch.newer = ""
	v.maskAll() // the new value is not revealed without being asked for
	v.ref = aws.VersionRef{Stage: aws.LabelCurrent}
	return tea.Batch(common.Info(v.target.String()+" changed: showing the new AWSCURRENT, version "+common.ShortID(id)), v.load())
}

// newerNote is the info line's warning while a newer AWSCURRENT is not shown.
func (v *Value) newerNote() string {
	if v.watch.newer == "" {
		return ""
	}
	return v.env.Styles.Warning.Render("version " + common.ShortID(v.watch.newer) + " is AWSCURRENT now — saving offers to re-apply your edits on it")
}

// drop forgets the value of a secret deleted for good, edits included.
func (v *Value) drop() {
	v.watch.gone = true
	v.watch.newer = ""
	v.forget()
	v.Loading = false
}
