package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/pages/list"
)

// A start with credentials but no region anywhere opens the region picker
// instead of exiting; the chosen region is listed.
func TestNoRegionAtStartOpensThePicker(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harness(t, "noregion", nil)
	h.waitFor("No region is configured for profile noregion: pick one")
	if _, ok := h.app.top().(*list.RegionPicker); !ok {
		t.Fatalf("%T on top, want the region picker", h.app.top())
	}
	k := keys()
	h.press(k.Picker.Filter)
	h.typeText("us-east-1")
	h.press(k.Input.Submit)
	h.press(k.Picker.Select)
	h.waitFor("28 secrets")
	s := waitLoaded(h)
	assertContains(t, s, "secrets in us-east-1")
	if h.app.session.region != "us-east-1" {
		t.Errorf("session region %q", h.app.session.region)
	}
}

// Started without --region on a profile that has one, the session takes
// the profile's region once connected (the header and the pickers show it).
func TestStartWithoutRegionTakesTheProfiles(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	h := w.harness(t, "default", nil)
	s := waitLoaded(h)
	assertContains(t, s, "28 secrets", "secrets in us-east-1")
	if h.app.session.region != "us-east-1" {
		t.Errorf("session region %q, want the profile's us-east-1", h.app.session.region)
	}
}

// Which failed start-up checks the App takes over, and which still exit
// with advice.
func TestStartsAnyway(t *testing.T) {
	useTestAWSConfig(t)
	noRegion := &aws.Error{Kind: aws.KindInvalidParameter, Op: "connect", Message: "no region is configured", Err: aws.ErrNoRegion}
	creds := &aws.Error{Kind: aws.KindCredentials, Op: "load credentials", Message: "the SSO session has expired"}
	for _, c := range []struct {
		name    string
		err     error
		profile string
		want    bool
	}{
		{"no region", noRegion, "default", true},
		{"SSO session over", creds, "dev-sso", true},
		{"MFA profile", errors.New("assume role with MFA enabled, but TokenProvider is not set"), "admin-mfa", true},
		{"unreachable endpoint", &aws.Error{Kind: aws.KindNetwork, Op: "list secrets", Message: "connection refused by 127.0.0.1:1"}, "default", true},
		{"no credentials", &aws.Error{Kind: aws.KindCredentials, Op: "load credentials", Message: "no credentials"}, "default", false},
		{"unknown profile", &aws.Error{Kind: aws.KindInvalidParameter, Op: "connect", Message: "profile nope is not in your AWS config"}, "nope", false},
	} {
		if got := StartsAnyway(c.err, c.profile); got != c.want {
			t.Errorf("%s: StartsAnyway = %v, want %v", c.name, got, c.want)
		}
	}
}

// An endpoint that refuses connections is said in a sentence with the next
// step; the raw error chain is one key away.
func TestTransportErrorInASentence(t *testing.T) {
	h := newListHarness(t, 120, 30, emulator.Options{}, func(o *Options) {
		sessions := aws.NewSessions(aws.ConnectOptions{EndpointURL: "http://127.0.0.1:1", AccessKeyID: "AKID",
			SecretAccessKey: "s", CallTimeout: 2 * time.Second, MaxAttempts: 1})
		o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			return sessions.Store(ctx, profile, region)
		}
	})
	s := h.waitFor("connection refused by 127.0.0.1:1")
	if strings.Contains(s, "dial tcp") {
		t.Errorf("the raw chain is shown first:\n%s", s)
	}
	h.settle() // the status line's report of the failure
	h.press(keys().Common.ErrorDetail)
	s = h.waitFor("dial tcp")
	assertContains(t, s, "connect: connection refused")
}
