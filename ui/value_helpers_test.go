package ui

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

// testNow is the fixed clock of the secret-screen tests, so dates (and the
// golden files) do not move.
var testNow = time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)

// recordingAuditor keeps audit events in memory.
type recordingAuditor struct {
	mu     sync.Mutex
	events []audit.Event
}

func (a *recordingAuditor) Record(ev audit.Event) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.events = append(a.events, ev)
}

func (a *recordingAuditor) Path() string { return "(memory)" }

func (a *recordingAuditor) all() []audit.Event {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]audit.Event(nil), a.events...)
}

// newSecretHarness is a seeded harness on a fixed clock.
func newSecretHarness(t *testing.T, width, height int, mod func(*Options)) *harness {
	t.Helper()
	return newHarness(t, width, height, emulator.Options{Seed: true, Clock: func() time.Time { return testNow }}, func(o *Options) {
		o.Now = func() time.Time { return testNow }
		if mod != nil {
			mod(o)
		}
	})
}

// store returns the harness's Store for region.
func (h *harness) store(region string) aws.Store {
	h.t.Helper()
	s, err := h.app.opts.Connect(context.Background(), h.app.opts.Profile, region)
	if err != nil {
		h.t.Fatalf("connect %s: %v", region, err)
	}
	return s
}

// summary finds a secret the way the list does (ListSecrets), by exact name.
func (h *harness) summary(region, name string) aws.SecretSummary {
	h.t.Helper()
	st := h.store(region)
	opts := aws.ListOptions{Filters: []aws.Filter{{Key: "name", Values: []string{name}}}, IncludePlannedDeletion: true}
	tok := ""
	for {
		page, err := st.ListSecretsPage(context.Background(), opts, tok)
		if err != nil {
			h.t.Fatalf("list %s: %v", name, err)
		}
		for _, s := range page.Secrets {
			if s.Name == name {
				return s
			}
		}
		if page.NextToken == "" {
			break
		}
		tok = page.NextToken
	}
	h.t.Fatalf("secret %s not found in %s", name, region)
	return aws.SecretSummary{}
}

// allSummaries lists every secret of a region (planned deletions included).
func (h *harness) allSummaries(region string) []aws.SecretSummary {
	h.t.Helper()
	st := h.store(region)
	var out []aws.SecretSummary
	tok := ""
	for {
		page, err := st.ListSecretsPage(context.Background(), aws.ListOptions{IncludePlannedDeletion: true}, tok)
		if err != nil {
			h.t.Fatalf("list %s: %v", region, err)
		}
		out = append(out, page.Secrets...)
		if page.NextToken == "" {
			return out
		}
		tok = page.NextToken
	}
}

// openDetail pushes the detail screen of a us-east-1 secret, as the list
// does on enter, and waits until DescribeSecret and the policy are in.
func (h *harness) openDetail(name string) string {
	h.t.Helper()
	sum := h.summary("us-east-1", name)
	h.send(common.PushScreenMsg{Screen: secret.NewDetail(h.app.env, h.store("us-east-1"), sum)})
	return h.waitUntil("detail of "+name, func(string) bool {
		d, ok := h.app.top().(*secret.Detail)
		return ok && d.Secret != nil && d.PolicyLoaded
	})
}

// topScreen is the focused screen.
func (h *harness) topScreen() common.Screen { return h.app.top() }

// waitValue waits until the value screen on top has loaded (or failed).
func (h *harness) waitValue() *secret.Value {
	h.t.Helper()
	var v *secret.Value
	h.waitUntil("the value screen to load", func(string) bool {
		var ok bool
		v, ok = h.app.top().(*secret.Value)
		return ok && !v.Loading && v.Seq > 0
	})
	return v
}

// emuValue reads a us-east-1 secret's AWSCURRENT value straight from the
// Store (binary as raw bytes), for assertions.
func (h *harness) emuValue(name string) string {
	h.t.Helper()
	v, err := h.store("us-east-1").GetValue(context.Background(), name, aws.VersionRef{})
	if err != nil {
		h.t.Fatalf("get %s: %v", name, err)
	}
	return v.Secret.Text()
}
