package secret

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// Versions lists every version of a secret, deprecated ones included,
// newest first, with their staging labels. It never reads a value; enter
// opens the selected version's value screen.
type Versions struct {
	env      *common.Env
	store    aws.Store
	target   aws.SecretRef
	kmsKeyID string // passed on to the value screen
	// scheduled is the secret as the detail knew it when it was scheduled
	// for deletion: a value is then not asked for (AWS refuses it) and
	// restoring is offered instead.
	scheduled *aws.SecretSummary

	Versions []aws.Version
	Loaded   bool
	err      error
	seq      int

	deleted bool // force-deleted through the app: nothing left to show or change

	cursor, offset int
	width, height  int
}

// NewVersions opens the version list of target.
func NewVersions(env *common.Env, store aws.Store, target aws.SecretRef) *Versions {
	return &Versions{env: env, store: store, target: target}
}

// Init loads the versions.
func (v *Versions) Init() tea.Cmd { return v.load() }

func (v *Versions) load() tea.Cmd {
	v.seq++
	seq, store, id, env := v.seq, v.store, v.target.ID(), v.env
	return common.ListVersions(env, store, v, seq, id)
}

// Update handles results, keys and the mouse wheel.
func (v *Versions) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[[]aws.Version]:
		if !msg.IsFor(v, v.seq) {
			return v, nil
		}
		v.Loaded = true
		if msg.Err != nil {
			v.err = msg.Err
			return v, common.Failed(msg.Err)
		}
		v.err = nil
		keep := v.selectedID()
		v.Versions = common.SortVersions(msg.Val)
		v.cursor = 0
		for i, ver := range v.Versions {
			if ver.ID == keep {
				v.cursor = i
			}
		}
		v.clamp()
		return v, sweepLeftovers(v.env, v.store, v, v.target, msg.Val)
	case leftoversRemovedMsg:
		if msg.owner != v {
			return v, nil
		}
		return v, msg.report(v.env.Keys)
	case common.SecretChangedMsg:
		if !msg.About(v.target.Region, v.target.String(), v.target.ARN) {
			return v, nil
		}
		if msg.Deleted {
			v.deleted = true
			return v, nil
		}
		return v, v.load()
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			v.move(-3)
		case tea.MouseWheelDown:
			v.move(3)
		}
	case tea.KeyPressMsg:
		return v, v.handleKey(msg)
	}
	return v, nil
}

func (v *Versions) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	nav := &v.env.Keys.Nav
	if v.deleted {
		return nil // only esc, which the App handles
	}
	switch {
	case key.Matches(msg, v.env.Keys.Versions.OpenValue):
		if len(v.Versions) == 0 {
			return nil
		}
		if v.scheduled != nil {
			return offerRestore(v.env, v.store, *v.scheduled)
		}
		ver := v.Versions[v.cursor]
		val := NewValue(v.env, v.store, v.target, aws.VersionRef{ID: ver.ID})
		val.kmsKeyID = v.kmsKeyID
		return common.Push(val)
	case key.Matches(msg, v.env.Keys.Common.Refresh):
		return v.load()
	case key.Matches(msg, v.env.Keys.Versions.Rollback):
		return dialog.OpenWrite(v.env, dialog.NewRollbackScreen(v.env, v.store, v.secret()))
	case key.Matches(msg, v.env.Keys.Versions.MoveLabel):
		if !v.Loaded || v.err != nil {
			return common.Warn("the versions are not loaded yet")
		}
		return dialog.OpenWrite(v.env, dialog.NewMoveLabelScreen(v.env, v.store, v.secret(), v.Versions).WithTarget(v.selectedID()))
	case key.Matches(msg, v.env.Keys.Versions.RemoveLabel):
		if !v.Loaded || v.err != nil {
			return common.Warn("the versions are not loaded yet")
		}
		if len(v.Versions) == 0 || len(v.Versions[v.cursor].Stages) == 0 {
			return common.Warn("this version has no label to remove")
		}
		return dialog.OpenWrite(v.env, dialog.NewRemoveLabelScreen(v.env, v.store, v.secret(), v.Versions, v.selectedID()))
	case key.Matches(msg, nav.Up):
		v.move(-1)
	case key.Matches(msg, nav.Down):
		v.move(1)
	case key.Matches(msg, nav.PageUp):
		v.move(-v.tableHeight())
	case key.Matches(msg, nav.PageDown):
		v.move(v.tableHeight())
	case key.Matches(msg, nav.Top):
		v.move(-len(v.Versions))
	case key.Matches(msg, nav.Bottom):
		v.move(len(v.Versions))
	}
	return nil
}

// secret names this screen's secret for the write dialogs, which read it
// afresh before asking anything.
func (v *Versions) secret() aws.Secret {
	return aws.Secret{SecretSummary: aws.SecretSummary{
		ARN: v.target.ARN, Name: v.target.Name, Region: v.target.Region, KmsKeyID: v.kmsKeyID,
	}}
}

func (v *Versions) selectedID() string {
	if v.cursor < len(v.Versions) {
		return v.Versions[v.cursor].ID
	}
	return ""
}

func (v *Versions) move(n int) {
	v.cursor += n
	v.clamp()
}

// clamp keeps the cursor on a row and the row on the screen.
func (v *Versions) clamp() {
	v.cursor = max(min(v.cursor, len(v.Versions)-1), 0)
	h := max(v.tableHeight(), 1)
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
	v.offset = max(min(v.offset, len(v.Versions)-h), 0)
}

// SetSize gives the screen its share of the window.
func (v *Versions) SetSize(w, h int) {
	v.width, v.height = w, h
	v.clamp()
}

// Title names the screen.
func (v *Versions) Title() string { return "versions" }

// Capturing is always false.
func (v *Versions) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (v *Versions) ShortHelp() []key.Binding {
	k := v.env.Keys
	if v.deleted {
		return []key.Binding{k.Common.Back}
	}
	return []key.Binding{k.Versions.OpenValue, k.Versions.Rollback, k.Versions.MoveLabel, k.Versions.RemoveLabel, k.Common.Refresh, k.Common.Back}
}

// FullHelp lists every binding.
func (v *Versions) FullHelp() [][]key.Binding {
	k := v.env.Keys
	return [][]key.Binding{
		{k.Versions.OpenValue, k.Common.Refresh},
		{k.Versions.Rollback, k.Versions.MoveLabel, k.Versions.RemoveLabel},
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}
