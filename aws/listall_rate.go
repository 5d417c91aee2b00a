package aws

import (
	"context"
	"sync"
	"time"
)

// rateLimiter is a client-side token bucket: Wait blocks until a request may
// be sent. Throttled halves the rate, so the listing backs off at the first
// ThrottlingException that reaches it.
type rateLimiter struct {
	mu     sync.Mutex
	rate   float64 // tokens per second
	burst  float64
	tokens float64
	last   time.Time
	min    float64 // the rate never drops below this
}

func newRateLimiter(rate float64, burst int) *rateLimiter {
	b := float64(max(1, burst))
	return &rateLimiter{rate: rate, burst: b, tokens: b, last: time.Now(), min: min(rate, 1)}
}

// Wait takes a token, waiting for one as long as ctx allows.
func (l *rateLimiter) Wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		now := time.Now()
		l.tokens = min(l.burst, l.tokens+now.Sub(l.last).Seconds()*l.rate)
		l.last = now
		if l.tokens >= 1 {
			l.tokens--
			l.mu.Unlock()
			return nil
		}
		wait := time.Duration((1 - l.tokens) / l.rate * float64(time.Second))
		l.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// Throttled halves the rate (not below the floor) and empties the bucket.
func (l *rateLimiter) Throttled() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rate = max(l.min, l.rate/2)
	l.tokens = 0
	l.last = time.Now()
}

// Rate is the current rate in requests per second.
func (l *rateLimiter) Rate() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rate
}
