package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
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

// deleteScreen deletes a secret: by default it schedules the deletion with
// a recovery window (7-30 days, 30 by default); deleting at once without
// recovery is a separate, explicit choice with a stronger warning. Either
// way the secret's name must be typed to confirm.
type deleteScreen struct {
	env     *Env
	store   aws.Store
	summary aws.SecretSummary
	t       writeTarget

	ways     *choiceList
	mode     int
	days     int
	pane     *confirmPane
	finished bool

	width, height int
}

// secretDeletedMsg is DeleteSecret's result.
type secretDeletedMsg struct {
	owner *deleteScreen
	date  time.Time
	err   error
}

// newDeleteScreen opens the delete dialog for summary.
func newDeleteScreen(env *Env, store aws.Store, summary aws.SecretSummary) *deleteScreen {
	d := &deleteScreen{env: env, store: store, summary: summary, t: targetOf(summary, store), days: defaultRecoveryWindow}
	st := env.Styles
	scheduled := choice{text: st.Text.Render("Schedule the deletion with a recovery window (recommended): it can be restored until then")}
	if !summary.DeletedDate.IsZero() {
		scheduled.reason = "already scheduled for deletion (since " + summary.DeletedDate.Format("2006-01-02") + "); restore it or delete it now"
	}
	force := choice{text: st.Danger.Render("Delete now, WITHOUT recovery: this cannot be undone")}
	d.ways = newChoiceList(env, []choice{scheduled, force})
	return d
}

// Init has nothing to load.
func (d *deleteScreen) Init() tea.Cmd { return nil }

// Update handles results and keys.
func (d *deleteScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case secretDeletedMsg:
		if msg.owner != d {
			return d, nil
		}
		return d, d.deleted(msg)
	case tea.KeyPressMsg:
		return d, d.handleKey(msg)
	}
	if d.pane != nil {
		_, cmd := d.pane.update(msg)
		return d, cmd
	}
	d.ways.update(msg)
	return d, nil
}

func (d *deleteScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if d.finished {
		return nil
	}
	k := d.env.Keys
	if d.pane == nil {
		if key.Matches(msg, k.Dialog.Choose) {
			i := d.ways.selected()
			if r := d.ways.items[i].reason; r != "" {
				return warn(r)
			}
			d.mode = i
			return d.openPane()
		}
		d.ways.update(msg)
		return nil
	}
	if d.mode == deleteScheduled && d.pane.busy == "" && isArrow(msg) {
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
	res, cmd := d.pane.update(msg)
	switch res {
	case confirmDeclined:
		d.pane = nil
		return nil
	case confirmAccepted:
		if d.mode == deleteForce {
			d.pane.setBusy("deleting " + d.t.name + " for good…")
		} else {
			d.pane.setBusy("scheduling the deletion of " + d.t.name + "…")
		}
		return d.apply()
	}
	return cmd
}

// setDays changes the recovery window within 7-30 days.
func (d *deleteScreen) setDays(n int) {
	d.days = min(max(n, minRecoveryWindow), maxRecoveryWindow)
	d.pane.setBody(d.scheduleBody())
}

func (d *deleteScreen) scheduleBody() []string {
	st := d.env.Styles
	when := d.env.Now().AddDate(0, 0, d.days).Format("2006-01-02")
	return []string{
		st.Label.Render("Recovery window  ") + st.Text.Render(strconv.Itoa(d.days)+" days") +
			st.Muted.Render("  (↑/↓ change it; "+strconv.Itoa(minRecoveryWindow)+"-"+strconv.Itoa(maxRecoveryWindow)+
				", pgdn "+strconv.Itoa(minRecoveryWindow)+", pgup "+strconv.Itoa(maxRecoveryWindow)+")"),
		st.Label.Render("Deleted on       ") + st.Text.Render("about "+when),
		"",
		st.Text.Render("Until then " + common.Sanitize(d.t.name) + " can't be read or changed: applications reading it fail. " +
			"You can restore it (" + d.env.Keys.Common.Restore.Help().Key + ") until the window ends; after it, AWS deletes the secret and every version for good."),
	}
}

func (d *deleteScreen) openPane() tea.Cmd {
	st := d.env.Styles
	opts := confirmOptions{danger: true, requireName: d.t.name}
	var title string
	var body []string
	if d.mode == deleteForce {
		title = "Delete " + d.t.name + " NOW, without recovery"
		opts.confirmLabel = "Delete forever"
		opts.nameReason = "This cannot be undone. Type the secret's name to delete it for good"
		body = []string{
			st.Danger.Render("This deletes " + common.Sanitize(d.t.name) + " (" + d.t.region + ") and all of its versions immediately. It cannot be undone: " +
				"there is no recovery window and no restore."),
			"",
			st.Text.Render("Applications reading it fail at once. If you may need it again, go back (" + keyHelp(d.env.Keys.Common.Back) + ") and schedule the deletion instead."),
		}
	} else {
		title = "Schedule the deletion of " + d.t.name
		opts.confirmLabel = "Schedule deletion"
		opts.nameReason = "Type the secret's name to schedule its deletion"
		body = d.scheduleBody()
	}
	d.pane = newConfirmPane(d.env, title, body, opts)
	d.pane.setSize(d.width, d.height)
	return d.pane.init()
}

func (d *deleteScreen) apply() tea.Cmd {
	store, env := d.store, d.env
	in := aws.DeleteSecretInput{SecretID: d.t.id}
	if d.mode == deleteForce {
		in.Force = true
	} else {
		in.RecoveryWindowDays = int64(d.days)
	}
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		date, err := store.DeleteSecret(ctx, in)
		return secretDeletedMsg{owner: d, date: date, err: err}
	}
}

