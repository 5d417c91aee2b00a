package secret

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// Detail shows one secret's metadata: dates, rotation (and whether it
// is stuck), replicas, tags, staging labels and the resource policy. It
// loads with DescribeSecret and GetResourcePolicy and never reads a value:
// the value screen does that, when the operator opens it.
type Detail struct {
	env     *common.Env
	Store   aws.Store
	Summary aws.SecretSummary

	Secret  *aws.Secret // nil until DescribeSecret answers
	LoadErr error
	loading bool
	seq     int // request id of the latest DescribeSecret

	policy       string
	policyErr    error
	PolicyLoaded bool
	policySeq    int

	deleted bool // force-deleted through the app: nothing left to show or change

	pager         pager.Model
	width, height int
}

// NewDetail opens a secret's metadata; the list pushes it on enter.
func NewDetail(env *common.Env, store aws.Store, summary aws.SecretSummary) common.Screen {
	d := &Detail{env: env, Store: store, Summary: summary, pager: pager.New()}
	d.rebuild()
	return d
}

// ScopedSession is the session the secret was opened in: the App's, or
// another profile's when opened from a list of several accounts.
func (d *Detail) ScopedSession() common.Session { return d.env.Session }

// secretID is what AWS calls are made with: the ARN when known.
func (d *Detail) secretID() string {
	if d.Summary.ARN != "" {
		return d.Summary.ARN
	}
	return d.Summary.Name
}

// region is the secret's region.
func (d *Detail) region() string {
	if d.Summary.Region != "" {
		return d.Summary.Region
	}
	return d.Store.Region()
}

// Init loads the metadata and the resource policy.
func (d *Detail) Init() tea.Cmd { return d.reload() }

func (d *Detail) reload() tea.Cmd {
	d.seq++
	d.policySeq++
	d.loading = true
	d.rebuild()
	return tea.Batch(common.Describe(d.env, d.Store, d, d.seq, d.secretID()), d.loadPolicy(d.policySeq))
}

// loadPolicy calls GetResourcePolicy. A policy is metadata, not a value.
func (d *Detail) loadPolicy(seq int) tea.Cmd {
	store, id := d.Store, d.secretID()
	return common.Fetch(d.env, d, seq, func(ctx context.Context) (string, error) {
		return store.GetResourcePolicy(ctx, id)
	})
}

// Update handles results and keys.
func (d *Detail) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !msg.IsFor(d, d.seq) {
			return d, nil
		}
		d.loading = false
		if msg.Err != nil {
			d.LoadErr = msg.Err
			d.rebuild()
			return d, common.Failed(msg.Err)
		}
		d.LoadErr = nil
		s := msg.Val
		if s.Region == "" {
			s.Region = d.region()
		}
		d.Secret = &s
		d.Summary = s.SecretSummary
		d.rebuild()
		return d, nil
	case common.ResultMsg[string]:
		if !msg.IsFor(d, d.policySeq) {
			return d, nil
		}
		d.policy, d.policyErr, d.PolicyLoaded = msg.Val, msg.Err, true
		d.rebuild()
		return d, nil
	case common.SecretChangedMsg:
		if !msg.About(d.region(), d.Summary.Name, d.Summary.ARN) {
			return d, nil
		}
		if msg.Deleted {
			d.deleted = true
			d.rebuild()
			return d, nil
		}
		return d, d.reload()
	case tea.MouseWheelMsg:
		d.pager.HandleWheel(msg)
		return d, nil
	case tea.KeyPressMsg:
		return d, d.handleKey(msg)
	}
	return d, nil
}

