package ui

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/pages/list"
)

// benchStore is a Store that is never called: the benchmarks deliver the
// page messages themselves.
type benchStore struct {
	aws.Store
	region string
}

func (s benchStore) Region() string  { return s.region }
func (s benchStore) Profile() string { return "bench" }

// benchSummaries makes n realistic listing entries.
func benchSummaries(n int) []aws.SecretSummary {
	teams := []string{"payments", "orders", "search", "identity", "platform", "data"}
	kinds := []string{"db", "api-key", "oauth", "ssh", "tls"}
	out := make([]aws.SecretSummary, n)
	for i := range out {
		team, kind := teams[i%len(teams)], kinds[i%len(kinds)]
		name := fmt.Sprintf("%s/svc-%05d/%s", team, i, kind)
		out[i] = aws.SecretSummary{
			ARN:              "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf",
			Name:             name,
			Description:      fmt.Sprintf("Synthetic %s secret %d for the %s team (production)", kind, i, team),
			Region:           "us-east-1",
			RotationEnabled:  i%3 == 0,
			NextRotationDate: testNow.Add(time.Duration(i%7-3) * 24 * time.Hour),
			CreatedDate:      testNow.Add(-time.Duration(i) * time.Hour),
			LastChangedDate:  testNow.Add(-time.Duration(i%500) * time.Hour),
			LastAccessedDate: testNow.Truncate(24*time.Hour).AddDate(0, 0, -(i % 40)),
			Tags:             []aws.Tag{{Key: "team", Value: team}, {Key: "env", Value: "prod"}},
			VersionStages:    map[string][]string{fmt.Sprintf("v-%d", i): {aws.LabelCurrent}},
		}
	}
	return out
}

// loadedApp is an App at 120x40 whose list holds n secrets, delivered as
// ListSecrets pages of 100 through Update.
func loadedApp(tb testing.TB, n int) (*App, *list.Screen) {
	tb.Helper()
	a := New(Options{
		Profile: "bench", Regions: []string{"us-east-1"},
		Now:     func() time.Time { return testNow },
		Connect: func(context.Context, string, string) (aws.Store, error) { return benchStore{region: "us-east-1"}, nil },
	})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	l := a.stack[0].(*list.Screen)
	a.Update(connectedMsg{owner: a.session, seq: a.session.seq, profile: "bench", region: "us-east-1", store: benchStore{region: "us-east-1"}})
	all := benchSummaries(n)
	for start := 0; start < n; start += 100 {
		end := min(start+100, n)
		token := "next"
		if end == n {
			token = ""
		}
		a.Update(list.SecretsPageMsg{Owner: l, Seq: l.Seq, Region: "us-east-1",
			Page: aws.SecretPage{Secrets: all[start:end], NextToken: token}})
	}
	if len(l.Table.Rows) != n || l.Loading {
		tb.Fatalf("loaded %d rows (loading=%v), want %d", len(l.Table.Rows), l.Loading, n)
	}
	return a, l
}

// BenchmarkFilterKeystroke measures one keystroke in the fuzzy filter over
// 10,000 loaded secrets: Update (re-filter) plus View. The keystrokes cycle
// through typing "svc12 db" and deleting it again, so both narrowing and
// widening searches are measured; the query cache is emptied at the start
// of each cycle, so every cycle starts with a search over all 10,000 rows.
// A search over more rows than the table searches in one Update goes on in
// step messages (table.SearchStepMsg), which the benchmark delivers at once
// after the keystroke, each with its View, as the program would. It
// reports, in ms: p99-ms, the keystroke's own Update + View (issue 10's
// target); step-p99-ms, the longest Update + View of any message of the
// filter (keystrokes and steps: how long the UI is ever blocked); and
// shown-p99-ms, from the keystroke to the View showing its complete
// results (the keystroke's and its steps' Update + View, not counting the
// program's queueing between them).
func BenchmarkFilterKeystroke(b *testing.B) { benchKeystrokes(b, 10000, false) }

// BenchmarkFilterKeystrokeNoCache is the worst case: the query cache is
// emptied before every keystroke, so each deletion searches all rows again.
func BenchmarkFilterKeystrokeNoCache(b *testing.B) { benchKeystrokes(b, 10000, true) }