func (d *deleteScreen) deleted(m secretDeletedMsg) tea.Cmd {
	detail := "recovery window " + strconv.Itoa(d.days) + " days"
	if d.mode == deleteForce {
		detail = "force, without recovery"
	}
	d.env.Record(AuditEvent{Action: "delete", Region: d.t.region, SecretARN: d.t.arn, Outcome: outcomeOf(m.err), Detail: detail})
	if m.err != nil {
		d.pane.setError(m.err)
		return failed(m.err)
	}
	d.finished = true
	if d.mode == deleteForce {
		return tea.Batch(deletedMsg(d.t.region, d.t.changedID()), success("Deleted "+d.t.name+" for good"), pop())
	}
	when := m.date
	if when.IsZero() {
		when = d.env.Now().AddDate(0, 0, d.days)
	}
	return tea.Batch(changed(d.t.region, d.t.changedID()),
		success(d.t.name+" will be deleted on "+when.Format("2006-01-02")+" — "+d.env.Keys.List.ShowDeleted.Help().Key+
			" lists it, "+d.env.Keys.Common.Restore.Help().Key+" restores it until then"), pop())
}

// HandleBack returns from a confirmation to the choice.
func (d *deleteScreen) HandleBack() (bool, tea.Cmd) {
	return closePane(&d.pane), nil
}

// View renders the choice or the confirmation.
func (d *deleteScreen) View() string {
	if d.pane != nil {
		return d.pane.view()
	}
	st := d.env.Styles
	w := max(d.width-4, 6)
	k := d.env.Keys
	lines := []string{st.Danger.Render(cut("Delete "+common.Sanitize(d.t.name)+" ("+d.t.region+")", w)), "", st.Text.Render("How?")}
	lines = append(lines, d.ways.lines(w)...)
	lines = append(lines, "", st.Muted.Render(cut(helpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	return st.Pane.BorderForeground(st.Danger.GetForeground()).Width(max(d.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window.
func (d *deleteScreen) SetSize(w, h int) {
	d.width, d.height = w, h
	d.ways.setHeight(2)
	if d.pane != nil {
		d.pane.setSize(w, h)
	}
}

// Title names the screen in the breadcrumb.
func (d *deleteScreen) Title() string { return "delete" }

// Capturing is true while the name is typed.
func (d *deleteScreen) Capturing() bool { return d.pane != nil && d.pane.capturing() }

// ShortHelp lists the main bindings.
func (d *deleteScreen) ShortHelp() []key.Binding {
	k := d.env.Keys
	if d.pane != nil {
		return d.pane.shortHelp()
	}
	return []key.Binding{chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (d *deleteScreen) FullHelp() [][]key.Binding {
	k := d.env.Keys
	return [][]key.Binding{{chooseKey(k), k.Nav.Up, k.Nav.Down}, {k.Input.Submit, k.Input.Cancel, k.Dialog.Switch}, {k.Common.Back}}
}
