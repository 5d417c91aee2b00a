package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// versionsScreen lists every version of a secret, deprecated ones included,
// newest first, with their staging labels. It never reads a value; enter
// opens the selected version's value screen.
type versionsScreen struct {
	env      *common.Env
	store    aws.Store
	target   aws.SecretRef
	kmsKeyID string // passed on to the value screen

	versions []aws.Version
	loaded   bool
	err      error
	seq      int

	deleted bool // force-deleted through the app: nothing left to show or change

	cursor, offset int
	width, height  int
}

// newVersionsScreen opens the version list of target.
func newVersionsScreen(env *common.Env, store aws.Store, target aws.SecretRef) *versionsScreen {
	return &versionsScreen{env: env, store: store, target: target}
}

// Init loads the versions.
func (v *versionsScreen) Init() tea.Cmd { return v.load() }

func (v *versionsScreen) load() tea.Cmd {
	v.seq++
	seq, store, id, env := v.seq, v.store, v.target.ID(), v.env
	return common.ListVersions(env, store, v, seq, id)
}

// Update handles results, keys and the mouse wheel.
func (v *versionsScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[[]aws.Version]:
		if !msg.IsFor(v, v.seq) {
			return v, nil
		}
		v.loaded = true
		if msg.Err != nil {
			v.err = msg.Err
			return v, common.Failed(msg.Err)
		}
		v.err = nil
		keep := v.selectedID()
		v.versions = common.SortVersions(msg.Val)
		v.cursor = 0
		for i, ver := range v.versions {
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

func (v *versionsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	nav := &v.env.Keys.Nav
	if v.deleted {
		return nil // only esc, which the App handles
	}
	switch {
	case key.Matches(msg, v.env.Keys.Versions.OpenValue):
		if len(v.versions) == 0 {
			return nil
		}
		ver := v.versions[v.cursor]
		val := newValueScreen(v.env, v.store, v.target, aws.VersionRef{ID: ver.ID})
		val.kmsKeyID = v.kmsKeyID
		return common.Push(val)
	case key.Matches(msg, v.env.Keys.Common.Refresh):
		return v.load()
	case key.Matches(msg, v.env.Keys.Versions.Rollback):
		return openWrite(v.env, newRollbackScreen(v.env, v.store, v.secret()))
	case key.Matches(msg, v.env.Keys.Versions.MoveLabel):
		if !v.loaded || v.err != nil {
			return common.Warn("the versions are not loaded yet")
		}
		return openWrite(v.env, newMoveLabelScreen(v.env, v.store, v.secret(), v.versions).withTarget(v.selectedID()))
	case key.Matches(msg, v.env.Keys.Versions.RemoveLabel):
		if !v.loaded || v.err != nil {
			return common.Warn("the versions are not loaded yet")
		}
		if len(v.versions) == 0 || len(v.versions[v.cursor].Stages) == 0 {
			return common.Warn("this version has no label to remove")
		}
		return openWrite(v.env, newRemoveLabelScreen(v.env, v.store, v.secret(), v.versions, v.selectedID()))
	case key.Matches(msg, nav.Up):
		v.move(-1)
	case key.Matches(msg, nav.Down):
		v.move(1)
	case key.Matches(msg, nav.PageUp):
		v.move(-v.tableHeight())
	case key.Matches(msg, nav.PageDown):
		v.move(v.tableHeight())
	case key.Matches(msg, nav.Top):
		v.move(-len(v.versions))
	case key.Matches(msg, nav.Bottom):
		v.move(len(v.versions))
	}
	return nil
}

// secret names this screen's secret for the write dialogs, which read it
// afresh before asking anything.
func (v *versionsScreen) secret() aws.Secret {
	return aws.Secret{SecretSummary: aws.SecretSummary{
		ARN: v.target.ARN, Name: v.target.Name, Region: v.target.Region, KmsKeyID: v.kmsKeyID,
	}}
}

func (v *versionsScreen) selectedID() string {
	if v.cursor < len(v.versions) {
		return v.versions[v.cursor].ID
	}
	return ""
}

func (v *versionsScreen) move(n int) {
	v.cursor += n
	v.clamp()
}

// clamp keeps the cursor on a row and the row on the screen.
func (v *versionsScreen) clamp() {
	v.cursor = max(min(v.cursor, len(v.versions)-1), 0)
	h := max(v.tableHeight(), 1)
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
	v.offset = max(min(v.offset, len(v.versions)-h), 0)
}

// SetSize gives the screen its share of the window.
func (v *versionsScreen) SetSize(w, h int) {
	v.width, v.height = w, h
	v.clamp()
}

// Title names the screen.
func (v *versionsScreen) Title() string { return "versions" }

// Capturing is always false.
func (v *versionsScreen) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (v *versionsScreen) ShortHelp() []key.Binding {
	k := v.env.Keys
	if v.deleted {
		return []key.Binding{k.Common.Back}
	}
	return []key.Binding{k.Versions.OpenValue, k.Versions.Rollback, k.Versions.MoveLabel, k.Versions.RemoveLabel, k.Common.Refresh, k.Common.Back}
}

// FullHelp lists every binding.
func (v *versionsScreen) FullHelp() [][]key.Binding {
	k := v.env.Keys
	return [][]key.Binding{
		{k.Versions.OpenValue, k.Common.Refresh},
		{k.Versions.Rollback, k.Versions.MoveLabel, k.Versions.RemoveLabel},
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}
