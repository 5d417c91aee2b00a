package table

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// The search index follows the rows through every change the table
// allows (pages added and merged, rows replaced, inserted, removed,
// retained, re-sorted, summaries updated, the index rebuilt when most of
// it is dropped rows): after each, every row's slot is its text's, and the
// filter shows exactly what one search over the rows' own fields finds.
func TestSearchIndexFollowsTheRows(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 12))
	words := []string{"prod", "dev", "db", "Api", "svc", "orders", "Payments", "tls", "key"}
	summary := func(name string, v int) aws.SecretSummary {
		desc := ""
		if v%3 != 0 {
			desc = fmt.Sprintf("%s %s v%d", words[rng.IntN(len(words))], words[rng.IntN(len(words))], v)
		}
		var tags []aws.Tag
		for range rng.IntN(3) {
			tags = append(tags, aws.Tag{Key: words[rng.IntN(len(words))], Value: words[rng.IntN(len(words))]})
		}
		return aws.SecretSummary{Name: name, Description: desc, Region: "r1", ARN: "arn:" + name, Tags: tags}
	}
	name := func(i int) string {
		return fmt.Sprintf("%s/%s-%04d", words[i%len(words)], words[(i/7)%len(words)], i)
	}
	newRows := func(ids []int, v int) []*Row {
		rows := make([]*Row, len(ids))
		for j, i := range ids {
			rows[j] = NewRow(summary(name(i), v))
		}
		return rows
	}
	byNameCI := func(a, b *Row) int { return strings.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name())) }

	tb := newTestTable()
	tb.SetSize(100, 12)
	queries := []string{"db", "prod key", "svc 1", "pay", "ApI", "v2 ord"}
	compactions, v := 0, 0
	check := func(step string) {
		t.Helper()
		if len(tb.slots) != len(tb.Rows) {
			t.Fatalf("%s: %d slots for %d rows", step, len(tb.slots), len(tb.Rows))
		}
		for i, r := range tb.Rows {
			if tb.slots[i] != r.slot || r.pos != i {
				t.Fatalf("%s: row %d has slot %d, the table says %d (pos %d)", step, i, r.slot, tb.slots[i], r.pos)
			}
		}
		q := queries[rng.IntN(len(queries))]
		tb.SetQuery(q)
		want := fuzzy.Find(q, tb.Fields, len(tb.Rows), nil)
		if !sameHits(tb, want) {
			t.Fatalf("%s: query %q shows %d hits, one search over the rows finds %d (or they differ)", step, q, len(tb.Shown), len(want))
		}
		tb.SetQuery("")
	}
	// Pages in listing order, then out of order.
	for start := 0; start < 1500; start += 100 {
		ids := make([]int, 100)
		for j := range ids {
			ids[j] = start + j
		}
		tb.Add(newRows(ids, v))
		check("add")
	}
	for range 60 {
		v++
		before := tb.text
		switch op := rng.IntN(10); op {
		case 0: // a refresh page: rows replaced in place, some new
			ids := make([]int, 100)
			for j := range ids {
				ids[j] = rng.IntN(2500)
			}
			tb.Add(newRows(ids, v))
			check("add with replacements")
		case 1: // a page merged in (no key twice in it, as in a listing)
			ids := rng.Perm(2500)[:80]
			if !slices.IsSortedFunc(tb.Rows, byNameCI) {
				tb.SortStable(byNameCI)
				check("sort")
			}
			tb.Merge(newRows(ids, v), byNameCI)
			check("merge")
		case 2:
			tb.Insert(NewRow(summary(name(rng.IntN(2600)), v)), nil)
			check("insert")
		case 3:
			if len(tb.Rows) > 0 {
				tb.Remove(tb.Rows[rng.IntN(len(tb.Rows))].Key)
				check("remove")
			}
		case 4:
			tb.Retain(func(*Row) bool { return rng.IntN(5) != 0 })
			check("retain")
		case 5:
			if len(tb.Rows) > 0 {
				tb.UpdateSummary(tb.Rows[rng.IntN(len(tb.Rows))].Key, func(s *aws.SecretSummary) { s.RotationEnabled = true })
				check("update summary")
			}
		case 9: // a refresh with the same text: new rows, no new text
			if len(tb.Rows) > 50 {
				at := rng.IntN(len(tb.Rows) - 50)
				var again []*Row
				for _, r := range tb.Rows[at : at+50] {
					s := r.Summary()
					s.RotationEnabled = !s.RotationEnabled
					again = append(again, NewRow(s))
				}
				slots := tb.text.Len()
				tb.Add(again)
				if tb.text.Len() != slots {
					t.Fatalf("rows with the same text took %d new slots", tb.text.Len()-slots)
				}
				check("the same text again")
			}
		case 8: // rows the table holds, added again (the same rows)
			if len(tb.Rows) > 10 {
				at := rng.IntN(len(tb.Rows) - 10)
				tb.Add(slices.Clone(tb.Rows[at : at+10]))
				check("the same rows again")
			}
		case 6, 7: // every row replaced once (most of the index is then
			// dropped rows), with new ones among them
			ids := make([]int, 0, len(tb.Rows))
			for _, r := range tb.Rows {
				var i int
				fmt.Sscanf(r.Name()[strings.LastIndexByte(r.Name(), '-')+1:], "%d", &i)
				ids = append(ids, i)
			}
			for _, i := range rng.Perm(1000)[:30] {
				ids = append(ids, 2600+i)
			}
			if op == 6 {
				tb.Add(newRows(ids, v))
				check("refresh")
				break
			}
			tb.SortStable(byNameCI)
			tb.Merge(newRows(ids, v), byNameCI)
			check("refresh merged")
		}
		if tb.text != before {
			compactions++
		}
	}
	if compactions == 0 {
		t.Fatal("the index was never rebuilt: the case proves little")
	}
}
