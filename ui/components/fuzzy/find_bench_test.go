package fuzzy

import (
	"fmt"
	"testing"
)

// benchItems makes n items shaped like the list's rows: a name, a
// description and two tags, each item's fields in their own allocation as
// the table's rows hold them.
func benchItems(n int) [][]Field {
	teams := []string{"payments", "orders", "search", "identity", "platform", "data"}
	kinds := []string{"db", "api-key", "oauth", "ssh", "tls"}
	items := make([][]Field, n)
	for i := range items {
		team, kind := teams[i%len(teams)], kinds[i%len(kinds)]
		name := fmt.Sprintf("%s/svc-%05d/%s", team, i, kind)
		desc := fmt.Sprintf("Synthetic %s secret %d for the %s team (production)", kind, i, team)
		off := len(name) + 1
		items[i] = []Field{
			NewField(name, 0, 10),
			NewField(desc, off, 0),
			NewField("team="+team, off+len(desc)+1, 0),
			NewField("env=prod", off+len(desc)+len(team)+7, 0),
		}
	}
	return items
}

// BenchmarkFind50k times the first keystrokes' full searches over 50,000
// items ("s", "sv" and "svc" match every one) and a two-word query.
func BenchmarkFind50k(b *testing.B) {
	items := benchItems(50000)
	fields := func(i int) []Field { return items[i] }
	for _, q := range []string{"s", "svc", "svc12 db"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if len(Find(q, fields, len(items), nil)) == 0 {
					b.Fatal("no hits")
				}
			}
		})
	}
}
