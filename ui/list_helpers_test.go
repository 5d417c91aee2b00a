package ui

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/pages/list"
)

// newListHarness is a seeded harness on the fixed test clock.
func newListHarness(t *testing.T, width, height int, emu emulator.Options, mod func(*Options)) *harness {
	t.Helper()
	emu.Seed = true
	emu.Clock = func() time.Time { return testNow }
	return newHarness(t, width, height, emu, func(o *Options) {
		o.Now = func() time.Time { return testNow }
		if mod != nil {
			mod(o)
		}
	})
}

// listOf returns the root list screen.
func listOf(h *harness) *list.Screen { return h.app.stack[0].(*list.Screen) }

// waitLoaded waits until the list has finished loading (and checking the
// replication of the rows on screen).
func waitLoaded(h *harness) string {
	h.t.Helper()
	return h.waitUntil("the listing to finish", func(string) bool {
		l := listOf(h)
		return !l.Loading && !l.Connecting && (l.Complete || l.LoadErr != nil || l.Stopped) && !l.CheckingReplication()
	})
}

// rowOrder returns the order in which names appear on the screen (-1 if
// absent).
func rowOrder(screen string, names ...string) []int {
	out := make([]int, len(names))
	for i, n := range names {
		out[i] = strings.Index(screen, n)
	}
	return out
}

func keys() *keymap.KeyMap { return keymap.Default() }

func lineWith(screen, sub string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// gatedStore holds every ListSecretsPage until the gate opens (or the
// call's context ends), so a test can look at what shows before the first
// live page without racing a stopwatch.
type gatedStore struct {
	aws.Store
	gate <-chan struct{}
}

func (g gatedStore) ListSecretsPage(ctx context.Context, opts aws.ListOptions, next string) (aws.SecretPage, error) {
	select {
	case <-g.gate:
	case <-ctx.Done():
		return aws.SecretPage{}, ctx.Err()
	}
	return g.Store.ListSecretsPage(ctx, opts, next)
}

// gateListing makes the harness's Stores gatedStores while *gated is set:
// the returned function opens the gate.
func gateListing(o *Options, gated *atomic.Bool) (open func()) {
	gate := make(chan struct{})
	inner := o.Connect
	o.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
		st, err := inner(ctx, profile, region)
		if err != nil || !gated.Load() {
			return st, err
		}
		return gatedStore{Store: st, gate: gate}, nil
	}
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}
