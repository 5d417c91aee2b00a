package emulator

import (
	"fmt"
	"math/rand/v2"
	"time"
)

var (
	syntheticKinds = []string{"api-key", "config", "db", "oauth"} // svc-00042 is a db
	syntheticTeams = []string{"payments", "platform", "growth", "identity", "data", "checkout", "search", "mobile"}
	syntheticEnvs  = []string{"prod", "staging", "dev"}
)

// synthesize adds n generated secrets to us-east-1, for performance work.
// It uses its own fixed-seed generator so the demo seed stays unchanged.
func (e *Emulator) synthesize(now time.Time, n int) {
	rng := rand.New(rand.NewPCG(0x5717, uint64(n)))
	sd := &seeder{e: e, rng: rng, now: now}
	r := e.region(usEast1)
	for i := range n {
		kind := syntheticKinds[i%len(syntheticKinds)]
		team := syntheticTeams[rng.IntN(len(syntheticTeams))]
		env := syntheticEnvs[rng.IntN(len(syntheticEnvs))]
		name := fmt.Sprintf("synthetic/svc-%05d/%s", i, kind)
		if r.secrets[name] != nil {
			continue
		}
		created := 1 + rng.Float64()*1000
		accessed := -1
		if rng.IntN(4) != 0 {
			accessed = rng.IntN(int(created) + 1)
		}
		s := sd.add(usEast1, name, fmt.Sprintf("Synthetic %s secret %d for the %s team (%s)", kind, i, team, env), created, accessed,
			"team", team, "env", env)
		nv := 1 + rng.IntN(3)
		for j := range nv {
			age := created * float64(nv-j) / float64(nv+1)
			var labels []string
			switch j {
			case nv - 1:
				labels = []string{labelCurrent}
			case nv - 2:
				labels = []string{labelPrevious}
			}
			sd.ver(s, sd.syntheticValue(kind, i), age, labels...)
		}
	}
}

func (sd *seeder) syntheticValue(kind string, i int) string {
	switch kind {
	case "db":
		return sd.db("postgres", fmt.Sprintf("svc-%05d.cluster-abc123.us-east-1.rds.amazonaws.com", i), 5432, "svc_user", "svc")
	case "api-key":
		return "key_" + randString(sd.rng, alnum, 32)
	case "oauth":
		return mustJSON(struct {
			ClientID     string `json:"client_id"`
			ClientSecret string `json:"client_secret"`
		}{fmt.Sprintf("svc-%05d", i), sd.hex(40)})
	}
	return fmt.Sprintf(`{"service":"svc-%05d","replicas":%d,"debug":false,"token":"%s"}`, i, 1+i%5, randString(sd.rng, alnum, 24))
}
