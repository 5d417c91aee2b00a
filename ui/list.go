package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// PLACEHOLDER list screen: replaced by the real secret list.
type listScreen struct {
	env  *Env
	opts Options
}

func newRootScreen(env *Env, opts Options) Screen { return &listScreen{env: env, opts: opts} }

func (l *listScreen) Init() tea.Cmd                    { return nil }
func (l *listScreen) Update(tea.Msg) (Screen, tea.Cmd) { return l, nil }
func (l *listScreen) View() string                     { return "secrets" }
func (l *listScreen) SetSize(int, int)                 {}
func (l *listScreen) Title() string                    { return "secrets" }
func (l *listScreen) Capturing() bool                  { return false }
func (l *listScreen) ShortHelp() []key.Binding         { return nil }
func (l *listScreen) FullHelp() [][]key.Binding        { return nil }
