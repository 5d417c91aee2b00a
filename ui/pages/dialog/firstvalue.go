package dialog

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/form"
)

// FirstValueScreen sets the first value of a secret that has none (no
// version carries AWSCURRENT): the value is typed masked, reviewed without
// being shown, and put with PutSecretValue under one ClientRequestToken per
// dialog, so a retry is idempotent.
type FirstValueScreen struct {
	formDialog
	store   aws.Store
	summary aws.SecretSummary
	ref     aws.SecretRef
	token   string

	value  *form.Field
	submit *form.Field
	input  aws.PutValueInput
}

// NewFirstValueScreen opens the dialog for summary, a secret with no value.
func NewFirstValueScreen(env *common.Env, store aws.Store, summary aws.SecretSummary) *FirstValueScreen {
	f := &FirstValueScreen{store: store, summary: summary, ref: refOf(summary, store), token: aws.NewRequestToken()}
	f.formDialog = newFormDialog(env, f, 5, discardAsk{env: env, what: "the value", never: "saved"})
	f.value = f.Form.Area("value", "Value (plaintext or JSON)", "", 4)
	f.value.Masked = true
	f.value.Hint = env.Keys.Input.Reveal.Help().Key + " reveals what you type"
	f.submit = f.Form.Button("save", "Review and save", false)
	f.Form.Fields = []*form.Field{f.value, f.submit}
	return f
}

// Init focuses the value.
func (f *FirstValueScreen) Init() tea.Cmd { return f.Form.SetFocus(0) }

// Update handles results and keys.
func (f *FirstValueScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := f.handleWrite(msg, f.op); ok {
		return f, cmd
	}
	act, cmd := f.Form.Update(msg)
	switch act {
	case form.FormCancel:
		return f, f.leave()
	case form.FormPressed:
		if f.Form.Focused() == f.submit {
			return f, f.review()
		}
	}
	return f, cmd
}

// review checks the value locally and opens the confirmation.
func (f *FirstValueScreen) review() tea.Cmd {
	v := f.value.Value()
	f.value.Err = checkValueSize(len(v))
	if v == "" {
		f.value.Err = "type the value first"
	}
	if f.value.Err != "" {
		return tea.Batch(f.Form.FocusID(f.value.Id), common.Warn("not saved: "+f.value.Err))
	}
	f.input = aws.PutValueInput{SecretID: f.ref.ID(), Value: aws.TextValue(v), ClientRequestToken: f.token}
	st := f.env.Styles
	name := f.ref.String()
	body := []string{
		st.Text.Render("Put the first version of " + common.Sanitize(name) + " (" + f.ref.Region + "): " + common.Plural(len(v), "byte") + ", hidden."),
		st.Muted.Render("It becomes AWSCURRENT: applications reading the secret get it at once."),
	}
	return f.Write.open("Set the first value of "+name, body, confirm.Options{ConfirmLabel: "Save", Guard: ProductionGuard(name, "save its value")})
}

// op puts the value the operator confirmed.
func (f *FirstValueScreen) op() WriteOp {
	store, in, ref := f.store, f.input, f.ref
	return WriteOp{
		Busy:  "saving the first value of " + ref.String() + "…",
		Call:  func(ctx context.Context) (any, error) { return store.PutValue(ctx, in) },
		Audit: audit.Event{Action: "put-value", Region: ref.Region, SecretARN: ref.ARN, Detail: "first value"},
		AuditResult: func(ev *audit.Event, val any) {
			if res, ok := val.(aws.PutValueResult); ok && res.VersionID != "" {
				ev.VersionIDs = []string{res.VersionID}
			}
		},
		Done: func(any) tea.Cmd {
			return announce(ref, "Saved the first value of "+ref.String()+" (AWSCURRENT)")
		},
	}
}

// View renders the form or the confirmation.
func (f *FirstValueScreen) View() string {
	st := f.env.Styles
	k := f.env.Keys
	above := []string{st.Muted.Render(common.Cut("It has no AWSCURRENT version yet: nothing can read it until it has a value.", f.textWidth()))}
	return f.view("First value of "+common.Sanitize(f.ref.String()), above, nil, k.Dialog.Switch, k.Input.Submit, k.Input.Reveal, k.Input.Cancel)
}

// Title names the screen in the breadcrumb.
func (f *FirstValueScreen) Title() string { return "first value" }

// ShortHelp lists the main bindings.
func (f *FirstValueScreen) ShortHelp() []key.Binding {
	k := f.env.Keys
	return f.shortHelp(k.Dialog.Switch, k.Input.Reveal, k.Input.Cancel)
}

// FullHelp lists every binding of the screen.
func (f *FirstValueScreen) FullHelp() [][]key.Binding {
	k := f.env.Keys
	return [][]key.Binding{{k.Dialog.Switch, k.Input.Submit}, {k.Input.Reveal, k.Input.Cancel}, {k.Dialog.Yes, k.Dialog.No}}
}
