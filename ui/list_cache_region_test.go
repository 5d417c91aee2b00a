package ui

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/aws/emulator"
)

// A profile whose region comes from its config (no --region) is connected
// before the list knows its region: the cached listing of that region
// still shows before the first live page.
func TestListCacheWhenTheRegionComesFromTheProfile(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	c := cache.New(filepath.Join(t.TempDir(), "smtui"))
	snap := cache.Snapshot{Written: time.Now().Add(-2 * time.Hour), Secrets: []aws.SecretSummary{{
		ARN:  "arn:aws:secretsmanager:us-east-1:123456789012:secret:cached/only-in-cache-AbCdEf",
		Name: "cached/only-in-cache", Description: "from the cache", CreatedDate: time.Now().Add(-48 * time.Hour),
	}}}
	if err := c.Save(cache.Key{Profile: "default", Region: "us-east-1"}, snap); err != nil {
		t.Fatal(err)
	}
	var gated atomic.Bool
	gated.Store(true)
	var openGate func()
	h := w.harness(t, "default", func(o *Options) {
		o.ListCache = c
		openGate = gateListing(o, &gated)
	})
	s := h.waitUntil("the cached listing", func(s string) bool {
		return containsAll(s, "cached 2 hours ago", "cached/only-in-cache")
	})
	if l := listOf(h); l.Pages > 0 {
		t.Errorf("cached rows shown only after a live page:\n%s", s)
	}
	openGate()
	s = waitLoaded(h)
	assertContains(t, s, "28 secrets")
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
