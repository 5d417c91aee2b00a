package emulator

import (
	"context"
	"time"
)

// awsListSecretsRate is AWS's ListSecrets quota: requests per second per
// region (Secrets Manager quotas, "ListSecrets").
const awsListSecretsRate = 100

// listRate is the ListSecrets rate the emulator enforces per region, 0 for
// none. The quota is on by default only when pages are slow (ListLatency):
// without latency a single NextToken chain runs at hundreds of pages a
// second, which AWS (100-300 ms a page) never does, and enforcing the quota
// there would throttle the demo and the existing tests that page through
// thousands of synthetic secrets in a fraction of a second. With latency a
// chain stays below the quota on its own, so only concurrent listers meet it,
// which is what the quota is there to show.
func (o Options) listRate() float64 {
	switch {
	case o.ListRate < 0:
		return 0
	case o.ListRate > 0:
		return float64(o.ListRate)
	case o.ListLatency > 0:
		return awsListSecretsRate
	}
	return 0
}

// tokenBucket is a per-region request quota: it holds up to burst tokens,
// refills at rate per second, and each request takes one.
type tokenBucket struct {
	rate, burst float64
	tokens      float64
	last        time.Time
}

func newTokenBucket(rate float64, now time.Time) *tokenBucket {
	// AWS does not document a burst for ListSecrets; one second's worth is
	// the usual shape of its token buckets.
	return &tokenBucket{rate: rate, burst: rate, tokens: rate, last: now}
}

// take reports whether a request is within the quota at now, using a token.
func (b *tokenBucket) take(now time.Time) bool {
	if d := now.Sub(b.last); d > 0 {
		b.tokens = min(b.burst, b.tokens+d.Seconds()*b.rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// admitList applies the ListSecrets quota of a region and counts a refusal.
// It uses the wall clock, not Options.Clock: a quota is about real request
// rates, whatever date the emulator pretends it is. Callers hold e.mu.
func (e *Emulator) admitListLocked(regionName string) bool {
	rate := e.opts.listRate()
	if rate <= 0 {
		return true
	}
	now := time.Now()
	b, ok := e.listQuota[regionName]
	if !ok {
		b = newTokenBucket(rate, now)
		e.listQuota[regionName] = b
	}
	if b.take(now) {
		return true
	}
	e.throttled["ListSecrets"]++
	return false
}

// Throttled reports how many requests of the wire operation op the emulator
// refused with ThrottlingException because of its own quota (injected
// throttling faults are not counted).
func (e *Emulator) Throttled(op string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.throttled[op]
}

// sleep waits d or until ctx is done; false when ctx ended first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
