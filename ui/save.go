package ui

import (
	"context"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
)

// saveRequest is an edited value ready for review: what was loaded, what
// will be written, and against which AWSCURRENT.
type saveRequest struct {
	// owner is the screen that edited the value; the saved and re-apply
	// messages carry it so only that screen acts on them.
	owner  any
	target aws.SecretRef
	// loadedID and loadedStages name the version the edits started from.
	loadedID     string
	loadedStages []string
	// expectCurrent is the AWSCURRENT version id known when the value was
	// loaded; the put is refused if AWSCURRENT has moved since.
	expectCurrent string
	base, updated []byte
	isJSON        bool
	edits         int
	// notes are shown at the top of the review (edits that were re-applied
	// over someone else's change, or skipped).
	notes []string
}

// loadedCurrent reports whether the edits started from AWSCURRENT.
func (r saveRequest) loadedCurrent() bool { return slices.Contains(r.loadedStages, aws.LabelCurrent) }

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
func (r *reviewScreen) put() tea.Cmd {
	req, store := r.req, r.store
	if err := checkSize(req.updated); err != nil {
		return r.finished(aws.PutValueResult{}, err)
	}
	r.saving = true
	in := aws.PutValueInput{
		SecretID:           req.target.ID(),
		Value:              aws.TextValue(string(req.updated)),
		ClientRequestToken: r.token,
		ExpectCurrent:      req.expectCurrent,
	}
	return r.write.run(writeOp{
		busy: "saving a new version of " + req.target.String() + "…",
		call: func(ctx context.Context) (any, error) { return store.PutValue(ctx, in) },
		audit: audit.Event{Action: "put-value", Region: req.target.Region, SecretARN: req.target.ARN,
			Detail: common.Plural(req.edits, "edit") + " from version " + req.loadedID},
		auditResult: func(ev *audit.Event, val any) {
			res, _ := val.(aws.PutValueResult)
			if res.ARN != "" {
				ev.SecretARN = res.ARN
			}
			ev.VersionIDs = []string{res.VersionID, req.expectCurrent}
		},
		done: func(val any) tea.Cmd { return r.finished(val.(aws.PutValueResult), nil) },
		fail: func(err error) tea.Cmd { return r.finished(aws.PutValueResult{}, err) },
	})
}

// saved is what a successful put does: close the review, tell the editing
// screen (it reloads at the new version), tell every list, say so.
func (r *reviewScreen) saved(res aws.PutValueResult) tea.Cmd {
	req := r.req
	arn := res.ARN
	if arn == "" {
		arn = req.target.ID()
	}
	text := "saved " + req.target.String() + " as version " + common.ShortID(res.VersionID) + " — now AWSCURRENT"
	if res.Reconciled {
		text = "saved (confirmed after the connection dropped): " + req.target.String() + " version " + common.ShortID(res.VersionID) + " is now AWSCURRENT"
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
		func() tea.Msg { return valueSavedMsg{owner: req.owner, result: res} },
		common.Changed(req.target.Region, arn),
		common.Status(level, text, 10*time.Second),
	)
}
