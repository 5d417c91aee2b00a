package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
)

// detailScreen shows one secret's metadata: dates, rotation (and whether it
// is stuck), replicas, tags, staging labels and the resource policy. It
// loads with DescribeSecret and GetResourcePolicy and never reads a value:
// the value screen does that, when the operator opens it.
type detailScreen struct {
	env     *common.Env
	store   aws.Store
	summary aws.SecretSummary

	secret  *aws.Secret // nil until DescribeSecret answers
	loadErr error
	loading bool
	seq     int // request id of the latest DescribeSecret

	policy       string
	policyErr    error
	policyLoaded bool
	policySeq    int

	deleted bool // force-deleted through the app: nothing left to show or change

	pager         pager.Model
	width, height int
}

// newDetailScreen opens a secret's metadata; the list pushes it on enter.
func newDetailScreen(env *common.Env, store aws.Store, summary aws.SecretSummary) common.Screen {
	d := &detailScreen{env: env, store: store, summary: summary, pager: pager.New()}
	d.rebuild()
	return d
}

// secretID is what AWS calls are made with: the ARN when known.
func (d *detailScreen) secretID() string {
	if d.summary.ARN != "" {
		return d.summary.ARN
	}
	return d.summary.Name
}

// region is the secret's region.
func (d *detailScreen) region() string {
	if d.summary.Region != "" {
		return d.summary.Region
	}
	return d.store.Region()
}

// Init loads the metadata and the resource policy.
func (d *detailScreen) Init() tea.Cmd { return d.reload() }

func (d *detailScreen) reload() tea.Cmd {
	d.seq++
	d.policySeq++
	d.loading = true
	d.rebuild()
	return tea.Batch(common.Describe(d.env, d.store, d, d.seq, d.secretID()), d.loadPolicy(d.policySeq))
}

// loadPolicy calls GetResourcePolicy. A policy is metadata, not a value.
func (d *detailScreen) loadPolicy(seq int) tea.Cmd {
	store, id := d.store, d.secretID()
	return common.Fetch(d.env, d, seq, func(ctx context.Context) (string, error) {
		return store.GetResourcePolicy(ctx, id)
	})
}

