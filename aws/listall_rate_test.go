package aws

import (
	"context"
	"testing"
)

func TestRateLimiterBurstThenWaitsAndHalvesWhenThrottled(t *testing.T) {
	l := newRateLimiter(1000, 3)
	ctx, cancel := context.WithCancel(context.Background())
	for range 3 {
		if err := l.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	cancel() // the bucket is empty: the next Wait must wait, and gives up with ctx
	if err := l.Wait(ctx); err == nil {
		t.Fatal("Wait took a fourth token from a burst of three without waiting")
	}
	l.Throttled()
	l.Throttled()
	if r := l.Rate(); r != 250 {
		t.Fatalf("rate after two throttles %v, want 250", r)
	}
	for range 20 {
		l.Throttled()
	}
	if r := l.Rate(); r != 1 {
		t.Fatalf("rate after many throttles %v, want the floor of 1/s", r)
	}
}
