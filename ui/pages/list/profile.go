package list

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/picker"
)

// profilesLoadedMsg is the shared config's profiles, for the picker that
// asked.
type profilesLoadedMsg struct {
	owner    *ProfilePicker
	profiles []aws.Profile
	err      error
}

// ProfilePicker lists the profiles of the shared AWS config and
// credentials files; choosing one tells the App (common.ProfileChosenMsg), which
// reconnects the session with it.
type ProfilePicker struct {
	env      *common.Env
	current  string
	profiles []aws.Profile
	list     *picker.List
	loaded   bool
	err      error
	width    int
	height   int
}

// NewProfilePicker lists the profiles, current marked.
func NewProfilePicker(env *common.Env, current string) *ProfilePicker {
	if current == "" {
		current = "default"
	}
	return &ProfilePicker{env: env, current: current, list: picker.New(env, nil, false)}
}

// Init reads the profiles (file I/O, so in a command).
func (p *ProfilePicker) Init() tea.Cmd {
	return func() tea.Msg {
		profiles, err := aws.ListProfiles()
		return profilesLoadedMsg{owner: p, profiles: profiles, err: err}
	}
}

// Update shows the profiles once read, then moves, filters and chooses.
func (p *ProfilePicker) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m, ok := msg.(profilesLoadedMsg); ok {
		if m.owner != p {
			return p, nil
		}
		p.loaded, p.err, p.profiles = true, m.err, m.profiles
		items := make([]picker.Item, len(m.profiles))
		cur := -1
		for i, pr := range m.profiles {
			items[i] = picker.Item{Label: pr.Name, Note: profileNote(pr, p.current)}
			if pr.Name == p.current {
				cur = i
			}
		}
		p.list = picker.New(p.env, items, false)
		p.list.SetSize(p.width, max(p.height-2, 1))
		if cur >= 0 {
			p.list.MoveToItem(cur)
		}
		if m.err != nil {
			return p, common.Failed(m.err)
		}
		return p, nil
	}
	chosen, cmd := p.list.Update(msg)
	if !chosen {
		return p, cmd
	}
	profile := p.profiles[p.list.Current()]
	return p, tea.Batch(common.Pop(), common.Ask(common.ProfileChosenMsg{Profile: profile}))
}

// profileNote says how a profile gets its credentials.
func profileNote(p aws.Profile, current string) string {
	var notes []string
	if p.Name == current {
		notes = append(notes, "current")
	}
	switch {
	case p.SSO:
		notes = append(notes, "sso")
	case p.RoleARN != "" && p.MFASerial != "":
		notes = append(notes, "role with MFA")
	case p.RoleARN != "":
		notes = append(notes, "role")
	case p.CredentialProcess:
		notes = append(notes, "credential_process")
	}
	if p.Region != "" {
		notes = append(notes, p.Region)
	}
	return strings.Join(notes, " · ")
}

// View shows the title, the profiles and the filter line.
func (p *ProfilePicker) View() string {
	st := p.env.Styles
	lines := []string{st.Title.Render(common.Cut("Switch profile (the list reconnects)", p.width))}
	switch {
	case !p.loaded:
		lines = append(lines, st.Muted.Render("reading the AWS config…"))
	case p.err != nil:
		lines = append(lines, st.Error.Render(common.Cut("could not read the AWS config: "+p.err.Error(), p.width)))
	case len(p.profiles) == 0:
		lines = append(lines, st.Muted.Render(common.Cut("no profiles in the AWS config or credentials files", p.width)))
	default:
		lines = append(lines, p.list.View())
		if f := p.list.FilterLine(); f != "" {
			lines = append(lines, f)
		}
	}
	return strings.Join(lines, "\n")
}

// SetSize gives the picker its share of the window.
func (p *ProfilePicker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.list.SetSize(w, max(h-2, 1))
}

// Title names the picker in the breadcrumb.
func (p *ProfilePicker) Title() string { return "profile" }

// Capturing is true while the filter input has focus.
func (p *ProfilePicker) Capturing() bool { return p.list.Capturing() }

// HandleBack clears the filter before closing the picker.
func (p *ProfilePicker) HandleBack() (bool, tea.Cmd) { return p.list.ClearFilter(), nil }

// ShortHelp lists the picker's keys.
func (p *ProfilePicker) ShortHelp() []key.Binding {
	k := p.env.Keys
	if p.list.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	return []key.Binding{k.Picker.Select, k.Picker.Filter, k.Common.Back}
}

// FullHelp lists every key of the picker.
func (p *ProfilePicker) FullHelp() [][]key.Binding {
	k := p.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Picker.Select, k.Picker.Filter, k.Common.Back},
	}
}

// Outcome says who asked and whether the load failed.
func (m profilesLoadedMsg) Outcome() (any, error) { return m.owner, m.err }
