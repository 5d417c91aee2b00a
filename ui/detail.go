package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// PLACEHOLDER detail screen: replaced by the real one.
type detailScreen struct {
	env     *Env
	store   aws.Store
	summary aws.SecretSummary
}

// newDetailScreen opens a secret's metadata; the list pushes it on enter.
func newDetailScreen(env *Env, store aws.Store, summary aws.SecretSummary) Screen {
	return &detailScreen{env: env, store: store, summary: summary}
}

func (d *detailScreen) Init() tea.Cmd                    { return nil }
func (d *detailScreen) Update(tea.Msg) (Screen, tea.Cmd) { return d, nil }
func (d *detailScreen) View() string                     { return d.summary.Name }
func (d *detailScreen) SetSize(int, int)                 {}
func (d *detailScreen) Title() string                    { return d.summary.Name }
func (d *detailScreen) Capturing() bool                  { return false }
func (d *detailScreen) ShortHelp() []key.Binding         { return nil }
func (d *detailScreen) FullHelp() [][]key.Binding        { return nil }
