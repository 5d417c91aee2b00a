package table

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// listedSummaries are benchSummaries as ListSecrets gives them: with
// dates and two versions (ids in UUID form).
func listedSummaries(n int) []aws.SecretSummary {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	out := benchSummaries(n)
	for i := range out {
		s := &out[i]
		s.RotationEnabled, s.NextRotationDate = i%3 == 0, now.Add(24*time.Hour)
		s.CreatedDate, s.LastChangedDate, s.LastAccessedDate = now.Add(-time.Duration(i)*time.Hour), now, now
		s.VersionStages = map[string][]string{
			fmt.Sprintf("a1b2c3d4-0000-4000-8000-%012d", i):   {aws.LabelCurrent},
			fmt.Sprintf("a1b2c3d4-0000-4000-8000-%012d", i+1): {aws.LabelPrevious},
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
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		t := &Secrets{}
		rows := make([]*Row, n)
		for i := range sums {
			rows[i] = t.NewRow(sums[i])
		}
		b.StopTimer()
		live = float64(int64(liveHeap())-int64(before)) / n
		b.StartTimer()
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
