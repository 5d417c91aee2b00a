package aws

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// fakeConnect records every connect and returns a distinct store each time,
// or the next queued error.
type fakeConnect struct {
	mu    sync.Mutex
	calls []ConnectOptions
	fail  []error
	delay time.Duration
}

// connectedStore is what fakeConnect builds: it remembers its options. Its
// Store methods are never called.
type connectedStore struct {
	Store
	n int
	o ConnectOptions
}

func (f *fakeConnect) connect(_ context.Context, o ConnectOptions) (Store, error) {
	time.Sleep(f.delay)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, o)
	if len(f.fail) > 0 {
		err := f.fail[0]
		f.fail = f.fail[1:]
		return nil, err
	}
	return &connectedStore{n: len(f.calls), o: o}, nil
}

func (f *fakeConnect) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

func mustStore(t *testing.T, s *Sessions, profile, region string) *connectedStore {
	t.Helper()
	st, err := s.Store(context.Background(), profile, region)
	if err != nil {
		t.Fatalf("Store(%s, %s): %v", profile, region, err)
	}
	return st.(*connectedStore)
}

func TestSessionsReuseOneStorePerProfileAndRegion(t *testing.T) {
	f := &fakeConnect{}
	s := newSessions(ConnectOptions{EndpointURL: "http://e", CallTimeout: time.Second}, f.connect)
	a := mustStore(t, s, "dev", "us-east-1")
	if again := mustStore(t, s, "dev", "us-east-1"); again != a {
		t.Fatal("a second Store call for the same profile and region built a new Store")
	}
	b := mustStore(t, s, "dev", "eu-west-1")
	c := mustStore(t, s, "prod", "us-east-1")
	if a == b || a == c || b == c {
		t.Fatal("different (profile, region) pairs got the same Store")
	}
	if f.count() != 3 {
		t.Fatalf("connected %d times, want 3", f.count())
	}
	for _, st := range []*connectedStore{a, b, c} {
		if st.o.EndpointURL != "http://e" || st.o.CallTimeout != time.Second {
			t.Errorf("the base options were not kept: %+v", st.o)
		}
	}
	if a.o.Profile != "dev" || a.o.Region != "us-east-1" || b.o.Region != "eu-west-1" || c.o.Profile != "prod" {
		t.Errorf("profile and region not passed on: %+v, %+v, %+v", a.o, b.o, c.o)
	}
}

func TestSessionsShareCredentialsAcrossTheRegionsOfOneProfile(t *testing.T) {
	f := &fakeConnect{}
	s := newSessions(ConnectOptions{}, f.connect)
	first := mustStore(t, s, "dev", "us-east-1")
	if first.o.ShareCredentialsWith != nil {
		t.Fatal("the profile's first Store shares credentials with something")
	}
	second := mustStore(t, s, "dev", "eu-west-1")
	if second.o.ShareCredentialsWith != Store(first) {
		t.Fatalf("another region of the profile does not share its first Store's credentials: %v", second.o.ShareCredentialsWith)
	}
	third := mustStore(t, s, "dev", "ap-south-1")
	if third.o.ShareCredentialsWith != Store(first) {
		t.Fatal("a third region shares with another Store than the profile's first")
	}
	other := mustStore(t, s, "prod", "eu-west-1")
	if other.o.ShareCredentialsWith != nil {
		t.Fatal("another profile shares the first profile's credentials")
	}
}

func TestSessionsStaticCredentialsKeepTheBaseProfile(t *testing.T) {
	f := &fakeConnect{}
	s := newSessions(ConnectOptions{AccessKeyID: "AKID", SecretAccessKey: "s"}, f.connect)
	st := mustStore(t, s, "demo", "us-east-1")
	if st.o.Profile != "" || st.o.AccessKeyID != "AKID" {
		t.Fatalf("static credentials: %+v", st.o)
	}
}

