package list

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/picker"
)

// scopeProfiles is the profiles part of the all-regions picker: the
// profiles whose accounts are listed with the regions (profiles × regions).
// Its own list takes the focus while open (Picker.Profiles).
type scopeProfiles struct {
	session string   // the session's profile
	chosen  []string // the profiles ticked; nil: the session's only
	open    bool     // the profiles list has the focus
	loaded  bool
	err     error
	names   []string // the list's profiles, in its order
	list    *picker.List
}

// scopeProfilesLoadedMsg is the shared config's profiles, for the picker
// that asked.
type scopeProfilesLoadedMsg struct {
	owner    *RegionPicker
	profiles []aws.Profile
	err      error
}

// WithProfiles lets the all-regions picker list several profiles' accounts
// (Picker.Profiles): session is the session's profile, chosen the profiles
// listed together last time (nil: the session's only).
func (p *RegionPicker) WithProfiles(session string, chosen []string) *RegionPicker {
	if session == "" {
		session = "default"
	}
	p.prof = &scopeProfiles{session: session, chosen: chosen}
	return p
}

// chosenProfiles is the profiles to list, or nil for the session's only.
func (p *RegionPicker) chosenProfiles() []string {
	if p.prof == nil || len(p.prof.chosen) == 0 ||
		(len(p.prof.chosen) == 1 && p.prof.chosen[0] == p.prof.session) {
		return nil
	}
	return slices.Clone(p.prof.chosen)
}

// openProfiles gives the focus to the profiles list, reading the profiles
// (file I/O, so in a command) the first time.
func (p *RegionPicker) openProfiles() tea.Cmd {
	p.prof.open = true
	if p.prof.loaded {
		return nil
	}
	return func() tea.Msg {
		profiles, err := aws.ListProfiles()
		return scopeProfilesLoadedMsg{owner: p, profiles: profiles, err: err}
	}
}

// profilesLoaded fills the profiles list: the session's profile first when
// the config does not name it, the chosen ones (else the session's) ticked.
func (p *RegionPicker) profilesLoaded(msg scopeProfilesLoadedMsg) tea.Cmd {
	pr := p.prof
	pr.loaded, pr.err = true, msg.err
	var items []picker.Item
	pr.names = nil
	if !slices.ContainsFunc(msg.profiles, func(a aws.Profile) bool { return a.Name == pr.session }) {
		pr.names = append(pr.names, pr.session)
		items = append(items, picker.Item{Label: pr.session, Note: "current"})
	}
	for _, a := range msg.profiles {
		pr.names = append(pr.names, a.Name)
		items = append(items, picker.Item{Label: a.Name, Note: profileNote(a, pr.session)})
	}
	pr.list = picker.New(p.env, items, true)
	pr.list.SetSize(p.width, max(p.height-2, 1))
	ticked := pr.chosen
	if len(ticked) == 0 {
		ticked = []string{pr.session}
	}
	for i, n := range pr.names {
		pr.list.Checked[i] = slices.Contains(ticked, n)
	}
	if msg.err != nil {
		return common.Failed(msg.err)
	}
	return nil
}

// updateProfiles handles a message while the profiles list has the focus;
// choosing keeps the ticked profiles (the current one when none is) and
// gives the focus back to the regions.
func (p *RegionPicker) updateProfiles(msg tea.Msg) tea.Cmd {
	pr := p.prof
	if pr.list == nil {
		return nil
	}
	chosen, cmd := pr.list.Update(msg)
	if !chosen {
		return cmd
	}
	var names []string
	for _, i := range pr.list.CheckedItems() {
		names = append(names, pr.names[i])
	}
	if len(names) == 0 && len(pr.names) > 0 {
		names = []string{pr.names[pr.list.Current()]}
	}
	pr.chosen, pr.open = names, false
	return nil
}

// profilesView shows the profiles list with its title.
func (p *RegionPicker) profilesView() string {
	st := p.env.Styles
	pr := p.prof
	switch {
	case !pr.loaded:
		return st.Title.Render(common.Cut("Profiles to list with the regions", p.width)) + "\n" +
			st.Muted.Render("reading the AWS config…")
	case pr.err != nil:
		return st.Title.Render(common.Cut("Profiles to list with the regions", p.width)) + "\n" +
			st.Error.Render(common.Cut("could not read the AWS config: "+pr.err.Error(), p.width))
	}
	title := "Profiles to list with the regions: " + common.GroupThousands(len(pr.list.CheckedItems())) + " selected"
	lines := []string{st.Title.Render(common.Cut(title, p.width)), pr.list.View()}
	if f := pr.list.FilterLine(); f != "" {
		lines = append(lines, f)
	}
	return strings.Join(lines, "\n")
}

// profilesNote is the regions title's note on the profiles listed.
func (p *RegionPicker) profilesNote() string {
	if p.prof == nil {
		return ""
	}
	names := p.prof.chosen
	if len(names) == 0 {
		names = []string{p.prof.session}
	}
	return " · profiles: " + strings.Join(names, ", ") + " (" + common.KeyHelp(p.env.Keys.Picker.Profiles) + ")"
}

// profilesHelp is the footer's keys while the profiles list has the focus.
func (p *RegionPicker) profilesHelp() []key.Binding {
	k := p.env.Keys
	if p.prof.list != nil && p.prof.list.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	return []key.Binding{k.Picker.Toggle, k.Picker.All, k.Picker.None, common.WithHelpDesc(k.Picker.Select, "done"), k.Picker.Filter, k.Common.Back}
}
