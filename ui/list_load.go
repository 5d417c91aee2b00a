package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// secretsPageMsg carries one ListSecrets page back to the screen that
// asked for it (owner) for the listing it belongs to (seq).
type secretsPageMsg struct {
	owner  any
	seq    int
	region string
	page   aws.SecretPage
	err    error
}

// connectedMsg is the result of connecting to a (profile, region): a Store,
// or an error. info describes the profile when the shared config knows it.
type connectedMsg struct {
	owner   any
	seq     int
	profile string
	region  string
	store   aws.Store
	info    *aws.Profile
	withMFA bool // connected with an MFA code the operator typed
	err     error
}

// mfaNeededMsg says the profile needs an MFA code before it can connect.
type mfaNeededMsg struct {
	owner   any
	seq     int
	profile string
	region  string
	info    aws.Profile
}

// secretDescribedMsg is one secret re-read after a change made in the app.
type secretDescribedMsg struct {
	owner    any
	seq      int
	region   string
	secretID string
	secret   aws.Secret
	err      error
}

// fetchPage returns a command that loads one page, and the function that
// cancels it. The context is made here, not in the command, so the screen
// can cancel the call in flight.
func fetchPage(env *Env, store aws.Store, opts aws.ListOptions, token string, owner any, seq int) (tea.Cmd, context.CancelFunc) {
	ctx, cancel := env.Context()
	region := store.Region()
	return func() tea.Msg {
		defer cancel()
		page, err := store.ListSecretsPage(ctx, opts, token)
		for i := range page.Secrets {
			if page.Secrets[i].Region == "" {
				page.Secrets[i].Region = region
			}
		}
		return secretsPageMsg{owner: owner, seq: seq, region: region, page: page, err: err}
	}, cancel
}

// connectRequest is what a connect command needs, captured from the model
// when the command is made.
type connectRequest struct {
	owner           any
	seq             int
	profile, region string
	// code is the MFA code the operator typed, or "".
	code string
	// mfaDone is true once this profile got its MFA code in this session:
	// the connector reuses its credentials, no new code is asked.
	mfaDone bool
}

// connectCmd looks the profile up in the shared config, asks for an MFA code
// first when the profile needs one, then connects through the Connector
// (or ConnectMFA with the code).
func connectCmd(env *Env, opts Options, req connectRequest) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		msg := connectedMsg{owner: req.owner, seq: req.seq, profile: req.profile, region: req.region}
		msg.info = lookupProfile(req.profile)
		if msg.info != nil && msg.info.MFASerial != "" && req.code == "" && !req.mfaDone && opts.ConnectMFA != nil {
			return mfaNeededMsg{owner: req.owner, seq: req.seq, profile: req.profile, region: req.region, info: *msg.info}
		}
		switch {
		case req.code != "" && opts.ConnectMFA != nil:
			msg.withMFA = true
			msg.store, msg.err = opts.ConnectMFA(ctx, req.profile, req.region, req.code)
		case opts.Connect != nil:
			msg.store, msg.err = opts.Connect(ctx, req.profile, req.region)
		default:
			msg.err = errors.New("connect to " + req.region + ": no connector configured")
		}
		if msg.err == nil && msg.store == nil {
			msg.err = errors.New("connect to " + req.region + ": the connector returned no store")
		}
		return msg
	}
}

// lookupProfile finds a profile in the shared config files; nil when the
// files or the profile do not exist.
func lookupProfile(name string) *aws.Profile {
	if name == "" {
		name = "default"
	}
	profiles, err := aws.ListProfiles()
	if err != nil {
		return nil
	}
	for _, p := range profiles {
		if p.Name == name {
			return &p
		}
	}
	return nil
}

// describeCmd re-reads one secret (ListSecrets lags behind changes).
func describeCmd(env *Env, store aws.Store, secretID string, owner any, seq int) tea.Cmd {
	region := store.Region()
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		s, err := store.DescribeSecret(ctx, secretID)
		if err == nil && s.Region == "" {
			s.Region = region
		}
		return secretDescribedMsg{owner: owner, seq: seq, region: region, secretID: secretID, secret: s, err: err}
	}
}

// rowsOf precomputes the rows of a page.
func rowsOf(secrets []aws.SecretSummary) []*secretRow {
	rows := make([]*secretRow, len(secrets))
	for i, s := range secrets {
		rows[i] = newSecretRow(s)
	}
	return rows
}

// listOrder returns a comparison placing rows the way the server sorts
// them for opts, so a row re-read after a change lands where a reload would
// put it. Ties break on name.
func listOrder(opts aws.ListOptions) func(a, b *secretRow) int {
	desc := opts.SortOrder == aws.SortDesc
	return func(a, b *secretRow) int {
		var c int
		switch opts.SortBy {
		case aws.SortByName:
			c = strings.Compare(a.sum.Name, b.sum.Name)
		case aws.SortByLastChanged:
			c = a.sum.LastChangedDate.Compare(b.sum.LastChangedDate)
		case aws.SortByLastAccessed:
			c = a.sum.LastAccessedDate.Compare(b.sum.LastAccessedDate)
		default:
			c = a.sum.CreatedDate.Compare(b.sum.CreatedDate)
		}
		if c == 0 {
			c = strings.Compare(a.sum.Name, b.sum.Name)
		}
		if desc {
			return -c
		}
		return c
	}
}

// nextSortKey returns the sort key after by in the cycle the Sort binding
// goes through: created (the server's default), name, last changed, last
// accessed.
func nextSortKey(by string) string {
	keys := []string{"", aws.SortByName, aws.SortByLastChanged, aws.SortByLastAccessed}
	i := slices.Index(keys, by)
	return keys[(i+1)%len(keys)]
}

// sortName names a sort key for the header.
func sortName(by string) string {
	switch by {
	case aws.SortByName:
		return "name"
	case aws.SortByLastChanged:
		return "last changed"
	case aws.SortByLastAccessed:
		return "last accessed"
	}
	return "created"
}

// applyDescribed puts a secret re-read after a change into a table, or
// takes it out when it is gone (or scheduled for deletion while those are
// hidden). cmp places a new row.
func applyDescribed(t *secretTable, msg secretDescribedMsg, includeDeleted bool, cmp func(a, b *secretRow) int) {
	old := t.find(msg.region, msg.secretID)
	if msg.err != nil {
		if aws.KindOf(msg.err) == aws.KindNotFound && old != nil {
			t.remove(old.key)
		}
		return
	}
	sum := msg.secret.SecretSummary
	if !sum.DeletedDate.IsZero() && !includeDeleted {
		if old != nil {
			t.remove(old.key)
		}
		return
	}
	if old == nil {
		old = t.find(msg.region, sum.ARN)
	}
	if old != nil && old.key != rowKey(sum.Region, sum.ARN, sum.Name) {
		t.remove(old.key)
	}
	t.insert(newSecretRow(sum), cmp)
}
