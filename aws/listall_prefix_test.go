package aws

import (
	"slices"
	"testing"

	"github.com/smtui/smtui/aws/emulator"
)

// withSynthetic seeds the emulator with n synthetic/svc-NNNNN/kind secrets,
// the names the listing benchmark uses.
func withSynthetic(n int) tweak {
	return func(o *emulator.Options, _ *ConnectOptions) { o.SyntheticSecrets = n }
}

func TestListAllSplitsLongSharedPrefixesCheaply(t *testing.T) {
	// Every name shares synthetic/svc-0: a split that covers the siblings
	// of each character along that path one filter value at a time spent
	// about 90 requests on prefixes holding nothing. The plain listing
	// takes 30 pages; the partitioned one may spend some requests on the
	// root cover (7), probes and re-listing, but not several times the data.
	const n = 3000
	h := newHarness(t, withSynthetic(n))
	want := plainListing(t, h, ListOptions{})
	if len(want) != n {
		t.Fatalf("plain listing has %d of %d", len(want), n)
	}
	before := h.srv.Requests("ListSecrets")
	got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 2000})
	sent := h.srv.Requests("ListSecrets") - before
	sameListing(t, namesOf(got), want)
	if sent != stats.Requests {
		t.Errorf("the emulator answered %d ListSecrets requests, the lister counted %d", sent, stats.Requests)
	}
	const limit = 30 + 30 // the data's pages, plus at most as many again
	if sent > limit {
		t.Errorf("%d secrets under one long prefix took %d requests, want at most %d", n, sent, limit)
	}
	t.Logf("%d secrets in %d requests (the plain listing takes %d)", n, sent, n/100)
}

func TestListAllCompletesOnlyThePrefixOfANameOutsideTheAlphabet(t *testing.T) {
	// The same 2,300 names with and without two outside the alphabet under
	// team/caf: the completing pass lists team/caf (one page), not the
	// whole account again (23 pages).
	base := append(prefixedNames("prod/", 2000), prefixedNames("team/", 300)...)
	requests := func(names []string) (int, ListStats) {
		h := newHarness(t, withNames(names))
		want := plainListing(t, h, ListOptions{})
		if len(want) != len(names) {
			t.Fatalf("plain listing has %d of %d", len(want), len(names))
		}
		before := h.srv.Requests("ListSecrets")
		got, stats := collect(t, h, ListOptions{}, ListAllOptions{Rate: 2000})
		sameListing(t, namesOf(got), want)
		return h.srv.Requests("ListSecrets") - before, stats
	}
	plain, stats := requests(base)
	if stats.Completed {
		t.Fatalf("names inside the alphabet needed a completing pass: %+v", stats)
	}
	outside, stats := requests(append(slices.Clone(base), "team/café-ünicode", "team/caf\x7f"))
	if !stats.Completed {
		t.Fatalf("stats %+v: a name outside the alphabet did not trigger the completing pass", stats)
	}
	// The two extra names can shift a page boundary of the partitioned
	// listing by a request or two; a full pass would add 23.
	if extra := outside - plain; extra > 4 {
		t.Errorf("completing took %d requests more than the same listing without the names (%d against %d), want a few",
			extra, outside, plain)
	}
	t.Logf("%d requests without the names outside the alphabet, %d with", plain, outside)
}
