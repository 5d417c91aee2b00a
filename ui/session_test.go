package ui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
)

// A connect result the session no longer waits for (the operator switched
// region meanwhile) is dropped: the list never lists with a Store of the
// region it left.
func TestSessionDropsStaleConnect(t *testing.T) {
	a := New(Options{
		Profile: "p", Regions: []string{"us-east-1"}, Now: func() time.Time { return testNow },
		Connect: func(context.Context, string, string) (aws.Store, error) { return nil, nil },
	})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.Init()
	old := a.session.seq
	a.Update(common.RegionChosenMsg{Region: "eu-west-1"})
	l := a.stack[0].(*list.Screen)
	if !l.Connecting || l.Region != "eu-west-1" || l.Title() != "secrets in eu-west-1" {
		t.Fatalf("after a region switch the list is connecting=%v to %q", l.Connecting, l.Region)
	}
	a.Update(connectedMsg{owner: a.session, seq: old, profile: "p", region: "us-east-1", store: benchStore{region: "us-east-1"}})
	if l.Store != nil || !l.Connecting || a.session.store != nil {
		t.Fatalf("a stale connect was taken: list store %v, session store %v", l.Store, a.session.store)
	}
	a.Update(connectedMsg{owner: a.session, seq: a.session.seq, profile: "p", region: "eu-west-1", store: benchStore{region: "eu-west-1"}})
	if l.Store == nil || l.Store.Region() != "eu-west-1" || l.Connecting || !l.Loading {
		t.Fatalf("the current connect was not taken: store %v connecting %v loading %v", l.Store, l.Connecting, l.Loading)
	}
	if got := a.session.recents; !slices.Equal(got, []string{"eu-west-1", "us-east-1"}) {
		t.Errorf("recent regions %v", got)
	}
}

// The account comes from an ARN a screen reports, for the session's
// profile only: a report about a profile the session left is ignored.
func TestSessionLearnsAccountForItsProfile(t *testing.T) {
	a := New(Options{Profile: "p", Regions: []string{"us-east-1"}, ProdPatterns: []string{"1111*"}})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.Update(common.ARNSeenMsg{Profile: "other", ARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:x-AbCdEf"})
	if a.env.Account != "" || a.env.Production {
		t.Fatalf("learnt account %q (production %v) from another profile", a.env.Account, a.env.Production)
	}
	a.Update(common.ARNSeenMsg{Profile: "p", ARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:x-AbCdEf"})
	if a.env.Account != "111122223333" || !a.env.Production {
		t.Fatalf("account %q production %v", a.env.Account, a.env.Production)
	}
	a.Update(common.ProfileChosenMsg{Profile: aws.Profile{Name: "q"}})
	if a.env.Account != "" || a.env.Production || a.env.Profile != "q" {
		t.Fatalf("after a profile switch: account %q production %v profile %q", a.env.Account, a.env.Production, a.env.Profile)
	}
}

// Credentials that expire while listing (a page fails) ask for a new MFA
// code through the session, which reconnects with it.
func TestMFAAskedAgainWhenListingFailsOnCredentials(t *testing.T) {
	useTestAWSConfig(t)
	var mu sync.Mutex
	var codes []string
	h := newListHarness(t, 100, 30, emulator.Options{}, func(o *Options) {
		o.Profile = "admin-mfa"
		inner := o.Connect
		o.ConnectMFA = func(ctx context.Context, profile, region, code string) (aws.Store, error) {
			mu.Lock()
			codes = append(codes, code)
			mu.Unlock()
			return inner(ctx, profile, region)
		}
	})
	k := keys()
	h.waitFor("MFA code for profile admin-mfa")
	h.typeText("111111")
	h.press(k.Input.Submit)
	waitLoaded(h)
	l := listOf(h)
	h.send(list.SecretsPageMsg{Owner: l, Seq: l.Seq, Region: "us-east-1",
		Err: &aws.Error{Kind: aws.KindCredentials, Op: "ListSecrets", Region: "us-east-1", Message: "the MFA session has expired"}})
	s := h.waitFor("MFA code for profile admin-mfa")
	assertContains(t, s, "the MFA session has expired")
	h.typeText("222222")
	h.press(k.Input.Submit)
	s = waitLoaded(h)
	assertContains(t, s, "28 secrets")
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(codes, []string{"111111", "222222"}) {
		t.Errorf("MFA connects with %v, want the first code then the new one", codes)
	}
}

// The all-regions view lists with Stores from the session: the session's
// profile, after a profile switch too.
func TestAllRegionsUseTheSessionProfile(t *testing.T) {
	useTestAWSConfig(t)
	var mu sync.Mutex
	var connected []string
	h := newListHarness(t, 120, 40, emulator.Options{}, func(o *Options) {
		o.Profile = "default"
		o.Regions = []string{"us-east-1", "eu-west-1"}
		inner := o.Connect
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			mu.Lock()
			connected = append(connected, profile+"@"+region)
			mu.Unlock()
			return inner(ctx, profile, region)
		}
	})
	waitLoaded(h)
	k := keys()
	h.press(k.List.Profile)
	h.waitFor("prod-ro")
	h.press(k.Picker.Filter)
	h.typeText("prodro")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	h.waitFor("profile prod-ro")
	waitLoaded(h)
	mu.Lock()
	connected = nil
	mu.Unlock()
	h.press(k.List.AllRegions)
	h.press(k.Picker.Select)
	h.waitUntil("both regions listed", func(s string) bool {
		line := lineWith(s, "2 regions")
		return strings.Contains(s, "prod/db/postgres-eu") && line != "" && !strings.Contains(line, "loading")
	})
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(connected)
	if !slices.Equal(connected, []string{"prod-ro@eu-west-1", "prod-ro@us-east-1"}) {
		t.Errorf("all regions connected %v, want prod-ro in both regions", connected)
	}
}
