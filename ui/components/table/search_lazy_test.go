package table

import (
	"fmt"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// A table that is never filtered holds no search index; the first use of
// the filter (opening it, or a query set) indexes every row loaded, rows
// arriving after are indexed as they come, and the filter then finds what
// one search over the rows' own fields finds. Rows removed or replaced
// before the index exists leave nothing behind in it.
func TestSearchIndexIsBuiltOnFirstUse(t *testing.T) {
	t.Parallel()
	page := func(from, n int) []*Row {
		rows := make([]*Row, n)
		for i := range rows {
			name := fmt.Sprintf("team-%d/db-%04d", (from+i)%7, from+i)
			rows[i] = NewRow(aws.SecretSummary{Name: name, ARN: "arn:" + name, Region: "r1",
				Description: fmt.Sprintf("database %d", from+i), Tags: []aws.Tag{{Key: "env", Value: "prod"}}})
		}
		return rows
	}
	checkIndexed := func(tb *Secrets, step string) {
		t.Helper()
		if tb.text.Len() == 0 {
			t.Fatalf("%s: no index", step)
		}
		for i, r := range tb.Rows {
			if r.slot < 0 || tb.slots[i] != r.slot {
				t.Fatalf("%s: row %d has slot %d, the table says %d", step, i, r.slot, tb.slots[i])
			}
		}
	}
	for _, open := range []struct {
		name string
		use  func(tb *Secrets)
	}{
		{"the filter opened", func(tb *Secrets) { tb.StartFilter() }},
		{"a query set", func(tb *Secrets) { tb.SetQuery("db 1") }},
	} {
		tb := newTestTable()
		tb.SetSize(100, 10)
		for p := 0; p < 500; p += 100 {
			tb.Add(page(p, 100))
		}
		tb.Remove(tb.Rows[3].Key)
		tb.Retain(func(r *Row) bool { return r.pos%50 != 0 })
		tb.Merge(page(490, 20), func(a, b *Row) int { return 0 }) // ten replaced, ten new
		tb.UpdateSummary(tb.Rows[0].Key, func(s *aws.SecretSummary) { s.RotationEnabled = true })
		if tb.text.Len() != 0 || tb.indexed {
			t.Fatalf("%s: a table never filtered holds an index of %d items", open.name, tb.text.Len())
		}
		for i, r := range tb.Rows {
			if r.slot != -1 || tb.slots[i] != -1 {
				t.Fatalf("%s: row %d has slot %d before any index", open.name, i, r.slot)
			}
		}
		open.use(tb)
		checkIndexed(tb, open.name)
		if tb.text.Len() != len(tb.Rows) {
			t.Errorf("%s: %d items indexed for %d rows", open.name, tb.text.Len(), len(tb.Rows))
		}
		tb.Add(page(600, 100))
		checkIndexed(tb, open.name+", then a page")
		for _, q := range []string{"db 1", "team-3 prod", "database 61"} {
			tb.SetQuery(q)
			if want := fuzzy.Find(q, tb.Fields, len(tb.Rows), nil); !sameHits(tb, want) {
				t.Errorf("%s: query %q shows %d hits, one search over the rows finds %d", open.name, q, len(tb.Shown), len(want))
			}
		}
	}
}
