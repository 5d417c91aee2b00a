package dialog

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/form"
)

// Field ids of the rotation settings form.
const (
	rsLambda   = "lambda"
	rsSchedule = "schedule"
	rsWindow   = "window"
	rsNow      = "now"
	rsSave     = "save"
	rsOff      = "off"
)

// RotationSettingsScreen turns rotation on (function, schedule, window,
// optionally rotating now) or off, validated locally before anything is
// sent. Before applying it reads the secret again and refuses if someone
// changed the rotation settings meanwhile.
type RotationSettingsScreen struct {
	formDialog
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef
	token  string

	// pending is what the confirmation applies.
	turnOff bool
	rules   aws.RotationRules
	lambda  string
	now     bool
	OffOnly bool // opened by "cancel rotation": only the turn-off confirmation
}

// rotationApplied is the result of RotateSecret or CancelRotation.
type rotationApplied struct {
	versionID string
	fresh     aws.Secret
}

// NewRotationSettingsScreen opens the rotation settings of secret.
func NewRotationSettingsScreen(env *common.Env, store aws.Store, secret aws.Secret) *RotationSettingsScreen {
	r := &RotationSettingsScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store), token: aws.NewRequestToken()}
	// It never asks before discarding: its fields start from the settings.
	r.formDialog = newFormDialog(env, r, 7, discardAsk{})
	f := r.Form
	l := f.Text(rsLambda, "Rotation function (Lambda ARN)", secret.RotationLambdaARN, "arn:aws:lambda:REGION:ACCOUNT:function:NAME")
	l.Hint = "the function that creates, sets, tests and finishes new versions"
	if secret.OwningService != "" {
		l.Hint = "rotation is managed by " + common.Sanitize(secret.OwningService) + "; leave empty to keep it"
	}
	sched := scheduleInput(secret.RotationRules)
	if sched == "" {
		sched = "30"
	}
	f.Text(rsSchedule, "Every N days (1-1000), or rate(...) / cron(...)", sched, "30").Hint = "e.g. 30, rate(12 hours), cron(0 4 ? * SUN *)"
	f.Text(rsWindow, "Rotation window (optional, 1h-24h)", secret.RotationRules.Duration, "e.g. 3h").Hint = "how long the rotation may run after its start time; empty for the default"
	f.Check(rsNow, "rotate now as well (otherwise the first rotation follows the schedule)", false)
	save := "Turn rotation on"
	if secret.RotationEnabled {
		save = "Save rotation settings"
	}
	f.Button(rsSave, save, false)
	if secret.RotationEnabled {
		f.Button(rsOff, "Turn rotation off", true)
	}
	return r
}

// Init focuses the first field, or opens the turn-off confirmation.
func (r *RotationSettingsScreen) Init() tea.Cmd {
	if r.OffOnly {
		return r.reviewOff()
	}
	return r.Form.SetFocus(0)
}

// Update handles results and keys.
func (r *RotationSettingsScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m, ok := msg.(WrittenMsg); ok {
		cmd, _ := r.Write.Result(m)
		return r, cmd
	}
	if r.Write.Done {
		return r, nil
	}
	if r.Write.Pane != nil {
		res, cmd := r.Write.update(msg, r.op)
		if res == confirm.ConfirmDeclined {
			r.Write.Pane = nil
			if r.OffOnly {
				return r, common.Pop()
			}
			return r, nil
		}
		return r, cmd
	}
	act, cmd := r.Form.Update(msg)
	switch act {
	case form.FormCancel:
		return r, common.Pop()
	case form.FormPressed:
		switch r.Form.FocusedID() {
		case rsSave:
			return r, r.review()
		case rsOff:
			return r, r.reviewOff()
		}
	}
	return r, cmd
}

// review validates the form and opens the confirmation.
func (r *RotationSettingsScreen) review() tea.Cmd {
	f := r.Form
	lambda := strings.TrimSpace(f.Field(rsLambda).Value())
	rules, schedErr := ParseSchedule(f.Field(rsSchedule).Value())
	f.Field(rsLambda).Err = CheckLambdaARN(lambda, r.secret.OwningService != "")
	f.Field(rsSchedule).Err = schedErr
	f.Field(rsWindow).Err = CheckWindow(f.Field(rsWindow).Value())
	for _, id := range []string{rsLambda, rsSchedule, rsWindow} {
		if f.Field(id).Err != "" {
			return tea.Batch(f.FocusID(id), common.Warn("fix the "+strings.ToLower(strings.SplitN(f.Field(id).Label, " (", 2)[0])+" first: "+f.Field(id).Err))
		}
	}
	rules.Duration = strings.TrimSpace(f.Field(rsWindow).Value())
	r.turnOff, r.rules, r.lambda, r.now = false, rules, lambda, f.Field(rsNow).Checked
	st := r.env.Styles
	sched := rotationScheduleText(aws.SecretSummary{RotationRules: rules, RotationEnabled: true})
	fn := lambda
	if fn == "" {
		fn = rotationFunction(r.secret.SecretSummary)
	}
	body := []string{
		st.Label.Render("Function  ") + st.Text.Render(common.Sanitize(fn)),
		st.Label.Render("Schedule  ") + st.Text.Render(sched),
	}
	if old := r.secret.SecretSummary; old.RotationEnabled {
		body = append(body, st.Muted.Render("was: "+rotationFunction(old)+", "+rotationScheduleText(old)))
	}
	body = append(body, "")
	if r.now {
		body = append(body, st.Warning.Render("It also rotates now: a new version gets AWSPENDING, then AWSCURRENT moves to it and the current version becomes AWSPREVIOUS. You will follow it on the next screen."))
	} else {
		body = append(body, st.Text.Render("Nothing rotates now; the first rotation follows the schedule."))
	}
	return r.openPane("Rotation settings of "+r.ref.String(), body, "Apply", false)
}

