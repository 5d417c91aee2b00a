package ui

import (
	"context"
	"fmt"
	"strings"
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
	rotConfirm               // the confirmation pane
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

// rotateScreen asks to rotate a secret now, then follows the rotation live
// by polling DescribeSecret until AWSCURRENT reaches the new version, the
// rotation fails, or the timeout passes, and says which.
type rotateScreen struct {
	env    *common.Env
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef
	token  string // one ClientRequestToken per dialog: a retry is idempotent

	phase   rotatePhase
	refusal string
	stuck   bool // refused or failed with AWSPENDING stranded: enter opens the ways out
	loadErr error
	write   dialogWrite

	// interval and timeout control the follow; tests shorten them.
	interval time.Duration
	timeout  time.Duration

	followOnly bool // opened on a rotation already started (settings' "rotate now")
	newVersion string
	oldCurrent string
	startedAt  time.Time
	elapsed    time.Duration
	pollSeq    int
	pollErrs   int
	sawPending bool
	steps      []rotateStep
	outcome    string
	closed     bool

	width, height int
}

// rotateStarted is RotateSecret's answer.
type rotateStarted struct {
	versionID string
	at        time.Time
}

// rotateTickMsg asks for the next poll.
type rotateTickMsg struct {
	owner *rotateScreen
	seq   int
	at    time.Time
}

// rotatePoll is one poll's result: the labels at the tick's time.
type rotatePoll struct {
	at     time.Time
	stages map[string][]string
}

// newRotateScreen opens the "rotate now" dialog for secret.
func newRotateScreen(env *common.Env, store aws.Store, secret aws.Secret) *rotateScreen {
	r := &rotateScreen{env: env, store: store, secret: secret, ref: refOf(secret.SecretSummary, store),
		token: aws.NewRequestToken(), interval: rotatePollEvery, timeout: rotateTimeout}
	r.write = newDialogWrite(env, r)
	return r
}

// newRotateFollowScreen follows a rotation already started (versionID is
// the version RotateSecret returned); secret is the state before it.
func newRotateFollowScreen(env *common.Env, store aws.Store, secret aws.Secret, versionID string) *rotateScreen {
	r := newRotateScreen(env, store, secret)
	r.followOnly = true
	r.newVersion = versionID
	r.oldCurrent = common.LabelHolder(secret.VersionStages, aws.LabelCurrent)
	return r
}

// Init reads the secret afresh (or starts following).
func (r *rotateScreen) Init() tea.Cmd {
	if r.followOnly {
		return r.started(rotateStarted{versionID: r.newVersion, at: time.Now()})
	}
	return r.write.describe(r.store, r.ref)
}

// Update handles results, polls and keys.
func (r *rotateScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !isLoad(&r.write, msg) {
			return r, nil
		}
		return r, r.loaded(msg)
	case writtenMsg:
		cmd, _ := r.write.result(msg)
		return r, cmd
	case rotateTickMsg:
		if msg.owner != r || msg.seq != r.pollSeq || r.phase != rotFollowing || r.closed {
			return r, nil
		}
		return r, r.poll(msg.at)
	case common.ResultMsg[rotatePoll]:
		if !msg.IsFor(r, r.pollSeq) || r.phase != rotFollowing {
			return r, nil
		}
		return r, r.polled(msg.Val, msg.Err)
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	if r.phase == rotConfirm {
		_, cmd := r.write.update(msg, r.op)
		return r, cmd
	}
	return r, nil
}

func (r *rotateScreen) loaded(msg common.ResultMsg[aws.Secret]) tea.Cmd {
	if msg.Err != nil {
		r.loadErr = msg.Err
		r.phase = rotRefused
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
		r.phase = rotRefused
		return nil
	}
	r.phase = rotConfirm
	return r.write.open("Rotate "+s.Name+" now", r.confirmBody(),
		confirm.Options{ConfirmLabel: "Rotate now", Guard: productionGuard(s.Name, "rotate it")})
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

func (r *rotateScreen) confirmBody() []string {
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

func (r *rotateScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch r.phase {
	case rotConfirm:
		res, cmd := r.write.update(msg, r.op)
		if res == confirm.ConfirmDeclined {
			return common.Pop()
		}
		return cmd
	case rotRefused, rotFailed, rotTimedOut:
		if r.stuck && key.Matches(msg, r.env.Keys.Nav.Open) {
			return common.Replace(newStuckRotationScreen(r.env, r.store, r.secret))
		}
	}
	return nil
}

// op calls RotateSecret with the dialog's token; on success the screen
// follows the rotation.
func (r *rotateScreen) op() writeOp {
	store, ref := r.store, r.ref
	in := aws.RotateInput{SecretID: ref.ID(), ClientRequestToken: r.token}
	return writeOp{
		busy: "starting the rotation…",
		call: func(ctx context.Context) (any, error) {
			v, err := store.RotateSecret(ctx, in)
			return rotateStarted{versionID: v, at: time.Now()}, err
		},
		audit: audit.Event{Action: "rotate", Region: ref.Region, SecretARN: ref.ARN, Detail: "started"},
		auditResult: func(ev *audit.Event, val any) {
			ev.VersionIDs = nonEmpty(val.(rotateStarted).versionID, r.oldCurrent)
		},
		done: func(val any) tea.Cmd { return r.started(val.(rotateStarted)) },
	}
}

// started begins following the rotation RotateSecret accepted.
func (r *rotateScreen) started(msg rotateStarted) tea.Cmd {
	r.phase = rotFollowing
	r.newVersion = msg.versionID
	if r.newVersion == "" {
		r.newVersion = r.token
	}
	r.startedAt = msg.at
	r.addStep(0, "Rotation started: the new version will be "+r.newVersion)
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

// addStep records a step for display; its text may quote version ids.
func (r *rotateScreen) addStep(at time.Duration, text string) {
	r.steps = append(r.steps, rotateStep{at: at, text: common.Sanitize(text)})
}

// schedule asks for the next poll after the interval.
func (r *rotateScreen) schedule() tea.Cmd {
	r.pollSeq++
	seq := r.pollSeq
	return tea.Tick(r.interval, func(t time.Time) tea.Msg { return rotateTickMsg{owner: r, seq: seq, at: t} })
}

// poll reads the labels once.
func (r *rotateScreen) poll(at time.Time) tea.Cmd {
	store, id := r.store, r.ref.ID()
	return common.Fetch(r.env, r, r.pollSeq, func(ctx context.Context) (rotatePoll, error) {
		s, err := store.DescribeSecret(ctx, id)
		return rotatePoll{at: at, stages: s.VersionStages}, err
	})
}

// polled interprets the labels and decides whether to keep following.
func (r *rotateScreen) polled(msg rotatePoll, err error) tea.Cmd {
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
	x := msg.stages[r.newVersion]
	pendingOnX := common.HasLabel(x, aws.LabelPending)
	if pendingOnX && !r.sawPending {
		r.sawPending = true
		r.addStep(r.elapsed, "AWSPENDING appeared on version "+common.VersionShort(r.newVersion)+": the function created it and now sets and tests it")
	}
	cur := common.LabelHolder(msg.stages, aws.LabelCurrent)
	switch {
	case cur == r.newVersion:
		text := "AWSCURRENT moved to version " + common.VersionShort(r.newVersion)
		if common.HasLabel(msg.stages[r.oldCurrent], aws.LabelPrevious) {
			text += "; version " + common.VersionShort(r.oldCurrent) + " is AWSPREVIOUS"
		}
		r.addStep(r.elapsed, text)
		return r.finish(rotCompleted, "Rotation complete: AWSCURRENT is on version "+r.newVersion+".")
	case cur != r.oldCurrent && cur != "":
		return r.finish(rotFailed, "AWSCURRENT moved to version "+cur+", not to the rotation's version: someone else changed the secret meanwhile. Check the versions ("+common.KeyHelp(r.env.Keys.Detail.Versions)+").")
	case r.sawPending && !pendingOnX:
		return r.finish(rotFailed, "AWSPENDING was removed from version "+common.VersionShort(r.newVersion)+
			" before AWSCURRENT moved: the rotation was cancelled or its function gave up. AWSCURRENT is still on version "+common.VersionShort(r.oldCurrent)+".")
	case r.elapsed >= r.timeout && pendingOnX:
		r.stuck = true
		return r.finish(rotFailed, "Stuck: AWSPENDING has been on version "+common.VersionShort(r.newVersion)+" for "+r.elapsed.Round(100*time.Millisecond).String()+
			" and AWSCURRENT has not moved. The rotation function probably failed in setSecret, testSecret or finishSecret; "+
			"its logs ("+rotationFunction(r.secret.SecretSummary)+") say why. Applications still read version "+common.VersionShort(r.oldCurrent)+".")
	case r.elapsed >= r.timeout:
		return r.finish(rotTimedOut, "Timed out after "+r.timeout.String()+": the rotation function has not created version "+
			common.VersionShort(r.newVersion)+". It may still be running; check the secret's labels later.")
	}
	return r.schedule()
}

// finish ends the follow with an outcome.
func (r *rotateScreen) finish(phase rotatePhase, text string) tea.Cmd {
	r.phase = phase
	r.outcome = common.Sanitize(text) // for display; it may quote version ids
	detail := map[rotatePhase]string{rotCompleted: "completed", rotFailed: "failed", rotTimedOut: "timed out"}[phase]
	outcome := "ok"
	if phase != rotCompleted {
		outcome = detail
	}
	r.env.Record(audit.Event{Action: "rotate", Region: r.ref.Region, SecretARN: r.ref.ARN,
		VersionIDs: nonEmpty(r.newVersion, r.oldCurrent), Outcome: outcome, Detail: detail})
	note := common.Changed(r.ref.Region, r.ref.ID())
	switch phase {
	case rotCompleted:
		return tea.Batch(note, common.Success("Rotated "+r.ref.String()+": AWSCURRENT is on version "+common.VersionShort(r.newVersion)))
	case rotFailed:
		return tea.Batch(note, common.Status(common.LevelError, "Rotation of "+r.ref.String()+" failed", 0))
	}
	return tea.Batch(note, common.Warn("Stopped following the rotation of "+r.ref.String()+": timed out"))
}

// Close stops the follow when the screen is popped.
func (r *rotateScreen) Close() { r.closed = true }

// View renders the current phase.
func (r *rotateScreen) View() string {
	st := r.env.Styles
	switch r.phase {
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
	case rotConfirm:
		return r.write.pane.View()
	}
	return r.followView()
}

func (r *rotateScreen) followView() string {
	st := r.env.Styles
	s := r.secret.SecretSummary
	lines := []string{
		st.Label.Render("Function  ") + st.Text.Render(rotationFunction(s)),
		st.Label.Render("From      ") + st.Text.Render("version "+common.Sanitize(r.oldCurrent)+" (AWSCURRENT before)"),
		st.Label.Render("New       ") + st.Text.Render("version "+r.newVersion),
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
	switch r.phase {
	case rotFollowing:
		lines = append(lines, st.Info.Render(fmt.Sprintf("watching… polling every %s, %s elapsed (gives up after %s)",
			r.interval, r.elapsed.Round(100*time.Millisecond), r.timeout)),
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
	return confirm.Notice(r.env, r.width, "Rotating "+r.ref.String(), lines)
}

// SetSize gives the screen its share of the window.
func (r *rotateScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	r.write.setSize(w, h)
}

// Title names the screen in the breadcrumb.
func (r *rotateScreen) Title() string { return "rotate" }

// Capturing is true while the production name guard has focus.
func (r *rotateScreen) Capturing() bool { return r.phase == rotConfirm && r.write.capturing() }

// ShortHelp lists the main bindings.
func (r *rotateScreen) ShortHelp() []key.Binding {
	k := r.env.Keys
	if r.phase == rotConfirm {
		return r.write.pane.ShortHelp()
	}
	if r.stuck {
		return []key.Binding{common.WithHelpDesc(k.Nav.Open, "ways out"), k.Common.Back}
	}
	if r.phase == rotFollowing {
		return []key.Binding{common.WithHelpDesc(k.Common.Back, "stop watching (the rotation goes on)")}
	}
	return []key.Binding{k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (r *rotateScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Nav.Open, k.Common.Back}}
}
