package emulator

import (
	"math/rand/v2"
	"time"
)

// SecondAccount is the account id of the demo's second account
// (Options.SeedSecond), for an emulator started with it as Account.
const SecondAccount = "210987654321"

// seedSecond builds the demo's second account: a few secrets of a team of
// its own in us-east-1 and eu-west-1, none named like the first account's,
// so a list of both accounts shows whose each one is. Values are fake and
// the same on every run.
func (e *Emulator) seedSecond(now time.Time) {
	sd := &seeder{e: e, rng: rand.New(rand.NewPCG(0xB5EC0, 0xD2)), now: now}
	s := sd.add(usEast1, "payments/stripe/api-key", "Stripe restricted key for the payments team", 120, 1, "team", "payments")
	sd.ver(s, "rk_live_"+sd.hex(24), 40, labelCurrent)
	sd.ver(s, "rk_live_"+sd.hex(24), 120, labelPrevious)
	s = sd.add(usEast1, "payments/db/ledger", "Ledger database (PostgreSQL)", 300, 0, "team", "payments")
	sd.ver(s, `{"engine":"postgres","host":"ledger.payments.internal","port":5432,"username":"ledger","password":"`+sd.password(20)+`"}`, 300, labelCurrent)
	s = sd.add(usEast1, "payments/webhooks/signing-secret", "", 60, -1)
	sd.ver(s, "whsec_"+sd.hex(32), 60, labelCurrent)
	s = sd.add(euWest1, "payments/eu/adyen-api-key", "Adyen key for EU card payments", 200, 3, "team", "payments")
	sd.ver(s, sd.hex(40), 200, labelCurrent)
	s = sd.add(euWest1, "payments/eu/db/ledger", "EU ledger database (PostgreSQL)", 180, 2, "team", "payments")
	sd.ver(s, `{"engine":"postgres","host":"ledger.eu.payments.internal","port":5432,"username":"ledger","password":"`+sd.password(20)+`"}`, 180, labelCurrent)
}
