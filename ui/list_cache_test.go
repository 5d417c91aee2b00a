package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
)

// A complete listing is written to the cache; on the next connection the
// cached rows show at once, marked with their age, while the refresh runs;
// then changed rows update in place, gone ones disappear, new ones appear,
// and the cursor stays on its secret.
func TestListShowsCacheThenRefreshesInPlace(t *testing.T) {
	t.Parallel()
	c := cache.New(filepath.Join(t.TempDir(), "smtui"))
	var gated atomic.Bool
	var openGate func()
	h := newListHarness(t, 140, 40, emulator.Options{}, func(o *Options) {
		o.ListCache = c
		openGate = gateListing(o, &gated)
	})
	waitLoaded(h)
	h.settle() // the cache write
	key := cache.Key{Profile: "test", Region: "us-east-1"}
	snap, err := c.Load(key)
	if err != nil {
		t.Fatalf("no cache after a complete listing: %v", err)
	}
	if len(snap.Secrets) != 28 {
		t.Fatalf("cache holds %d secrets, want the 28 listed", len(snap.Secrets))
	}
	info, err := os.Stat(c.Path(key))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("cache file mode %v (%v), want 0600", info.Mode().Perm(), err)
	}
	snap.Written = testNow.Add(-3 * time.Hour)
	if err := c.Save(key, snap); err != nil {
		t.Fatal(err)
	}

	// A plain secret to delete (not replicated, not owned by a service).
	var gone string
	for _, x := range snap.Secrets {
		if x.Name != "prod/api/stripe" && x.PrimaryRegion == "" && x.OwningService == "" && x.DeletedDate.IsZero() {
			gone = x.Name
		}
	}
	// The account changes while smtui is not looking.
	st := h.store("us-east-1")
	ctx := context.Background()
	desc := "Stripe key, changed since the cache"
	if err := st.UpdateSecret(ctx, aws.UpdateSecretInput{SecretID: "prod/api/stripe", Description: &desc}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateSecret(ctx, aws.CreateSecretInput{Name: "prod/new/after-cache", Description: "made after the cache",
		Value: aws.TextValue("x-value-not-shown")}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeleteSecret(ctx, aws.DeleteSecretInput{SecretID: gone, Force: true}); err != nil {
		t.Fatal(err)
	}

	// No live page arrives until the gate opens: the cached rows must show
	// before it.
	gated.Store(true)
	h.deliver(common.ReconnectMsg{}) // no settling: that would wait for the pages
	s := h.waitUntil("the cached list, refreshing", func(s string) bool {
		return strings.Contains(s, "cached 3 hours ago") && strings.Contains(s, "refreshing")
	})
	if !strings.Contains(s, gone) {
		t.Errorf("the cached list should show %s (deleted since the cache was written):\n%s", gone, s)
	}
	l := listOf(h)
	if l.Pages > 0 {
		t.Errorf("cached rows shown only after a live page")
	}
	// While the refresh runs, the cursor goes to a secret that stays.
	for range 3 {
		h.deliver(keyPress(keys().Nav.Down.Keys()[0]))
	}
	picked := l.Table.Selected()
	if picked == nil || picked.Name() == gone || picked.Name() == "prod/api/stripe" || l.Pages > 0 {
		t.Fatalf("cursor on %v (pages %d); the test needs a secret that does not change, before the first page", picked, l.Pages)
	}
	openGate()
	s = waitLoaded(h)
	h.settle()
	if strings.Contains(s, "cached") {
		t.Errorf("header still says cached after the refresh:\n%s", s)
	}
	assertContains(t, s, "28 secrets")
	assertContains(t, s, "prod/new/after-cache")
	if l.Table.Find("us-east-1", gone) != nil {
		t.Errorf("a secret deleted since the cache is still listed:\n%s", s)
	}
	if r := l.Table.Find("us-east-1", "prod/api/stripe"); r == nil || r.Summary().Description != desc {
		t.Errorf("changed secret not updated in place: %+v", r)
	}
	if got := l.Table.Selected(); got == nil || got.Key != picked.Key {
		t.Errorf("cursor on %v after the refresh, want it on %s", got, picked.Name())
	}
	// Rows are never listed twice.
	seen := map[string]bool{}
	for _, r := range l.Table.Rows {
		if seen[r.Key] {
			t.Errorf("%s listed twice", r.Name())
		}
		seen[r.Key] = true
	}
	// And the cache now holds the refreshed listing.
	snap, err = c.Load(key)
	if err != nil || len(snap.Secrets) != 28 || !snap.Written.Equal(testNow) {
		t.Errorf("cache after the refresh: %d secrets written %v (%v)", len(snap.Secrets), snap.Written, err)
	}
}

// Without a cache (--no-cache), nothing is read or written.
func TestListWithoutCacheWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir) // were the list to guess a cache, it would be here
	h := newListHarness(t, 120, 30, emulator.Options{}, nil)
	waitLoaded(h)
	h.settle()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the list wrote %d entries with no cache configured", len(entries))
	}
}

// A corrupt cache file is a miss: the list loads as if there were none and
// replaces the file.
func TestListIgnoresCorruptCache(t *testing.T) {
	t.Parallel()
	c := cache.New(t.TempDir())
	key := cache.Key{Profile: "test", Region: "us-east-1"}
	if err := os.WriteFile(c.Path(key), []byte("not a cache"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newListHarness(t, 120, 30, emulator.Options{}, func(o *Options) { o.ListCache = c })
	s := waitLoaded(h)
	h.settle()
	assertContains(t, s, "28 secrets")
	if _, err := c.Load(key); err != nil {
		t.Errorf("corrupt cache not replaced: %v", err)
	}
}

// A large cache shows its first screenful at once and the rest right
// after, all before the first live page.
func TestListShowsLargeCacheWhole(t *testing.T) {
	t.Parallel()
	c := cache.New(t.TempDir())
	var gated atomic.Bool
	var openGate func()
	h := newListHarness(t, 120, 30, emulator.Options{SyntheticSecrets: 500}, func(o *Options) {
		o.ListCache = c
		openGate = gateListing(o, &gated)
	})
	waitLoaded(h)
	h.settle()
	// No live page until the gate opens: the whole cache shows before it.
	gated.Store(true)
	h.deliver(common.ReconnectMsg{})
	h.waitFor("cached")
	h.waitFor("refreshing… 528 secrets")
	if l := listOf(h); l.Pages > 0 {
		t.Errorf("the whole cache showed only after %d live batches", l.Pages)
	}
	openGate()
	s := waitLoaded(h)
	assertContains(t, s, "528 secrets")
	if n := len(listOf(h).Table.Rows); n != 528 {
		t.Errorf("%d rows after the refresh, want 528", n)
	}
}
