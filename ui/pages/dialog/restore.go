package dialog

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// RestoreScreen cancels a secret's scheduled deletion (RestoreSecret),
// after reading the secret afresh and confirming.
type RestoreScreen struct {
	writeDialog
	store   aws.Store
	summary aws.SecretSummary
	ref     aws.SecretRef
	// Why, if set, says first why the dialog opened (e.g. the operator
	// asked for the value of a secret scheduled for deletion).
	Why string

	loading bool
	loadErr error
	refusal string
}

// NewRestoreScreen opens the restore dialog for a secret scheduled for deletion.
func NewRestoreScreen(env *common.Env, store aws.Store, summary aws.SecretSummary) *RestoreScreen {
	r := &RestoreScreen{store: store, summary: summary, ref: refOf(summary, store), loading: true}
	r.writeDialog = newWriteDialog(env, r)
	return r
}

// Init reads the secret afresh.
func (r *RestoreScreen) Init() tea.Cmd {
	return r.write.describe(r.store, r.ref)
}

// Update handles results and keys.
func (r *RestoreScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !isLoad(&r.write, msg) {
			return r, nil
		}
		return r, r.loaded(msg)
	case WrittenMsg:
		cmd, _ := r.write.Result(msg)
		return r, cmd
	}
	res, cmd := r.write.update(msg, r.op)
	if res == confirm.ConfirmDeclined {
		return r, common.Pop()
	}
	return r, cmd
}

func (r *RestoreScreen) loaded(msg common.ResultMsg[aws.Secret]) tea.Cmd {
	r.loading = false
	if msg.Err != nil {
		r.loadErr = msg.Err
		return common.Failed(msg.Err)
	}
	s := msg.Val
	r.summary = s.SecretSummary
	r.ref = refOf(r.summary, r.store)
	if s.DeletedDate.IsZero() {
		r.refusal = s.Name + " is not scheduled for deletion: there is nothing to restore."
		return nil
	}
	st := r.env.Styles
	var body []string
	if r.Why != "" {
		body = append(body, st.Warning.Render(r.Why), "")
	}
	body = append(body,
		st.Text.Render("Cancel the scheduled deletion of "+common.Sanitize(s.Name)+" ("+r.ref.Region+"): "+common.DeletionText(s.DeletedDate, s.DeletionDate, r.env.Now())+"."),
		st.Muted.Render("It can be read and changed again at once; its versions and labels are as they were."),
	)
	return r.write.open("Restore "+s.Name, body, confirm.Options{ConfirmLabel: "Restore", Guard: ProductionGuard(s.Name, "restore it")})
}

// op is the restore the operator confirmed.
func (r *RestoreScreen) op() WriteOp {
	store, ref := r.store, r.ref
	return WriteOp{
		Busy:  "restoring " + ref.String() + "…",
		Call:  func(ctx context.Context) (any, error) { return nil, store.RestoreSecret(ctx, ref.ID()) },
		Audit: audit.Event{Action: "restore", Region: ref.Region, SecretARN: ref.ARN},
		Done: func(any) tea.Cmd {
			return announce(ref, "Restored "+ref.String()+": it can be read and changed again")
		},
	}
}

// View renders the loading line, the refusal or the confirmation.
func (r *RestoreScreen) View() string {
	st := r.env.Styles
	switch {
	case r.loadErr != nil:
		return confirm.Notice(r.env, r.width, "Can't restore "+r.ref.String(), []string{st.Error.Render(common.DescribeError(r.env.Keys, r.loadErr))})
	case r.loading:
		return confirm.Notice(r.env, r.width, "Restore "+r.ref.String(), []string{st.Muted.Render("reading the secret…")})
	case r.refusal != "":
		return confirm.Notice(r.env, r.width, "Restore "+r.ref.String(), []string{st.Warning.Render(r.refusal)})
	}
	return r.write.Pane.View()
}

// Title names the screen in the breadcrumb.
func (r *RestoreScreen) Title() string { return "restore" }

// ShortHelp lists the main bindings.
func (r *RestoreScreen) ShortHelp() []key.Binding {
	return r.write.shortHelp(r.env.Keys.Common.Back)
}

// FullHelp lists every binding of the screen.
func (r *RestoreScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Back}}
}
