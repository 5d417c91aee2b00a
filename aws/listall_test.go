package aws

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// withNames seeds the emulator with a secret per name.
func withNames(names []string) tweak {
	return func(o *emulator.Options, _ *ConnectOptions) { o.SecretNames = names }
}

// withListSpeed sets the emulator's page latency and ListSecrets quota.
func withListSpeed(latency time.Duration, rate int) tweak {
	return func(o *emulator.Options, _ *ConnectOptions) { o.ListLatency, o.ListRate = latency, rate }
}

// collect runs ListAll and returns the secrets by ARN, failing on a
// secret emitted twice.
func collect(t *testing.T, h *harness, opts ListOptions, lo ListAllOptions) (map[string]SecretSummary, ListStats) {
	t.Helper()
	got := map[string]SecretSummary{}
	stats, err := ListAll(h.ctx, h.st, opts, lo, func(batch []SecretSummary) {
		for _, s := range batch {
			if _, dup := got[s.ARN]; dup {
				t.Errorf("%s emitted twice", s.Name)
			}
			got[s.ARN] = s
		}
	})
	if err != nil {
		t.Fatalf("ListAll(%v): %v", lo.Mode, err)
	}
	if stats.Secrets != len(got) {
		t.Errorf("stats say %d secrets, emitted %d", stats.Secrets, len(got))
	}
	return got, stats
}

// plainListing is the plain NextToken chain, straight from the Store.
func plainListing(t *testing.T, h *harness, opts ListOptions) map[string]string {
	t.Helper()
	out := map[string]string{}
	token := ""
	for {
		page, err := h.st.ListSecretsPage(h.ctx, opts, token)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Secrets {
			out[s.ARN] = s.Name
		}
		if token = page.NextToken; token == "" {
			return out
		}
	}
}

func namesOf(m map[string]SecretSummary) map[string]string {
	out := make(map[string]string, len(m))
	for arn, s := range m {
		out[arn] = s.Name
	}
	return out
}

// sameListing fails unless got and want hold the same secrets.
func sameListing(t *testing.T, got, want map[string]string) {
	t.Helper()
	if maps.Equal(got, want) {
		return
	}
	var missing, extra []string
	for arn, n := range want {
		if _, ok := got[arn]; !ok {
			missing = append(missing, n)
		}
	}
	for arn, n := range got {
		if _, ok := want[arn]; !ok {
			extra = append(extra, n)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	t.Fatalf("listed %d, plain listing %d; missing %.20q, extra %.20q", len(got), len(want), missing, extra)
}

// Name distributions for the union tests.
func uniformNames(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]string, n)
	for i := range out {
		out[i] = randomName(rng, "", 24) + fmt.Sprint(i) // unique
	}
	return out
}

func prefixedNames(prefix string, n int) []string {
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + randomName(rng, "", 12) + fmt.Sprint(i)
	}
	return out
}

// everyCharNames uses each allowed character first, inside and last, the
// exact names along shared paths, and the names managed secrets carry.
func everyCharNames() []string {
	out := []string{"rds!db-7f3c1a2b", "rds!cluster-1", "p", "pr", "prod", "prod/", "prod/a", "prod/a/"}
	for i := 0; i < len(nameChars); i++ {
		c := string(nameChars[i])
		if c != "!" {
			out = append(out, c, c+"x", c+c+c)
		}
		out = append(out, "x"+c, "mid"+c+"dle", strings.Repeat("z", 20)+c)
	}
	for i := range 250 { // enough under prod/a/ to split it
		out = append(out, fmt.Sprintf("prod/a/%03d", i))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestListAllEqualsPlainListing(t *testing.T) {
	cases := []struct {
		name  string
		names []string
	}{
		{"empty", nil},
		{"one", uniformNames(1, 1)},
		{"99", uniformNames(99, 2)},
		{"100", uniformNames(100, 3)},
		{"101", uniformNames(101, 4)},
		{"uniform 3000", uniformNames(3000, 5)},
		{"all prod/", prefixedNames("prod/", 2500)},
		{"one huge prefix", prefixedNames(strings.Repeat("a/", 40), 1500)},
		{"every allowed character", everyCharNames()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, withNames(c.names))
			want := plainListing(t, h, ListOptions{})
			if len(want) != len(c.names) {
				t.Fatalf("plain listing has %d of %d seeded", len(want), len(c.names))
			}
			got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 2000})
			sameListing(t, namesOf(got), want)
			if stats.Mode != ListPartitioned || stats.Completed {
				t.Errorf("stats %+v, want a partitioned listing that needed no completing pass", stats)
			}
			t.Logf("%d secrets in %d requests", len(got), stats.Requests)
		})
	}
}

func TestListAllTenThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 secrets")
	}
	h := newHarness(t, withNames(uniformNames(10000, 6)))
	want := plainListing(t, h, ListOptions{})
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 5000})
	sameListing(t, namesOf(got), want)
	if len(got) != 10000 {
		t.Fatalf("listed %d of 10000", len(got))
	}
	t.Logf("10,000 secrets in %d requests (the plain listing takes 100)", stats.Requests)
}

func TestListAllCompletesNamesOutsideTheAlphabet(t *testing.T) {
	// AWS refuses such names; the emulator's demo seed has one. Seeing one,
	// the lister cannot prove its cover complete there and lists that name's
	// prefix (team/caf) again sequentially.
	names := append(prefixedNames("team/", 300), "team/café-ünicode", "team/caf\x7f")
	h := newHarness(t, withNames(names))
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 2000})
	sameListing(t, namesOf(got), plainListing(t, h, ListOptions{}))
	if !stats.Completed {
		t.Errorf("stats %+v: a name outside the alphabet did not trigger the completing pass", stats)
	}
}

