package aws

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ListMode is how ListAll pages through a region.
type ListMode int

// List modes. ListPartitioned is the default.
const (
	// ListPartitioned splits the name space into disjoint name-prefix
	// filters and lists them concurrently, inside the ListSecrets quota.
	ListPartitioned ListMode = iota
	// ListSequential is one NextToken chain, one page at a time.
	ListSequential
)

// String is the mode's name as --list-mode takes it.
func (m ListMode) String() string {
	if m == ListSequential {
		return "sequential"
	}
	return "partitioned"
}

// ParseListMode reads "partitioned" or "sequential".
func ParseListMode(s string) (ListMode, error) {
	switch s {
	case "partitioned":
		return ListPartitioned, nil
	case "sequential":
		return ListSequential, nil
	}
	return 0, fmt.Errorf("unknown list mode %q (want partitioned or sequential)", s)
}

// Defaults of ListAllOptions. AWS allows 100 ListSecrets requests a second
// per region and account. 80 a second with a burst of a fifth of that (16)
// sends at most 96 in any one second, under the quota even from a full
// bucket; the fifth left over is room for other clients of the account, and
// the first ThrottlingException that reaches the lister halves the rate
// (rateLimiter.Throttled), so a busy account slows the listing instead of
// the other way round. A listing that sends 60% more requests than it has
// pages of data (the synthetic benchmark's) stays faster than one chain of
// 150 ms pages by a factor of about 16 / 1.6 at this rate.
const (
	DefaultListRate        = 80
	DefaultListConcurrency = 16
)

// ListAllOptions tunes ListAll. The zero value is the partitioned mode at the
// default rate and concurrency.
type ListAllOptions struct {
	Mode        ListMode
	Rate        float64 // ListSecrets requests per second at most; 0 means DefaultListRate
	Concurrency int     // requests in flight at most; 0 means DefaultListConcurrency
}

// ListStats describes a finished (or failed) ListAll.
type ListStats struct {
	Mode      ListMode // the mode used: partitioned falls back to sequential when it must
	Requests  int      // ListSecrets requests sent, throttled ones included
	Throttles int      // ThrottlingExceptions that reached the lister (after the SDK's retries)
	Secrets   int      // secrets emitted
	// Completed is true when sequential passes completed a partitioned
	// listing because a name outside AWS's name alphabet showed up, so the
	// prefix cover could not be proven complete under that name's prefix.
	Completed bool
}

// partitionable reports whether opts can be listed by name-prefix
// partitions: filters of other keys AND with a name filter, but a name
// filter of the caller's would be OR'ed with ours (same key), and a sort
// order would be lost when partitions are merged.
func partitionable(opts ListOptions) bool {
	if opts.SortBy != "" || opts.SortOrder != "" {
		return false
	}
	for _, f := range opts.Filters {
		if f.Key == "name" {
			return false
		}
	}
	return true
}

// ListAll lists every secret of st that opts selects, calling emit with each
// batch of secrets not emitted before, as pages arrive: from the calling
// goroutine, never concurrently, never the same secret (by ARN) twice. In
// the partitioned mode the order across batches is not the server's; a
// caller that needs a server sort (opts.SortBy) or filters by name gets the
// sequential mode; opts.PageSize applies to the sequential mode only
// (partitions ask for full pages). It returns when everything is listed, at the first
// error (the Store's *Error) or when ctx ends, and no goroutine it started
// outlives it.
func ListAll(ctx context.Context, st Store, opts ListOptions, lo ListAllOptions, emit func([]SecretSummary)) (ListStats, error) {
	l := &lister{st: st, opts: opts, emit: emit, seen: newARNSet()}
	l.stats.Mode = lo.Mode
	if lo.Mode == ListSequential || !partitionable(opts) {
		l.stats.Mode = ListSequential
		err := l.sequential(ctx, opts)
		return l.stats, err
	}
	rate := lo.Rate
	if rate <= 0 {
		rate = DefaultListRate
	}
	conc := lo.Concurrency
	if conc <= 0 {
		conc = DefaultListConcurrency
	}
	// A small burst: the quota is per second, and a full second's burst on
	// top of a steady rate could still cross it.
	l.limit = newRateLimiter(rate, int(rate/5))
	if err := l.partitioned(ctx, conc); err != nil {
		return l.stats, err
	}
	if len(l.outside) > 0 {
		l.stats.Completed = true
		return l.stats, l.complete(ctx)
	}
	return l.stats, nil
}

