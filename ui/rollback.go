package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// rollbackScreen rolls a secret back to its AWSPREVIOUS version: AWSCURRENT
// moves there, and the version it leaves gets AWSPREVIOUS. It reads the
// secret afresh, fetches both values (the operator asked for the rollback)
// to show a masked per-key diff, and asks for confirmation.
type rollbackScreen struct {
	env    *Env
	store  aws.Store
	secret aws.Secret
	t      writeTarget

	seq      int
	loading  bool
	refusal  string // why a rollback is not possible; empty if it is
	loadErr  error  // describe failed: nothing to confirm
	valueErr error  // values could not be read: the rollback is still possible
	current  string
	previous string
	diff     valueDiff
	created  map[string]time.Time

	revealed  bool
	revealSeq int
	pane      *confirmPane
	done      bool

	width, height int
}

// rollbackLoadedMsg carries the fresh state and the computed diff.
type rollbackLoadedMsg struct {
	owner    *rollbackScreen
	seq      int
	secret   aws.Secret
	versions []aws.Version
	diff     valueDiff
	valueErr error
	err      error
}

// rollbackDoneMsg is the result of the label move.
type rollbackDoneMsg struct {
	owner *rollbackScreen
	err   error
}

// rollbackMaskMsg masks the diff again after the reveal timeout.
type rollbackMaskMsg struct {
	owner *rollbackScreen
	seq   int
}

// newRollbackScreen opens the rollback dialog for secret.
func newRollbackScreen(env *Env, store aws.Store, secret aws.Secret) *rollbackScreen {
	return &rollbackScreen{env: env, store: store, secret: secret, t: targetOf(secret.SecretSummary, store), loading: true}
}

// Init reads the secret and both values.
func (r *rollbackScreen) Init() tea.Cmd { return r.load() }

func (r *rollbackScreen) load() tea.Cmd {
	r.seq++
	r.loading = true
	seq, store, env, id := r.seq, r.store, r.env, r.t.id
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		msg := rollbackLoadedMsg{owner: r, seq: seq}
		s, err := store.DescribeSecret(ctx, id)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.secret = s
		if vs, err := store.ListVersions(ctx, id); err == nil {
			msg.versions = vs
		}
		cur := labelHolder(s.VersionStages, aws.LabelCurrent)
		prev := labelHolder(s.VersionStages, aws.LabelPrevious)
		if cur == "" || prev == "" || cur == prev {
			return msg
		}
		curVal, err := store.GetValue(ctx, id, aws.VersionRef{ID: cur})
		if err != nil {
			msg.valueErr = err
			return msg
		}
		prevVal, err := store.GetValue(ctx, id, aws.VersionRef{ID: prev})
		if err != nil {
			msg.valueErr = err
			return msg
		}
		msg.diff = diffValues(curVal.Secret, prevVal.Secret)
		return msg
	}
}

// Update handles results and keys.
func (r *rollbackScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case rollbackLoadedMsg:
		if msg.owner != r || msg.seq != r.seq {
			return r, nil
		}
		return r, r.loaded(msg)
	case rollbackDoneMsg:
		if msg.owner != r {
			return r, nil
		}
		return r, r.finished(msg.err)
	case rollbackMaskMsg:
		if msg.owner == r && msg.seq == r.revealSeq && r.revealed {
			r.revealed = false
			r.refreshBody()
		}
		return r, nil
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	if r.pane != nil {
		_, cmd := r.pane.update(msg)
		return r, cmd
	}
	return r, nil
}

