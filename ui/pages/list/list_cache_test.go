package list

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
)

// Every field of a listing entry counts for sameListing except the
// replication state: a field added to aws.SecretSummary later and not
// compared would let a refresh keep a stale row, and fails here.
func TestSameListingComparesEveryField(t *testing.T) {
	base := aws.SecretSummary{ARN: "arn:x", Name: "n", Tags: []aws.Tag{{Key: "k", Value: "v"}},
		VersionStages: map[string][]string{"v1": {aws.LabelCurrent}}, CreatedDate: time.Unix(100, 0)}
	if !sameListing(table.NewRow(base), base) {
		t.Fatal("a summary differs from itself")
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		changed := base
		changed.Tags = append([]aws.Tag(nil), base.Tags...)
		changed.VersionStages = map[string][]string{"v1": {aws.LabelCurrent}}
		v := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			v.SetString("other")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Slice:
			if f.Name == "Tags" {
				changed.Tags = []aws.Tag{{Key: "k", Value: "w"}}
			} else {
				v.Set(reflect.ValueOf([]string{"eu-west-1"}))
			}
		case reflect.Map:
			changed.VersionStages = map[string][]string{"v1": {aws.LabelPrevious}}
		case reflect.Struct:
			if f.Type == reflect.TypeOf(time.Time{}) {
				v.Set(reflect.ValueOf(time.Unix(999, 0)))
			} else {
				changed.RotationRules.Duration = "4h"
			}
		default:
			t.Fatalf("field %s of kind %s: teach this test to change it", f.Name, f.Type.Kind())
		}
		got := sameListing(table.NewRow(base), changed)
		if want := f.Name == "FailedReplicas"; got != want {
			t.Errorf("sameListing with %s changed = %v, want %v", f.Name, got, want)
		}
	}
}

func summary(name string) aws.SecretSummary {
	return aws.SecretSummary{Name: name, Region: "us-east-1", CreatedDate: time.Unix(int64(len(name)), 0),
		ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf"}
}

// A cache read that finishes after the first live batch still shows the
// cached secrets the listing has not returned yet; the end of the listing
// drops those that are gone and keeps the live ones.
func TestLateCacheAddsWhatIsNotListedYet(t *testing.T) {
	env := &common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now}}
	l := newListScreen(env, "us-east-1")
	l.Loading = true
	live := []aws.SecretSummary{summary("a"), summary("bb")}
	l.Table.Add(l.rowsOf(live))
	cached := []aws.SecretSummary{summary("a"), summary("ghost"), summary("ccc")}
	l.cacheLoaded(cacheLoadedMsg{owner: l, seq: l.conn, region: "us-east-1", snap: cache.Snapshot{Secrets: cached, Written: time.Now()}})
	if !l.fromCache || l.Table.Find("us-east-1", "ghost") == nil || len(l.Table.Rows) != 4 {
		t.Fatalf("late cache not shown: fromCache %v, %d rows", l.fromCache, len(l.Table.Rows))
	}
	// The rest of the listing returns ccc; ghost is gone.
	l.liveBatch([]aws.SecretSummary{summary("ccc")})
	l.reconcile(ModeSequential)
	var got []string
	for _, r := range l.Table.Rows {
		got = append(got, r.Name())
	}
	if !slices.Equal(got, []string{"a", "bb", "ccc"}) {
		t.Errorf("rows after the refresh %v, want a bb ccc", got)
	}
	// A cache of another account is not mixed in.
	l2 := newListScreen(env, "us-east-1")
	l2.Loading = true
	l2.Table.Add(l2.rowsOf([]aws.SecretSummary{summary("a")}))
	other := summary("x")
	other.ARN = "arn:aws:secretsmanager:us-east-1:999999999999:secret:x-AbCdEf"
	l2.cacheLoaded(cacheLoadedMsg{owner: l2, seq: l2.conn, region: "us-east-1", snap: cache.Snapshot{Secrets: []aws.SecretSummary{other}}})
	if l2.fromCache || len(l2.Table.Rows) != 1 {
		t.Errorf("another account's cache was mixed in: %d rows", len(l2.Table.Rows))
	}
}

// A large cache shows its head (the first screenful) from the first read;
// the rest comes from a second read in the Cmd that follows, in order. A
// head arriving after live rows is read whole before it joins them.
func TestCachedHeadFirstThenTheRest(t *testing.T) {
	c := cache.New(t.TempDir())
	env := &common.Env{Settings: common.Settings{Keys: keymap.Default(), Styles: common.NewStyles(true), Now: time.Now,
		ListCache: c}}
	var cached []aws.SecretSummary
	for i := range cache.HeadSecrets + 150 {
		cached = append(cached, summary(fmt.Sprintf("svc-%04d", i)))
	}
	l := newListScreen(env, "us-east-1")
	if err := c.Save(l.cacheKey("us-east-1"), cache.Snapshot{Secrets: cached, Written: time.Now()}); err != nil {
		t.Fatal(err)
	}
	msg, ok := l.loadCache("us-east-1")().(cacheLoadedMsg)
	if !ok || msg.err != nil || len(msg.snap.Secrets) != cache.HeadSecrets || msg.rest == nil {
		t.Fatalf("the first read: %d secrets, %v, a rest to read: %v; want the %d of the head", len(msg.snap.Secrets), msg.err, msg.rest != nil, cache.HeadSecrets)
	}
	next := l.cacheLoaded(msg)
	if len(l.Table.Rows) != cache.HeadSecrets || !l.fromCache || next == nil {
		t.Fatalf("after the head: %d rows, fromCache %v, a Cmd for the rest %v", len(l.Table.Rows), l.fromCache, next != nil)
	}
	rest, ok := next().(cacheRestMsg)
	if !ok {
		t.Fatalf("the rest's Cmd brought %T", next())
	}
	l.cacheRest(rest)
	var got, want []string
	for _, r := range l.Table.Rows {
		got = append(got, r.Name())
	}
	for _, s := range cached {
		want = append(want, s.Name)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("rows after the rest: %d, want the %d cached in order", len(got), len(want))
	}

	// Live rows first: the head is read whole, then shown behind them.
	late := newListScreen(env, "us-east-1")
	late.Loading = true
	late.Table.Add(late.rowsOf([]aws.SecretSummary{summary("svc-0000")}))
	msg = late.loadCache("us-east-1")().(cacheLoadedMsg)
	whole := late.cacheLoaded(msg)
	if whole == nil || late.fromCache || len(late.Table.Rows) != 1 {
		t.Fatalf("a late head joined the live rows before the rest was read: %d rows", len(late.Table.Rows))
	}
	full, ok := whole().(cacheLoadedMsg)
	if !ok || full.rest != nil || len(full.snap.Secrets) != len(cached) {
		t.Fatalf("the late read: %d secrets, a rest still to read %v", len(full.snap.Secrets), full.rest != nil)
	}
	late.cacheLoaded(full)
	if !late.fromCache || len(late.Table.Rows) != len(cached) {
		t.Fatalf("after the late cache: %d rows, fromCache %v; want %d", len(late.Table.Rows), late.fromCache, len(cached))
	}
}
