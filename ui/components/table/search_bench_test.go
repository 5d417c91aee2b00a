package table

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/smtui/smtui/aws"
)

// benchSummaries makes n listing entries shaped like the ui benchmarks':
// a name, a description with capitals, two tags.
func benchSummaries(n int) []aws.SecretSummary {
	teams := []string{"payments", "orders", "search", "identity", "platform", "data"}
	kinds := []string{"db", "api-key", "oauth", "ssh", "tls"}
	out := make([]aws.SecretSummary, n)
	for i := range out {
		team, kind := teams[i%len(teams)], kinds[i%len(kinds)]
		name := fmt.Sprintf("%s/svc-%05d/%s", team, i, kind)
		out[i] = aws.SecretSummary{
			ARN:         "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf",
			Name:        name,
			Description: fmt.Sprintf("Synthetic %s secret %d for the %s team (production)", kind, i, team),
			Region:      "us-east-1",
			Tags:        []aws.Tag{{Key: "team", Value: team}, {Key: "env", Value: "prod"}},
		}
	}
	return out
}

// liveHeap is the live heap after a full collection.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkRowMemory reports what the table holds per row, for 50,000 rows
// loaded a page of 100 at a time as the list makes them (B/row: the rows,
// their packed summaries, the key index, the rows shown), the same once
// the filter has been used (filtered-B/row: with the search index), and
// the search index's share (index-B/row: the text, capitals' bits, field
// spans, slots).
func BenchmarkRowMemory(b *testing.B) {
	const n = 50000
	sums := benchSummaries(n)
	var perRow, indexedPerRow, indexPerRow float64
	for range b.N {
		before := liveHeap()
		tb := newTestTable()
		for start := 0; start < n; start += 100 {
			page := make([]*Row, 0, 100)
			for _, s := range sums[start:min(start+100, n)] {
				page = append(page, tb.NewRow(s))
			}
			tb.Add(page)
		}
		loaded := liveHeap()
		tb.StartFilter() // the filter's index is built on its first use
		indexed := liveHeap()
		perRow = float64(int64(loaded)-int64(before)) / n
		indexedPerRow = float64(int64(indexed)-int64(before)) / n
		indexPerRow = float64(tb.text.Size()+4*cap(tb.slots)) / n
		runtime.KeepAlive(tb)
	}
	runtime.KeepAlive(sums)
	b.ReportMetric(perRow, "B/row")
	b.ReportMetric(indexedPerRow, "filtered-B/row")
	b.ReportMetric(indexPerRow, "index-B/row")
}
