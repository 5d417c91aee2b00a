package emulator

import (
	"math/rand/v2"
	"time"
)

// seedNames adds one secret per name to us-east-1, each with one AWSCURRENT
// version holding a random value, created in the order given (one second
// apart, so the default created-date order is the order of names). Names are
// not validated; duplicates are skipped.
func (e *Emulator) seedNames(now time.Time, names []string) {
	rng := rand.New(rand.NewPCG(0x4A3E5, uint64(len(names))))
	sd := &seeder{e: e, rng: rng, now: now}
	r := e.region(usEast1)
	for i, name := range names {
		if r.secrets[name] != nil {
			continue
		}
		daysAgo := float64(len(names)-i) / 86400
		s := sd.add(usEast1, name, "", daysAgo, -1)
		sd.ver(s, randString(rng, alnum, 24), daysAgo, labelCurrent)
	}
}
