package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// assertNameOrder fails unless names appear on the screen in this order.
func assertNameOrder(t *testing.T, screen string, names ...string) {
	t.Helper()
	o := rowOrder(screen, names...)
	for i := 1; i < len(o); i++ {
		if o[i-1] < 0 || o[i-1] > o[i] {
			t.Fatalf("rows not in the order %v (positions %v):\n%s", names, o, screen)
		}
	}
}

func TestListSortsLocallyWhenEverythingIsLoaded(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	s := waitLoaded(h)
	if !strings.Contains(s, "sort: created ↑") {
		t.Fatalf("the default order is not in the header:\n%s", s)
	}
	calls := h.emu.Requests("ListSecrets")
	k := keys()
	h.press(k.List.Sort)
	s = h.waitFor("sort: name ↑")
	if l := listOf(h); l.Loading {
		t.Fatal("sorting a complete list started a listing")
	}
	assertNameOrder(t, s, "ci/github/deploy-token", "dev/db/postgres", "prod/api/stripe", "team/café")
	h.press(k.List.SortOrder)
	s = h.waitFor("sort: name ↓")
	assertNameOrder(t, s, "team/café", "prod/api/stripe", "dev/db/postgres", "ci/github/deploy-token")
	if n := h.emu.Requests("ListSecrets"); n != calls {
		t.Fatalf("ListSecrets called %d more times for a local sort", n-calls)
	}
}

func TestListSortGoesToServerWhenNotEverythingIsLoaded(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	listOf(h).Complete, listOf(h).Stopped = false, true // as if stopped early
	calls := h.emu.Requests("ListSecrets")
	h.press(keys().List.Sort)
	s := waitLoaded(h)
	if n := h.emu.Requests("ListSecrets"); n == calls {
		t.Fatalf("a partly loaded list was sorted without asking the server:\n%s", s)
	}
	assertNameOrder(t, s, "ci/github/deploy-token", "dev/db/postgres", "prod/api/stripe")
}

func TestListSortMenuPicksKeyAndDirection(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.SortMenu)
	s := h.waitFor("Sort by")
	if !strings.Contains(s, "› created ↑") || !strings.Contains(s, "last accessed ↓") {
		t.Fatalf("the menu does not start on the order in force or lacks choices:\n%s", s)
	}
	h.press(k.Nav.Down)
	h.press(k.Nav.Down)
	h.press(k.Nav.Down) // name ↓
	h.press(k.Nav.Open)
	s = h.waitFor("sort: name ↓")
	if strings.Contains(s, "Sort by") {
		t.Fatalf("the menu stayed open:\n%s", s)
	}
	assertNameOrder(t, s, "team/café", "prod/api/stripe", "dev/db/postgres")
	h.press(k.List.SortMenu)
	h.waitFor("Sort by")
	h.press(k.Common.Back)
	s = h.waitUntil("the menu closed", func(s string) bool { return !strings.Contains(s, "Sort by") })
	if !strings.Contains(s, "sort: name ↓") {
		t.Fatalf("closing the menu changed the order:\n%s", s)
	}
}

func TestListEscClearsServerFilter(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.ServerFilter)
	h.typeText("name:prod/")
	h.press(k.Input.Submit)
	h.waitFor("server filter: name:prod/")
	s := waitLoaded(h)
	if strings.Contains(s, "dev/db/postgres") {
		t.Fatalf("the server filter did not apply:\n%s", s)
	}
	if !strings.Contains(s, common.KeyHelp(k.Common.Back)+" clear server filter") {
		t.Fatalf("the footer does not say esc clears the server filter:\n%s", s)
	}
	h.press(k.Common.Back)
	h.waitUntil("the filter cleared", func(s string) bool { return !strings.Contains(s, "server filter:") })
	s = waitLoaded(h)
	if !strings.Contains(s, "dev/db/postgres") || len(listOf(h).ListOpts.Filters) != 0 {
		t.Fatalf("esc did not clear the server filter:\n%s", s)
	}
}

func TestListCursorOnCreatedSecret(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	l := listOf(h)
	sum, err := l.Store.CreateSecret(context.Background(), aws.CreateSecretInput{Name: "aa/new/one"})
	if err != nil {
		t.Fatal(err)
	}
	h.send(common.SecretChangedMsg{Region: "us-east-1", SecretID: sum.ARN})
	s := h.waitUntil("the new secret selected", func(string) bool {
		r := listOf(h).Table.Selected()
		return r != nil && r.Name() == "aa/new/one"
	})
	if !strings.HasPrefix(strings.TrimSpace(lineWith(s, "aa/new/one")), "› aa/new/one") {
		t.Fatalf("the cursor is not shown on the new secret:\n%s", s)
	}
}

func TestListMouseClickSelectsDoubleClickOpens(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	l := listOf(h)
	third := l.Table.Rows[l.Table.Shown[2].Item].Name()
	click := tea.MouseClickMsg{X: 10, Y: 1 + 2 + 2, Button: tea.MouseLeft} // header, info, titles, two rows
	h.send(click)
	s := h.screen()
	if !strings.HasPrefix(strings.TrimSpace(lineWith(s, third)), "› "+third) {
		t.Fatalf("a click did not select %s:\n%s", third, s)
	}
	if _, ok := h.app.top().(*list.Screen); !ok {
		t.Fatal("a single click opened the secret")
	}
	h.send(click)
	h.waitUntil("the detail open", func(string) bool {
		_, ok := h.app.top().(*list.Screen)
		return !ok
	})
	if got := h.app.top().Title(); !strings.Contains(got, third) {
		t.Fatalf("a double click opened %q, want %s", got, third)
	}
}

func TestListCreatedColumnWhenWide(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 150, 30, emulator.Options{}, nil)
	s := waitLoaded(h)
	if !strings.Contains(s, "CREATED") {
		t.Fatalf("no CREATED column at 150 columns:\n%s", s)
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	if s := h.screen(); strings.Contains(s, "CREATED") {
		t.Fatalf("CREATED shown at 120 columns, where the description needs the room:\n%s", s)
	}
}

func TestListFilterDropsScatteredMatches(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 40, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Filter)
	h.typeText("orders")
	s := h.waitFor("prod/db/mysql-orders")
	if strings.Contains(s, "dev/api/sendgrid") {
		t.Fatalf("orders matched dev/api/sendgrid through letters scattered across its description:\n%s", s)
	}
}