// Update handles results and keys.
func (d *detailScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !msg.IsFor(d, d.seq) {
			return d, nil
		}
		d.loading = false
		if msg.Err != nil {
			d.loadErr = msg.Err
			d.rebuild()
			return d, common.Failed(msg.Err)
		}
		d.loadErr = nil
		s := msg.Val
		if s.Region == "" {
			s.Region = d.region()
		}
		d.secret = &s
		d.summary = s.SecretSummary
		d.rebuild()
		return d, nil
	case common.ResultMsg[string]:
		if !msg.IsFor(d, d.policySeq) {
			return d, nil
		}
		d.policy, d.policyErr, d.policyLoaded = msg.Val, msg.Err, true
		d.rebuild()
		return d, nil
	case common.SecretChangedMsg:
		if !msg.About(d.region(), d.summary.Name, d.summary.ARN) {
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

func (d *detailScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k, c := &d.env.Keys.Detail, &d.env.Keys.Common
	switch {
	case key.Matches(msg, k.Value):
		return d.openValue()
	case key.Matches(msg, k.Versions):
		vs := newVersionsScreen(d.env, d.store, d.target())
		vs.kmsKeyID = d.summary.KmsKeyID
		return common.Push(vs)
	case key.Matches(msg, k.Policy):
		return common.Push(newPolicyScreen(d.env, d.store, d.secretID(), d.summary.Name, d.policy, d.policyErr, d.policyLoaded))
	case key.Matches(msg, c.Refresh):
		return d.reload()
	case key.Matches(msg, c.CopyName):
		return d.copy(d.summary.Name, "the name")
	case key.Matches(msg, c.CopyARN):
		if d.summary.ARN == "" {
			return common.Warn("the ARN is not known yet")
		}
		return d.copy(d.summary.ARN, "the ARN")
	}
	if cmd, ok := d.handleAction(msg); ok {
		return cmd
	}
	d.pager.HandleKey(&d.env.Keys.Nav, msg)
	return nil
}

// handleAction opens the write dialogs. Their bindings are disabled in
// read-only mode, so none of them matches there.
func (d *detailScreen) handleAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, c := &d.env.Keys.Detail, &d.env.Keys.Common
	// whenScheduled: the action still works on a secret scheduled for
	// deletion (AWS refuses every other change until it is restored).
	actions := []struct {
		binding       key.Binding
		whenScheduled bool
		open          func(aws.Secret) tea.Cmd
	}{
		{k.Rotate, false, func(s aws.Secret) tea.Cmd { return openRotate(d.env, d.store, s) }},
		{k.RotationSettings, false, func(s aws.Secret) tea.Cmd { return openWrite(d.env, newRotationSettingsScreen(d.env, d.store, s)) }},
		{k.CancelRotation, false, func(s aws.Secret) tea.Cmd { return openWrite(d.env, newCancelRotationScreen(d.env, d.store, s)) }},
		{k.Rollback, false, func(s aws.Secret) tea.Cmd { return openWrite(d.env, newRollbackScreen(d.env, d.store, s)) }},
		{k.Tags, false, func(s aws.Secret) tea.Cmd { return openWrite(d.env, newTagsScreen(d.env, d.store, s)) }},
		{c.Delete, true, func(s aws.Secret) tea.Cmd { return openWrite(d.env, newDeleteScreen(d.env, d.store, s.SecretSummary)) }},
		{c.Restore, true, func(s aws.Secret) tea.Cmd {
			if s.DeletedDate.IsZero() {
				return common.Info(s.Name + " is not scheduled for deletion; nothing to restore")
			}
			return openWrite(d.env, newRestoreScreen(d.env, d.store, s.SecretSummary))
		}},
	}
	for _, a := range actions {
		if !key.Matches(msg, a.binding) {
			continue
		}
		switch {
		case d.deleted:
			return common.Warn("this secret was deleted for good; go back (" + d.env.Keys.Common.Back.Help().Key + ")"), true
		case d.secret == nil:
			return common.Warn("the secret is still loading; try again in a moment"), true
		case !a.whenScheduled && !d.secret.DeletedDate.IsZero():
			return common.Warn(d.summary.Name + " is scheduled for deletion: restore it first (" + c.Restore.Help().Key + ")"), true
		}
		return a.open(*d.secret), true
	}
	return nil, false
}

func (d *detailScreen) copy(text, what string) tea.Cmd {
	return func() tea.Msg {
		return common.CopyMsg{Text: text, What: what, ARN: d.summary.ARN, Region: d.region()}
	}
}

// target names this secret for the versions and value screens.
func (d *detailScreen) target() aws.SecretRef {
	return aws.SecretRef{ARN: d.summary.ARN, Name: d.summary.Name, Region: d.region()}
}

// openValue opens AWSCURRENT's value: pressing the Value binding is the
// operator asking for it.
func (d *detailScreen) openValue() tea.Cmd {
	if d.summary.VersionStages != nil && common.CurrentVersion(d.summary.VersionStages) == "" {
		return common.Warn("this secret has no AWSCURRENT version: it has no value yet")
	}
	v := newValueScreen(d.env, d.store, d.target(), aws.VersionRef{Stage: aws.LabelCurrent})
	v.kmsKeyID = d.summary.KmsKeyID
	return common.Push(v)
}

// View renders the scrolled metadata.
func (d *detailScreen) View() string { return d.pager.View(d.env.Styles) }

// SetSize gives the screen its share of the window.
func (d *detailScreen) SetSize(w, h int) {
	d.width, d.height = w, h
	d.pager.SetSize(w, h)
	d.rebuild()
}

// Title is the secret's name.
func (d *detailScreen) Title() string { return d.summary.Name }

// Capturing is always false: the detail screen has no text input.
func (d *detailScreen) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (d *detailScreen) ShortHelp() []key.Binding {
	k := d.env.Keys
	switch {
	case d.deleted:
		return []key.Binding{k.Common.Back}
	case !d.summary.DeletedDate.IsZero():
		// Nothing can be read or changed until it is restored.
		return []key.Binding{k.Common.Restore, k.Detail.Versions, k.Detail.Policy, k.Common.Back}
	}
	if d.secret != nil {
		if _, _, stuck := common.StrayPending(d.secret.VersionStages); stuck && k.Detail.Rotate.Enabled() {
			return []key.Binding{common.WithHelpDesc(k.Detail.Rotate, "resolve stuck rotation"), k.Detail.Versions, k.Detail.Value, k.Common.Back}
		}
	}
	return []key.Binding{k.Detail.Value, k.Detail.Versions, k.Detail.Rotate, k.Detail.Rollback, k.Detail.Tags, k.Common.CopyARN, k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (d *detailScreen) FullHelp() [][]key.Binding {
	k := d.env.Keys
	return [][]key.Binding{
		{k.Detail.Value, k.Detail.Versions, k.Detail.Policy, k.Common.Refresh},
		{k.Common.CopyName, k.Common.CopyARN},
		{k.Detail.Rotate, k.Detail.RotationSettings, k.Detail.CancelRotation, k.Detail.Rollback},
		{k.Detail.Tags, k.Common.Delete, k.Common.Restore},
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}

// rebuild recomputes the text from the loaded data; View only slices it.
func (d *detailScreen) rebuild() {
	if d.width <= 0 || d.height <= 0 {
		return
	}
	d.pager.SetLines(d.lines())
}
