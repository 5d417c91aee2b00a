package dialog

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// Recovery window limits (days) and the default.
const (
	minRecoveryWindow     = 7
	maxRecoveryWindow     = 30
	defaultRecoveryWindow = 30
)

// The delete dialog's choices.
const (
	deleteScheduled = iota
	deleteForce
)

// DeleteScreen deletes a secret: by default it schedules the deletion with
// a recovery window (7-30 days, 30 by default); deleting at once without
// recovery is a separate, explicit choice with a stronger warning. Either
// way the secret's name must be typed to confirm.
type DeleteScreen struct {
	choiceDialog
	store   aws.Store
	summary aws.SecretSummary
	ref     aws.SecretRef

	ways *confirm.ChoiceList
	mode int
	days int
}

// NewDeleteScreen opens the delete dialog for summary.
func NewDeleteScreen(env *common.Env, store aws.Store, summary aws.SecretSummary) *DeleteScreen {
	d := &DeleteScreen{store: store, summary: summary, ref: refOf(summary, store), days: defaultRecoveryWindow}
	d.choiceDialog = newChoiceDialog(env, d)
	st := env.Styles
	scheduled := confirm.Choice{Text: st.Text.Render("Schedule the deletion with a recovery window (recommended): it can be restored until then")}
	if !summary.DeletedDate.IsZero() {
		scheduled.Reason = "already scheduled for deletion (" + common.DeletionText(summary.DeletedDate, summary.DeletionDate, env.Now()) + "); restore it or delete it now"
	}
	force := confirm.Choice{Text: st.Danger.Render("Delete now, WITHOUT recovery: this cannot be undone")}
	d.ways = confirm.NewChoiceList(env, []confirm.Choice{scheduled, force})
	return d
}

// Init has nothing to load.
func (d *DeleteScreen) Init() tea.Cmd { return nil }

// Update handles results and keys.
func (d *DeleteScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := d.write.forward(msg, d.op); ok {
		return d, cmd
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return d, d.handleKey(msg)
	}
	d.ways.Update(msg)
	return d, nil
}

func (d *DeleteScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if d.write.Done {
		return nil
	}
	k := d.env.Keys
	if d.write.Pane == nil {
		if key.Matches(msg, k.Dialog.Choose) {
			i := d.ways.Selected()
			if r := d.ways.Items[i].Reason; r != "" {
				return common.Warn(r)
			}
			d.mode = i
			return d.openPane()
		}
		d.ways.Update(msg)
		return nil
	}
	if d.mode == deleteScheduled && !d.write.busy() && common.IsArrow(msg) {
		switch {
		case key.Matches(msg, k.Nav.Up):
			d.setDays(d.days + 1)
			return nil
		case key.Matches(msg, k.Nav.Down):
			d.setDays(d.days - 1)
			return nil
		case key.Matches(msg, k.Nav.PageUp):
			d.setDays(maxRecoveryWindow)
			return nil
		case key.Matches(msg, k.Nav.PageDown):
			d.setDays(minRecoveryWindow)
			return nil
		}
	}
	res, cmd := d.write.update(msg, d.op)
	if res == confirm.ConfirmDeclined {
		d.write.Pane = nil
		return nil
	}
	return cmd
}

// setDays changes the recovery window within 7-30 days.
func (d *DeleteScreen) setDays(n int) {
	d.days = min(max(n, minRecoveryWindow), maxRecoveryWindow)
	d.write.Pane.SetBody(d.scheduleBody())
}

func (d *DeleteScreen) scheduleBody() []string {
	st := d.env.Styles
	when := d.env.Now().AddDate(0, 0, d.days).Format("2006-01-02")
	return []string{
		st.Label.Render("Recovery window  ") + st.Text.Render(strconv.Itoa(d.days)+" days") +
			st.Muted.Render("  (↑/↓ change it; "+strconv.Itoa(minRecoveryWindow)+"-"+strconv.Itoa(maxRecoveryWindow)+
				", pgdn "+strconv.Itoa(minRecoveryWindow)+", pgup "+strconv.Itoa(maxRecoveryWindow)+")"),
		st.Label.Render("Deleted on       ") + st.Text.Render("about "+when),
		"",
		st.Text.Render("Until then " + common.Sanitize(d.ref.String()) + " can't be read or changed: applications reading it fail. " +
			"You can restore it (" + d.env.Keys.Common.Restore.Help().Key + ") until the window ends; after it, AWS deletes the secret and every version for good."),
	}
}

