package list

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// The metadata cache (aws/cache) holds the last complete listing of a
// profile and region. The account is not known when the app starts (an ARN
// shows it), so the file is keyed by profile and region and its ARNs name
// the account: when the first live page shows another account, the cached
// rows are dropped.

// cacheLoadedMsg brings the cached listing of a region, or why there is none.
type cacheLoadedMsg struct {
	owner  any
	seq    int
	region string
	snap   cache.Snapshot
	err    error
	// rest, when set, opens the cached secrets after snap's (snap holds
	// the head of the file only); it does I/O, so only a Cmd calls it.
	rest func() (*cache.Rest, error)
}

// cacheSavedMsg reports a cache write; a failure only costs the next
// start its instant list, so it is not shown.
type cacheSavedMsg struct{ err error }

// cacheKey names the cache file of the screen's profile and region.
func (l *Screen) cacheKey(region string) cache.Key {
	return cache.Key{Profile: l.env.Profile, Region: region}
}

// cacheable is true when the listing is the plain one the cache stores: no
// server filter, no secrets scheduled for deletion.
func cacheable(opts aws.ListOptions) bool {
	return len(opts.Filters) == 0 && !opts.IncludePlannedDeletion
}

// loadCache is the command that reads the cached listing of region.
func (l *Screen) loadCache(region string) tea.Cmd {
	c := l.env.ListCache
	if c == nil || region == "" || !cacheable(l.ListOpts) {
		return nil
	}
	key, owner, seq := l.cacheKey(region), any(l), l.conn
	return func() tea.Msg {
		// The head of the file first: the first screenful shows without
		// waiting for the whole listing to be decoded.
		h, err := c.LoadHead(key)
		msg := cacheLoadedMsg{owner: owner, seq: seq, region: region, snap: h.Snapshot, err: err}
		if err == nil && len(h.Secrets) < h.Total {
			msg.rest = func() (*cache.Rest, error) { return c.OpenRest(key, h) }
		}
		return msg
	}
}

// wholeCache is the command that reads the rest of a cached listing whose
// head came after the first live rows, and brings it back whole (see
// lateCache).
func wholeCache(msg cacheLoadedMsg) tea.Cmd {
	head, open := msg.snap, msg.rest
	msg.rest = nil
	return func() tea.Msg {
		r, err := open()
		var rest []aws.SecretSummary
		if err == nil {
			rest, err = r.Next(r.Left())
		}
		if err != nil {
			msg.err = err
			return msg
		}
		msg.snap = cache.Snapshot{Secrets: append(slices.Clip(head.Secrets), rest...), Written: head.Written}
		return msg
	}
}

// cacheFirstRows is how many cached rows are shown at once; the rest
// follow in batches of cacheRestRows, one message each, so that the first
// screen does not wait for the rows of a whole large listing to be built,
// and the decoded summaries of a whole listing are never held at once
// (they were the peak of a start from the cache).
const (
	cacheFirstRows = 200
	cacheRestRows  = 2000
)

// cacheRestMsg brings a batch of the cached secrets after the first
// screenful; more, when set, reads the next.
type cacheRestMsg struct {
	owner   any
	conn    int
	secrets []aws.SecretSummary
	more    *cache.Rest
}

// cacheLoaded shows the cached rows unless live ones came first: the first
// screenful now, the rest in the next messages.
func (l *Screen) cacheLoaded(msg cacheLoadedMsg) tea.Cmd {
	if msg.err != nil || msg.region != l.Region || len(msg.snap.Secrets) == 0 {
		return nil
	}
	secrets := msg.snap.Secrets
	if len(l.Table.Rows) > 0 {
		if msg.rest != nil {
			return wholeCache(msg)
		}
		l.lateCache(msg.snap)
		return nil
	}
	first := secrets[:min(len(secrets), cacheFirstRows)]
	l.Table.Add(l.rowsOf(first))
	l.cachedAt = msg.snap.Written
	l.fromCache = true
	tail := secrets[len(first):]
	if open := msg.rest; open != nil {
		owner, conn := l, l.conn
		return func() tea.Msg {
			// A rest that cannot be read (the file replaced or cut since)
			// leaves the head's rows; the refresh lists the others.
			r, err := open()
			if err != nil {
				return cacheRestMsg{owner: owner, conn: conn, secrets: tail}
			}
			return nextCacheRest(owner, conn, r, tail)
		}
	}
	if len(tail) == 0 {
		return nil
	}
	rest := cacheRestMsg{owner: l, conn: l.conn, secrets: tail}
	return func() tea.Msg { return rest }
}

// nextCacheRest decodes the next batch of r (after before, if any) into a
// message, which carries r on while secrets are left.
func nextCacheRest(owner any, conn int, r *cache.Rest, before []aws.SecretSummary) cacheRestMsg {
	batch, err := r.Next(cacheRestRows - len(before))
	msg := cacheRestMsg{owner: owner, conn: conn, secrets: append(slices.Clip(before), batch...)}
	if err == nil && r.Left() > 0 {
		msg.more = r
	}
	return msg
}

// lateCache takes in a cache read that finished after the first live
// pages (a large cache): while the listing runs, the cached secrets it has
// not returned yet are shown too, and dropped at its end if gone.
func (l *Screen) lateCache(snap cache.Snapshot) {
	if !l.Loading || l.fromCache || l.Stopped || l.LoadErr != nil ||
		common.AccountOf(snap.Secrets[0].ARN) != common.AccountOf(l.Table.Rows[0].ARN()) {
		return
	}
	l.fromCache, l.cachedAt = true, snap.Written
	l.arrival = make(map[string]int, len(l.Table.Rows))
	for _, r := range l.Table.Rows {
		l.arrival[r.Key] = len(l.arrival)
	}
	l.cacheRest(cacheRestMsg{owner: l, conn: l.conn, secrets: snap.Secrets})
}

