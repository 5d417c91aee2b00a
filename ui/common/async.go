package common

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// ResultMsg carries one AWS read's result back to the screen that asked.
// Every message is broadcast to every screen on the stack, so a screen keeps
// a result only if it is the owner and the sequence number is its latest
// (the operator may have asked again since).
type ResultMsg[T any] struct {
	Owner Screen
	seq   int
	Val   T
	Err   error
}

// IsFor reports whether the result answers owner's request seq.
func (m ResultMsg[T]) IsFor(owner Screen, seq int) bool {
	return m.Owner == owner && m.seq == seq
}

// Fetch runs read in a command under the per-call timeout and tags its
// result with owner and seq. It never touches the model.
func Fetch[T any](env *Env, owner Screen, seq int, read func(ctx context.Context) (T, error)) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		v, err := read(ctx)
		return ResultMsg[T]{Owner: owner, seq: seq, Val: v, Err: err}
	}
}

// Describe reads a secret's metadata afresh for owner.
func Describe(env *Env, store aws.Store, owner Screen, seq int, secretID string) tea.Cmd {
	return Fetch(env, owner, seq, func(ctx context.Context) (aws.Secret, error) {
		return store.DescribeSecret(ctx, secretID)
	})
}

// ListVersions reads every version of a secret for owner.
func ListVersions(env *Env, store aws.Store, owner Screen, seq int, secretID string) tea.Cmd {
	return Fetch(env, owner, seq, func(ctx context.Context) ([]aws.Version, error) {
		return store.ListVersions(ctx, secretID)
	})
}

// OutcomeMsg is a result message of a read or write a screen asked for: who
// asked, and whether it failed.
type OutcomeMsg interface {
	Outcome() (owner any, err error)
}

// Outcome says who asked and whether the read failed.
func (m ResultMsg[T]) Outcome() (any, error) { return m.Owner, m.Err }