func (d *DeleteScreen) openPane() tea.Cmd {
	st := d.env.Styles
	opts := confirm.Options{Danger: true, RequireName: d.ref.String()}
	var title string
	var body []string
	if d.mode == deleteForce {
		title = "Delete " + d.ref.String() + " NOW, without recovery"
		opts.ConfirmLabel = "Delete forever"
		opts.NameReason = "This cannot be undone. Type the secret's name to delete it for good"
		body = []string{
			st.Danger.Render("This deletes " + common.Sanitize(d.ref.String()) + " (" + d.ref.Region + ") and all of its versions immediately. It cannot be undone: " +
				"there is no recovery window and no restore."),
			"",
			st.Text.Render("Applications reading it fail at once. If you may need it again, go back (" + common.KeyHelp(d.env.Keys.Common.Back) + ") and schedule the deletion instead."),
		}
	} else {
		title = "Schedule the deletion of " + d.ref.String()
		opts.ConfirmLabel = "Schedule deletion"
		opts.NameReason = "Type the secret's name to schedule its deletion"
		body = d.scheduleBody()
	}
	return d.write.open(title, body, opts)
}

// op is the deletion the operator confirmed: scheduled or forced.
func (d *DeleteScreen) op() WriteOp {
	store, in, name := d.store, aws.DeleteSecretInput{SecretID: d.ref.ID()}, d.ref.String()
	op := WriteOp{
		Call: func(ctx context.Context) (any, error) { return store.DeleteSecret(ctx, in) },
		Audit: audit.Event{Action: "delete", Region: d.ref.Region, SecretARN: d.ref.ARN,
			Detail: "recovery window " + strconv.Itoa(d.days) + " days"},
	}
	if d.mode == deleteForce {
		in.Force = true
		op.Busy = "deleting " + name + " for good…"
		op.Audit.Detail = "force, without recovery"
		op.Done = func(any) tea.Cmd {
			return tea.Batch(common.DeletedMsg(d.ref.Region, d.ref.ID()), common.Success("Deleted "+name+" for good"), common.Pop())
		}
		return op
	}
	in.RecoveryWindowDays = int64(d.days)
	op.Busy = "scheduling the deletion of " + name + "…"
	days, now, k := d.days, d.env.Now(), d.env.Keys
	op.Done = func(val any) tea.Cmd {
		due, _ := val.(time.Time)
		if due.IsZero() { // AWS did not say: the window chosen does
			due = now.AddDate(0, 0, days)
		}
		return announce(d.ref, name+": "+common.DeletionText(now, due, now)+" — "+k.List.ShowDeleted.Help().Key+
			" lists it, "+k.Common.Restore.Help().Key+" restores it until then")
	}
	return op
}

// HandleBack returns from a confirmation to the choice.
func (d *DeleteScreen) HandleBack() (bool, tea.Cmd) {
	return d.write.close(), nil
}

// View renders the choice or the confirmation.
func (d *DeleteScreen) View() string {
	if d.write.Pane != nil {
		return d.write.Pane.View()
	}
	st := d.env.Styles
	w := max(d.width-4, 6)
	k := d.env.Keys
	title := st.Danger.Render(common.Cut("Delete "+common.Sanitize(d.ref.String())+" ("+d.ref.Region+")", w))
	if d.height < 10 {
		// A short window: no blank lines and no help (the App's footer has
		// the keys), so the border and both ways fit.
		lines := append([]string{title, st.Text.Render("How?")}, d.ways.Lines(w)...)
		return st.Pane.BorderForeground(st.Danger.GetForeground()).Width(max(d.width, 10)).Render(strings.Join(lines, "\n"))
	}
	lines := []string{title, "", st.Text.Render("How?")}
	lines = append(lines, d.ways.Lines(w)...)
	lines = append(lines, "", st.Muted.Render(common.Cut(common.HelpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	return st.Pane.BorderForeground(st.Danger.GetForeground()).Width(max(d.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window.
func (d *DeleteScreen) SetSize(w, h int) {
	d.choiceDialog.SetSize(w, h)
	d.ways.SetHeight(2)
}

// Title names the screen in the breadcrumb.
func (d *DeleteScreen) Title() string { return "delete" }

// FullHelp lists every binding of the screen.
func (d *DeleteScreen) FullHelp() [][]key.Binding {
	k := d.env.Keys
	return [][]key.Binding{{chooseKey(k), k.Nav.Up, k.Nav.Down}, {k.Input.Submit, k.Input.Cancel, k.Dialog.Switch}, {k.Common.Back}}
}