func (d *Detail) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k, c := &d.env.Keys.Detail, &d.env.Keys.Common
	switch {
	case key.Matches(msg, k.Value):
		return d.openValue()
	case key.Matches(msg, k.Versions):
		vs := NewVersions(d.env, d.Store, d.target())
		vs.kmsKeyID = d.Summary.KmsKeyID
		if !d.Summary.DeletedDate.IsZero() {
			sum := d.Summary
			vs.scheduled = &sum
		}
		return common.Push(vs)
	case key.Matches(msg, k.Policy):
		return common.Push(newPolicyScreen(d.env, d.Store, d.secretID(), d.Summary.Name, d.policy, d.policyErr, d.PolicyLoaded))
	case key.Matches(msg, k.RotationFailure):
		return d.openRotationFailure()
	case key.Matches(msg, k.History):
		return openHistory(d.env, d.Store, d.target())
	case key.Matches(msg, c.Refresh):
		return d.reload()
	case key.Matches(msg, c.CopyName):
		return d.copy(d.Summary.Name, "the name")
	case key.Matches(msg, c.CopyARN):
		if d.Summary.ARN == "" {
			return common.Warn("the ARN is not known yet")
		}
		return d.copy(d.Summary.ARN, "the ARN")
	}
	if cmd, ok := d.handleAction(msg); ok {
		return cmd
	}
	d.pager.HandleKey(&d.env.Keys.Nav, msg)
	return nil
}

// handleAction opens the write dialogs. Their bindings are disabled in
// read-only mode, so none of them matches there.
func (d *Detail) handleAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, c := &d.env.Keys.Detail, &d.env.Keys.Common
	// whenScheduled: the action still works on a secret scheduled for
	// deletion (AWS refuses every other change until it is restored).
	actions := []struct {
		binding       key.Binding
		whenScheduled bool
		open          func(aws.Secret) tea.Cmd
	}{
		{k.Rotate, false, func(s aws.Secret) tea.Cmd { return dialog.OpenRotate(d.env, d.Store, s) }},
		{k.RotationSettings, false, func(s aws.Secret) tea.Cmd {
			return dialog.OpenWrite(d.env, dialog.NewRotationSettingsScreen(d.env, d.Store, s))
		}},
		{k.CancelRotation, false, func(s aws.Secret) tea.Cmd {
			return dialog.OpenWrite(d.env, dialog.NewCancelRotationScreen(d.env, d.Store, s))
		}},
		{k.Rollback, false, func(s aws.Secret) tea.Cmd {
			return dialog.OpenWrite(d.env, dialog.NewRollbackScreen(d.env, d.Store, s))
		}},
		{k.Tags, false, func(s aws.Secret) tea.Cmd { return dialog.OpenWrite(d.env, dialog.NewTagsScreen(d.env, d.Store, s)) }},
		{k.Replication, false, func(s aws.Secret) tea.Cmd {
			return dialog.OpenWrite(d.env, dialog.NewReplicasScreen(d.env, d.Store, s.SecretSummary))
		}},
		{c.Delete, true, func(s aws.Secret) tea.Cmd {
			return dialog.OpenWrite(d.env, dialog.NewDeleteScreen(d.env, d.Store, s.SecretSummary))
		}},
		{c.Restore, true, func(s aws.Secret) tea.Cmd {
			if s.DeletedDate.IsZero() {
				return common.Info(s.Name + " is not scheduled for deletion; nothing to restore")
			}
			return dialog.OpenWrite(d.env, dialog.NewRestoreScreen(d.env, d.Store, s.SecretSummary))
		}},
	}
	for _, a := range actions {
		if !key.Matches(msg, a.binding) {
			continue
		}
		switch {
		case d.deleted:
			return common.Warn("this secret was deleted for good; go back (" + d.env.Keys.Common.Back.Help().Key + ")"), true
		case d.Secret == nil:
			return common.Warn("the secret is still loading; try again in a moment"), true
		case !a.whenScheduled && !d.Secret.DeletedDate.IsZero():
			return common.Warn(d.Summary.Name + " is scheduled for deletion: restore it first (" + c.Restore.Help().Key + ")"), true
		}
		return a.open(*d.Secret), true
	}
	return nil, false
}

func (d *Detail) copy(text, what string) tea.Cmd {
	return func() tea.Msg {
		return common.CopyMsg{Text: text, What: what, ARN: d.Summary.ARN, Region: d.region()}
	}
}

// target names this secret for the versions and value screens.
func (d *Detail) target() aws.SecretRef {
	return aws.SecretRef{ARN: d.Summary.ARN, Name: d.Summary.Name, Region: d.region()}
}

