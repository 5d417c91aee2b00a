package fuzzy

import (
	"fmt"
	"testing"
)

// benchIndex indexes n items shaped like the list's rows: a name, a
// description and two tags.
func benchIndex(n int) (*Index, []int32) {
	teams := []string{"payments", "orders", "search", "identity", "platform", "data"}
	kinds := []string{"db", "api-key", "oauth", "ssh", "tls"}
	var x Index
	slots := make([]int32, n)
	for i := range slots {
		team, kind := teams[i%len(teams)], kinds[i%len(kinds)]
		name := fmt.Sprintf("%s/svc-%05d/%s", team, i, kind)
		desc := fmt.Sprintf("Synthetic %s secret %d for the %s team (production)", kind, i, team)
		off := len(name) + 1
		x.Begin()
		x.AddField(name, 0, 10)
		x.AddField(desc, off, 0)
		x.AddField("team="+team, off+len(desc)+1, 0)
		x.AddField("env=prod", off+len(desc)+len(team)+7, 0)
		slots[i] = x.End()
	}
	return &x, slots
}

// BenchmarkFind50k times the first keystrokes' full searches over 50,000
// items ("s", "sv" and "svc" match every one) and a two-word query.
func BenchmarkFind50k(b *testing.B) {
	x, slots := benchIndex(50000)
	for _, q := range []string{"s", "svc", "svc12 db"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if len(x.Find(q, slots, nil)) == 0 {
					b.Fatal("no hits")
				}
			}
		})
	}
}

// BenchmarkRank50k is BenchmarkFind50k without positions (what the table
// does per keystroke).
func BenchmarkRank50k(b *testing.B) {
	x, slots := benchIndex(50000)
	for _, q := range []string{"s", "svc", "svc12 db"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if len(x.Rank(q, slots, nil)) == 0 {
					b.Fatal("no hits")
				}
			}
		})
	}
}
