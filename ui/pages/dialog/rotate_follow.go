package dialog

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// rotateTickMsg asks for the next poll.
type rotateTickMsg struct {
	owner *RotateScreen
	seq   int
	at    time.Time
}

// rotatePoll is one poll's result: the labels at the tick's time.
type rotatePoll struct {
	at     time.Time
	stages map[string][]string
}

// addStep records a step for display; its text may quote version ids.
func (r *RotateScreen) addStep(at time.Duration, text string) {
	r.steps = append(r.steps, rotateStep{at: at, text: common.Sanitize(text)})
}

// schedule asks for the next poll after the interval.
func (r *RotateScreen) schedule() tea.Cmd {
	r.pollSeq++
	seq := r.pollSeq
	return tea.Tick(r.Interval, func(t time.Time) tea.Msg { return rotateTickMsg{owner: r, seq: seq, at: t} })
}

// poll reads the labels once.
func (r *RotateScreen) poll(at time.Time) tea.Cmd {
	store, id := r.store, r.ref.ID()
	return common.Fetch(r.env, r, r.pollSeq, func(ctx context.Context) (rotatePoll, error) {
		s, err := store.DescribeSecret(ctx, id)
		return rotatePoll{at: at, stages: s.VersionStages}, err
	})
}

// polled interprets the labels and decides whether to keep following.
func (r *RotateScreen) polled(msg rotatePoll, err error) tea.Cmd {
	r.elapsed = msg.at.Sub(r.startedAt)
	if err != nil {
		r.pollErrs++
		if r.pollErrs >= rotatePollErrors {
			return r.finish(rotFailed, "Could not follow the rotation: "+common.DescribeError(r.env.Keys, err)+
				". It may still be running; check the secret's labels on the detail screen.")
		}
		return r.schedule()
	}
	r.pollErrs = 0
	x := msg.stages[r.NewVersion]
	pendingOnX := common.HasLabel(x, aws.LabelPending)
	if pendingOnX && !r.sawPending {
		r.sawPending = true
		r.addStep(r.elapsed, "AWSPENDING appeared on version "+common.VersionShort(r.NewVersion)+": the function created it and now sets and tests it")
	}
	cur := common.LabelHolder(msg.stages, aws.LabelCurrent)
	switch {
	case cur == r.NewVersion:
		text := "AWSCURRENT moved to version " + common.VersionShort(r.NewVersion)
		if common.HasLabel(msg.stages[r.oldCurrent], aws.LabelPrevious) {
			text += "; version " + common.VersionShort(r.oldCurrent) + " is AWSPREVIOUS"
		}
		r.addStep(r.elapsed, text)
		return r.finish(rotCompleted, "Rotation complete: AWSCURRENT is on version "+r.NewVersion+".")
	case cur != r.oldCurrent && cur != "":
		return r.finish(rotFailed, "AWSCURRENT moved to version "+cur+", not to the rotation's version: someone else changed the secret meanwhile. Check the versions ("+common.KeyHelp(r.env.Keys.Detail.Versions)+").")
	case r.sawPending && !pendingOnX:
		return r.finish(rotFailed, "AWSPENDING was removed from version "+common.VersionShort(r.NewVersion)+
			" before AWSCURRENT moved: the rotation was cancelled or its function gave up. AWSCURRENT is still on version "+common.VersionShort(r.oldCurrent)+".")
	case r.elapsed >= r.Timeout && pendingOnX:
		r.stuck = true
		return r.finish(rotFailed, "Stuck: AWSPENDING has been on version "+common.VersionShort(r.NewVersion)+" for "+r.elapsed.Round(100*time.Millisecond).String()+
			" and AWSCURRENT has not moved. The rotation function probably failed in setSecret, testSecret or finishSecret; "+
			"its logs ("+rotationFunction(r.secret.SecretSummary)+") say why. Applications still read version "+common.VersionShort(r.oldCurrent)+".")
	case r.elapsed >= r.Timeout:
		return r.finish(rotTimedOut, "Timed out after "+r.Timeout.String()+": the rotation function has not created version "+
			common.VersionShort(r.NewVersion)+". It may still be running; check the secret's labels later.")
	}
	return r.schedule()
}

