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

// partition is a set of disjoint name prefixes listed by one NextToken chain
// (the values of one name filter, OR'ed), with how many names of a sample
// fell under each.
type partition struct {
	prefixes []string
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
// prefixes; a single prefix P into P's children: when every sampled name
// shares a longer prefix Q, it jumps straight to Q, covering the siblings
// along the way (each with no sampled name) and probing the exact names
// P..Q.
func split(p partition, sample []string) plan {
	if len(p.prefixes) > 1 {
		kids := make([]child, len(p.prefixes))
		for i, pre := range p.prefixes {
			kids[i] = child{prefix: pre, count: countPrefix(sample, pre)}
		}
		parts := pack(kids, budget(sample))
		if len(parts) == 1 { // a sample too small to tell: one prefix each
			parts = parts[:0]
			for _, pre := range p.prefixes {
				parts = append(parts, partition{prefixes: []string{pre}})
			}
		}
		return plan{parts: parts}
	}
	pre := p.prefixes[0]
	q := commonPrefix(pre, sample)
	var pl plan
	var kids []child
	for k := len(pre); k < len(q); k++ {
		pl.probes = append(pl.probes, q[:k])
		for _, c := range []byte(charsAt(k)) {
			if c != q[k] {
				kids = append(kids, child{prefix: q[:k] + string(c)})
			}
		}
	}
	pl.probes = append(pl.probes, q)
	if len(q) < maxNameLen {
		for _, c := range []byte(charsAt(len(q))) {
			s := q + string(c)
			kids = append(kids, child{prefix: s, count: countPrefix(sample, s)})
		}
	}
	pl.parts = pack(kids, budget(sample))
	return pl
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
