package secret

import (
	"context"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// SaveRequest is an edited value ready for review: what was loaded, what
// will be written, and against which AWSCURRENT.
type SaveRequest struct {
	// Owner is the screen that edited the value; the saved and re-apply
	// messages carry it so only that screen acts on them.
	Owner  any
	Target aws.SecretRef
	// LoadedID and loadedStages name the version the edits started from.
	LoadedID     string
	LoadedStages []string
	// ExpectCurrent is the AWSCURRENT version id known when the value was
	// loaded; the put is refused if AWSCURRENT has moved since.
	ExpectCurrent string
	Base, Updated []byte
	IsJSON        bool
	Edits         int
	// notes are shown at the top of the review (edits that were re-applied
	// over someone else's change, or skipped).
	notes []string
}

// loadedCurrent reports whether the edits started from AWSCURRENT.
func (r SaveRequest) loadedCurrent() bool { return slices.Contains(r.LoadedStages, aws.LabelCurrent) }

// valueSavedMsg tells the editing screen that its value was saved as a new
// version: it drops its pending edits and reloads at that version.
type valueSavedMsg struct {
	owner  any
	result aws.PutValueResult
}

// reapplyRequestedMsg asks the editing screen to reload the value and
// replay its edits, after a save was refused because AWSCURRENT moved.
type reapplyRequestedMsg struct{ owner any }

// put sends the edited value through the write lifecycle, which records
// the audit event (versions and outcome, never the value). A value over
// the size limit is refused here, before anything is sent.
func (r *Review) put() tea.Cmd {
	req, store := r.req, r.store
	if err := checkSize(req.Updated); err != nil {
		return r.finished(aws.PutValueResult{}, err)
	}
	r.saving = true
	in := aws.PutValueInput{
		SecretID:           req.Target.ID(),
		Value:              aws.TextValue(string(req.Updated)),
		ClientRequestToken: r.token,
		ExpectCurrent:      req.ExpectCurrent,
	}
	return r.write.Run(dialog.WriteOp{
		Busy: "saving a new version of " + req.Target.String() + "…",
		Call: func(ctx context.Context) (any, error) { return store.PutValue(ctx, in) },
		Audit: audit.Event{Action: "put-value", Region: req.Target.Region, SecretARN: req.Target.ARN,
			Detail: common.Plural(req.Edits, "edit") + " from version " + req.LoadedID},
		AuditResult: func(ev *audit.Event, val any) {
			res, _ := val.(aws.PutValueResult)
			if res.ARN != "" {
				ev.SecretARN = res.ARN
			}
			ev.VersionIDs = []string{res.VersionID, req.ExpectCurrent}
		},
		Done: func(val any) tea.Cmd { return r.finished(val.(aws.PutValueResult), nil) },
		Fail: func(err error) tea.Cmd { return r.finished(aws.PutValueResult{}, err) },
	})
}

// saved is what a successful put does: close the review, tell the editing
// screen (it reloads at the new version), tell every list, say so.
func (r *Review) saved(res aws.PutValueResult) tea.Cmd {
	req := r.req
	arn := res.ARN
	if arn == "" {
		arn = req.Target.ID()
	}
	text := "saved " + req.Target.String() + " as version " + common.ShortID(res.VersionID) + " — now AWSCURRENT"
	if res.Reconciled {
		text = "saved (confirmed after the connection dropped): " + req.Target.String() + " version " + common.ShortID(res.VersionID) + " is now AWSCURRENT"
	}
	if prev := res.Previous; prev != "" {
		text += "; " + common.ShortID(prev) + " is AWSPREVIOUS"
	}
	level := common.LevelSuccess
	if res.LabelLeft != "" {
		level = common.LevelWarning
		text += "; smtui's label " + res.LabelLeft + " is still on it and goes the next time the secret is opened"
	}
	return tea.Batch(
		common.Pop(),
		func() tea.Msg { return valueSavedMsg{owner: req.Owner, result: res} },
		common.Changed(req.Target.Region, arn),
		common.Status(level, text, 10*time.Second),
	)
}