// finish ends the follow with an outcome.
func (r *RotateScreen) finish(phase rotatePhase, text string) tea.Cmd {
	r.Phase = phase
	r.outcome = common.Sanitize(text) // for display; it may quote version ids
	detail := map[rotatePhase]string{rotCompleted: "completed", rotFailed: "failed", rotTimedOut: "timed out"}[phase]
	outcome := "ok"
	if phase != rotCompleted {
		outcome = detail
	}
	r.env.Record(audit.Event{Action: "rotate", Region: r.ref.Region, SecretARN: r.ref.ARN,
		VersionIDs: nonEmpty(r.NewVersion, r.oldCurrent), Outcome: outcome, Detail: detail})
	note := common.Changed(r.ref.Region, r.ref.ID())
	switch phase {
	case rotCompleted:
		return tea.Batch(note, common.Success("Rotated "+r.ref.String()+": AWSCURRENT is on version "+common.VersionShort(r.NewVersion)))
	case rotFailed:
		return tea.Batch(note, common.Status(common.LevelError, "Rotation of "+r.ref.String()+" failed", 0))
	}
	return tea.Batch(note, common.Warn("Stopped following the rotation of "+r.ref.String()+": timed out"))
}

func (r *RotateScreen) followView() string {
	st := r.env.Styles
	s := r.secret.SecretSummary
	lines := []string{
		st.Label.Render("Function  ") + st.Text.Render(rotationFunction(s)),
		st.Label.Render("From      ") + st.Text.Render("version "+common.Sanitize(r.oldCurrent)+" (AWSCURRENT before)"),
		st.Label.Render("New       ") + st.Text.Render("version "+r.NewVersion),
		"",
	}
	// Each step's text wraps under itself, not under its time stamp.
	const stampWidth = 9 // "+ 12.3s  "
	inner := max(r.width-4, 6)
	for _, step := range r.steps {
		stamp := st.Muted.Render(fmt.Sprintf("+%5.1fs  ", step.at.Seconds()))
		for i, l := range common.WrapLines(step.text, max(inner-stampWidth, 10)) {
			if i == 0 {
				lines = append(lines, stamp+st.Text.Render(l))
			} else {
				lines = append(lines, strings.Repeat(" ", stampWidth)+st.Text.Render(l))
			}
		}
	}
	lines = append(lines, "")
	switch r.Phase {
	case rotFollowing:
		lines = append(lines, st.Info.Render(fmt.Sprintf("watching… polling every %s, %s elapsed (gives up after %s)",
			r.Interval, r.elapsed.Round(100*time.Millisecond), r.Timeout)),
			st.Muted.Render("Leaving this screen stops the watching, not the rotation."))
	case rotCompleted:
		lines = append(lines, st.Success.Render("✓ "+r.outcome))
	case rotFailed:
		lines = append(lines, st.Error.Render("✗ Rotation failed. "+r.outcome))
	case rotTimedOut:
		lines = append(lines, st.Warning.Render("⏱ "+r.outcome))
	}
	if r.stuck {
		lines = append(lines, "", st.Text.Render(r.env.Keys.Nav.Open.Help().Key+": see the ways out (cancel rotation, remove AWSPENDING, roll back)"))
	}
	return confirm.Notice(r.env, r.width, r.title(), lines)
}

// title says where the rotation stands: running, done, failed or unknown.
func (r *RotateScreen) title() string {
	name := r.ref.String()
	switch r.Phase {
	case rotCompleted:
		return "Rotated " + name
	case rotFailed:
		return "Rotation failed: " + name
	case rotTimedOut:
		return "Rotation of " + name + ": no result yet"
	}
	return "Rotating " + name
}
