package secret

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
)

// A save is three calls (aws/save.go); if smtui dies between them, its
// private label (aws.SaveLabelPrefix) stays on the new version. The next
// time the secret is opened (its value screen, or its versions list) smtui
// removes its own labels that are older than aws.SaveLabelGrace, so that a
// save running right now in another instance keeps its label, and says so.
// Read-only sessions change nothing, so they leave the labels alone.

// leftoversRemovedMsg reports what the sweep removed, to the screen that
// started it.
type leftoversRemovedMsg struct {
	owner   common.Screen
	target  aws.SecretRef
	removed []aws.LabelOnVersion
	err     error
}

// sweepLeftovers removes smtui's stale save labels from target. versions,
// when the caller has just listed them, spares a second listing; nil lists
// them. It returns nil when there is nothing to do.
func sweepLeftovers(env *common.Env, store aws.Store, owner common.Screen, t aws.SecretRef, versions []aws.Version) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	if versions != nil && len(aws.StaleSaveLabels(versions, env.Now())) == 0 {
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		vs := versions
		if vs == nil {
			var err error
			if vs, err = store.ListVersions(ctx, t.ID()); err != nil {
				return nil // the screen's own load reports problems reaching the secret
			}
		}
		msg := leftoversRemovedMsg{owner: owner, target: t}
		for _, l := range aws.StaleSaveLabels(vs, env.Now()) {
			err := store.MoveLabel(ctx, aws.MoveLabelInput{SecretID: t.ID(), Label: l.Label, FromVersion: l.VersionID})
			env.Record(audit.Event{
				Action: "move-label", Region: t.Region, SecretARN: t.ARN, VersionIDs: []string{l.VersionID},
				Outcome: common.OutcomeOf(err), Detail: "removed smtui's leftover save label " + l.Label,
			})
			if err != nil {
				msg.err = err
				break
			}
			msg.removed = append(msg.removed, l)
		}
		if len(msg.removed) == 0 && msg.err == nil {
			return nil
		}
		return msg
	}
}

// report says what the sweep did, and tells the screens showing the secret
// that its labels changed.
func (m leftoversRemovedMsg) report(k *keymap.KeyMap) tea.Cmd {
	var cmds []tea.Cmd
	if len(m.removed) > 0 {
		var what []string
		for _, l := range m.removed {
			s := "version " + common.ShortID(l.VersionID)
			if l.Current {
				s += " (AWSCURRENT)"
			}
			what = append(what, s)
		}
		cmds = append(cmds, common.Changed(m.target.Region, m.target.ID()),
			common.Warn("removed smtui's leftover save label from "+strings.Join(what, ", ")+
				" of "+m.target.String()+": a save was interrupted there; AWSCURRENT was not changed by this cleanup"))
	}
	if m.err != nil {
		cmds = append(cmds, common.Warn("could not remove smtui's leftover save label from "+m.target.String()+": "+common.DescribeError(k, m.err)))
	}
	return tea.Batch(cmds...)
}
