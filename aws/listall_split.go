package aws

import (
	"slices"
	"strings"
)

// nameAlphabet is every character AWS allows in a secret name: letters,
// digits and /_+=.@- for names people choose, plus "!" which only the names
// of secrets other services manage carry, never first (rds!db-...).
const (
	nameFirstChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+=.@-"
	nameChars      = nameFirstChars + "!"
	maxFilterVals  = 10 // values per ListSecrets filter (AWS API reference, Filter)
)

// charsAt is the alphabet of a name's character at position i.
func charsAt(i int) string {
	if i == 0 {
		return nameFirstChars
	}
	return nameChars
}

// inAlphabet reports whether name uses only the characters partitioning
// covers; a name that does not means the cover is not proven complete.
func inAlphabet(name string) bool {
	if name == "" || len(name) > maxNameLen || name[0] == '!' {
		return false
	}
	for i := 0; i < len(name); i++ {
		if strings.IndexByte(nameChars, name[i]) < 0 {
			return false
		}
	}
	return true
}

// alphabetPrefix is name up to its first character outside the alphabet
// (all of it when there is none; "" when it starts with "!").
func alphabetPrefix(name string) string {
	if name != "" && name[0] == '!' {
		return ""
	}
	for i := 0; i < len(name); i++ {
		if strings.IndexByte(nameChars, name[i]) < 0 {
			return name[:i]
		}
	}
	return name
}

// partition is a set of disjoint name prefixes listed by one NextToken chain
// (the values of one name filter, OR'ed), less the names under its excludes
// (negated values of the same filter: "!prefix", which AWS ANDs with the
// OR of the plain values; see SEMANTICS.md, Listing). A partition with
// excludes is the "rest" of a split: the names a sample suggests are few.
// AWS's API reference documents "!" negation but not how negated values
// combine with plain ones of the same filter; the emulator ANDs them. Were
// AWS to OR them, a rest would list more than its share, never less: the
// listing stays complete (names already emitted are dropped by ARN), only
// slower, since a rest is one chain.
type partition struct {
	prefixes []string
	excludes []string
	// chain is set on a partition listed on its own NextToken chain to the
	// end, never split: a rest, or a prefix with nothing left to split.
	chain bool
}

// values is the partition's name filter.
func (p partition) values() []string {
	out := append([]string(nil), p.prefixes...)
	for _, x := range p.excludes {
		out = append(out, "!"+x)
	}
	return out
}

// child is a prefix to cover, with its count in the sample.
type child struct {
	prefix string
	count  int
}

// rootPartitions covers every possible name: one prefix per possible first
// character, packed into filters of at most maxFilterVals values.
func rootPartitions() []partition {
	var kids []child
	for i := 0; i < len(nameFirstChars); i++ {
		kids = append(kids, child{prefix: nameFirstChars[i : i+1]})
	}
	return pack(kids, 1)
}

// plan is what a partition that holds too many pages becomes: smaller
// partitions covering the same names, and exact names to probe (a name that
// equals a prefix being split is under no child prefix).
type plan struct {
	parts  []partition
	probes []string
}

// split covers the names of p again with smaller partitions, guided by
// sample, names listed from p (in the server's default order, so roughly
// a random sample of its names). A group of prefixes splits into its
// prefixes, a prefix holding nearly all of the sample being split at once; a
// single prefix P into children at the end of the longest prefix Q every
// sampled name shares (see splitPrefix).
func split(p partition, sample []string) plan {
	if len(p.prefixes) == 1 {
		return splitPrefix(p.prefixes[0], sample)
	}
	var pl plan
	var kids []child
	for _, pre := range p.prefixes {
		n := countPrefix(sample, pre)
		if n > 0 && 10*n >= 9*len(sample) {
			// Nearly the whole sample is under pre (a first character
			// every name shares): split it now rather than list its first
			// pages again on a chain of its own. A prefix holding only
			// most of a group's page may hold little more than that page.
			sub := splitPrefix(pre, withPrefix(sample, pre))
			pl.parts = append(pl.parts, sub.parts...)
			pl.probes = append(pl.probes, sub.probes...)
			continue
		}
		kids = append(kids, child{prefix: pre, count: n})
	}
	parts := pack(kids, budget(sample))
	if len(parts) == 1 && len(pl.parts) == 0 { // a sample too small to tell: one prefix each
		parts = parts[:0]
		for _, pre := range p.prefixes {
			parts = append(parts, partition{prefixes: []string{pre}})
		}
	}
	pl.parts = append(pl.parts, parts...)
	return pl
}