// reviewOff asks to turn rotation off.
func (r *RotationSettingsScreen) reviewOff() tea.Cmd {
	r.turnOff = true
	st := r.env.Styles
	body := []string{
		st.Text.Render("Turn automatic rotation off for " + common.Sanitize(r.ref.String()) + "."),
		st.Muted.Render("The function (" + rotationFunction(r.secret.SecretSummary) + ") stays configured, so you can turn rotation on again. " +
			"A rotation in progress is cancelled and may leave AWSPENDING on a version, which you then remove."),
	}
	return r.openPane("Turn rotation off for "+r.ref.String(), body, "Turn off", true)
}

func (r *RotationSettingsScreen) openPane(title string, body []string, label string, danger bool) tea.Cmd {
	return r.Write.open(title, body, confirm.Options{ConfirmLabel: label, Danger: danger,
		Guard: ProductionGuard(r.ref.String(), "change its rotation")})
}

// op re-reads the secret, refuses if the rotation settings changed
// since the screen opened, then calls RotateSecret or CancelRotation.
func (r *RotationSettingsScreen) op() WriteOp {
	store, ref, was, back := r.store, r.ref, r.secret.SecretSummary, common.KeyHelp(r.env.Keys.Common.Back)
	id := ref.ID()
	off, now, rules := r.turnOff, r.now, r.rules
	in := aws.RotateInput{SecretID: id, ClientRequestToken: r.token, LambdaARN: r.lambda, Rules: &rules, RotateImmediately: &now}
	call := func(ctx context.Context) (any, error) {
		fresh, err := store.DescribeSecret(ctx, id)
		if err != nil {
			return rotationApplied{}, err
		}
		if fresh.RotationEnabled != was.RotationEnabled || fresh.RotationLambdaARN != was.RotationLambdaARN || fresh.RotationRules != was.RotationRules {
			return rotationApplied{}, &aws.Error{Kind: aws.KindConflict, Op: "change rotation", SecretID: id,
				Message: "someone changed the rotation settings since you opened this screen; nothing was changed",
				Hint:    "close this screen (" + back + ") and open the rotation settings again"}
		}
		if off {
			return rotationApplied{fresh: fresh}, store.CancelRotation(ctx, id)
		}
		v, err := store.RotateSecret(ctx, in)
		return rotationApplied{versionID: v, fresh: fresh}, err
	}
	schedule := rotationScheduleText(aws.SecretSummary{RotationRules: rules, RotationEnabled: true})
	ev := audit.Event{Action: "rotation-settings", Region: ref.Region, SecretARN: ref.ARN, Detail: "on: " + schedule}
	if off {
		ev.Action, ev.Detail = "cancel-rotation", "off"
	} else if now {
		ev.Detail += ", rotate now"
	}
	return WriteOp{
		Busy:  "applying…",
		Call:  call,
		Audit: ev,
		AuditResult: func(ev *audit.Event, val any) {
			ev.VersionIDs = nonEmpty(val.(rotationApplied).versionID)
		},
		Done: func(val any) tea.Cmd {
			m := val.(rotationApplied)
			note := common.Changed(ref.Region, ref.ID())
			switch {
			case off:
				return tea.Batch(note, common.Success("Automatic rotation of "+ref.String()+" is off"), common.Pop())
			case now && m.versionID != "":
				follow := newRotateFollowScreen(r.env, store, m.fresh, m.versionID)
				return tea.Batch(note, common.Success("Rotation of "+ref.String()+" is on; rotating now"), common.Replace(follow))
			}
			return announce(ref, "Rotation of "+ref.String()+" is on: "+schedule)
		},
	}
}

// HandleBack closes the confirmation before the screen.
func (r *RotationSettingsScreen) HandleBack() (bool, tea.Cmd) {
	if r.Write.Pane != nil && !r.OffOnly {
		r.Write.close()
		return true, nil
	}
	return r.Write.busy(), nil
}

// View renders the form or the confirmation.
func (r *RotationSettingsScreen) View() string {
	st := r.env.Styles
	state := "Rotation is off."
	if r.secret.RotationEnabled {
		state = "Rotation is on: " + rotationScheduleText(r.secret.SecretSummary) + "."
	}
	k := r.env.Keys
	above := []string{st.Muted.Render(common.Cut(state, r.textWidth())), ""}
	return r.view("Rotation settings of "+common.Sanitize(r.ref.String()), above, []string{""}, k.Dialog.Switch, k.Input.Submit, k.Picker.Toggle, k.Input.Cancel)
}

// Title names the screen in the breadcrumb.
func (r *RotationSettingsScreen) Title() string { return "rotation settings" }

// ShortHelp lists the main bindings.
func (r *RotationSettingsScreen) ShortHelp() []key.Binding {
	k := r.env.Keys
	return r.shortHelp(k.Dialog.Switch, k.Input.Submit, k.Picker.Toggle, k.Input.Cancel)
}

// FullHelp lists every binding of the screen.
func (r *RotationSettingsScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Switch, k.Input.Submit, k.Picker.Toggle, k.Input.Cancel}, {k.Dialog.Yes, k.Dialog.No}, {k.Common.Back}}
}
