package list

import (
	"context"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/secret"
)

// scope is one (profile, region) the view lists; profile "" is the
// session's.
type scope struct{ profile, region string }

// regionLoad is the listing of one (profile, region) in the view. It is the
// owner of its page and describe results, which tells apart two profiles'
// pages of one region.
type regionLoad struct {
	scope
	store   aws.Store
	loading bool
	done    bool
	err     error
	count   int
	cancel  context.CancelFunc
}

// AllRegions lists several regions at once, of the session's profile or of
// several profiles (several accounts), each (profile, region) loading on its
// own, concurrently, with a region column (and an account column when
// several profiles are listed). One that fails shows its error next to its
// name and does not hide the others. Each Store comes from the App's session
// (common.StoreRequestMsg), which shares a profile's credentials across its
// regions; opening a row uses the Store of the (profile, region) it came
// from.
type AllRegions struct {
	env      *common.Env
	regions  []string
	profiles []string // nil: the session's profile only
	scopes   []scope  // profiles × regions, in the order shown
	loads    map[scope]*regionLoad
	// rowScope is where each row (by key) was listed, for its Store and its
	// account column.
	rowScope map[string]scope
	seq      int
	table    *table.Secrets
	spin     spinner.Model
	width    int
	height   int
}

// newScopeScreen lists profiles × regions; nil profiles lists the session's
// profile only (without the account column).
func newScopeScreen(env *common.Env, profiles, regions []string) *AllRegions {
	s := &AllRegions{
		env: env, regions: regions, profiles: profiles,
		table: table.New(env),
		spin:  spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
	if len(profiles) == 0 {
		profiles = []string{""}
	}
	for _, p := range profiles {
		for _, r := range regions {
			s.scopes = append(s.scopes, scope{p, r})
		}
	}
	s.table.ShowRegion = true
	if s.manyProfiles() {
		s.table.AccountOf = s.accountCell
	}
	return s
}

// manyProfiles is true when the view lists chosen profiles rather than the
// session's only.
func (s *AllRegions) manyProfiles() bool { return len(s.profiles) > 0 }

// Init asks for every (profile, region)'s Store at once.
func (s *AllRegions) Init() tea.Cmd { return s.reload() }

// reload drops everything and lists every (profile, region) again.
func (s *AllRegions) reload() tea.Cmd {
	s.stopAll()
	s.seq++
	s.table.Reset()
	s.rowScope = map[string]scope{}
	s.loads = make(map[scope]*regionLoad, len(s.scopes))
	cmds := []tea.Cmd{s.spin.Tick}
	for _, sc := range s.scopes {
		s.loads[sc] = &regionLoad{scope: sc, loading: true}
		cmds = append(cmds, common.Ask(common.StoreRequestMsg{Owner: s, Seq: s.seq, Profile: sc.profile, Region: sc.region}))
	}
	return tea.Batch(cmds...)
}

func (s *AllRegions) stopAll() {
	for _, l := range s.loads {
		if l.cancel != nil {
			l.cancel()
			l.cancel = nil
		}
		l.loading = false
	}
}

// Close cancels every listing in flight.
func (s *AllRegions) Close() { s.stopAll() }

// LoadingCount is how many (profile, region)s are still loading.
func (s *AllRegions) LoadingCount() int {
	n := 0
	for _, l := range s.loads {
		if l.loading {
			n++
		}
	}
	return n
}

// scopeOrder groups rows by (profile, region) in the order they were
// chosen.
func (s *AllRegions) scopeOrder(a, b *table.Row) int {
	return slices.Index(s.scopes, s.rowScope[a.Key]) - slices.Index(s.scopes, s.rowScope[b.Key])
}

// current returns l when it is this listing's load for its scope.
func (s *AllRegions) current(owner any, seq int) *regionLoad {
	l, ok := owner.(*regionLoad)
	if !ok || seq != s.seq || s.loads[l.scope] != l {
		return nil
	}
	return l
}

// Update handles keys and each (profile, region)'s results.
func (s *AllRegions) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	case tea.MouseWheelMsg:
		s.table.Wheel(msg)
		return s, nil
	case spinner.TickMsg:
		if s.LoadingCount() == 0 {
			return s, nil
		}
		var cmd tea.Cmd
		s.spin, cmd = s.spin.Update(msg)
		return s, cmd
	case common.StoreReadyMsg:
		l := s.loads[scope{msg.Profile, msg.Region}]
		if msg.Owner != s || msg.Seq != s.seq || l == nil {
			return s, nil
		}
		defer s.layoutTable()
		if msg.Err != nil {
			l.loading, l.err = false, msg.Err
			return s, nil
		}
		l.store = msg.Store
		return s, s.fetch(l, "")
	case SecretsPageMsg:
		l := s.current(msg.Owner, msg.Seq)
		if l == nil {
			return s, nil
		}
		l.cancel = nil
		defer s.layoutTable()
		if msg.Err != nil {
			l.loading, l.err = false, msg.Err
			return s, nil
		}
		l.count += len(msg.Page.Secrets)
		rows := RowsOf(s.table, msg.Page.Secrets)
		for _, r := range rows {
			s.rowScope[r.Key] = l.scope
		}
		// Merge the page in its (profile, region)'s place: the loaded rows
		// are never re-sorted.
		s.table.Merge(rows, s.scopeOrder)
		var seen tea.Cmd
		if l.profile == "" {
			seen = accountSeen(s.env, msg.Page)
		}
		if msg.Page.NextToken == "" {
			l.loading, l.done = false, true
			return s, seen
		}
		return s, tea.Batch(seen, s.fetch(l, msg.Page.NextToken))
	case common.SSOLoginDoneMsg:
		if msg.Err != nil {
			return s, nil
		}
		defer s.layoutTable()
		return s, s.retryProfile(msg.Profile)
	case common.SecretChangedMsg:
		return s, s.secretChanged(msg)
	case secretDescribedMsg:
		if l := s.current(msg.owner, msg.seq); l != nil {
			if msg.err == nil {
				s.rowScope[table.RowKey(msg.secret.Region, msg.secret.ARN, msg.secret.Name)] = l.scope
			}
			applyDescribed(s.table, msg, false, s.scopeOrder)
		}
		return s, nil
	}
	if s.table.Filtering() {
		return s, s.table.UpdateFilter(msg)
	}
	return s, nil
}

