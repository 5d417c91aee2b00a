package dialog

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// Rotation following defaults.
const (
	rotatePollEvery = 500 * time.Millisecond
	rotateTimeout   = 2 * time.Minute
	// rotatePollErrors is how many polls in a row may fail before the
	// follow gives up.
	rotatePollErrors = 3
)

// rotatePhase is where a "rotate now" dialog is.
type rotatePhase int

const (
	rotLoading   rotatePhase = iota
	rotRefused               // not rotatable (see refusal)
	RotConfirm               // the confirmation pane
	rotFollowing             // RotateSecret accepted; polling the labels
	rotCompleted
	rotFailed
	rotTimedOut
)

// rotateStep is one observed step of a rotation.
type rotateStep struct {
	at   time.Duration
	text string
}

// RotateScreen asks to rotate a secret now, then follows the rotation live
// by polling DescribeSecret until AWSCURRENT reaches the new version, the
// rotation fails, or the timeout passes, and says which.
type RotateScreen struct {
	writeDialog
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef
	Token  string // one ClientRequestToken per dialog: a retry is idempotent

	Phase   rotatePhase
	refusal string
	stuck   bool // refused or failed with AWSPENDING stranded: enter opens the ways out
	loadErr error

	// Interval and timeout control the follow; tests shorten them.
	Interval time.Duration
	Timeout  time.Duration

	followOnly bool // opened on a rotation already started (settings' "rotate now")
	NewVersion string
	oldCurrent string
	startedAt  time.Time
	elapsed    time.Duration
	pollSeq    int
	pollErrs   int
	sawPending bool
	steps      []rotateStep
	outcome    string
	closed     bool
}

// rotateStarted is RotateSecret's answer.
type rotateStarted struct {
	versionID string
	at        time.Time
}

// NewRotateScreen opens the "rotate now" dialog for secret.
func NewRotateScreen(env *common.Env, store aws.Store, secret aws.Secret) *RotateScreen {
	r := &RotateScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store),
		Token: aws.NewRequestToken(), Interval: rotatePollEvery, Timeout: rotateTimeout}
	r.writeDialog = newWriteDialog(env, r)
	return r
}

// newRotateFollowScreen follows a rotation already started (versionID is
// the version RotateSecret returned); secret is the state before it.
func newRotateFollowScreen(env *common.Env, store aws.Store, secret aws.Secret, versionID string) *RotateScreen {
	r := NewRotateScreen(env, store, secret)
	r.followOnly = true
	r.NewVersion = versionID
	r.oldCurrent = common.LabelHolder(secret.VersionStages, aws.LabelCurrent)
	return r
}

// Init reads the secret afresh (or starts following).
func (r *RotateScreen) Init() tea.Cmd {
	if r.followOnly {
		return r.started(rotateStarted{versionID: r.NewVersion, at: time.Now()})
	}
	return r.write.describe(r.store, r.ref)
}

// Update handles results, polls and keys.
func (r *RotateScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !isLoad(&r.write, msg) {
			return r, nil
		}
		return r, r.loaded(msg)
	case WrittenMsg:
		cmd, _ := r.write.Result(msg)
		return r, cmd
	case rotateTickMsg:
		if msg.owner != r || msg.seq != r.pollSeq || r.Phase != rotFollowing || r.closed {
			return r, nil
		}
		return r, r.poll(msg.at)
	case common.ResultMsg[rotatePoll]:
		if !msg.IsFor(r, r.pollSeq) || r.Phase != rotFollowing {
			return r, nil
		}
		return r, r.polled(msg.Val, msg.Err)
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	if r.Phase == RotConfirm {
		_, cmd := r.write.update(msg, r.op)
		return r, cmd
	}
	return r, nil
}

