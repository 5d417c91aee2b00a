package table

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

func newTestTable() *Secrets {
	return New(&common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now}})
}

func row(name, desc string) *Row {
	return NewRow(aws.SecretSummary{Name: name, Description: desc, Region: "r1", ARN: "arn:" + name})
}

func byName(a, b *Row) int { return strings.Compare(a.Name(), b.Name()) }

func names(t *Secrets) []string {
	var out []string
	for _, r := range t.Rows {
		out = append(out, r.Name())
	}
	return out
}

func shownNames(t *Secrets) []string {
	var out []string
	for _, h := range t.Shown {
		out = append(out, t.Rows[h.Item].Name())
	}
	return out
}

// Merging pages out of order gives the same table as sorting everything,
// with every row once, the index right and the selection kept.
func TestMergeKeepsOrderIndexAndSelection(t *testing.T) {
	tb := newTestTable()
	tb.SetSize(80, 10)
	tb.Merge([]*Row{row("m", ""), row("c", ""), row("x", "")}, byName)
	tb.moveTo(1) // on "m"
	tb.Merge([]*Row{row("a", ""), row("n", ""), row("z", "")}, byName)
	tb.Merge([]*Row{row("b", "new"), row("m", "changed")}, byName)
	if got, want := names(tb), []string{"a", "b", "c", "m", "n", "x", "z"}; !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	if got := shownNames(tb); !slices.Equal(got, names(tb)) {
		t.Errorf("shown %v, want every row in order", got)
	}
	for i, r := range tb.Rows {
		if tb.index[r.Key] != r || r.pos != i {
			t.Errorf("%s at %d: indexed %v, pos %d", r.Name(), i, tb.index[r.Key] == r, r.pos)
		}
	}
	if r := tb.Selected(); r == nil || r.Name() != "m" || r.Summary().Description != "changed" {
		t.Errorf("selected %+v, want the replaced m", r)
	}
}

// With a filter, merged rows are searched alone and the hits of the
// loaded rows follow their rows' new positions.
func TestMergeWithFilterMatchesFullSearch(t *testing.T) {
	tb := newTestTable()
	tb.SetSize(80, 10)
	var all []*Row
	for i := range 40 {
		all = append(all, row(fmt.Sprintf("svc-%02d/%s", (i*17)%40, []string{"db", "api"}[i%2]), ""))
	}
	tb.Merge(all[:10], byName)
	tb.SetQuery("db")
	for start := 10; start < 40; start += 10 {
		tb.Merge(all[start:start+10], byName)
	}
	want := fuzzy.Find("db", tb.Fields, len(tb.Rows), nil)
	got := tb.Shown
	if len(got) != len(want) {
		t.Fatalf("%d hits after merging, %d from a full search", len(got), len(want))
	}
	gotNames, wantNames := shownNames(tb), []string{}
	for _, h := range want {
		wantNames = append(wantNames, tb.Rows[h.Item].Name())
	}
	slices.Sort(gotNames)
	slices.Sort(wantNames)
	if !slices.Equal(gotNames, wantNames) {
		t.Errorf("hits %v, want %v", gotNames, wantNames)
	}
}

func TestRetainDropsRowsAndKeepsSelection(t *testing.T) {
	tb := newTestTable()
	tb.SetSize(80, 10)
	tb.Merge([]*Row{row("a", ""), row("b", ""), row("c", ""), row("d", "")}, byName)
	tb.moveTo(2) // "c"
	tb.Retain(func(r *Row) bool { return r.Name() != "b" })
	if got, want := names(tb), []string{"a", "c", "d"}; !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	if r := tb.Selected(); r == nil || r.Name() != "c" {
		t.Errorf("selected %v, want c", r)
	}
	if tb.Find("r1", "arn:b") != nil {
		t.Error("b still found")
	}
}

// Pages merged in any order give the table a full sort would (stable:
// among equal rows, the earlier page first), with every position right.
func TestMergeRandomPagesEqualsSort(t *testing.T) {
	tb := newTestTable()
	tb.SetSize(80, 10)
	var all []*Row
	for i := range 600 {
		all = append(all, row(fmt.Sprintf("n%03d-%d", (i*7919)%250, i), ""))
	}
	byPrefix := func(a, b *Row) int { return strings.Compare(a.Name()[:4], b.Name()[:4]) }
	for start := 0; start < len(all); start += 37 {
		tb.Merge(all[start:min(start+37, len(all))], byPrefix)
	}
	want := slices.Clone(all)
	slices.SortStableFunc(want, byPrefix)
	if got := names(tb); !slices.EqualFunc(got, want, func(a string, r *Row) bool { return a == r.Name() }) {
		t.Fatalf("merged order differs from a stable sort")
	}
	for i, r := range tb.Rows {
		if tb.index[r.Key] != r || r.pos != i {
			t.Fatalf("%s at %d: indexed %v, pos %d", r.Name(), i, tb.index[r.Key] == r, r.pos)
		}
	}
}

// UpdateSummary replaces the row with a changed copy: a holder of the old
// row (the cache's save, reading it in a Cmd) sees it unchanged.
func TestUpdateSummaryReplacesTheRow(t *testing.T) {
	tb := newTestTable()
	tb.SetSize(80, 10)
	tb.Add([]*Row{row("a", ""), row("b", "")})
	old := tb.Row(row("b", "").Key)
	if !tb.UpdateSummary(old.Key, func(s *aws.SecretSummary) { s.FailedReplicas = []string{"eu-west-1"} }) {
		t.Fatal("the row was not found")
	}
	now := tb.Row(old.Key)
	if now == old || len(old.Summary().FailedReplicas) != 0 {
		t.Fatalf("the row was changed in place (same row %v, old row's failed replicas %v)", now == old, old.Summary().FailedReplicas)
	}
	if tb.Rows[1] != now || now.pos != 1 || !slices.Equal(now.Summary().FailedReplicas, []string{"eu-west-1"}) {
		t.Fatalf("new row at %d (pos %d), failed replicas %v", slices.Index(tb.Rows, now), now.pos, now.Summary().FailedReplicas)
	}
	if tb.UpdateSummary("missing", func(*aws.SecretSummary) {}) {
		t.Error("a missing key was updated")
	}
}