// secretChanged re-reads a secret changed through the app with the Store
// of the (profile, region) its row came from.
func (s *AllRegions) secretChanged(msg common.SecretChangedMsg) tea.Cmd {
	r := s.table.Find(msg.Region, msg.SecretID)
	if r == nil {
		return nil
	}
	l := s.loads[s.rowScope[r.Key]]
	if l == nil || l.store == nil {
		return nil
	}
	if msg.Deleted {
		s.table.Remove(r.Key)
		return nil
	}
	return describeCmd(s.env, l.store, msg.SecretID, l, s.seq)
}

// profileName is the name of a scope's profile: the session's for "".
func (s *AllRegions) profileName(profile string) string {
	if profile == "" {
		profile = s.env.Profile
	}
	if profile == "" {
		return "default"
	}
	return profile
}

// signInNeeded is the first (profile, region), in the order shown, that
// failed on expired credentials.
func (s *AllRegions) signInNeeded() *regionLoad {
	for _, sc := range s.scopes {
		if l := s.loads[sc]; l != nil && l.err != nil && aws.KindOf(l.err) == aws.KindCredentials {
			return l
		}
	}
	return nil
}

// retryProfile lists again every (profile, region) of profile that failed,
// after the operator logged in to it; the others keep their rows.
func (s *AllRegions) retryProfile(profile string) tea.Cmd {
	var cmds []tea.Cmd
	for _, sc := range s.scopes {
		l := s.loads[sc]
		if l == nil || l.err == nil || s.profileName(sc.profile) != profile {
			continue
		}
		l.err, l.loading, l.done, l.count = nil, true, false, 0
		if l.store != nil {
			cmds = append(cmds, s.fetch(l, ""))
		} else {
			cmds = append(cmds, common.Ask(common.StoreRequestMsg{Owner: s, Seq: s.seq, Profile: sc.profile, Region: sc.region}))
		}
	}
	if len(cmds) == 0 {
		return nil
	}
	return tea.Batch(append(cmds, s.spin.Tick)...)
}

// fetch asks for one (profile, region)'s page after token.
func (s *AllRegions) fetch(l *regionLoad, token string) tea.Cmd {
	cmd, cancel := fetchPage(s.env, l.store, aws.ListOptions{}, token, l, s.seq)
	l.cancel = cancel
	return cmd
}

// open opens the selected row with the Store of the (profile, region) it
// was listed from. A row of another profile than the session's opens with
// that profile's name, account and production guard.
func (s *AllRegions) open() tea.Cmd {
	r := s.table.Selected()
	if r == nil {
		return nil
	}
	sc := s.rowScope[r.Key]
	l := s.loads[sc]
	if l == nil || l.store == nil {
		return nil
	}
	env := s.env
	if sc.profile != "" && sc.profile != s.env.Profile {
		e := *s.env
		account := common.AccountOf(r.ARN())
		e.Session = common.Session{Profile: sc.profile, Account: account,
			Production: common.MatchesProduction(s.env.ProdPatterns, sc.profile, account)}
		env = &e
	}
	return common.Push(secret.NewDetail(env, l.store, r.Summary()))
}

func (s *AllRegions) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	t := s.table
	if t.Filtering() {
		cmd := t.UpdateFilter(msg)
		s.layoutTable()
		return cmd
	}
	if t.Navigate(msg) {
		return nil
	}
	k := s.env.Keys
	switch {
	case key.Matches(msg, k.Nav.Open):
		return s.open()
	case key.Matches(msg, k.List.SignIn):
		if l := s.signInNeeded(); l != nil {
			return common.Ask(common.SignInMsg{Profile: s.profileName(l.profile)})
		}
		return common.Info("no listing failed on expired credentials")
	case key.Matches(msg, k.List.Filter):
		cmd := t.StartFilter()
		s.layoutTable()
		return cmd
	case key.Matches(msg, k.Common.Refresh):
		return s.reload()
	case key.Matches(msg, k.List.StopLoading):
		if s.LoadingCount() > 0 {
			s.stopAll()
			s.seq++
			return common.Info("stopped loading: " + CountText(len(t.Rows)) + " loaded")
		}
	case key.Matches(msg, k.Common.CopyName):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Summary(), r.Name(), "the name")
		}
	case key.Matches(msg, k.Common.CopyARN):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Summary(), r.ARN(), "the ARN")
		}
	}
	return nil
}
