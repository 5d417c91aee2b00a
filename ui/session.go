package ui

import (
	"context"
	"slices"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/prefs"
)

// maxRecentRegions is how many recently used regions the pickers remember.
const maxRecentRegions = 8

// session is where the App works: the profile, the region the list shows,
// the Store for (profile, region) and whether it is being connected, and
// what the App remembers for its lifetime (recent regions, profiles that got
// an MFA code). The account and the production guard live in Env, which the
// session keeps up to date. Screens never build a Store: the App connects
// and tells them (session_flow.go), and answers their common.StoreRequestMsg.
type session struct {
	env *common.Env

	// How to connect, from Options.
	connect    Connector
	connectMFA func(ctx context.Context, profile, region, code string) (aws.Store, error)
	sso        list.SSOConfig // how the in-app SSO log-in reaches IAM Identity Center
	prodRules  []string       // production patterns (profile names, account ids)
	asked      []string       // the regions given on the command line

	profile, region string
	info            *aws.Profile // the profile's shared-config entry, if known
	store           aws.Store
	connecting      bool
	// seq grows with every connect: results carrying another are stale.
	seq int

	recents []string        // regions used recently, most recent first
	lastAll []string        // the regions last listed together (A), for the session
	mfaDone map[string]bool // profiles that got an MFA code: no new code is asked
	prefs   *prefs.File     // where the region choices are kept across runs; nil: not kept

	// lastProfiles are the profiles last listed together (A, then P), for
	// the session; nil lists the session's profile only.
	lastProfiles []string
}

func newSession(env *common.Env, opts Options) *session {
	s := &session{
		env: env, connect: opts.Connect, connectMFA: opts.ConnectMFA,
		sso:       list.SSOConfig{Endpoint: opts.SSOEndpoint, OpenBrowser: opts.OpenBrowser, Runner: opts.SSOLoginRunner},
		prodRules: opts.ProdPatterns, asked: opts.Regions,
		profile: opts.Profile, mfaDone: map[string]bool{}, prefs: opts.Prefs,
	}
	s.loadRegions()
	if opts.Demo && opts.SSOEndpoint != "" {
		// main has the demo's IAM Identity Center approve codes by itself.
		s.sso.WaitNote = "demo: no browser needed, the demo approves this code by itself in a few seconds"
	}
	if len(opts.Regions) > 0 {
		s.region = opts.Regions[0]
		s.useRegion(s.region)
	}
	env.Profile = s.profile
	env.Production = common.MatchesProduction(s.prodRules, s.profile)
	return s
}

// setProfile switches to another profile: the account is unknown until an
// ARN shows it, and the production guard follows the profile.
func (s *session) setProfile(p aws.Profile) {
	s.profile = p.Name
	s.info = &p
	if s.region == "" && p.Region != "" {
		s.region = p.Region
	}
	s.env.Profile = p.Name
	s.env.Account = ""
	s.env.Production = common.MatchesProduction(s.prodRules, p.Name)
}

// noteAccount records the account id and turns the production guard on if
// the account matches a production pattern. It reports whether the guard
// turned on (the chrome grows a banner).
func (s *session) noteAccount(account string) bool {
	if account == "" {
		return false
	}
	s.env.Account = account
	if !s.env.Production && common.MatchesProduction(s.prodRules, account) {
		s.env.Production = true
		return true
	}
	return false
}

// useRegion moves region to the front of the recents.
func (s *session) useRegion(region string) {
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
// then the ones asked for on the command line and the current one, then the
// rest in order. Regions asked for that aws.Regions does not know
// (GovCloud, China) are kept.
func (s *session) regionChoices() []string {
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
	add(s.asked...)
	add(s.region)
	add(aws.Regions()...)
	return out
}

// regionPicker opens the region picker on the session's regions.
func (s *session) regionPicker(mode list.RegionPickMode) *list.RegionPicker {
	p := list.NewRegionPicker(s.env, mode, s.region, s.regionChoices(), slices.Clone(s.recents), s.asked, slices.Clone(s.lastAll))
	if mode == list.RegionPickMany {
		p.WithProfiles(s.profile, slices.Clone(s.lastProfiles))
	}
	return p
}
