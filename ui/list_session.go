package ui

import (
	"slices"

	"github.com/smtui/smtui/aws"
)

// maxRecentRegions is how many recently used regions the pickers remember.
const maxRecentRegions = 8

// listSession is what the secret list remembers for the App's lifetime:
// the regions used recently (most recent first) and the profiles that got
// an MFA code, so switching region does not ask again.
type listSession struct {
	recents []string
	mfaDone map[string]bool
}

func newListSession() *listSession { return &listSession{mfaDone: map[string]bool{}} }

// useRegion moves region to the front of the recents.
func (s *listSession) useRegion(region string) {
	if region == "" {
		return
	}
	if i := slices.Index(s.recents, region); i >= 0 {
		s.recents = slices.Delete(s.recents, i, i+1)
	}
	s.recents = slices.Insert(s.recents, 0, region)
	if len(s.recents) > maxRecentRegions {
		s.recents = s.recents[:maxRecentRegions]
	}
}

// regionChoices lists every Secrets Manager region, recently used first,
// then the ones asked for on the command line, then the rest in order.
// Regions asked for that aws.Regions does not know (GovCloud, China) are
// kept.
func (s *listSession) regionChoices(asked []string) []string {
	out := make([]string, 0, 40)
	seen := map[string]bool{}
	add := func(rs ...string) {
		for _, r := range rs {
			if r != "" && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	add(s.recents...)
	add(asked...)
	add(aws.Regions()...)
	return out
}

// regionChosenMsg is the region picked for the list that opened the picker.
type regionChosenMsg struct {
	owner  any
	region string
}

// profileChosenMsg is the profile picked for the list that opened the
// picker.
type profileChosenMsg struct {
	owner   any
	profile aws.Profile
}

// profileSwitchedMsg tells the App the list now uses another profile, so the
// header and the production guard follow it.
type profileSwitchedMsg struct{ profile string }
