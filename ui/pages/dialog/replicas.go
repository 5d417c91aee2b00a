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

// replicaAction is one way out offered for a replica: replicate to its
// region again (a retry, for a failed one) or remove it.
type replicaAction struct {
	replica aws.Replica
	remove  bool
}

// ReplicasScreen repairs a secret's replication: it reads the secret
// afresh, offers to replicate again to a region whose replication failed
// (ReplicateSecretToRegions) or to remove a replica
// (RemoveRegionsFromReplication), and confirms before writing.
type ReplicasScreen struct {
	choiceDialog
	store   aws.Store
	summary aws.SecretSummary
	ref     aws.SecretRef

	loading bool
	loadErr error
	refusal string
	actions []replicaAction
	ways    *confirm.ChoiceList
	chosen  replicaAction
}

// NewReplicasScreen opens the replication dialog for a primary secret.
func NewReplicasScreen(env *common.Env, store aws.Store, summary aws.SecretSummary) *ReplicasScreen {
	r := &ReplicasScreen{store: store, summary: summary, ref: refOf(summary, store), loading: true}
	r.choiceDialog = newChoiceDialog(env, r)
	return r
}

// Init reads the secret afresh.
func (r *ReplicasScreen) Init() tea.Cmd { return r.write.describe(r.store, r.ref) }

// Update handles results and keys.
func (r *ReplicasScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := r.write.forward(msg, r.op); ok {
		return r, cmd
	}
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if isLoad(&r.write, msg) {
			return r, r.loaded(msg)
		}
		return r, nil
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	return r, nil
}

func (r *ReplicasScreen) loaded(msg common.ResultMsg[aws.Secret]) tea.Cmd {
	r.loading = false
	if msg.Err != nil {
		r.loadErr = msg.Err
		return common.Failed(msg.Err)
	}
	s := msg.Val
	r.summary = s.SecretSummary
	r.ref = refOf(r.summary, r.store)
	switch {
	case !s.DeletedDate.IsZero():
		r.refusal = s.Name + " is scheduled for deletion: restore it first (" + common.KeyHelp(r.env.Keys.Common.Restore) + ")."
		return nil
	case s.PrimaryRegion != "" && s.PrimaryRegion != r.ref.Region:
		r.refusal = s.Name + " in " + r.ref.Region + " is a replica: repair its replication from the primary in " + s.PrimaryRegion + "."
		return nil
	case len(s.Replicas) == 0:
		r.refusal = s.Name + " is not replicated to any other region."
		return nil
	}
	st := r.env.Styles
	r.actions = nil
	var items []confirm.Choice
	for _, rp := range s.Replicas {
		if rp.Status == "Failed" {
			r.actions = append(r.actions, replicaAction{replica: rp})
			items = append(items, confirm.Choice{Text: st.Text.Render("Replicate to " + rp.Region + " again (its replication failed)")})
		}
	}
	for _, rp := range s.Replicas {
		r.actions = append(r.actions, replicaAction{replica: rp, remove: true})
		items = append(items, confirm.Choice{Text: st.Danger.Render("Remove the replica in " + rp.Region + " (" + common.Sanitize(rp.Status) + ")")})
	}
	r.ways = confirm.NewChoiceList(r.env, items)
	r.ways.SetHeight(min(len(items), 8))
	return nil
}

func (r *ReplicasScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.write.Done || r.ways == nil {
		return nil
	}
	if r.write.Pane == nil {
		if key.Matches(msg, chooseKey(r.env.Keys)) {
			r.chosen = r.actions[r.ways.Selected()]
			return r.openPane()
		}
		r.ways.Update(msg)
		return nil
	}
	res, cmd := r.write.update(msg, r.op)
	if res == confirm.ConfirmDeclined {
		r.write.Pane = nil
	}
	return cmd
}

