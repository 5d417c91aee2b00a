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
)

// RemoveLabelScreen takes a staging label off one version (e.g. a stray
// AWSPENDING left by a failed rotation): MoveLabel with no ToVersion and the
// version as FromVersion. AWSCURRENT cannot be removed, only moved.
type RemoveLabelScreen struct {
	choiceDialog
	store   aws.Store
	secret  aws.Secret
	ref     aws.SecretRef
	Version aws.Version

	picker *confirm.ChoiceList
	label  string
}

// NewRemoveLabelScreen opens the dialog for the version versionID (one of
// versions). With one removable label it goes straight to confirmation.
func NewRemoveLabelScreen(env *common.Env, store aws.Store, secret aws.Secret, versions []aws.Version, versionID string) *RemoveLabelScreen {
	r := &RemoveLabelScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store)}
	r.choiceDialog = newChoiceDialog(env, r)
	for _, v := range versions {
		if v.ID == versionID {
			r.Version = v
		}
	}
	if r.Version.ID == "" {
		// Not in the list given: use the secret's stages.
		r.Version = aws.Version{ID: versionID, Stages: secret.VersionStages[versionID]}
	}
	st := env.Styles
	items := make([]confirm.Choice, 0, len(r.Version.Stages))
	removable := 0
	for _, l := range common.SortedLabels(r.Version.Stages) {
		c := confirm.Choice{Text: common.StageStyle(st, l).Render(common.Sanitize(l))}
		if l == aws.LabelCurrent {
			c.Reason = "AWSCURRENT can't be removed, only moved to another version (m, or roll back with b)"
		} else {
			removable++
			r.label = l
		}
		items = append(items, c)
	}
	r.picker = confirm.NewChoiceList(env, items)
	if removable != 1 {
		r.label = ""
	} else {
		r.openConfirm()
	}
	return r
}

// newRemovePendingScreen removes AWSPENDING from versionID (the stuck
// rotation's way out).
func newRemovePendingScreen(env *common.Env, store aws.Store, secret aws.Secret, versionID string) *RemoveLabelScreen {
	r := &RemoveLabelScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store)}
	r.choiceDialog = newChoiceDialog(env, r)
	r.Version = aws.Version{ID: versionID, Stages: secret.VersionStages[versionID]}
	r.picker = confirm.NewChoiceList(env, nil)
	r.label = aws.LabelPending
	r.openConfirm()
	return r
}

func (r *RemoveLabelScreen) openConfirm() {
	st := r.env.Styles
	keeps := make([]string, 0, len(r.Version.Stages))
	for _, l := range r.Version.Stages {
		if l != r.label {
			keeps = append(keeps, l)
		}
	}
	body := []string{
		st.Text.Render("Remove ") + common.StageStyle(st, r.label).Render(common.Sanitize(r.label)) + st.Text.Render(" from version "+common.Sanitize(r.Version.ID)+"."),
	}
	if len(keeps) == 0 {
		body = append(body, st.Warning.Render("The version will have no labels left: it becomes deprecated (hidden from the default version "+
			"listing, and AWS deletes deprecated versions beyond 100)."))
	} else {
		body = append(body, st.Muted.Render("It keeps "+common.Sanitize(strings.Join(common.SortedLabels(keeps), ", "))+"."))
	}
	if r.label == aws.LabelPending {
		if _, _, stuck := common.StrayPending(r.secret.VersionStages); stuck || !common.HasLabel(r.Version.Stages, aws.LabelCurrent) {
			body = append(body, "", st.Text.Render("While AWSPENDING is on a version other than AWSCURRENT, Secrets Manager treats a rotation as "+
				"in progress and refuses to start another. Removing it lets the next rotation start cleanly. "+
				"If a rotation function is still running right now, it will fail its remaining steps."))
		}
	}
	r.write.open("Remove a staging label of "+r.ref.String(), body,
		confirm.Options{ConfirmLabel: "Remove " + common.Sanitize(r.label), Guard: ProductionGuard(r.ref.String(), "remove the label")})
}