// cacheRest adds a batch of the rest of the cached rows, unless the cached
// rows are gone meanwhile (a restart, or the refresh ended) or the refresh
// already returned some of them, and reads the next batch, if any.
func (l *Screen) cacheRest(msg cacheRestMsg) tea.Cmd {
	if msg.conn != l.conn || !l.fromCache {
		return nil
	}
	var next tea.Cmd
	if r := msg.more; r != nil {
		owner, conn := msg.owner, msg.conn
		next = func() tea.Msg { return nextCacheRest(owner, conn, r, nil) }
	}
	if l.arrival == nil {
		l.Table.Add(l.rowsOf(msg.secrets))
		return next
	}
	// Live rows arrived first: add only the cached rows they did not
	// replace, in the list's order; the end of the refresh drops those gone.
	var missing []aws.SecretSummary
	for _, s := range msg.secrets {
		if l.Table.Row(table.RowKey(s.Region, s.ARN, s.Name)) == nil {
			missing = append(missing, s)
		}
	}
	l.Table.Merge(l.rowsOf(missing), listOrder(l.ListOpts))
	return next
}

// saveCache is the command that writes the complete listing to the cache.
// It takes the rows as they are now, by reference (a copy of every
// summary was a large part of the peak memory of a big listing): the table
// never changes a row once it holds it, it replaces it (UpdateSummary).
func (l *Screen) saveCache() tea.Cmd {
	c := l.env.ListCache
	if c == nil || !cacheable(l.ListOpts) || l.Region == "" {
		return nil
	}
	rows := slices.Clone(l.Table.Rows)
	key := l.cacheKey(l.Region)
	written := l.env.Now()
	return func() tea.Msg {
		// Saved in the plain listing's order (the rows may be sorted
		// otherwise), so the next start shows them as a listing would.
		slices.SortStableFunc(rows, listOrder(aws.ListOptions{}))
		return cacheSavedMsg{err: c.Save(key, cache.Snapshot{Source: rowSource(rows), Written: written})}
	}
}

// rowSource gives the rows' summaries to the cache one at a time.
type rowSource []*table.Row

func (r rowSource) Len() int                   { return len(r) }
func (r rowSource) At(i int) aws.SecretSummary { return r[i].Summary() }

// liveBatch takes in a batch of a refresh over cached rows: a batch of
// another account (the profile's credentials changed) drops the cached
// rows; every live row is noted so that the end of the listing can drop
// the rows that are gone.
func (l *Screen) liveBatch(secrets []aws.SecretSummary) {
	if !l.fromCache || len(secrets) == 0 {
		return
	}
	if l.arrival == nil {
		if len(l.Table.Rows) > 0 && common.AccountOf(l.Table.Rows[0].ARN()) != common.AccountOf(secrets[0].ARN) {
			l.Table.Reset()
		}
		l.arrival = make(map[string]int, len(l.Table.Rows))
	}
	for _, s := range secrets {
		k := table.RowKey(s.Region, s.ARN, s.Name)
		if _, ok := l.arrival[k]; !ok {
			l.arrival[k] = len(l.arrival)
		}
	}
}

// reconcile ends a complete refresh over cached rows: the rows the listing
// did not return are gone, and the rows take the listing's order.
func (l *Screen) reconcile(mode string) {
	if !l.fromCache {
		return
	}
	seen := l.arrival
	l.fromCache, l.arrival = false, nil
	l.Table.Retain(func(r *table.Row) bool { _, ok := seen[r.Key]; return ok })
	if mode == ModePartitioned {
		l.Table.SortStableByKey(listKey(l.ListOpts))
		return
	}
	l.Table.SortStable(func(a, b *table.Row) int { return seen[a.Key] - seen[b.Key] })
}

// cacheAgeText is "cached 3 hours ago" for the header.
func (l *Screen) cacheAgeText() string {
	return "cached " + common.Relative(l.cachedAt, l.env.Now())
}

// unchanged drops from a refresh's batch the secrets whose cached row
// already says the same (most of them): their rows stay as they are, so a
// refresh costs no new row, and no memory, for a secret that did not change.
func (l *Screen) unchanged(secrets []aws.SecretSummary) []aws.SecretSummary {
	if !l.fromCache {
		return secrets
	}
	out := make([]aws.SecretSummary, 0, len(secrets))
	for _, s := range secrets {
		if old := l.Table.Row(table.RowKey(s.Region, s.ARN, s.Name)); old != nil && sameListing(old, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// sameListing is true when a row and a listing entry of its secret say the
// same, apart from the replication state (which ListSecrets does not
// return).
func sameListing(old *table.Row, b aws.SecretSummary) bool {
	a := old.Listed()
	return a.ARN == b.ARN && a.Name == b.Name && a.Description == b.Description && a.KmsKeyID == b.KmsKeyID &&
		a.Region == b.Region && a.RotationEnabled == b.RotationEnabled && a.RotationLambdaARN == b.RotationLambdaARN &&
		a.RotationRules == b.RotationRules && a.OwningService == b.OwningService && a.PrimaryRegion == b.PrimaryRegion &&
		a.CreatedDate.Equal(b.CreatedDate) && a.LastChangedDate.Equal(b.LastChangedDate) &&
		a.LastAccessedDate.Equal(b.LastAccessedDate) && a.LastRotatedDate.Equal(b.LastRotatedDate) &&
		a.NextRotationDate.Equal(b.NextRotationDate) && a.DeletedDate.Equal(b.DeletedDate) &&
		a.DeletionDate.Equal(b.DeletionDate) && slices.Equal(a.Tags, b.Tags) && old.SameStages(b.VersionStages)
}
