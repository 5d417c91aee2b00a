package cli

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// useDemoHome makes the demo's home and sets its environment for the test.
func useDemoHome(t *testing.T) string {
	t.Helper()
	env, remove, err := DemoHome()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := remove(); err != nil {
			t.Error(err)
		}
	})
	for k, v := range env {
		t.Setenv(k, v)
	}
	return env["HOME"]
}

// The demo's home lists its profiles, and its SSO profile's cached session
// has expired, so smtui offers to log in at start.
func TestDemoHomeHasAnExpiredSSOProfile(t *testing.T) {
	home := useDemoHome(t)
	profiles, err := aws.ListProfiles()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range profiles {
		names = append(names, p.Name)
	}
	for _, want := range []string{DemoProfile, DemoSSOProfile, DemoNoRegionProfile, DemoSecondProfile} {
		if !slices.Contains(names, want) {
			t.Errorf("profiles %v lack %s", names, want)
		}
	}
	sess, err := aws.SSOSessionOf(context.Background(), aws.SSOLoginOptions{Profile: DemoSSOProfile}, time.Now())
	if err != nil || sess.Status != aws.SSOExpired || sess.Refreshable {
		t.Fatalf("demo-sso session %+v, %v; want expired and not refreshable", sess, err)
	}
	if _, err := os.Stat(home); err != nil {
		t.Fatal(err)
	}
}

// The demo's connector: demo-sso works once logged in against the
// emulator (which approves by itself), demo-no-region has no region, any
// other profile name gets the static demo keys.
func TestDemoConnect(t *testing.T) {
	useDemoHome(t)
	srv, err := emulator.Start(emulator.Options{Seed: true, SSO: emulator.SSOOptions{AutoApproveAfter: 2}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	second, err := emulator.Start(emulator.Options{Account: emulator.SecondAccount, SeedSecond: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = second.Close() })
	connect := DemoConnect(srv.URL, second.URL, 5*time.Second)
	ctx := context.Background()

	l, err := aws.BeginSSOLogin(ctx, aws.SSOLoginOptions{Profile: DemoSSOProfile, EndpointURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for done := false; !done; {
		if time.Now().After(l.ExpiresAt) {
			t.Fatal("the demo never approved the code")
		}
		time.Sleep(l.Interval)
		r, err := l.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		done, l.Interval = r.Done, max(r.Interval, l.Interval)
	}
	st, err := connect(ctx, DemoSSOProfile, "")
	if err != nil {
		t.Fatal(err)
	}
	if st.Region() != "us-east-1" {
		t.Errorf("demo-sso region %q", st.Region())
	}
	page, err := st.ListSecretsPage(ctx, aws.ListOptions{}, "")
	if err != nil || len(page.Secrets) == 0 {
		t.Fatalf("listing as demo-sso: %d secrets, %v", len(page.Secrets), err)
	}
	if _, err := connect(ctx, DemoNoRegionProfile, ""); !errors.Is(err, aws.ErrNoRegion) {
		t.Errorf("demo-no-region connect: %v, want no region", err)
	}
	if st, err := connect(ctx, "anything", "eu-west-1"); err != nil || st.Region() != "eu-west-1" {
		t.Errorf("another profile name: %v, %v", st, err)
	}
	// demo-b is the second account: its own secrets, its own account id.
	st, err = connect(ctx, DemoSecondProfile, "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	page, err = st.ListSecretsPage(ctx, aws.ListOptions{}, "")
	if err != nil || len(page.Secrets) != 2 {
		t.Fatalf("listing demo-b in eu-west-1: %d secrets, %v; want 2", len(page.Secrets), err)
	}
	for _, s := range page.Secrets {
		if !strings.HasPrefix(s.ARN, "arn:aws:secretsmanager:eu-west-1:"+emulator.SecondAccount+":secret:payments/eu/") {
			t.Errorf("demo-b secret ARN %q, want the second account's", s.ARN)
		}
	}
}