func TestSessionsRenewMFAForgetsTheProfilesStores(t *testing.T) {
	f := &fakeConnect{}
	s := newSessions(ConnectOptions{}, f.connect)
	ctx := context.Background()
	oldEast := mustStore(t, s, "dev", "us-east-1")
	oldWest := mustStore(t, s, "dev", "eu-west-1")
	prod := mustStore(t, s, "prod", "us-east-1")

	got, err := s.RenewMFA(ctx, "dev", "us-east-1", "123456")
	if err != nil {
		t.Fatal(err)
	}
	renewed := got.(*connectedStore)
	if renewed == oldEast {
		t.Fatal("RenewMFA returned the Store with the old credentials")
	}
	if renewed.o.ShareCredentialsWith != nil {
		t.Fatal("the renewed Store shares the old credentials")
	}
	if renewed.o.MFACode == nil {
		t.Fatal("the renewed Store was built without the MFA code")
	}
	if code, err := renewed.o.MFACode(); code != "123456" || err != nil {
		t.Fatalf("MFACode() = %q, %v", code, err)
	}
	if again := mustStore(t, s, "dev", "us-east-1"); again != renewed {
		t.Fatal("Store after RenewMFA does not return the renewed Store")
	}
	west := mustStore(t, s, "dev", "eu-west-1")
	if west == oldWest {
		t.Fatal("another region of the profile kept the Store with the old credentials")
	}
	if west.o.ShareCredentialsWith != Store(renewed) || west.o.MFACode != nil {
		t.Fatalf("another region does not share the renewed credentials: %+v", west.o)
	}
	if again := mustStore(t, s, "prod", "us-east-1"); again != prod {
		t.Fatal("renewing one profile dropped another profile's Store")
	}
}

func TestSessionsRenewMFANeedsACode(t *testing.T) {
	f := &fakeConnect{}
	s := newSessions(ConnectOptions{}, f.connect)
	if _, err := s.RenewMFA(context.Background(), "dev", "us-east-1", ""); KindOf(err) != KindInvalidParameter {
		t.Fatalf("RenewMFA without a code: %v", err)
	}
	if f.count() != 0 {
		t.Fatal("RenewMFA without a code connected")
	}
}

func TestSessionsDoNotCacheErrors(t *testing.T) {
	boom := &Error{Kind: KindCredentials, Op: "connect", Message: "no credentials"}
	f := &fakeConnect{fail: []error{boom}}
	s := newSessions(ConnectOptions{}, f.connect)
	if _, err := s.Store(context.Background(), "dev", "us-east-1"); !errors.Is(err, boom) {
		t.Fatalf("the connect error was not returned as it is: %v", err)
	}
	st := mustStore(t, s, "dev", "us-east-1")
	if f.count() != 2 {
		t.Fatalf("connected %d times, want a retry after the error (2)", f.count())
	}
	if st.o.ShareCredentialsWith != nil {
		t.Fatal("the retry shares credentials with a Store that failed to build")
	}
	if again := mustStore(t, s, "dev", "us-east-1"); again != st {
		t.Fatal("the Store built after an error is not reused")
	}
}

func TestSessionsConcurrentGetsBuildOneStorePerKey(t *testing.T) {
	f := &fakeConnect{delay: time.Millisecond}
	s := newSessions(ConnectOptions{}, f.connect)
	keys := []sessionKey{{"dev", "us-east-1"}, {"dev", "eu-west-1"}, {"prod", "us-east-1"}, {"prod", "eu-west-1"}}
	const perKey = 8
	got := make([][]Store, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		got[i] = make([]Store, perKey)
		for j := range perKey {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st, err := s.Store(context.Background(), k.profile, k.region)
				if err != nil {
					t.Errorf("Store(%v): %v", k, err)
				}
				got[i][j] = st
			}()
		}
	}
	wg.Wait()
	for i, k := range keys {
		for j := range perKey {
			if got[i][j] == nil || got[i][j] != got[i][0] {
				t.Fatalf("%v: concurrent callers got different Stores", k)
			}
		}
	}
	if f.count() != len(keys) {
		t.Fatalf("connected %d times for %d keys", f.count(), len(keys))
	}
}