func (r *RotateScreen) loaded(msg common.ResultMsg[aws.Secret]) tea.Cmd {
	if msg.Err != nil {
		r.loadErr = msg.Err
		r.Phase = rotRefused
		return common.Failed(msg.Err)
	}
	s := msg.Val
	r.secret = s
	r.ref = refOf(s.SecretSummary, r.store)
	r.oldCurrent = common.LabelHolder(s.VersionStages, aws.LabelCurrent)
	pending, _, stuck := common.StrayPending(s.VersionStages)
	switch {
	case !s.DeletedDate.IsZero():
		r.refusal = s.Name + " is scheduled for deletion: it can't be rotated. Restore it first (" + common.KeyHelp(r.env.Keys.Common.Restore) + ")."
	case stuck:
		r.stuck = true
		r.refusal = "A rotation of " + common.Sanitize(s.Name) + " is already in progress or stuck: AWSPENDING is on version " + common.Sanitize(pending) +
			", not on the AWSCURRENT version. Secrets Manager refuses a new rotation until it finishes or AWSPENDING is removed."
	case r.oldCurrent == "":
		r.refusal = s.Name + " has no AWSCURRENT version (no value yet): there is nothing to rotate."
	case s.RotationLambdaARN == "" && s.OwningService == "":
		r.refusal = "Rotation is not set up for " + s.Name + ": there is no rotation function. Set it up first (rotation settings, " +
			r.env.Keys.Detail.RotationSettings.Help().Key + ")."
	}
	if r.refusal != "" {
		r.Phase = rotRefused
		return nil
	}
	r.Phase = RotConfirm
	return r.write.open("Rotate "+s.Name+" now", r.confirmBody(),
		confirm.Options{ConfirmLabel: "Rotate now", Guard: ProductionGuard(s.Name, "rotate it")})
}

// rotationFunction names the function that rotates s.
func rotationFunction(s aws.SecretSummary) string {
	switch {
	case s.RotationLambdaARN != "":
		return common.Sanitize(s.RotationLambdaARN)
	case s.OwningService != "":
		return "managed by " + common.Sanitize(s.OwningService)
	}
	return "none"
}

// scheduleText describes a rotation schedule in words.
func rotationScheduleText(s aws.SecretSummary) string {
	r := s.RotationRules
	var text string
	switch {
	case r.AutomaticallyAfterDays > 0:
		text = "every " + common.Plural(int(r.AutomaticallyAfterDays), "day")
	case r.ScheduleExpression != "":
		text = r.ScheduleExpression
	default:
		text = "no schedule"
	}
	if r.Duration != "" {
		text += ", window " + r.Duration
	}
	if !s.RotationEnabled {
		text += " (automatic rotation is off)"
	}
	return common.Sanitize(text)
}

func (r *RotateScreen) confirmBody() []string {
	st := r.env.Styles
	s := r.secret.SecretSummary
	kv := func(k, v string) string { return st.Label.Render(fmt.Sprintf("%-19s", k)) + st.Text.Render(v) }
	body := []string{
		kv("Rotation function", rotationFunction(s)),
		kv("Schedule", rotationScheduleText(s)),
		kv("Current version", r.oldCurrent+" (AWSCURRENT)"),
		kv("Region", r.ref.Region),
		"",
		st.Section.Render("What will happen"),
		st.Text.Render("1. The function creates a new version labelled ") + st.StagePending.Render("AWSPENDING") + st.Text.Render(", then sets and tests it."),
		st.Text.Render("2. ") + st.StageCurrent.Render("AWSCURRENT") + st.Text.Render(" moves to the new version; version "+common.VersionShort(r.oldCurrent)+" becomes ") +
			st.StagePrevious.Render("AWSPREVIOUS") + st.Text.Render("."),
		st.Muted.Render("Applications get the new value on their next read. This screen follows the rotation until it completes or fails."),
	}
	if !s.RotationEnabled {
		body = append(body, "", st.Warning.Render("Automatic rotation is off: rotating now turns it back on with the schedule above."))
	}
	return body
}

