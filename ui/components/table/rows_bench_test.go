package table

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// listedSummaries are n summaries as ListSecrets gives them: an ARN, a
// name, a description, two tags, dates, two versions.
func listedSummaries(n int) []aws.SecretSummary {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	teams := []string{"payments", "orders", "search", "identity", "platform", "data"}
	out := make([]aws.SecretSummary, n)
	for i := range out {
		team := teams[i%len(teams)]
		name := fmt.Sprintf("%s/svc-%05d/db", team, i)
		out[i] = aws.SecretSummary{
			ARN:  "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf",
			Name: name, Description: fmt.Sprintf("Synthetic db secret %d for the %s team", i, team),
			Region: "us-east-1", RotationEnabled: i%3 == 0, NextRotationDate: now.Add(24 * time.Hour),
			CreatedDate: now.Add(-time.Duration(i) * time.Hour), LastChangedDate: now, LastAccessedDate: now,
			Tags: []aws.Tag{{Key: "team", Value: team}, {Key: "env", Value: "prod"}},
			VersionStages: map[string][]string{
				fmt.Sprintf("a1b2c3d4-0000-4000-8000-%012d", i):   {aws.LabelCurrent},
				fmt.Sprintf("a1b2c3d4-0000-4000-8000-%012d", i+1): {aws.LabelPrevious},
			},
		}
	}
	return out
}

// BenchmarkNewRow makes the rows of 10,000 listed secrets: the time per
// row (ns/row, the GCs that measure memory not counted), and the bytes a
// row keeps alive (B/row, after a GC with the rows held).
func BenchmarkNewRow(b *testing.B) {
	const n = 10000
	sums := listedSummaries(n)
	var live float64
	for b.Loop() {
		var before, after runtime.MemStats
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		t := &Secrets{}
		rows := make([]*Row, n)
		for i := range sums {
			rows[i] = t.NewRow(sums[i])
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.StartTimer()
		live = float64(after.HeapAlloc-before.HeapAlloc) / n
		runtime.KeepAlive(rows)
	}
	b.ReportMetric(live, "B/row")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}

// BenchmarkAddPages adds 10,000 listed secrets to a table a page of 100 at
// a time, as a listing does: rows made, indexed for the filter and shown
// (ns/row).
func BenchmarkAddPages(b *testing.B) {
	const n = 10000
	sums := listedSummaries(n)
	for b.Loop() {
		t := New(nil)
		for p := 0; p < n; p += 100 {
			rows := make([]*Row, 0, 100)
			for i := p; i < p+100; i++ {
				rows = append(rows, t.NewRow(sums[i]))
			}
			t.Add(rows)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}
