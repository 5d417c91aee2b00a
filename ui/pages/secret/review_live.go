package secret

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/diff"
	"github.com/smtui/smtui/ui/jsonedit"
)

// The review compares the edited value with what is live (AWSCURRENT), not
// with the version the edits started from: editing an older version and
// saving also reverts every change made since, and the review must list
// those too. When the edits started from AWSCURRENT the two are the same
// value and nothing is fetched.

// needsLive reports whether the edits started from a version other than the
// one the save replaces, so that the review must read that one.
func (r SaveRequest) needsLive() bool { return r.ExpectCurrent != "" && r.ExpectCurrent != r.LoadedID }

// fetchLive reads the version the save would replace. It is an audited read
// (GetSecretValue) the operator caused by asking to save an older version.
func (r *Review) fetchLive() tea.Cmd {
	r.liveSeq++
	r.liveErr = nil
	store, env, req := r.store, r.env, r.req
	return common.Fetch(env, r, r.liveSeq, func(ctx context.Context) (aws.Value, error) {
		val, err := store.GetValue(ctx, req.Target.ID(), aws.VersionRef{ID: req.ExpectCurrent})
		env.Record(audit.Event{
			Action: "get-value", Region: req.Target.Region, SecretARN: req.Target.ARN,
			VersionIDs: []string{req.ExpectCurrent}, Outcome: common.OutcomeOf(err),
			Detail: "AWSCURRENT, to review a save of edits made to version " + req.LoadedID,
		})
		return val, err
	})
}

// liveLoaded takes the AWSCURRENT value and diffs the edits against it.
func (r *Review) liveLoaded(msg common.ResultMsg[aws.Value]) tea.Cmd {
	if msg.Err != nil {
		r.liveErr = msg.Err
		r.refreshBody()
		return common.Failed(msg.Err)
	}
	r.live, r.liveKnown = msg.Val.Secret.Bytes(), true
	r.diffAgainstLive()
	r.refreshBody()
	return nil
}

// diffAgainstLive computes the diff from what is live to the edited value
// and which of its changes the operator did not make (they revert changes
// made since the edited version).
func (r *Review) diffAgainstLive() {
	r.diff = diff.Compute(aws.TextValue(string(r.live)), aws.TextValue(string(r.req.Updated)))
	r.reverts = untouchedChanges(r.diff, r.req.Base, r.req.Updated)
	r.textReverts = !r.diff.JSON && !r.diff.Identical && string(r.live) != string(r.req.Base)
}

// untouchedChanges marks the changes of d (live → edited) that the edits
// did not make: no edit (base → edited) is at the change's path, inside it,
// or around it.
func untouchedChanges(d diff.Values, base, updated []byte) map[string]bool {
	if !d.JSON {
		return nil
	}
	edits, err := jsonedit.Diff(base, updated)
	if err != nil {
		return nil
	}
	out := map[string]bool{}
	for _, c := range d.Changes {
		touched := slices.ContainsFunc(edits, func(e jsonedit.Change) bool {
			return pathPrefix(e.Path, c.Path) || pathPrefix(c.Path, e.Path)
		})
		if !touched {
			out[c.Path.String()] = true
		}
	}
	return out
}

// pathPrefix reports whether p is q or one of q's ancestors.
func pathPrefix(p, q jsonedit.Path) bool {
	return len(p) <= len(q) && slices.Equal(p, q[:len(p)])
}
