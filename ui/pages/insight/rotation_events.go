package insight

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// rotationEventsSince is how far back the CloudTrail rotation events are
// looked up: CloudTrail's event history keeps 90 days.
const rotationEventsSince = 90 * 24 * time.Hour

// maxRotationEvents caps the events shown, newest first.
const maxRotationEvents = 12

// eventsState is the CloudTrail part of the screen.
type eventsState struct {
	asked  bool // a lookup was started (the Store speaks CloudTrail)
	loaded bool
	err    error
	events []aws.TrailEvent
}

// rotationEventsLoadedMsg carries the rotation events to the screen that
// asked.
type rotationEventsLoadedMsg struct {
	owner  *RotationFailure
	seq    int
	events []aws.TrailEvent
	err    error
}

// loadEvents looks up the secret's rotation events once its ARN is known
// (LookupEvents finds a secret by its ARN only).
func (r *RotationFailure) loadEvents(arn string) tea.Cmd {
	if r.trail == nil || arn == "" {
		return nil
	}
	r.events = eventsState{asked: true}
	seq, trail, env := r.seq, r.trail, r.env
	since := env.Now().Add(-rotationEventsSince)
	return func() tea.Msg {
		// LookupEvents allows 2 requests a second: several pages take time.
		ctx, cancel := context.WithTimeout(context.Background(), diagnoseCalls*env.CallTimeout)
		defer cancel()
		evs, err := trail.RotationEvents(ctx, arn, since)
		return rotationEventsLoadedMsg{owner: r, seq: seq, events: evs, err: err}
	}
}

// eventLines shows the rotation events, newest first, RotationFailed and
// RotationAbandoned in the error style.
func eventLines(env *common.Env, ev eventsState, w int) []string {
	st := env.Styles
	now := env.Now()
	var out []string
	add := func(text string) { out = append(out, common.WrapLines(text, w)...) }
	switch {
	case !ev.asked:
		add(st.Muted.Render("CloudTrail is not available through this connection."))
		return out
	case !ev.loaded:
		add(st.Muted.Render("looking up CloudTrail (LookupEvents allows 2 requests a second)…"))
		return out
	case ev.err != nil:
		add(st.Error.Render(common.FailureText(env.Keys, "could not read the rotation events", ev.err)))
		return out
	case len(ev.events) == 0:
		add(st.Muted.Render("No rotation event in the last 90 days (CloudTrail's event history; events arrive about 5 minutes late)."))
		return out
	}
	events := ev.events
	if len(events) > maxRotationEvents {
		events = events[:maxRotationEvents]
	}
	for _, e := range events {
		name := common.Sanitize(e.Name)
		style := st.Text
		switch e.Name {
		case aws.EventRotationFailed, aws.EventRotationAbandoned:
			style = st.Error
		case aws.EventRotationSucceeded:
			style = st.Success
		}
		line := st.Muted.Render(e.Time.UTC().Format("2006-01-02 15:04:05 UTC")) + "  " + style.Render(name) +
			st.Muted.Render("  "+common.AgeText(e.Time, now))
		if e.ErrorCode != "" {
			line += st.Error.Render("  " + common.Sanitize(e.ErrorCode))
		}
		add(line)
	}
	if len(ev.events) > len(events) {
		add(st.Muted.Render("… " + common.Plural(len(ev.events)-len(events), "older event") + " (the history screen lists them all)"))
	}
	add(st.Muted.Render("CloudTrail delivers events about 5 minutes after they happen."))
	return out
}