func (r *ReplicasScreen) openPane() tea.Cmd {
	st := r.env.Styles
	rp, name := r.chosen.replica, r.ref.String()
	if r.chosen.remove {
		body := []string{
			st.Danger.Render("This deletes the replica of " + common.Sanitize(name) + " in " + rp.Region + ": applications reading it there fail."),
			st.Muted.Render("The primary in " + r.ref.Region + " and any other replica stay as they are; you can replicate to " + rp.Region + " again later."),
		}
		return r.write.open("Remove the replica in "+rp.Region, body,
			confirm.Options{ConfirmLabel: "Remove replica", Danger: true, Guard: ProductionGuard(name, "remove the replica")})
	}
	key := "aws/secretsmanager"
	if rp.KmsKeyID != "" {
		key = rp.KmsKeyID
	}
	body := []string{
		st.Text.Render("Replicate " + common.Sanitize(name) + " to " + rp.Region + " again, encrypted with " + common.Sanitize(key) + "."),
	}
	if rp.StatusMessage != "" {
		body = append(body, "", st.Label.Render("It failed: ")+st.Warning.Render(common.Sanitize(rp.StatusMessage)))
	}
	body = append(body, st.Muted.Render("Fix the cause first, or it fails again."))
	return r.write.open("Retry the replication to "+rp.Region, body,
		confirm.Options{ConfirmLabel: "Replicate", Guard: ProductionGuard(name, "replicate it")})
}

// op is the replication change the operator confirmed.
func (r *ReplicasScreen) op() WriteOp {
	store, ref, rp := r.store, r.ref, r.chosen.replica
	if r.chosen.remove {
		return WriteOp{
			Busy: "removing the replica in " + rp.Region + "…",
			Call: func(ctx context.Context) (any, error) {
				return store.RemoveReplicaRegions(ctx, ref.ID(), []string{rp.Region})
			},
			Audit: audit.Event{Action: "remove-replica", Region: ref.Region, SecretARN: ref.ARN, Detail: "replica region " + rp.Region},
			Done: func(any) tea.Cmd {
				return announce(ref, "Removed the replica of "+ref.String()+" in "+rp.Region)
			},
		}
	}
	return WriteOp{
		Busy: "replicating to " + rp.Region + "…",
		Call: func(ctx context.Context) (any, error) {
			return store.ReplicateToRegions(ctx, ref.ID(), []aws.ReplicaRegion{{Region: rp.Region, KmsKeyID: rp.KmsKeyID}})
		},
		Audit: audit.Event{Action: "replicate", Region: ref.Region, SecretARN: ref.ARN, Detail: "replica region " + rp.Region},
		Done: func(val any) tea.Cmd {
			reps, _ := val.([]aws.Replica)
			for _, x := range reps {
				if x.Region == rp.Region && x.Status == "Failed" {
					return tea.Batch(common.Changed(ref.Region, ref.ID()),
						common.Warn("replication to "+rp.Region+" failed again: "+common.Sanitize(x.StatusMessage)), common.Pop())
				}
			}
			return announce(ref, "Replicating "+ref.String()+" to "+rp.Region+" again")
		},
	}
}

// HandleBack returns from a confirmation to the choice.
func (r *ReplicasScreen) HandleBack() (bool, tea.Cmd) { return r.write.close(), nil }

// View renders the loading line, the refusal, the choice or the confirmation.
func (r *ReplicasScreen) View() string {
	st := r.env.Styles
	title := "Replication of " + r.ref.String()
	switch {
	case r.write.Pane != nil:
		return r.write.Pane.View()
	case r.loadErr != nil:
		return confirm.Notice(r.env, r.width, title, []string{st.Error.Render(common.DescribeError(r.env.Keys, r.loadErr))})
	case r.loading:
		return confirm.Notice(r.env, r.width, title, []string{st.Muted.Render("reading the secret…")})
	case r.refusal != "":
		return confirm.Notice(r.env, r.width, title, []string{st.Warning.Render(r.refusal)})
	}
	w := max(r.width-4, 6)
	k := r.env.Keys
	lines := []string{st.Title.Render(common.Cut(common.Sanitize(title)+" ("+r.ref.Region+")", w)), ""}
	for _, rp := range r.summaryReplicas() {
		if rp.Status == "Failed" && rp.StatusMessage != "" {
			lines = append(lines, common.WrapLines(st.Warning.Render(rp.Region+" failed: "+common.Sanitize(rp.StatusMessage)), w)...)
		}
	}
	lines = append(lines, "", st.Text.Render("What now?"))
	lines = append(lines, r.ways.Lines(w)...)
	lines = append(lines, "", st.Muted.Render(common.Cut(common.HelpLine(chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Back), w)))
	return st.Pane.Width(max(r.width, 10)).Render(strings.Join(lines, "\n"))
}

// summaryReplicas are the replicas the choice was built from.
func (r *ReplicasScreen) summaryReplicas() []aws.Replica {
	var out []aws.Replica
	for _, a := range r.actions {
		if a.remove {
			out = append(out, a.replica)
		}
	}
	return out
}

// Title names the screen in the breadcrumb.
func (r *ReplicasScreen) Title() string { return "replication" }