// Through the real Connect and SDK against the emulator, with static
// credentials as --demo uses: one Store per region, each talking to its region.
func TestSessionsConnectToTheEmulator(t *testing.T) {
	isolateEnv(t)
	srv, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	s := NewSessions(ConnectOptions{EndpointURL: srv.URL, AccessKeyID: "AKIDSESSIONS", SecretAccessKey: "sessions",
		CallTimeout: 5 * time.Second, MaxAttempts: 2, MaxBackoff: 5 * time.Millisecond})
	ctx := context.Background()
	east, err := s.Store(ctx, "demo", "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	west, err := s.Store(ctx, "demo", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Store(ctx, "demo", "us-east-1"); again != east {
		t.Fatal("the second Store call built a new Store")
	}
	if east.Region() != "us-east-1" || west.Region() != "eu-west-1" {
		t.Fatalf("regions: %s, %s", east.Region(), west.Region())
	}
	if _, err := east.CreateSecret(ctx, CreateSecretInput{Name: "sessions/east", Value: TextValue("v")}); err != nil {
		t.Fatal(err)
	}
	assertNames(t, east, "sessions/east")
	assertNames(t, west)
}

// A profile from the shared credentials file (not static keys): the regions
// of the profile use one credentials provider, and a renewal builds another.
func TestSessionsShareTheProfilesCredentialsProvider(t *testing.T) {
	dir := isolateEnv(t)
	creds := "[ops]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = from-file\n"
	if err := os.WriteFile(filepath.Join(dir, "credentials"), []byte(creds), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	s := NewSessions(ConnectOptions{EndpointURL: srv.URL, CallTimeout: 5 * time.Second, MaxAttempts: 2})
	ctx := context.Background()
	east, err := s.Store(ctx, "ops", "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	west, err := s.Store(ctx, "ops", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if east.(*sdkStore).creds != west.(*sdkStore).creds {
		t.Fatal("two regions of one profile resolve credentials separately")
	}
	if err := CheckCredentials(ctx, west); err != nil {
		t.Fatalf("the shared credentials do not resolve: %v", err)
	}
	assertNames(t, west)
	renewed, err := s.RenewMFA(ctx, "ops", "us-east-1", "123456")
	if err != nil {
		t.Fatal(err)
	}
	if renewed == east || renewed.(*sdkStore).creds == east.(*sdkStore).creds {
		t.Fatal("RenewMFA kept the old credentials")
	}
	if _, err := s.Store(ctx, "nobody", "us-east-1"); KindOf(err) != KindInvalidParameter {
		t.Fatalf("a profile that is not configured: %v", err)
	}
}

// assertNames lists st's secrets and compares their names with want.
func assertNames(t *testing.T, st Store, want ...string) {
	t.Helper()
	page, err := st.ListSecretsPage(context.Background(), ListOptions{}, "")
	if err != nil {
		t.Fatalf("list in %s: %v", st.Region(), err)
	}
	var names []string
	for _, s := range page.Secrets {
		names = append(names, s.Name)
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("secrets in %s: %v, want %v", st.Region(), names, want)
	}
}

// Check resolves the credentials up front; a failed check is not cached.
func TestSessionsCheckResolvesCredentialsAndForgetsAFailure(t *testing.T) {
	dir := isolateEnv(t)
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte("[profile ops]\nregion = eu-west-1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	s := NewSessions(ConnectOptions{EndpointURL: srv.URL, CallTimeout: 5 * time.Second, MaxAttempts: 1})
	ctx := context.Background()
	if _, err := s.Check(ctx, "ops", ""); KindOf(err) != KindCredentials {
		t.Fatalf("Check of a profile without credentials: %v", err)
	}
	creds := "[ops]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = from-file\n"
	if err := os.WriteFile(filepath.Join(dir, "credentials"), []byte(creds), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := s.Check(ctx, "ops", "")
	if err != nil {
		t.Fatalf("Check after the credentials were configured (the failure was cached?): %v", err)
	}
	if st.Region() != "eu-west-1" {
		t.Fatalf("region %q, want the profile's eu-west-1", st.Region())
	}
	if again, _ := s.Store(ctx, "ops", ""); again != st {
		t.Fatal("the checked Store is not kept")
	}
	west, err := s.Store(ctx, "ops", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if west.(*sdkStore).creds != st.(*sdkStore).creds {
		t.Fatal("the profile's regions do not share the checked credentials")
	}
	assertNames(t, west)
}
