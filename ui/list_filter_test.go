package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/list"
)

func TestListFuzzyFilterHighlightsMatches(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	h.press(k.List.Filter)
	if !h.app.top().Capturing() {
		t.Fatal("the filter input does not capture keys")
	}
	h.typeText("mysqlord")
	s := h.screen()
	if l := lineWith(s, "› "); !strings.Contains(l, "prod/db/mysql-orders") {
		t.Errorf("best match is not on top under the cursor: %q\n%s", l, s)
	}
	if strings.Contains(s, "staging/app/config") || strings.Contains(s, "28/28") {
		t.Errorf("filter mysqlord keeps unrelated secrets:\n%s", s)
	}
	// The matched characters are drawn in the Match style (selected row).
	raw := h.app.View().Content
	want := common.NewRowStyles(h.app.env.Styles, true).Match.Render("mysql")
	if !strings.Contains(raw, want) {
		t.Errorf("matched characters are not highlighted; want %q in the rendered row", want)
	}
	// Tags are searched too: team=payments is only on prod/db/postgres.
	for range len("mysqlord") {
		h.send(keyPress("backspace"))
	}
	h.typeText("payments")
	s = h.screen()
	// Only prod/db/postgres and a few others carry team=payments.
	if !strings.Contains(s, "prod/db/postgres") || strings.Contains(s, "dev/db/postgres") {
		t.Errorf("tag value filter: want the payments team's secrets only:\n%s", s)
	}
	// Submit keeps the filter and gives the keys back; esc then clears it.
	h.press(k.Input.Submit)
	if h.app.top().Capturing() {
		t.Fatal("still capturing after submit")
	}
	assertContains(t, h.screen(), "/ payments", "esc clears")
	h.press(k.Common.Back)
	s = h.screen()
	assertContains(t, s, "prod/db/mysql-orders", "staging/app/config")
	if strings.Contains(s, "/ payments") {
		t.Errorf("esc did not clear the filter:\n%s", s)
	}
	if len(h.app.stack) != 1 {
		t.Errorf("esc popped the list")
	}
	// Esc while typing clears as well.
	h.press(k.List.Filter)
	h.typeText("zzzzqqq")
	assertContains(t, h.screen(), "nothing loaded matches")
	h.press(k.Common.Back)
	assertContains(t, h.screen(), "prod/db/mysql-orders")
	if h.app.top().Capturing() {
		t.Error("still capturing after esc")
	}
}

func TestListServerFilterPrompt(t *testing.T) {
	t.Parallel()
	h := newListHarness(t, 120, 30, emulator.Options{}, nil)
	waitLoaded(h)
	k := keys()
	before := h.emu.Requests("ListSecrets")
	h.press(k.List.ServerFilter)
	h.typeText("colour:red")
	h.press(k.Input.Submit)
	s := h.screen()
	assertContains(t, s, `unknown filter key "colour"`)
	if h.emu.Requests("ListSecrets") != before {
		t.Error("a bad server filter started a listing")
	}
	for range len("colour:red") {
		h.send(keyPress("backspace"))
	}
	h.typeText("name:prod/db/ !tag-key:nosuchtag")
	h.press(k.Input.Submit)
	h.waitFor("server filter: name:prod/db/ !tag-key:nosuchtag")
	s = waitLoaded(h)
	assertContains(t, s, "prod/db/postgres", "prod/db/mysql-orders")
	for _, not := range []string{"staging/", "dev/", "prod/api/stripe"} {
		if strings.Contains(s, not) {
			t.Errorf("server filter name:prod/db/ shows %s:\n%s", not, s)
		}
	}
	if h.emu.Requests("ListSecrets") == before {
		t.Error("the listing did not restart with the filter")
	}
	// An empty filter clears it.
	h.press(k.List.ServerFilter)
	for range 40 {
		h.send(keyPress("backspace"))
	}
	h.press(k.Input.Submit)
	s = waitLoaded(h)
	assertContains(t, s, "28 secrets", "staging/app/config")
}

func TestParseServerFilter(t *testing.T) {
	t.Parallel()
	got, err := list.ParseServerFilter(`name:prod/ tag-key:team description:"order service" name:!prod/legacy !tag-value:old rds`)
	if err != nil {
		t.Fatal(err)
	}
	want := []aws.Filter{
		{Key: "name", Values: []string{"prod/", "!prod/legacy"}},
		{Key: "tag-key", Values: []string{"team"}},
		{Key: "description", Values: []string{"order service"}},
		{Key: "tag-value", Values: []string{"!old"}},
		{Key: "all", Values: []string{"rds"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Key != want[i].Key || strings.Join(got[i].Values, "|") != strings.Join(want[i].Values, "|") {
			t.Errorf("filter %d = %v, want %v", i, got[i], want[i])
		}
	}
	if s := list.FormatServerFilter(got); s != `name:prod/ !name:prod/legacy tag-key:team description:"order service" !tag-value:old all:rds` {
		t.Errorf("format = %s", s)
	}
	for _, bad := range []string{"colour:red", "name:", `description:"open`, "!name:!"} {
		if _, err := list.ParseServerFilter(bad); err == nil {
			t.Errorf("parseServerFilter(%q) accepted", bad)
		}
	}
	if f, err := list.ParseServerFilter("   "); err != nil || len(f) != 0 {
		t.Errorf("blank filter = %v, %v", f, err)
	}
}

func TestFuzzyNarrowingMatchesFullSearch(t *testing.T) {
	t.Parallel()
	tb := table.New(&common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now}})
	rows := list.RowsOf(tb, benchSummaries(500))
	tb.SetSize(80, 20)
	tb.Add(rows)
	for _, q := range []string{"s", "sv", "svc", "svc0", "svc04", "svc04 db", "svc04 dbx"} {
		tb.SetQuery(q) // narrows from the previous query
		full := fuzzy.Find(q, tb.Fields, len(tb.Rows), nil)
		if len(full) != len(tb.Shown) {
			t.Fatalf("%q: narrowed %d hits, full search %d", q, len(tb.Shown), len(full))
		}
		for i := range full {
			if full[i].Item != tb.Shown[i].Item {
				t.Fatalf("%q: hit %d differs: %d vs %d", q, i, tb.Shown[i].Item, full[i].Item)
			}
		}
	}
}
