package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/list"
)

// plainListing is every secret of region through one NextToken chain, by
// row key.
func plainListing(t *testing.T, h *harness, region string) []string {
	t.Helper()
	var keys []string
	_, err := aws.ListAll(context.Background(), h.store(region), aws.ListOptions{}, aws.ListAllOptions{Mode: aws.ListSequential}, func(b []aws.SecretSummary) {
		for _, s := range b {
			keys = append(keys, table.RowKey(region, s.ARN, s.Name))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	return keys
}

// listedKeys are the list's row keys, sorted; it fails on a key seen twice.
func listedKeys(t *testing.T, l *list.Screen) []string {
	t.Helper()
	var keys []string
	seen := map[string]bool{}
	for _, r := range l.Table.Rows {
		if seen[r.Key] {
			t.Errorf("%s listed twice", r.Name())
		}
		seen[r.Key] = true
		keys = append(keys, r.Key)
	}
	slices.Sort(keys)
	return keys
}

// With slow pages the auto mode lists by partitions: every secret once,
// the same set as the plain listing, in the list's order (created, then
// name), in fewer round trips' time than one chain.
func TestListAutoModePartitionsSlowPages(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{SyntheticSecrets: 1500, ListLatency: 60 * time.Millisecond},
		func(o *Options) { o.ListMode = list.ModeAuto })
	s := waitLoaded(h)
	l := listOf(h)
	if l.LoadErr != nil {
		t.Fatalf("listing failed: %v", l.LoadErr)
	}
	if l.Mode != list.ModePartitioned {
		t.Errorf("mode %q with 60ms pages, want partitioned", l.Mode)
	}
	assertContains(t, s, "1,528 secrets")
	if got, want := listedKeys(t, l), plainListing(t, h, "us-east-1"); !slices.Equal(got, want) {
		t.Errorf("partitioned listing has %d rows, the plain listing %d: they differ", len(got), len(want))
	}
	for i := 1; i < len(l.Table.Rows); i++ {
		a, b := l.Table.Rows[i-1].Summary(), l.Table.Rows[i].Summary()
		if c := a.CreatedDate.Compare(b.CreatedDate); c > 0 || (c == 0 && a.Name > b.Name) {
			t.Fatalf("rows out of the list's order at %d: %s then %s", i, a.Name, b.Name)
		}
	}
}

// A server filter cannot combine with name partitions: even the
// partitioned mode lists it on one chain, and the result is the filter's.
func TestListServerFilterListsSequentially(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{SyntheticSecrets: 300, ListLatency: 50 * time.Millisecond},
		func(o *Options) { o.ListMode = list.ModePartitioned })
	waitLoaded(h)
	if l := listOf(h); l.Mode != list.ModePartitioned {
		t.Fatalf("mode %q for the plain listing, want partitioned", l.Mode)
	}
	h.press(keys().List.ServerFilter)
	h.typeText("tag-key=team")
	h.press(keys().Input.Submit)
	waitLoaded(h)
	l := listOf(h)
	if l.Mode != list.ModeSequential {
		t.Errorf("mode %q with a server filter, want sequential", l.Mode)
	}
	if len(l.ListOpts.Filters) == 0 {
		t.Fatal("the server filter did not apply")
	}
	for _, r := range l.Table.Rows {
		if !slices.ContainsFunc(r.Summary().Tags, func(tg aws.Tag) bool { return tg.Key == "team" }) {
			t.Errorf("%s has no team tag but passed the filter", r.Name())
		}
	}
}

// The listing makes no DescribeSecret per replicated primary: only the
// primaries on screen are described, once each; a primary scrolled into
// view is described then, and its failed replication flagged.
func TestListChecksReplicationOnScreenOnly(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 8, emulator.Options{}, nil)
	waitLoaded(h)
	l := listOf(h)
	// Replicate the last rows (off screen) too, then list again.
	st := h.store("us-east-1")
	made := 0
	for _, r := range l.Table.Rows[len(l.Table.Rows)-4:] {
		if r.PrimaryRegion() != "" || r.Summary().OwningService != "" {
			continue
		}
		if _, err := st.ReplicateToRegions(context.Background(), r.Name(), []aws.ReplicaRegion{{Region: "sa-east-1"}}); err == nil {
			made++
		}
	}
	if made == 0 {
		t.Fatal("could not replicate any secret off screen")
	}
	h.press(keys().Common.Refresh)
	waitLoaded(h)
	before := h.emu.Requests("DescribeSecret")
	h.press(keys().Common.Refresh)
	waitLoaded(h)
	primaries, onScreen := 0, 0
	visible := map[string]bool{}
	for _, r := range l.Table.Visible() {
		visible[r.Key] = true
	}
	for _, r := range l.Table.Rows {
		if r.PrimaryRegion() == "us-east-1" && r.DeletedDate().IsZero() {
			primaries++
			if visible[r.Key] {
				onScreen++
			}
		}
	}
	if primaries == 0 || onScreen == primaries {
		t.Fatalf("%d replicated primaries, %d on screen: the test needs some off screen", primaries, onScreen)
	}
	if n := h.emu.Requests("DescribeSecret") - before; n != onScreen {
		t.Errorf("%d DescribeSecret calls after listing; want %d, one per replicated primary on screen", n, onScreen)
	}
	// Scroll to the bottom: every primary is eventually seen, each described once.
	h.press(keys().Nav.Bottom)
	h.press(keys().Nav.Top)
	for range len(l.Table.Rows) {
		h.press(keys().Nav.Down)
	}
	if n := h.emu.Requests("DescribeSecret") - before; n != primaries {
		t.Errorf("%d DescribeSecret calls after scrolling through; want %d, each primary once", n, primaries)
	}
	r := l.Table.Find("us-east-1", "shared/datadog/api-key")
	if r == nil || len(r.Summary().FailedReplicas) == 0 {
		t.Errorf("the failed replica of shared/datadog/api-key is not flagged once seen: %+v", r)
	}
}
