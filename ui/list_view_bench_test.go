package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/pages/list"
)

// loadingApp is an App at width x height whose list has received n
// secrets in pages of 100 and is still loading: every page said more
// follow.
func loadingApp(tb testing.TB, n, width, height int) (*App, *list.Screen) {
	tb.Helper()
	a := New(Options{
		Profile: "bench", Regions: []string{"us-east-1"},
		Now:     func() time.Time { return testNow },
		Connect: func(context.Context, string, string) (aws.Store, error) { return benchStore{region: "us-east-1"}, nil },
	})
	a.Update(tea.WindowSizeMsg{Width: width, Height: height})
	l := a.stack[0].(*list.Screen)
	a.Update(connectedMsg{owner: a.session, seq: a.session.seq, profile: "bench", region: "us-east-1", store: benchStore{region: "us-east-1"}})
	all := benchSummaries(n)
	for start := 0; start < n; start += 100 {
		a.Update(list.SecretsPageMsg{Owner: l, Seq: l.Seq, Region: "us-east-1",
			Page: aws.SecretPage{Secrets: all[start:min(start+100, n)], NextToken: "next"}})
	}
	if len(l.Table.Rows) != n || !l.Loading {
		tb.Fatalf("loaded %d rows (loading=%v), want %d still loading", len(l.Table.Rows), l.Loading, n)
	}
	return a, l
}

// BenchmarkListViewLoading renders the list while pages still arrive (the
// info line says loading…, the footer offers to stop): the frame the
// program draws 60 times a second during a listing. Like BenchmarkListView
// its cost must not grow with the rows loaded.
func BenchmarkListViewLoading(b *testing.B) {
	for _, n := range []int{10, 10000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a, _ := loadingApp(b, n, 120, 15)
			if v := a.View().Content; !strings.Contains(v, "loading…") {
				b.Fatalf("the frame does not say it is loading:\n%s", v)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				_ = a.View()
			}
		})
	}
}

// BenchmarkListViewLoadingFull is a loading frame in a full-size window
// (200x60: every column, fifty rows).
func BenchmarkListViewLoadingFull(b *testing.B) {
	a, _ := loadingApp(b, 10000, 200, 60)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = a.View()
	}
}