// BenchmarkFilterKeystroke50k is the same keystrokes over 50,000 secrets
// (issue 10's target: p99 ≤ 8 ms for Update + View).
func BenchmarkFilterKeystroke50k(b *testing.B) { benchKeystrokes(b, 50000, false) }

// BenchmarkFilterKeystroke50kNoCache is the worst case at 50,000 secrets.
func BenchmarkFilterKeystroke50kNoCache(b *testing.B) { benchKeystrokes(b, 50000, true) }

func benchKeystrokes(b *testing.B, n int, noCache bool) {
	a, l := loadedApp(b, n)
	a.Update(keyPress(a.env.Keys.List.Filter.Keys()[0]))
	if !l.Table.Filtering() {
		b.Fatal("filter did not open")
	}
	var cycle []tea.KeyPressMsg
	for _, r := range "svc12 db" {
		cycle = append(cycle, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for range "svc12 db" {
		cycle = append(cycle, keyPress("backspace"))
	}
	keyLat := make([]time.Duration, 0, b.N)
	stepLat := make([]time.Duration, 0, b.N)
	shownLat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if noCache || i%len(cycle) == 0 {
			l.Table.Cache = nil
		}
		start := time.Now()
		a.Update(cycle[i%len(cycle)])
		_ = a.View()
		key := time.Since(start)
		keyLat, stepLat = append(keyLat, key), append(stepLat, key)
		shown := key
		for msg := l.Table.PendingSearchStep(); msg != nil; msg = l.Table.PendingSearchStep() {
			start := time.Now()
			a.Update(msg)
			_ = a.View()
			step := time.Since(start)
			stepLat = append(stepLat, step)
			shown += step
		}
		shownLat = append(shownLat, shown)
	}
	b.StopTimer()
	if l.Table.Query != "" && b.N%len(cycle) == 0 {
		b.Fatalf("query %q left after whole cycles", l.Table.Query)
	}
	b.ReportMetric(p99ms(keyLat), "p99-ms")
	b.ReportMetric(p99ms(stepLat), "step-p99-ms")
	b.ReportMetric(p99ms(shownLat), "shown-p99-ms")
}

// BenchmarkFilterOpen10k and 50k time opening the filter (/) on a list
// just loaded: a list is not indexed for the filter until the filter is
// first used, so this keystroke builds the index of every row.
func BenchmarkFilterOpen10k(b *testing.B) { benchFilterOpen(b, 10000) }
func BenchmarkFilterOpen50k(b *testing.B) { benchFilterOpen(b, 50000) }

func benchFilterOpen(b *testing.B, n int) {
	for b.Loop() {
		b.StopTimer()
		a, l := loadedApp(b, n)
		b.StartTimer()
		a.Update(keyPress(a.env.Keys.List.Filter.Keys()[0]))
		_ = a.View()
		b.StopTimer()
		if !l.Table.Filtering() {
			b.Fatal("filter did not open")
		}
		b.StartTimer()
	}
}

// p99ms is the 99th percentile of lat, in ms.
func p99ms(lat []time.Duration) float64 {
	slices.Sort(lat)
	return float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()) / 1000
}

// BenchmarkListView renders the list with 10, 10,000 and 50,000 secrets
// loaded: the cost must not grow with the number of secrets. The window
// (120x16) shows about 10 rows, so every case draws the same number of rows.
func BenchmarkListView(b *testing.B) {
	for _, n := range []int{10, 10000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a, l := loadedApp(b, n)
			a.Update(tea.WindowSizeMsg{Width: 120, Height: 15})
			if l.Table.Height > 10 {
				b.Fatalf("table shows %d rows; want at most 10 so both cases draw full windows", l.Table.Height)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				_ = a.View()
			}
		})
	}
}

// BenchmarkListLocalSort re-sorts 50,000 loaded secrets with the sort key
// (created, name, last changed, last accessed in turn): everything is
// loaded, so the list sorts here without listing again. It reports the
// p99 latency in ms.
func BenchmarkListLocalSort(b *testing.B) {
	a, l := loadedApp(b, 50000)
	press := keyPress(a.env.Keys.List.Sort.Keys()[0])
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		a.Update(press)
		_ = a.View()
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	if l.Loading || len(l.Table.Rows) != 50000 {
		b.Fatalf("the sort listed again (loading=%v, %d rows)", l.Loading, len(l.Table.Rows))
	}
	slices.Sort(lat)
	p99 := lat[min(len(lat)-1, len(lat)*99/100)]
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}
