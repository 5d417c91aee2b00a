package aws

import (
	"slices"
	"testing"
)

// deliver emits each secret once: a page repeating secrets emitted before
// (a secret renamed into another partition while listing) loses just those,
// wherever they are in it, and a page of only new secrets goes out as is.
func TestDeliverEmitsEachSecretOnce(t *testing.T) {
	var got [][]string
	l := &lister{seen: newARNSet(), emit: func(b []SecretSummary) {
		var arns []string
		for _, s := range b {
			arns = append(arns, s.ARN)
		}
		got = append(got, arns)
	}}
	page := func(arns ...string) []SecretSummary {
		out := make([]SecretSummary, len(arns))
		for i, a := range arns {
			out[i] = SecretSummary{ARN: a, Name: a}
		}
		return out
	}
	l.deliver(page("a", "b", "c"))
	l.deliver(page("a", "d", "b", "e")) // repeats first and inside
	l.deliver(page("f", "g", "c"))      // repeats last
	l.deliver(page("a", "g"))           // nothing new: nothing emitted
	want := [][]string{{"a", "b", "c"}, {"d", "e"}, {"f", "g"}}
	if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("emitted %q, want %q", got, want)
	}
	if l.stats.Secrets != 7 {
		t.Errorf("counted %d secrets, want 7", l.stats.Secrets)
	}
}
