package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/prefs"
)

// loadRegions takes the start profile's remembered regions (the last
// "all regions" choice and the recent ones) from the preferences file. It
// runs once, when the App is made, before the program starts. Names that
// are not Secrets Manager regions are dropped: the file is only a hint.
func (s *session) loadRegions() {
	if s.prefs == nil {
		return
	}
	r := s.prefs.Load().Regions[s.profile]
	s.lastAll = knownRegions(r.All)
	s.recents = knownRegions(r.Recent)
	if len(s.recents) > maxRecentRegions {
		s.recents = s.recents[:maxRecentRegions]
	}
}

func knownRegions(names []string) []string {
	var out []string
	for _, n := range names {
		if aws.ValidRegion(n) {
			out = append(out, n)
		}
	}
	return out
}

// saveRegions writes the region choices for the current profile, off the
// Update loop. A failure is not worth the operator's attention: the
// choices are a convenience, and the next choice writes them again.
func (s *session) saveRegions() tea.Cmd {
	if s.prefs == nil {
		return nil
	}
	file, profile := *s.prefs, s.profile
	r := prefs.Regions{All: append([]string(nil), s.lastAll...), Recent: append([]string(nil), s.recents...)}
	return func() tea.Msg {
		_ = file.SaveRegions(profile, r)
		return nil
	}
}
