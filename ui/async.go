package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// resultMsg carries one AWS read's result back to the screen that asked.
// Every message is broadcast to every screen on the stack, so a screen keeps
// a result only if it is the owner and the sequence number is its latest
// (the operator may have asked again since).
type resultMsg[T any] struct {
	owner Screen
	seq   int
	val   T
	err   error
}

// isFor reports whether the result answers owner's request seq.
func (m resultMsg[T]) isFor(owner Screen, seq int) bool {
	return m.owner == owner && m.seq == seq
}

// fetch runs read in a command under the per-call timeout and tags its
// result with owner and seq. It never touches the model.
func fetch[T any](env *Env, owner Screen, seq int, read func(ctx context.Context) (T, error)) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		v, err := read(ctx)
		return resultMsg[T]{owner: owner, seq: seq, val: v, err: err}
	}
}

// describe reads a secret's metadata afresh for owner.
func describe(env *Env, store aws.Store, owner Screen, seq int, secretID string) tea.Cmd {
	return fetch(env, owner, seq, func(ctx context.Context) (aws.Secret, error) {
		return store.DescribeSecret(ctx, secretID)
	})
}

// listVersions reads every version of a secret for owner.
func listVersions(env *Env, store aws.Store, owner Screen, seq int, secretID string) tea.Cmd {
	return fetch(env, owner, seq, func(ctx context.Context) ([]aws.Version, error) {
		return store.ListVersions(ctx, secretID)
	})
}

// outcomeMsg is a result message of a read or write a screen asked for: who
// asked, and whether it failed.
type outcomeMsg interface {
	Outcome() (owner any, err error)
}
