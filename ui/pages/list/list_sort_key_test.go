package list

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// Sorting by key (each row's key worked out once) puts the rows in exactly
// the order listOrder's comparison does, for every sort the list offers:
// equal dates and names, and secrets never accessed (no date), included.
func TestListKeyOrdersAsListOrder(t *testing.T) {
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
	for _, c := range sortChoices() {
		opts := aws.ListOptions{SortBy: c.by, SortOrder: c.order}
		byCmp, byKey := table.New(env), table.New(env)
		byCmp.Add(RowsOf(byCmp, sums))
		byKey.Add(RowsOf(byKey, sums))
		byCmp.SortStable(listOrder(opts))
		byKey.SortStableByKey(listKey(opts))
		keys := func(tb *table.Secrets) []string {
			var out []string
			for _, r := range tb.Rows {
				out = append(out, r.Key)
			}
			return out
		}
		if !slices.Equal(keys(byCmp), keys(byKey)) {
			t.Errorf("sort %q %q: the keyed sort differs from listOrder's", c.by, c.order)
		}
	}
}
