package list

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// For every sort the list offers, both the comparison (listOrder) and the
// sort by key worked out once a row put the rows in the server's order,
// written out here on the summaries themselves: by the date (none before
// any), ties by name, all reversed when descending; equal dates and names,
// and secrets never accessed, included.
func TestListOrdersAsTheServer(t *testing.T) {
	t.Parallel()
	env := &common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now}}
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	date := func() time.Time {
		if rng.IntN(5) == 0 {
			return time.Time{}
		}
		return base.Add(time.Duration(rng.IntN(20)) * time.Hour) // many ties
	}
	var sums []aws.SecretSummary
	for i := range 400 {
		name := fmt.Sprintf("svc-%02d", rng.IntN(60)) // names repeat too
		sums = append(sums, aws.SecretSummary{Name: name, ARN: fmt.Sprintf("arn:%s-%d", name, i), Region: "r1",
			CreatedDate: date(), LastChangedDate: date(), LastAccessedDate: date()})
	}
	reference := func(opts aws.ListOptions) []string {
		sorted := slices.Clone(sums)
		slices.SortStableFunc(sorted, func(a, b aws.SecretSummary) int {
			var c int
			switch opts.SortBy {
			case aws.SortByName:
			case aws.SortByLastChanged:
				c = a.LastChangedDate.Compare(b.LastChangedDate)
			case aws.SortByLastAccessed:
				c = a.LastAccessedDate.Compare(b.LastAccessedDate)
			default:
				c = a.CreatedDate.Compare(b.CreatedDate)
			}
			if c == 0 {
				c = strings.Compare(a.Name, b.Name)
			}
			if opts.SortOrder == aws.SortDesc {
				c = -c
			}
			return c
		})
		var out []string
		for _, s := range sorted {
			out = append(out, s.ARN)
		}
		return out
	}
	keys := func(tb *table.Secrets) []string {
		var out []string
		for _, r := range tb.Rows {
			out = append(out, r.Key)
		}
		return out
	}
	for _, c := range sortChoices() {
		opts := aws.ListOptions{SortBy: c.by, SortOrder: c.order}
		want := reference(opts)
		byCmp, byKey := table.New(env), table.New(env)
		byCmp.Add(RowsOf(byCmp, sums))
		byKey.Add(RowsOf(byKey, sums))
		byCmp.SortStable(listOrder(opts))
		byKey.SortStableByKey(listKey(opts))
		if !slices.Equal(keys(byCmp), want) {
			t.Errorf("sort %q %q: listOrder's order is not the server's", c.by, c.order)
		}
		if !slices.Equal(keys(byKey), want) {
			t.Errorf("sort %q %q: the keyed sort's order is not the server's", c.by, c.order)
		}
	}
}
