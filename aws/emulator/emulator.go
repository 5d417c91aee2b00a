// Package emulator is an in-process AWS Secrets Manager served over HTTP. It
// speaks the real wire protocol (awsJson 1.1), so the AWS SDK for Go v2 talks
// to it unchanged. It backs `smtui --demo` and every test: state is kept per
// region (taken from each request's SigV4 credential scope), faults can be
// injected, and a deterministic demo account can be seeded.
package emulator

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Options configures an emulator.
type Options struct {
	Account    string           // AWS account id in ARNs; default "123456789012"
	Clock      func() time.Time // default time.Now; seed dates are relative to Clock() at New
	Seed       bool             // load the deterministic demo account
	SeedSecond bool             // load the demo's second account (seed_second.go); use Account SecondAccount
	Hostile    bool             // load the hostile fixture secrets (tests only, never the demo): see seed_hostile.go
	// ReviewSeed adds, with Seed, the account review's demo secrets
	// (seed_review.go). --demo sets it; tests of other screens leave it
	// off, so the demo account they count stays as they know it.
	ReviewSeed        bool
	SyntheticSecrets  int           // plus N generated secrets in us-east-1 (perf work, --demo-secrets)
	RotationStepDelay time.Duration // pause before each rotation step; 0 means 400ms
	// LambdaFunctions are the ARNs of the rotation functions that exist,
	// besides the demo account's (Seed). RotateSecret naming any other
	// function is refused, as AWS refuses a function it cannot invoke.
	LambdaFunctions []string
	// ListLatency is added to every ListSecrets page (before the answer,
	// honouring request cancellation), to model AWS's 100-300 ms pages.
	ListLatency time.Duration
	// ListRate is the ListSecrets quota in requests per second per region;
	// requests beyond it get ThrottlingException "Rate exceeded" (HTTP 400)
	// as from AWS. 0 means AWS's 100 when ListLatency is set and no quota
	// otherwise (see listRate); negative means no quota.
	ListRate int
	// SecretNames adds, in us-east-1, one secret per name with a generated
	// value, without validating the name (listing tests use names AWS's own
	// services create, such as rds!db-...).
	SecretNames []string
	// SSO configures the emulated IAM Identity Center (OIDC device login
	// and the portal's GetRoleCredentials) served beside Secrets Manager.
	SSO SSOOptions
	// Principals names the caller by the access key id a request is
	// signed with (IAM user or assumed-role ARNs); any other key is the
	// account's user "oncall". STS GetCallerIdentity and the CloudTrail
	// events the emulator records use it.
	Principals map[string]string
}

const defaultRotationStepDelay = 400 * time.Millisecond

// Emulator holds every region's state and serves the Secrets Manager API. It
// is an http.Handler; use Start for a listening server.
type Emulator struct {
	opts Options

	mu       sync.Mutex
	regions  map[string]*region
	rng      *rand.Rand
	faults   []*faultEntry
	faultSeq int
	requests map[string]int
	failRot  map[string]string // secret id (name or ARN) -> step
	lambdas  map[string]bool   // unqualified ARNs of the rotation functions that exist
	sso      *ssoState         // IAM Identity Center clients, device grants and tokens

	listQuota map[string]*tokenBucket // ListSecrets quota by region
	throttled map[string]int          // requests refused by the quota, by operation
	trail     trailLog                // CloudTrail events and LookupEvents quota (trail.go)

	// functions and logs back the rotation diagnosis (lambda_api.go, logs.go).
	functions map[string]*lambdaFunction // by unqualified ARN; absent: the default
	logs      *logStore
	started   time.Time // Clock() at New: default dates are relative to it

	closed   bool
	inflight sync.WaitGroup // handlers and rotation goroutines
	ctx      context.Context
	cancel   context.CancelFunc
}

// New returns an emulator with empty state, or the demo account when
// opts.Seed is set.
func New(opts Options) *Emulator {
	if opts.Account == "" {
		opts.Account = "123456789012"
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.RotationStepDelay <= 0 {
		opts.RotationStepDelay = defaultRotationStepDelay
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &Emulator{
		opts:     opts,
		regions:  map[string]*region{},
		rng:      rand.New(rand.NewPCG(0x5EC2E75, 0xD3110)),
		requests: map[string]int{},
		failRot:  map[string]string{},
		lambdas:  map[string]bool{},
		sso:      newSSOState(),
		ctx:      ctx,

		listQuota: map[string]*tokenBucket{},
		throttled: map[string]int{},

		functions: map[string]*lambdaFunction{},
		logs:      newLogStore(),
		started:   opts.Clock(),
		cancel:    cancel,
	}
	for _, arn := range opts.LambdaFunctions {
		e.lambdas[unqualifiedFunction(arn)] = true
	}
	now := opts.Clock()
	if opts.Seed {
		e.seed(now)
	}
	if opts.SeedSecond {
		e.seedSecond(now)
	}
	if opts.Hostile {
		e.seedHostile(now)
	}
	if opts.SyntheticSecrets > 0 {
		e.synthesize(now, opts.SyntheticSecrets)
	}
	if len(opts.SecretNames) > 0 {
		e.seedNames(now, opts.SecretNames)
	}
	return e
}

// Server is an Emulator listening on a loopback port.
type Server struct {
	*Emulator
	URL string // like "http://127.0.0.1:PORT"

	srv *http.Server
}

// Start creates an emulator with New and serves it on 127.0.0.1 at a free
// port.
func Start(opts Options) (*Server, error) { return StartOn("", opts) }

// Close stops the listener, closes open connections, stops any rotation in
// progress and waits for running handlers and rotations to return.
func (s *Server) Close() error {
	err := s.srv.Close()
	s.shutdown()
	return err
}

// shutdown refuses new work, cancels rotations and waits for what runs.
func (e *Emulator) shutdown() {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	e.cancel()
	e.inflight.Wait()
}

// begin registers a handler or goroutine; false once the emulator is closed.
// Callers must hold e.mu.
func (e *Emulator) beginLocked() bool {
	if e.closed {
		return false
	}
	e.inflight.Add(1)
	return true
}

func (e *Emulator) now() time.Time { return e.opts.Clock() }

// region returns a region's state, creating it on first use. Callers hold e.mu.
func (e *Emulator) region(name string) *region {
	r, ok := e.regions[name]
	if !ok {
		r = newRegion(name)
		e.regions[name] = r
	}
	return r
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randString returns n random characters of charset. Callers hold e.mu (or
// own the rng exclusively).
func randString(rng *rand.Rand, charset string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = charset[rng.IntN(len(charset))]
	}
	return string(b)
}

// newUUID returns a random version-4 style UUID.
func newUUID(rng *rand.Rand) string {
	a, b := rng.Uint64(), rng.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x",
		uint32(a>>32), uint16(a>>16), uint16(a)&0xfff, uint16(b>>48)&0x3fff|0x8000, b&0xffffffffffff)
}

// newARN returns a fresh ARN for name in region.
func (e *Emulator) newARN(rng *rand.Rand, regionName, name string) string {
	return arnPrefix(regionName, e.opts.Account) + name + "-" + randString(rng, alnum, 6)
}
