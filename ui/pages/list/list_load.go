package list

import (
	"context"
	"math"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// SecretsPageMsg carries one ListSecrets page back to the screen that
// asked for it (owner) for the listing it belongs to (seq).
type SecretsPageMsg struct {
	Owner  any
	Seq    int
	Region string
	Page   aws.SecretPage
	Err    error
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
func fetchPage(env *common.Env, store aws.Store, opts aws.ListOptions, token string, owner any, seq int) (tea.Cmd, context.CancelFunc) {
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
		return SecretsPageMsg{Owner: owner, Seq: seq, Region: region, Page: page, Err: err}
	}, cancel
}

// accountSeen tells the App the ARN of a listed secret while the account
// is unknown, so the session learns the account.
func accountSeen(env *common.Env, page aws.SecretPage) tea.Cmd {
	if env.Account != "" || len(page.Secrets) == 0 {
		return nil
	}
	return common.Ask(common.ARNSeenMsg{Profile: env.Profile, ARN: page.Secrets[0].ARN})
}

// describeCmd re-reads one secret (ListSecrets lags behind changes).
func describeCmd(env *common.Env, store aws.Store, secretID string, owner any, seq int) tea.Cmd {
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

// RowsOf makes the rows of a page for table t (sharing what they have in
// common with its rows).
func RowsOf(t *table.Secrets, secrets []aws.SecretSummary) []*table.Row {
	rows := make([]*table.Row, len(secrets))
	for i, s := range secrets {
		rows[i] = t.NewRow(s)
	}
	return rows
}

// listOrder returns a comparison placing rows the way the server sorts
// them for opts, so a row re-read after a change lands where a reload would
// put it. Ties break on name.
func listOrder(opts aws.ListOptions) func(a, b *table.Row) int {
	key, desc := listKey(opts)
	return func(a, b *table.Row) int { return table.CompareSortKeys(key(a), key(b), desc) }
}

// listKey is the key a row sorts by for opts, and whether descending:
// listOrder compares with it, and sorting every row at once
// (Table.SortStableByKey) works it out once a row.
func listKey(opts aws.ListOptions) (func(*table.Row) table.SortKey, bool) {
	unix := func(t time.Time) int64 {
		if t.IsZero() {
			return math.MinInt64 // never: before any date, as time.Time compares
		}
		return t.UnixNano()
	}
	return func(r *table.Row) table.SortKey {
		k := table.SortKey{Name: r.Name()}
		switch opts.SortBy {
		case aws.SortByName:
		case aws.SortByLastChanged:
			k.Primary = unix(r.LastChangedDate())
		case aws.SortByLastAccessed:
			k.Primary = unix(r.LastAccessedDate())
		default:
			k.Primary = unix(r.CreatedDate())
		}
		return k
	}, opts.SortOrder == aws.SortDesc
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
func applyDescribed(t *table.Secrets, msg secretDescribedMsg, includeDeleted bool, cmp func(a, b *table.Row) int) {
	old := t.Find(msg.region, msg.secretID)
	if msg.err != nil {
		if aws.KindOf(msg.err) == aws.KindNotFound && old != nil {
			t.Remove(old.Key)
		}
		return
	}
	sum := msg.secret.SecretSummary
	if !sum.DeletedDate.IsZero() && !includeDeleted {
		if old != nil {
			t.Remove(old.Key)
		}
		return
	}
	if old == nil {
		old = t.Find(msg.region, sum.ARN)
	}
	if old != nil && old.Key != table.RowKey(sum.Region, sum.ARN, sum.Name) {
		t.Remove(old.Key)
	}
	t.Insert(t.NewRow(sum), cmp)
}

// Outcome says who asked and whether the load failed.
func (m SecretsPageMsg) Outcome() (any, error) { return m.Owner, m.Err }

// rowsOf makes the rows of a batch for the screen's table.
func (l *Screen) rowsOf(secrets []aws.SecretSummary) []*table.Row { return RowsOf(l.Table, secrets) }
