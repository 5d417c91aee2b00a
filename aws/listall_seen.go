package aws

import "hash/maphash"

// arnSet is the set of ARNs a listing has emitted, held as 128-bit hashes
// (two independently seeded maphash values) rather than the ARNs: the
// listing's consumer keeps its own copy of what it shows, so keeping every
// ARN here too would double them for as long as the listing runs. Two
// distinct ARNs collide with odds of about n²/2¹²⁹ (under 1e-29 for
// 100,000 secrets), and the seeds are random per listing.
type arnSet struct {
	seeds [2]maphash.Seed
	m     map[[2]uint64]struct{}
}

func newARNSet() arnSet {
	return arnSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, m: map[[2]uint64]struct{}{}}
}

func (s arnSet) key(arn string) [2]uint64 {
	return [2]uint64{maphash.String(s.seeds[0], arn), maphash.String(s.seeds[1], arn)}
}

func (s arnSet) has(arn string) bool {
	_, ok := s.m[s.key(arn)]
	return ok
}

func (s arnSet) add(arn string) { s.m[s.key(arn)] = struct{}{} }
