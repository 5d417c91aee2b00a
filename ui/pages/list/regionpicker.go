package list

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/picker"
)

// RegionPickMode says whether the picker chooses one region (to switch the
// list to it) or several (to list them together).
type RegionPickMode int

const (
	RegionPickOne  RegionPickMode = iota
	RegionPickMany                // then open the all-regions view
)

// RegionPicker lists every Secrets Manager region, recently used first,
// filterable. It chooses the session's region (common.RegionChosenMsg to the App),
// or the regions of the all-regions view.
type RegionPicker struct {
	env     *common.Env
	mode    RegionPickMode
	regions []string
	list    *picker.List
	title   string         // overrides the mode's title when set
	prof    *scopeProfiles // the profiles listed with the regions (many mode), if offered
	width   int
	height  int
}

// NewRegionPicker opens a region picker. current is the list's region,
// regions the choices in order, recents the regions used recently, asked
// the regions given on the command line and last the regions last listed
// together (ticked first when the picker chooses several).
func NewRegionPicker(env *common.Env, mode RegionPickMode, current string, regions, recents, asked, last []string) *RegionPicker {
	items := make([]picker.Item, len(regions))
	for i, r := range regions {
		var notes []string
		if r == current {
			notes = append(notes, "current")
		}
		if slices.Contains(recents, r) && r != current {
			notes = append(notes, "recent")
		}
		items[i] = picker.Item{Label: r, Note: strings.Join(notes, ", ")}
	}
	p := &RegionPicker{env: env, mode: mode, regions: regions,
		list: picker.New(env, items, mode == RegionPickMany)}
	if mode == RegionPickMany {
		for _, r := range defaultRegionSelection(last, asked, recents, regions) {
			if i := slices.Index(regions, r); i >= 0 {
				p.list.Checked[i] = true
			}
		}
	} else if i := slices.Index(regions, current); i >= 0 {
		p.list.MoveToItem(i)
	}
	return p
}

// WithTitle replaces the picker's title, e.g. to say why it opened by
// itself.
func (p *RegionPicker) WithTitle(title string) *RegionPicker {
	p.title = common.Sanitize(title)
	return p
}

// defaultRegionSelection is what the all-regions picker starts with: the
// regions last listed together, else the regions given on the command line
// when there are several, else the recently used ones when there are
// several, else every region.
func defaultRegionSelection(last, asked, recents, all []string) []string {
	switch {
	case len(last) > 0:
		return last
	case len(asked) > 1:
		return asked
	case len(recents) > 1:
		return recents
	}
	return all
}

// Init does nothing: the regions are known.
func (p *RegionPicker) Init() tea.Cmd { return nil }

// Update moves, filters, toggles and chooses.
func (p *RegionPicker) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if p.prof != nil {
		if m, ok := msg.(scopeProfilesLoadedMsg); ok {
			if m.owner != p {
				return p, nil
			}
			return p, p.profilesLoaded(m)
		}
		if p.prof.open {
			return p, p.updateProfiles(msg)
		}
		if k, ok := msg.(tea.KeyPressMsg); ok && !p.list.Capturing() && key.Matches(k, p.env.Keys.Picker.Profiles) {
			return p, p.openProfiles()
		}
	}
	chosen, cmd := p.list.Update(msg)
	if !chosen {
		return p, cmd
	}
	if p.mode == RegionPickOne {
		region := p.regions[p.list.Current()]
		return p, tea.Batch(common.Pop(), common.Ask(common.RegionChosenMsg{Region: region}))
	}
	var regions []string
	for _, i := range p.list.CheckedItems() {
		regions = append(regions, p.regions[i])
	}
	if len(regions) == 0 {
		regions = []string{p.regions[p.list.Current()]}
	}
	profiles := p.chosenProfiles()
	return p, tea.Batch(common.Ask(common.RegionsUsedMsg{Regions: regions, Profiles: profiles}),
		common.Replace(newScopeScreen(p.env, profiles, regions)))
}

// View shows a title, the regions and the filter line.
func (p *RegionPicker) View() string {
	if p.prof != nil && p.prof.open {
		return p.profilesView()
	}
	st := p.env.Styles
	title := "Switch the list to a region"
	if p.mode == RegionPickMany {
		title = "Regions to list together: " + common.GroupThousands(len(p.list.CheckedItems())) + " selected" + p.profilesNote()
	}
	if p.title != "" {
		title = p.title
	}
	lines := []string{st.Title.Render(common.Cut(title, p.width)), p.list.View()}
	if f := p.list.FilterLine(); f != "" {
		lines = append(lines, f)
	}
	return strings.Join(lines, "\n")
}

// SetSize gives the picker its share of the window.
func (p *RegionPicker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.list.SetSize(w, max(h-2, 1))
	if p.prof != nil && p.prof.list != nil {
		p.prof.list.SetSize(w, max(h-2, 1))
	}
}

// Title names the picker in the breadcrumb.
func (p *RegionPicker) Title() string {
	if p.mode == RegionPickMany {
		return "all regions"
	}
	return "region"
}

// Capturing is true while the filter input has focus.
func (p *RegionPicker) Capturing() bool {
	if p.prof != nil && p.prof.open {
		return p.prof.list != nil && p.prof.list.Capturing()
	}
	return p.list.Capturing()
}

// HandleBack clears the filter before closing the picker.
// With the profiles list open, back closes it (the profiles stay as they
// were).
func (p *RegionPicker) HandleBack() (bool, tea.Cmd) {
	if p.prof != nil && p.prof.open {
		if p.prof.list == nil || !p.prof.list.ClearFilter() {
			p.prof.open = false
		}
		return true, nil
	}
	return p.list.ClearFilter(), nil
}

// ShortHelp lists the picker's keys.
func (p *RegionPicker) ShortHelp() []key.Binding {
	k := p.env.Keys
	if p.prof != nil && p.prof.open {
		return p.profilesHelp()
	}
	if p.list.Capturing() {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	if p.mode == RegionPickMany && p.prof != nil {
		return []key.Binding{k.Picker.Toggle, k.Picker.All, k.Picker.None, k.Picker.Select, k.Picker.Profiles, k.Picker.Filter, k.Common.Back}
	}
	if p.mode == RegionPickMany {
		return []key.Binding{k.Picker.Toggle, k.Picker.All, k.Picker.None, k.Picker.Select, k.Picker.Filter, k.Common.Back}
	}
	return []key.Binding{k.Picker.Select, k.Picker.Filter, k.Common.Back}
}

// FullHelp lists every key of the picker.
func (p *RegionPicker) FullHelp() [][]key.Binding {
	k := p.env.Keys
	if p.mode == RegionPickMany {
		return [][]key.Binding{
			{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
			{k.Picker.Select, k.Picker.Toggle, k.Picker.All, k.Picker.None, k.Picker.Filter, k.Picker.Profiles, k.Common.Back},
		}
	}
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Picker.Select, k.Picker.Filter, k.Common.Back},
	}
}