func (r *RotateScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch r.Phase {
	case RotConfirm:
		res, cmd := r.write.update(msg, r.op)
		if res == confirm.ConfirmDeclined {
			return common.Pop()
		}
		return cmd
	case rotRefused, rotFailed, rotTimedOut:
		if r.stuck && key.Matches(msg, r.env.Keys.Nav.Open) {
			return common.Replace(NewStuckRotationScreen(r.env, r.store, r.secret))
		}
	}
	return nil
}

// op calls RotateSecret with the dialog's token; on success the screen
// follows the rotation.
func (r *RotateScreen) op() WriteOp {
	store, ref := r.store, r.ref
	in := aws.RotateInput{SecretID: ref.ID(), ClientRequestToken: r.Token}
	return WriteOp{
		Busy: "starting the rotation…",
		Call: func(ctx context.Context) (any, error) {
			v, err := store.RotateSecret(ctx, in)
			return rotateStarted{versionID: v, at: time.Now()}, err
		},
		Audit: audit.Event{Action: "rotate", Region: ref.Region, SecretARN: ref.ARN, Detail: "started"},
		AuditResult: func(ev *audit.Event, val any) {
			ev.VersionIDs = nonEmpty(val.(rotateStarted).versionID, r.oldCurrent)
		},
		Done: func(val any) tea.Cmd { return r.started(val.(rotateStarted)) },
	}
}

// started begins following the rotation RotateSecret accepted.
func (r *RotateScreen) started(msg rotateStarted) tea.Cmd {
	r.Phase = rotFollowing
	r.NewVersion = msg.versionID
	if r.NewVersion == "" {
		r.NewVersion = r.Token
	}
	r.startedAt = msg.at
	r.addStep(0, "Rotation started: the new version will be "+r.NewVersion)
	return tea.Batch(common.Changed(r.ref.Region, r.ref.ID()), common.Info("Rotating "+r.ref.String()+"…"), r.schedule())
}

// nonEmpty returns the non-empty strings given.
func nonEmpty(ss ...string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Close stops the follow when the screen is popped.
func (r *RotateScreen) Close() { r.closed = true }

// View renders the current phase.
func (r *RotateScreen) View() string {
	st := r.env.Styles
	switch r.Phase {
	case rotLoading:
		return confirm.Notice(r.env, r.width, "Rotate "+r.ref.String(), []string{st.Muted.Render("reading the secret…")})
	case rotRefused:
		if r.loadErr != nil {
			return confirm.Notice(r.env, r.width, "Can't rotate "+r.ref.String(), []string{st.Error.Render(common.DescribeError(r.env.Keys, r.loadErr))})
		}
		lines := []string{st.Warning.Render(r.refusal)}
		if r.stuck {
			lines = append(lines, "", st.Text.Render(r.env.Keys.Nav.Open.Help().Key+": see why and the ways out"))
		}
		return confirm.Notice(r.env, r.width, "Can't rotate "+r.ref.String(), lines)
	case RotConfirm:
		return r.write.Pane.View()
	}
	return r.followView()
}

// Title names the screen in the breadcrumb.
func (r *RotateScreen) Title() string { return "rotate" }

// Capturing is true while the production name guard has focus.
func (r *RotateScreen) Capturing() bool { return r.Phase == RotConfirm && r.write.capturing() }

// ShortHelp lists the main bindings.
func (r *RotateScreen) ShortHelp() []key.Binding {
	k := r.env.Keys
	if r.Phase == RotConfirm {
		return r.write.Pane.ShortHelp()
	}
	if r.stuck {
		return []key.Binding{common.WithHelpDesc(k.Nav.Open, "ways out"), k.Common.Back}
	}
	if r.Phase == rotFollowing {
		return []key.Binding{common.WithHelpDesc(k.Common.Back, "stop watching (the rotation goes on)")}
	}
	return []key.Binding{k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (r *RotateScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Nav.Open, k.Common.Back}}
}