func (r *rollbackScreen) loaded(msg rollbackLoadedMsg) tea.Cmd {
	r.loading = false
	if msg.err != nil {
		r.loadErr = msg.err
		return failed(msg.err)
	}
	r.loadErr = nil
	s := msg.secret
	if s.Region == "" {
		s.Region = r.t.region
	}
	r.secret = s
	r.t = targetOf(s.SecretSummary, r.store)
	r.current = labelHolder(s.VersionStages, aws.LabelCurrent)
	r.previous = labelHolder(s.VersionStages, aws.LabelPrevious)
	r.created = map[string]time.Time{}
	for _, v := range msg.versions {
		r.created[v.ID] = v.CreatedDate
	}
	switch {
	case !s.DeletedDate.IsZero():
		r.refusal = s.Name + " is scheduled for deletion: restore it first (" + keyHelp(r.env.Keys.Common.Restore) + "), then roll back."
	case r.current == "":
		r.refusal = s.Name + " has no AWSCURRENT version (it has no value yet): there is nothing to roll back."
	case r.previous == "":
		r.refusal = s.Name + " has no AWSPREVIOUS version, so there is nothing to roll back to. " +
			"To make an older version live, open the versions (" + keyHelp(r.env.Keys.Detail.Versions) + ") and move AWSCURRENT to it (" + keyHelp(r.env.Keys.Versions.MoveLabel) + ")."
	case r.previous == r.current:
		r.refusal = "AWSCURRENT and AWSPREVIOUS are on the same version " + common.Sanitize(r.current) + ": there is nothing to roll back to."
	default:
		r.refusal = ""
	}
	if r.refusal != "" {
		return nil
	}
	r.diff, r.valueErr = msg.diff, msg.valueErr
	opts := confirmOptions{confirmLabel: "Roll back"}
	if r.env.Production {
		opts.requireName = s.Name
		opts.nameReason = "Production account: type the secret's name to roll back"
	}
	r.pane = newConfirmPane(r.env, "Roll back "+s.Name+" to AWSPREVIOUS", nil, opts)
	r.pane.setSize(r.width, r.height)
	r.refreshBody()
	return r.pane.init()
}

// refreshBody rebuilds the pane's text (after loading, or a reveal toggle).
func (r *rollbackScreen) refreshBody() {
	if r.pane == nil {
		return
	}
	st := r.env.Styles
	now := r.env.Now()
	when := func(id string) string {
		if a := ageText(r.created[id], now); a != "" {
			return ", created " + a
		}
		return ""
	}
	body := []string{
		st.Text.Render("Region " + r.t.region + "."),
		"",
		st.StageCurrent.Render("AWSCURRENT") + st.Text.Render(" moves to version "+common.Sanitize(r.previous)+" (now AWSPREVIOUS"+when(r.previous)+")."),
		st.Text.Render("Version "+common.Sanitize(r.current)+" (now AWSCURRENT"+when(r.current)+") loses it and gets ") +
			st.StagePrevious.Render("AWSPREVIOUS") + st.Text.Render("."),
		st.Muted.Render("Applications get the rolled-back value on their next read (or when their cache expires). " +
			"You can undo this by rolling back again."),
	}
	if p, _, stuck := strayPending(r.secret.VersionStages); stuck {
		body = append(body, "", st.Warning.Render("AWSPENDING is on version "+common.Sanitize(p)+": a rotation is in progress or stuck. "+
			"Rolling back does not stop it; if it finishes it will make its version current."))
	}
	body = append(body, "")
	switch {
	case r.valueErr != nil:
		body = append(body, st.Warning.Render("Could not read the values to compare ("+describeError(r.env.Keys, r.valueErr)+"). You can still roll back."))
	default:
		reveal := r.env.Keys.Common.Reveal.Help().Key + "/" + r.env.Keys.Input.Reveal.Help().Key
		title := "What changes (live value → rolled-back value), values hidden; " + reveal + " reveals:"
		if r.revealed {
			title = "What changes (live value → rolled-back value), values SHOWN; " + reveal + " hides:"
		}
		body = append(body, st.Section.Render(title))
		body = append(body, diffLines(st, r.diff, r.revealed)...)
	}
	r.pane.setBody(body)
}

