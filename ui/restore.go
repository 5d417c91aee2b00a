package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// restoreScreen cancels a secret's scheduled deletion (RestoreSecret),
// after reading the secret afresh and confirming.
type restoreScreen struct {
	env     *Env
	store   aws.Store
	summary aws.SecretSummary
	t       writeTarget

	seq      int
	loading  bool
	loadErr  error
	refusal  string
	pane     *confirmPane
	finished bool

	width, height int
}

// secretRestoredMsg is RestoreSecret's result.
type secretRestoredMsg struct {
	owner *restoreScreen
	err   error
}

// newRestoreScreen opens the restore dialog for a secret scheduled for deletion.
func newRestoreScreen(env *Env, store aws.Store, summary aws.SecretSummary) *restoreScreen {
	return &restoreScreen{env: env, store: store, summary: summary, t: targetOf(summary, store), loading: true}
}

// Init reads the secret afresh.
func (r *restoreScreen) Init() tea.Cmd {
	r.seq++
	seq, store, env, id := r.seq, r.store, r.env, r.t.id
	return describe(env, store, r, seq, id)
}

// Update handles results and keys.
func (r *restoreScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case resultMsg[aws.Secret]:
		if !msg.isFor(r, r.seq) {
			return r, nil
		}
		return r, r.loaded(msg)
	case secretRestoredMsg:
		if msg.owner != r {
			return r, nil
		}
		return r, r.restored(msg.err)
	case tea.KeyPressMsg:
		if r.pane == nil || r.finished {
			return r, nil
		}
		res, cmd := r.pane.update(msg)
		switch res {
		case confirmDeclined:
			return r, pop()
		case confirmAccepted:
			r.pane.setBusy("restoring " + r.t.name + "…")
			return r, r.apply()
		}
		return r, cmd
	}
	if r.pane != nil {
		_, cmd := r.pane.update(msg)
		return r, cmd
	}
	return r, nil
}

func (r *restoreScreen) loaded(msg resultMsg[aws.Secret]) tea.Cmd {
	r.loading = false
	if msg.err != nil {
		r.loadErr = msg.err
		return failed(msg.err)
	}
	s := msg.val
	if s.Region == "" {
		s.Region = r.t.region
	}
	r.summary = s.SecretSummary
	r.t = targetOf(r.summary, r.store)
	if s.DeletedDate.IsZero() {
		r.refusal = s.Name + " is not scheduled for deletion: there is nothing to restore."
		return nil
	}
	st := r.env.Styles
	body := []string{
		st.Text.Render("Cancel the scheduled deletion of " + common.Sanitize(s.Name) + " (" + r.t.region + "), scheduled on " + s.DeletedDate.Format("2006-01-02") + "."),
		st.Muted.Render("It can be read and changed again at once; its versions and labels are as they were."),
	}
	opts := confirmOptions{confirmLabel: "Restore"}
	if r.env.Production {
		opts.requireName = s.Name
		opts.nameReason = "Production account: type the secret's name to restore it"
	}
	r.pane = newConfirmPane(r.env, "Restore "+s.Name, body, opts)
	r.pane.setSize(r.width, r.height)
	return r.pane.init()
}

func (r *restoreScreen) apply() tea.Cmd {
	store, env, id := r.store, r.env, r.t.id
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		return secretRestoredMsg{owner: r, err: store.RestoreSecret(ctx, id)}
	}
}

func (r *restoreScreen) restored(err error) tea.Cmd {
	r.env.Record(AuditEvent{Action: "restore", Region: r.t.region, SecretARN: r.t.arn, Outcome: outcomeOf(err)})
	if err != nil {
		r.pane.setError(err)
		return failed(err)
	}
	r.finished = true
	return tea.Batch(changed(r.t.region, r.t.changedID()), success("Restored "+r.t.name+": it can be read and changed again"), pop())
}

// View renders the loading line, the refusal or the confirmation.
func (r *restoreScreen) View() string {
	st := r.env.Styles
	switch {
	case r.loadErr != nil:
		return noticeView(r.env, r.width, "Can't restore "+r.t.name, []string{st.Error.Render(describeError(r.env.Keys, r.loadErr))})
	case r.loading:
		return noticeView(r.env, r.width, "Restore "+r.t.name, []string{st.Muted.Render("reading the secret…")})
	case r.refusal != "":
		return noticeView(r.env, r.width, "Restore "+r.t.name, []string{st.Warning.Render(r.refusal)})
	}
	return r.pane.view()
}

// SetSize gives the screen its share of the window.
func (r *restoreScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	if r.pane != nil {
		r.pane.setSize(w, h)
	}
}

// Title names the screen in the breadcrumb.
func (r *restoreScreen) Title() string { return "restore" }

// Capturing is true while the production name guard has focus.
func (r *restoreScreen) Capturing() bool { return r.pane != nil && r.pane.capturing() }

// ShortHelp lists the main bindings.
func (r *restoreScreen) ShortHelp() []key.Binding {
	if r.pane != nil {
		return r.pane.shortHelp()
	}
	return []key.Binding{r.env.Keys.Common.Back}
}

// FullHelp lists every binding of the screen.
func (r *restoreScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Back}}
}
