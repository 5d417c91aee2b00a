package aws

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// coverage checks that every name under the split prefixes is covered
// exactly once: by one new partition prefix that none of its excludes
// takes back, or by being a probed name.
func coverage(t *testing.T, parent []string, pl plan, names []string) {
	t.Helper()
	for _, part := range pl.parts {
		if len(part.prefixes) == 0 || len(part.values()) > maxFilterVals {
			t.Fatalf("partition of %d filter values (1-%d allowed)", len(part.values()), maxFilterVals)
		}
	}
	for _, n := range names {
		under := false
		for _, p := range parent {
			under = under || strings.HasPrefix(n, p)
		}
		if !under {
			continue
		}
		hits := 0
		for _, part := range pl.parts {
			excluded := false
			for _, x := range part.excludes {
				excluded = excluded || strings.HasPrefix(n, x)
			}
			for _, p := range part.prefixes {
				if strings.HasPrefix(n, p) && !excluded {
					hits++
				}
			}
		}
		for _, p := range pl.probes {
			if n == p {
				hits++
			}
		}
		if hits != 1 {
			t.Fatalf("name %q under %v is covered %d times by %+v", n, parent, hits, pl)
		}
	}
}

// randomName is a name of AWS's alphabet starting with prefix.
func randomName(rng *rand.Rand, prefix string, maxLen int) string {
	b := []byte(prefix)
	for n := rng.IntN(maxLen + 1); len(b) == 0 || n > 0; n-- {
		b = append(b, charsAt(len(b))[rng.IntN(len(charsAt(len(b))))])
	}
	return string(b)
}

func TestRootPartitionsCoverEveryName(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var names []string
	for range 5000 {
		names = append(names, randomName(rng, "", 6))
	}
	names = append(names, "rds!db-1", "a", "-", "@x")
	coverage(t, []string{""}, plan{parts: rootPartitions()}, names)
	if n := len(rootPartitions()); n != (len(nameFirstChars)+maxFilterVals-1)/maxFilterVals {
		t.Errorf("%d root partitions for %d first characters", n, len(nameFirstChars))
	}
}

func TestSplitCoversEveryNameOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct {
		name   string
		prefix string
		sample func() string
	}{
		{"uniform", "p", func() string { return randomName(rng, "p", 8) }},
		{"shared path", "s", func() string { return randomName(rng, "synthetic/svc-0", 4) }},
		{"exact names on the path", "a", func() string {
			return []string{"a", "a/", "a/a", "a/a/", "a/a/a/x", "a/a/a/y"}[rng.IntN(6)]
		}},
		{"empty sample", "q", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var sample []string
			for range 200 {
				if c.sample != nil {
					sample = append(sample, c.sample())
				}
			}
			pl := split(partition{prefixes: []string{c.prefix}}, sample)
			names := append([]string{c.prefix, c.prefix + "!x"}, sample...)
			for range 3000 {
				names = append(names, randomName(rng, c.prefix, 20))
			}
			coverage(t, []string{c.prefix}, pl, names)
		})
	}
	// A group splits into smaller groups, never into itself; a prefix
	// holding most of the sample ("b") is split at once.
	group := partition{prefixes: []string{"a", "b", "c", "d"}}
	sample := make([]string, 200)
	for i := range sample {
		sample[i] = "b" + randomName(rng, "", 5)
	}
	pl := split(group, sample)
	if len(pl.parts) < 2 {
		t.Fatalf("group split into %+v", pl)
	}
	for _, part := range pl.parts {
		if slices.Contains(part.prefixes, "b") && len(part.excludes) == 0 {
			t.Fatalf("the prefix holding the whole sample was not split: %+v", pl)
		}
	}
	coverage(t, group.prefixes, pl, append(sample, "a1", "c", "dd"))
	if pl := split(group, nil); len(pl.parts) != len(group.prefixes) {
		t.Fatalf("a group with no sample split into %+v, want one prefix each", pl.parts)
	}
}

func TestParseListMode(t *testing.T) {
	for _, m := range []ListMode{ListPartitioned, ListSequential} {
		if got, err := ParseListMode(m.String()); err != nil || got != m {
			t.Errorf("ParseListMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := ParseListMode("fast"); err == nil {
		t.Error("ParseListMode accepted fast")
	}
}