// splitPrefix covers the names under pre with the children Q+c of the
// longest prefix Q every sampled name shares, packed by the sampled counts.
// The names the sample says are few (under pre but not Q, the exact name Q,
// the children with no or few sampled names) go to one "rest" partition:
// pre less the children that got partitions of their own, one filter of
// at most maxFilterVals values. Without the rest, each sibling of each
// character along P..Q would need a filter value of its own (68 per
// character, ten to a request) and each exact name a probe. When the sample
// spreads over more children than a filter can exclude, the children are
// packed as before and only the path P..Q is left to the rest.
func splitPrefix(pre string, sample []string) plan {
	q := commonPrefix(pre, sample)
	var kids []child
	if len(q) < maxNameLen {
		for _, c := range []byte(charsAt(len(q))) {
			s := q + string(c)
			kids = append(kids, child{prefix: s, count: countPrefix(sample, s)})
		}
	}
	slices.SortStableFunc(kids, func(a, b child) int { return b.count - a.count })
	limit := budget(sample)
	own := kids
	for len(own) > 0 && own[len(own)-1].count == 0 {
		own = own[:len(own)-1]
	}
	restCount := 0
	for len(own) > maxFilterVals-1 && restCount+own[len(own)-1].count <= limit {
		restCount += own[len(own)-1].count
		own = own[:len(own)-1]
	}
	if len(own) == 0 { // nothing to split by (Q is as long as a name gets)
		return plan{parts: []partition{{prefixes: []string{pre}, chain: true}}}
	}
	if len(own) <= maxFilterVals-1 {
		rest := partition{prefixes: []string{pre}, chain: true}
		for _, k := range own {
			rest.excludes = append(rest.excludes, k.prefix)
		}
		return plan{parts: append(pack(own, limit), rest)}
	}
	pl := plan{parts: pack(kids, limit), probes: []string{q}}
	if len(q) > len(pre) {
		pl.parts = append(pl.parts, partition{prefixes: []string{pre}, excludes: []string{q}, chain: true})
	}
	return pl
}

// withPrefix is the names that start with prefix.
func withPrefix(names []string, prefix string) []string {
	var out []string
	for _, s := range names {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

// budget is the most sampled names one new partition should hold: an
// eighth of the sample, so a split fans out about eightfold.
func budget(sample []string) int { return max(1, len(sample)/8) }

// pack groups children into partitions of at most maxFilterVals prefixes
// whose sampled counts add up to at most limit (a child over the limit gets
// a partition of its own, which nothing joins); children with no sampled
// name fill the free places, since they are likely small.
func pack(kids []child, limit int) []partition {
	slices.SortStableFunc(kids, func(a, b child) int { return b.count - a.count })
	var parts []partition
	var sums []int
	for _, k := range kids {
		placed := false
		for i := range parts {
			if len(parts[i].prefixes) < maxFilterVals && sums[i]+k.count <= limit {
				parts[i].prefixes = append(parts[i].prefixes, k.prefix)
				sums[i] += k.count
				placed = true
				break
			}
		}
		if !placed {
			parts = append(parts, partition{prefixes: []string{k.prefix}})
			sums = append(sums, k.count)
		}
	}
	return parts
}

func countPrefix(names []string, prefix string) int {
	n := 0
	for _, s := range names {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// commonPrefix is the longest prefix of every name in sample, at least pre
// (which they all start with), at most maxNameLen.
func commonPrefix(pre string, sample []string) string {
	if len(sample) == 0 {
		return pre
	}
	q := sample[0]
	for _, s := range sample[1:] {
		n := 0
		for n < len(q) && n < len(s) && q[n] == s[n] {
			n++
		}
		q = q[:n]
	}
	if len(q) < len(pre) || !strings.HasPrefix(q, pre) {
		return pre
	}
	return q[:min(len(q), maxNameLen)]
}