func TestListAllFiltersAndFallback(t *testing.T) {
	h := newHarness(t, withSeed)
	for _, c := range []struct {
		name string
		opts ListOptions
		mode ListMode
	}{
		{"tag filter ANDs with partitions", ListOptions{Filters: []Filter{{Key: "tag-key", Values: []string{"team"}}}}, ListPartitioned},
		{"planned deletions", ListOptions{IncludePlannedDeletion: true}, ListPartitioned},
		{"description filter", ListOptions{Filters: []Filter{{Key: "description", Values: []string{"prod"}}}}, ListPartitioned},
		{"a name filter of the caller's", ListOptions{Filters: []Filter{{Key: "name", Values: []string{"prod/", "dev/"}}}}, ListSequential},
		{"a negated name filter", ListOptions{Filters: []Filter{{Key: "name", Values: []string{"!prod/"}}}}, ListSequential},
		{"a server sort", ListOptions{SortBy: SortByName, SortOrder: SortDesc}, ListSequential},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := plainListing(t, h, c.opts)
			if len(want) == 0 {
				t.Fatal("the case lists nothing; it proves nothing")
			}
			got, stats := collect(t, h, c.opts, ListAllOptions{Rate: 2000})
			sameListing(t, namesOf(got), want)
			// The demo seed has a name outside the alphabet (team/café...),
			// which a partitioned listing completes sequentially.
			if stats.Mode != c.mode {
				t.Errorf("mode %v, want %v", stats.Mode, c.mode)
			}
		})
	}
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{Mode: ListSequential})
	if stats.Mode != ListSequential || len(got) == 0 {
		t.Errorf("the sequential mode: %+v", stats)
	}
}

func TestListAllStaysInsideTheQuota(t *testing.T) {
	// The emulator enforces AWS's 100/s (on by default with latency); at
	// the default rate the lister is never throttled.
	h := newHarness(t, withNames(prefixedNames("prod/", 2000)), withListSpeed(10*time.Millisecond, 0))
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{})
	if len(got) != 2000 {
		t.Fatalf("listed %d of 2000", len(got))
	}
	if n := h.srv.Throttled("ListSecrets"); n != 0 || stats.Throttles != 0 {
		t.Fatalf("throttled %d times by the emulator (%d reached the lister) in %d requests at the default rate",
			n, stats.Throttles, stats.Requests)
	}
}

func TestListAllBacksOffWhenThrottled(t *testing.T) {
	// A quota far below the lister's rate: throttled requests are retried
	// at a lower rate and the result is still exact.
	names := uniformNames(1500, 8)
	// One attempt per request, so a throttle reaches the lister rather
	// than being absorbed by the SDK's retryer.
	oneAttempt := func(_ *emulator.Options, c *ConnectOptions) { c.MaxAttempts = 1 }
	h := newHarness(t, withNames(names), withListSpeed(time.Millisecond, 20), oneAttempt)
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 400, Concurrency: 8})
	if n := h.srv.Throttled("ListSecrets"); n == 0 {
		t.Fatal("the emulator never throttled: the case proves nothing")
	}
	if len(got) != len(names) {
		t.Fatalf("listed %d of %d under throttling", len(got), len(names))
	}
	if stats.Throttles == 0 {
		t.Errorf("no throttle reached the lister (emulator throttled %d): it could not back off", h.srv.Throttled("ListSecrets"))
	}
	t.Logf("emulator throttled %d, lister saw %d, %d requests", h.srv.Throttled("ListSecrets"), stats.Throttles, stats.Requests)
}

// listerGoroutines counts goroutines running the lister's code.
func listerGoroutines() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return strings.Count(string(buf), "aws.(*lister)")
}

func TestListAllStopsOnCancel(t *testing.T) {
	h := newHarness(t, withNames(uniformNames(3000, 9)), withListSpeed(300*time.Millisecond, -1))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	batches := 0
	go func() {
		_, err := ListAll(ctx, h.st, ListOptions{}, ListAllOptions{}, func([]SecretSummary) {
			batches++
			cancel()
		})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindTimeout {
				t.Fatalf("ListAll after cancel: %v, want the cancellation", err)
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListAll did not stop within 5s of its context's cancellation")
	}
	if batches != 1 {
		t.Errorf("%d batches emitted, want 1 (nothing after the cancel)", batches)
	}
	// A request goroutine that handed over its answer may take a moment to
	// exit; one that is still waiting on a request never does.
	deadline := time.Now().Add(2 * time.Second)
	for listerGoroutines() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := listerGoroutines(); n != 0 {
		t.Fatalf("%d lister goroutines still running after ListAll returned", n)
	}
}

func TestListAllReturnsTheFirstError(t *testing.T) {
	h := newHarness(t, withNames(uniformNames(500, 10)))
	h.srv.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException", Times: 1})
	done := make(chan error, 1)
	go func() {
		// One request at a time, so work is still queued when the error comes.
		_, err := ListAll(h.ctx, h.st, ListOptions{}, ListAllOptions{Concurrency: 1}, func([]SecretSummary) {})
		done <- err
	}()
	select {
	case err := <-done:
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindAccessDenied {
			t.Fatalf("ListAll = %v, want the access denied error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ListAll hung after an error with work still queued")
	}
}