// offerRestore answers a request for the value of a secret scheduled for
// deletion: AWS refuses GetSecretValue then, so the restore dialog opens
// instead (or, read-only, a warning says why there is no value).
func offerRestore(env *common.Env, store aws.Store, s aws.SecretSummary) tea.Cmd {
	name := common.Sanitize(s.Name)
	if !env.Keys.Common.Restore.Enabled() {
		return common.Warn("read-only: " + name + " is scheduled for deletion; its value can't be read until someone restores it")
	}
	r := dialog.NewRestoreScreen(env, store, s)
	r.Why = "Its value can't be read while it is scheduled for deletion: restore it first."
	return dialog.OpenWrite(env, r)
}

// openValue opens AWSCURRENT's value: pressing the Value binding is the
// operator asking for it.
func (d *Detail) openValue() tea.Cmd {
	if !d.Summary.DeletedDate.IsZero() {
		return offerRestore(d.env, d.Store, d.Summary)
	}
	if d.Summary.VersionStages != nil && common.CurrentVersion(d.Summary.VersionStages) == "" {
		if !d.env.Keys.Editing.Save.Enabled() {
			return common.Warn("read-only: this secret has no AWSCURRENT version: it has no value yet")
		}
		return dialog.OpenWrite(d.env, dialog.NewFirstValueScreen(d.env, d.Store, d.Summary))
	}
	v := NewValue(d.env, d.Store, d.target(), aws.VersionRef{Stage: aws.LabelCurrent})
	v.kmsKeyID = d.Summary.KmsKeyID
	return common.Push(v)
}

// View renders the scrolled metadata.
func (d *Detail) View() string { return d.pager.View(d.env.Styles) }

// SetSize gives the screen its share of the window.
func (d *Detail) SetSize(w, h int) {
	d.width, d.height = w, h
	d.pager.SetSize(w, h)
	d.rebuild()
}

// Title is the secret's name.
func (d *Detail) Title() string { return d.Summary.Name }

// Capturing is always false: the detail screen has no text input.
func (d *Detail) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (d *Detail) ShortHelp() []key.Binding {
	k := d.env.Keys
	switch {
	case d.deleted:
		return []key.Binding{k.Common.Back}
	case !d.Summary.DeletedDate.IsZero():
		// Nothing can be read or changed until it is restored.
		if k.Common.Restore.Enabled() {
			return []key.Binding{common.WithHelpDesc(k.Detail.Value, "restore"), k.Common.Restore, k.Detail.Versions, k.Detail.Policy, k.Common.Back}
		}
		return []key.Binding{k.Detail.Versions, k.Detail.Policy, k.Common.Back}
	}
	if d.Secret != nil {
		if _, _, stuck := common.StrayPending(d.Secret.VersionStages); stuck && k.Detail.Rotate.Enabled() {
			return []key.Binding{common.WithHelpDesc(k.Detail.Rotate, "resolve stuck rotation"), k.Detail.RotationFailure, k.Detail.Versions, k.Detail.Value, k.Common.Back}
		}
		if rotationFailed(d.Secret.SecretSummary, d.env.Now()) {
			return []key.Binding{k.Detail.RotationFailure, k.Detail.Value, k.Detail.Versions, k.Detail.RotationSettings, k.Common.Back}
		}
	}
	if d.Secret != nil && len(d.Secret.FailedReplicas) > 0 && k.Detail.Replication.Enabled() {
		return []key.Binding{common.WithHelpDesc(k.Detail.Replication, "fix replication"), k.Detail.Value, k.Detail.Versions, k.Detail.Rotate, k.Detail.Tags, k.Common.Back}
	}
	return []key.Binding{k.Detail.Value, k.Detail.Versions, k.Detail.Rotate, k.Detail.Rollback, k.Detail.Tags, k.Common.CopyARN, k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (d *Detail) FullHelp() [][]key.Binding {
	k := d.env.Keys
	return [][]key.Binding{
		{k.Detail.Value, k.Detail.Versions, k.Detail.Policy, k.Detail.History, k.Common.Refresh},
		{k.Common.CopyName, k.Common.CopyARN},
		{k.Detail.Rotate, k.Detail.RotationSettings, k.Detail.CancelRotation, k.Detail.Rollback, k.Detail.RotationFailure},
		{k.Detail.Tags, k.Detail.Replication, k.Common.Delete, k.Common.Restore},
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}

// rebuild recomputes the text from the loaded data; View only slices it.
func (d *Detail) rebuild() {
	if d.width <= 0 || d.height <= 0 {
		return
	}
	d.pager.SetLines(d.lines())
}
