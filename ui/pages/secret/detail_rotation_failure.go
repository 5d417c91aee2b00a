package secret

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/insight"
)

// rotationFailed: a rotation is stuck (a stray AWSPENDING) or overdue
// (rotation is on and NextRotationDate has passed), the cases where the
// footer offers the diagnosis.
func rotationFailed(s aws.SecretSummary, now time.Time) bool {
	if _, _, stuck := common.StrayPending(s.VersionStages); stuck {
		return true
	}
	return s.RotationEnabled && !s.NextRotationDate.IsZero() && s.NextRotationDate.Before(now)
}

// openRotationFailure opens the diagnosis of the secret's rotation: its
// function, invoke permission and the last attempt's logs. It reads no
// value and changes nothing, so it works read-only too.
func (d *Detail) openRotationFailure() tea.Cmd {
	diag, ok := d.Store.(aws.RotationDiagnoser)
	switch {
	case !ok:
		return common.Warn("this connection cannot look into rotations (no Lambda or CloudWatch Logs access through it)")
	case d.Secret == nil:
		return common.Warn("the secret is still loading; try again in a moment")
	case d.Secret.RotationLambdaARN == "" && !rotationFailed(d.Summary, d.env.Now()):
		return common.Info(common.Sanitize(d.Summary.Name) + " has no rotation function: rotation is not set up with Lambda")
	}
	trail, _ := d.Store.(aws.Trail)
	return common.Push(insight.NewRotationFailure(d.env, diag, trail, d.target()))
}

// rotationFailureLines point at the diagnosis when rotation is stuck or
// overdue (an overdue rotation has no other warning on the screen).
func (d *Detail) rotationFailureLines(s aws.SecretSummary, w int) []string {
	now := d.env.Now()
	if !rotationFailed(s, now) || s.RotationLambdaARN == "" {
		return nil
	}
	st := d.env.Styles
	why := "Press " + common.KeyHelp(d.env.Keys.Detail.RotationFailure) +
		" to see why: the rotation function, whether Secrets Manager may invoke it, and its log of the last attempt."
	if _, _, stuck := common.StrayPending(s.VersionStages); stuck {
		return common.WrapLines(st.Warning.Render(why), w)
	}
	text := "⚠ Rotation overdue: it was due " + common.FormatWhen(s.NextRotationDate, now) + " and has not happened. " + why
	return append([]string{""}, common.WrapLines(st.Warning.Render(text), w)...)
}