// complete lists sequentially each prefix under which a name outside the
// alphabet was seen (the name up to its first such character), since a
// split there may have left out others like it: only those prefixes, so the
// rest of the account stays partitioned. A name outside the alphabet from
// its first character means the whole account.
func (l *lister) complete(ctx context.Context) error {
	prefixes := slices.Clone(l.outside)
	slices.Sort(prefixes)
	prefixes = slices.Compact(prefixes)
	var covered []string // sorted: a prefix sorts right after one it extends
	for _, p := range prefixes {
		if len(covered) > 0 && strings.HasPrefix(p, covered[len(covered)-1]) {
			continue
		}
		covered = append(covered, p)
	}
	for _, p := range covered {
		o := l.opts
		if p != "" {
			o.Filters = append(append([]Filter(nil), l.opts.Filters...), Filter{Key: "name", Values: []string{p}})
		}
		if err := l.sequential(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// lister is the state of one ListAll.
type lister struct {
	st    Store
	opts  ListOptions
	emit  func([]SecretSummary)
	limit *rateLimiter
	seen  arnSet // ARNs emitted
	stats ListStats
	// outside holds, for each listed name that uses a character
	// partitioning does not cover, the name up to that character.
	outside []string
}

// deliver emits the secrets of page not emitted before.
func (l *lister) deliver(page []SecretSummary) {
	// fresh is page itself until a secret seen before turns up (rare: a
	// secret renamed into another partition while listing); only then is
	// the page copied without it.
	fresh, copied := page, false
	for i, s := range page {
		if l.seen.has(s.ARN) {
			if !copied {
				fresh, copied = append(make([]SecretSummary, 0, len(page)), page[:i]...), true
			}
			continue
		}
		l.seen.add(s.ARN)
		if !inAlphabet(s.Name) {
			l.outside = append(l.outside, alphabetPrefix(s.Name))
		}
		if copied {
			fresh = append(fresh, s)
		}
	}
	if len(fresh) > 0 {
		l.stats.Secrets += len(fresh)
		l.emit(fresh)
	}
}

// sequential is one NextToken chain over opts.
func (l *lister) sequential(ctx context.Context, opts ListOptions) error {
	token := ""
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.stats.Requests++
		page, err := l.st.ListSecretsPage(ctx, opts, token)
		if err == nil {
			err = ctx.Err() // cancelled while the answer was on its way
		}
		if err != nil {
			return err
		}
		l.deliver(page.Secrets)
		if page.NextToken == "" {
			return nil
		}
		token = page.NextToken
	}
}

// task is one ListSecrets request of the partitioned listing.
type task struct {
	part   partition
	probe  string   // when set: is there a secret named exactly this?
	token  string   // the chain's NextToken, "" for its first page
	pages  int      // pages of the chain fetched before this one
	sample []string // names the chain listed so far
	// chain is set on a partition that is listed on its own chain to the
	// end (see partition.chain).
	chain bool
}

// result is a task's answer.
type result struct {
	t    task
	sent bool // the request went out (it did not end waiting for the rate)
	page SecretPage
	err  error
}

// chainPagesBeforeSplit is how many pages a single prefix lists on its own
// chain before it splits: a prefix of two pages costs two requests on its
// chain, fewer than any split.
const chainPagesBeforeSplit = 2

// partitioned runs the tasks with at most conc in flight and plans new ones
// from their answers.
func (l *lister) partitioned(ctx context.Context, conc int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var queue []task
	for _, p := range rootPartitions() {
		queue = append(queue, task{part: p})
	}
	results := make(chan result, conc)
	inflight := 0
	var firstErr error
	for inflight > 0 || (firstErr == nil && len(queue) > 0) {
		for firstErr == nil && inflight < conc && len(queue) > 0 {
			t := queue[0]
			queue = queue[1:]
			inflight++
			go l.run(ctx, t, results)
		}
		r := <-results
		inflight--
		if r.sent {
			l.stats.Requests++
		}
		if firstErr != nil {
			continue // draining: wait for every goroutine before returning
		}
		if r.err != nil {
			var e *Error
			if errors.As(r.err, &e) && e.Kind == KindThrottled && ctx.Err() == nil {
				l.stats.Throttles++
				l.limit.Throttled()
				queue = append(queue, r.t) // again, at the lower rate
				continue
			}
			firstErr = r.err
			if err := ctx.Err(); err != nil {
				firstErr = err
			}
			cancel()
			continue
		}
		if err := ctx.Err(); err != nil {
			// Cancelled while this answer was on its way: the caller
			// asked for nothing more, so nothing more is emitted.
			firstErr = err
			continue
		}
		queue = append(queue, l.next(r)...)
	}
	return firstErr
}

// run sends one task's request, within the rate, and reports the answer.
func (l *lister) run(ctx context.Context, t task, out chan<- result) {
	r := result{t: t}
	if r.err = l.limit.Wait(ctx); r.err == nil {
		r.sent = true
		r.page, r.err = l.st.ListSecretsPage(ctx, l.request(t), t.token)
	}
	out <- r
}

// request is the ListSecrets options of a task: the caller's (filters of
// other keys AND with ours) plus the task's name filter.
func (l *lister) request(t task) ListOptions {
	o := l.opts
	o.Filters = append(append([]Filter(nil), l.opts.Filters...), Filter{Key: "name"})
	nf := &o.Filters[len(o.Filters)-1]
	if t.probe != "" {
		// The name that equals a prefix sorts before every longer name
		// with that prefix, in any lexicographic order.
		nf.Values = []string{t.probe}
		o.SortBy, o.SortOrder, o.PageSize = SortByName, SortAsc, 1
		return o
	}
	nf.Values = t.part.values()
	o.PageSize = 100
	return o
}

// next takes in a task's answer (counted, emitted) and returns the tasks
// that follow from it: the chain's next page, or a split.
func (l *lister) next(r result) []task {
	t := r.t
	if t.probe != "" {
		if len(r.page.Secrets) > 0 && r.page.Secrets[0].Name == t.probe {
			l.deliver(r.page.Secrets[:1])
		}
		return nil
	}
	l.deliver(r.page.Secrets)
	if r.page.NextToken == "" {
		return nil
	}
	t.pages++
	t.token = r.page.NextToken
	if t.chain || t.part.chain {
		return []task{t}
	}
	for _, s := range r.page.Secrets {
		t.sample = append(t.sample, s.Name)
	}
	// A group splits at its first full page (its prefixes go their own
	// ways, which costs little); a single prefix lists a second page first.
	if len(t.part.prefixes) == 1 && t.pages < chainPagesBeforeSplit {
		return []task{t}
	}
	if len(t.part.prefixes) == 1 {
		pre := t.part.prefixes[0]
		if len(pre) >= maxNameLen {
			t.chain, t.sample = true, nil
			return []task{t}
		}
	}
	pl := split(t.part, t.sample)
	var out []task
	for _, p := range pl.probes {
		out = append(out, task{probe: p})
	}
	for _, p := range pl.parts {
		out = append(out, task{part: p})
	}
	return out
}
