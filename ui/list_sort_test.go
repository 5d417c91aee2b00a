package ui

import (
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

func TestListSortCyclesAndReverses(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Sort)
	h.waitFor("sort: name ↑")
	s := waitLoaded(h)
	o := rowOrder(s, "ci/github/deploy-token", "dev/db/postgres", "prod/api/stripe", "team/café")
	for i := 1; i < len(o); i++ {
		if o[i-1] < 0 || o[i-1] > o[i] {
			t.Fatalf("not sorted by name ascending (positions %v):\n%s", o, s)
		}
	}
	h.press(k.List.SortOrder)
	h.waitFor("sort: name ↓")
	s = waitLoaded(h)
	o = rowOrder(s, "team/café", "prod/api/stripe", "dev/db/postgres", "ci/github/deploy-token")
	for i := 1; i < len(o); i++ {
		if o[i-1] < 0 || o[i-1] > o[i] {
			t.Fatalf("not sorted by name descending (positions %v):\n%s", o, s)
		}
	}
	if l := listOf(h); l.ListOpts.SortBy != aws.SortByName || l.ListOpts.SortOrder != aws.SortDesc {
		t.Errorf("list options %+v", l.ListOpts)
	}
	h.press(k.List.Sort)
	h.waitFor("sort: last changed ↓")
	h.press(k.List.Sort)
	h.waitFor("sort: last accessed ↓")
	s = waitLoaded(h)
	// Never-read secrets sort last when descending by last access.
	o = rowOrder(s, "prod/db/postgres ", "dev/api/sendgrid")
	if o[0] < 0 || o[1] < 0 || o[0] > o[1] {
		t.Errorf("last accessed ↓: a secret read today should come before one never read:\n%s", s)
	}
}