// Init focuses the name guard when the dialog opens on the confirmation.
func (r *RemoveLabelScreen) Init() tea.Cmd {
	if r.write.Pane != nil {
		return r.write.Pane.Init()
	}
	return nil
}

// Update handles results and keys.
func (r *RemoveLabelScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := r.write.forward(msg, r.op); ok {
		return r, cmd
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return r, r.handleKey(msg)
	}
	r.picker.Update(msg)
	return r, nil
}

func (r *RemoveLabelScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.write.Done {
		return nil
	}
	if r.write.Pane == nil {
		if key.Matches(msg, r.env.Keys.Dialog.Choose) {
			i := r.picker.Selected()
			if i < 0 {
				return nil
			}
			if reason := r.picker.Items[i].Reason; reason != "" {
				return common.Warn(reason)
			}
			r.label = common.SortedLabels(r.Version.Stages)[i]
			r.openConfirm()
			return r.write.Pane.Init()
		}
		r.picker.Update(msg)
		return nil
	}
	res, cmd := r.write.update(msg, r.op)
	if res == confirm.ConfirmDeclined {
		return r.back()
	}
	return cmd
}

// back returns to the label list, or closes when there is no choice.
func (r *RemoveLabelScreen) back() tea.Cmd {
	if len(r.picker.Items) > 1 {
		r.write.Pane = nil
		return nil
	}
	return common.Pop()
}

// HandleBack steps back to the label list before closing.
func (r *RemoveLabelScreen) HandleBack() (bool, tea.Cmd) {
	if r.write.busy() {
		return true, nil
	}
	if r.write.Pane != nil && len(r.picker.Items) > 1 {
		r.write.Pane = nil
		return true, nil
	}
	return false, nil
}

// op removes the label from the version, naming it as FromVersion.
func (r *RemoveLabelScreen) op() WriteOp {
	store, ref, label, version := r.store, r.ref, r.label, r.Version.ID
	in := aws.MoveLabelInput{SecretID: ref.ID(), Label: label, FromVersion: version}
	return WriteOp{
		Busy: "removing " + common.Sanitize(label) + " from version " + common.VersionShort(version) + "…",
		Call: func(ctx context.Context) (any, error) { return nil, store.MoveLabel(ctx, in) },
		Audit: audit.Event{Action: "remove-label", Region: ref.Region, SecretARN: ref.ARN,
			VersionIDs: []string{version}, Detail: label},
		Done: func(any) tea.Cmd {
			return announce(ref, "Removed "+common.Sanitize(label)+" from version "+common.VersionShort(version)+" of "+ref.String())
		},
	}
}

// View renders the label list or the confirmation.
func (r *RemoveLabelScreen) View() string {
	if r.write.Pane != nil {
		return r.write.Pane.View()
	}
	st := r.env.Styles
	w := max(r.width-4, 6)
	if len(r.picker.Items) == 0 {
		return confirm.Notice(r.env, r.width, "Remove a label", []string{st.Muted.Render("Version " + common.Sanitize(r.Version.ID) + " has no labels: there is nothing to remove.")})
	}
	lines := []string{st.Title.Render(common.Cut("Remove which label from version "+common.VersionShort(r.Version.ID)+"?", w))}
	lines = append(lines, r.picker.Lines(w)...)
	k := r.env.Keys
	lines = append(lines, st.Muted.Render(common.Cut(common.HelpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	return st.Pane.Width(max(r.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window.
func (r *RemoveLabelScreen) SetSize(w, h int) {
	r.choiceDialog.SetSize(w, h)
	r.picker.SetHeight(max(h-5, 1))
}

// Title names the screen in the breadcrumb.
func (r *RemoveLabelScreen) Title() string { return "remove label" }