func (r *rollbackScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.pane == nil || r.done {
		return nil
	}
	k := r.env.Keys
	if key.Matches(msg, k.Input.Reveal) || (!r.pane.capturing() && key.Matches(msg, k.Common.Reveal)) {
		return r.toggleReveal()
	}
	res, cmd := r.pane.update(msg)
	switch res {
	case confirmDeclined:
		return pop()
	case confirmAccepted:
		r.pane.setBusy("rolling back: moving AWSCURRENT to version " + versionShort(r.previous) + "…")
		return r.apply()
	}
	return cmd
}

func (r *rollbackScreen) toggleReveal() tea.Cmd {
	if r.valueErr != nil || !r.diff.json || r.diff.identical {
		return info("nothing to reveal: only the keys of JSON values are compared")
	}
	r.revealed = !r.revealed
	r.revealSeq++
	r.refreshBody()
	if !r.revealed {
		return nil
	}
	r.env.Record(AuditEvent{Action: "reveal", Region: r.t.region, SecretARN: r.t.arn,
		VersionIDs: []string{r.current, r.previous}, Outcome: "ok", Detail: "rollback diff"})
	seq := r.revealSeq
	return tea.Tick(r.env.RevealTimeout, func(time.Time) tea.Msg { return rollbackMaskMsg{owner: r, seq: seq} })
}

// apply moves AWSCURRENT back. FromVersion names the version we showed as
// current: if someone moved it since, AWS refuses and nothing changes.
func (r *rollbackScreen) apply() tea.Cmd {
	store, env := r.store, r.env
	in := aws.MoveLabelInput{SecretID: r.t.id, Label: aws.LabelCurrent, ToVersion: r.previous, FromVersion: r.current}
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		return rollbackDoneMsg{owner: r, err: store.MoveLabel(ctx, in)}
	}
}

func (r *rollbackScreen) finished(err error) tea.Cmd {
	r.env.Record(AuditEvent{Action: "rollback", Region: r.t.region, SecretARN: r.t.arn,
		VersionIDs: []string{r.previous, r.current}, Outcome: outcomeOf(err),
		Detail: "AWSCURRENT " + r.current + " -> " + r.previous})
	if err != nil {
		r.pane.setError(err)
		return failed(err)
	}
	r.done = true
	r.revealed = false
	return tea.Batch(
		changed(r.t.region, r.t.changedID()),
		success("Rolled back "+r.t.name+": AWSCURRENT is on version "+versionShort(r.previous)+
			"; version "+versionShort(r.current)+" is AWSPREVIOUS"),
		pop(),
	)
}

// View renders the loading text, the refusal or the pane.
func (r *rollbackScreen) View() string {
	switch {
	case r.loadErr != nil:
		return noticeView(r.env, r.width, "Can't roll back", []string{r.env.Styles.Error.Render(describeError(r.env.Keys, r.loadErr))})
	case r.loading:
		return noticeView(r.env, r.width, "Roll back "+r.t.name, []string{r.env.Styles.Muted.Render("reading the secret and comparing AWSCURRENT with AWSPREVIOUS…")})
	case r.refusal != "":
		return noticeView(r.env, r.width, "Can't roll back "+r.t.name, []string{r.env.Styles.Warning.Render(r.refusal)})
	}
	return r.pane.view()
}

// SetSize gives the screen its share of the window.
func (r *rollbackScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	if r.pane != nil {
		r.pane.setSize(w, h)
	}
}

// Title names the screen in the breadcrumb.
func (r *rollbackScreen) Title() string { return "roll back" }

// Capturing is true while the production name guard has the keyboard.
func (r *rollbackScreen) Capturing() bool { return r.pane != nil && r.pane.capturing() }

// ShortHelp lists the main bindings.
func (r *rollbackScreen) ShortHelp() []key.Binding {
	k := r.env.Keys
	if r.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel, k.Dialog.Switch, k.Input.Reveal}
	}
	return []key.Binding{k.Dialog.Yes, k.Dialog.No, k.Common.Reveal}
}

// FullHelp lists every binding of the screen.
func (r *rollbackScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Reveal, k.Input.Reveal}, {k.Common.Back}}
}
