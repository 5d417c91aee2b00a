package emulator

import (
	"slices"
	"time"
)

// Fault describes an injected failure. A request matches when every
// non-empty field matches.
type Fault struct {
	Op           string        // wire operation, e.g. "PutSecretValue"; "" = any
	SecretID     string        // secret name or ARN; "" = any
	Region       string        // "" = any
	Latency      time.Duration // added before handling (honours request cancellation)
	Error        string        // "ThrottlingException", "InternalServiceError", "AccessDeniedException", ... "" = none
	Message      string        // the error's message; "" = the one AWS gives for Error
	DropResponse bool          // apply the request, then drop the response (hijack and close the connection)
	Times        int           // how many matching requests it affects; 0 = until removed
}

type faultEntry struct {
	id        int
	fault     Fault
	remaining int // -1 = unlimited
}

// effects is what the faults matching one request do to it.
type effects struct {
	latency time.Duration
	err     string
	message string
	drop    bool
}

// InjectFault adds a fault; the returned function removes it.
func (e *Emulator) InjectFault(f Fault) (remove func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faultSeq++
	id := e.faultSeq
	rem := f.Times
	if rem <= 0 {
		rem = -1
	}
	e.faults = append(e.faults, &faultEntry{id: id, fault: f, remaining: rem})
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.faults = slices.DeleteFunc(e.faults, func(fe *faultEntry) bool { return fe.id == id })
	}
}

// ClearFaults removes every injected fault.
func (e *Emulator) ClearFaults() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = nil
}

// Requests reports how many requests of the wire operation op were received,
// including ones answered by an injected fault.
func (e *Emulator) Requests(op string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.requests[op]
}

// matchFaults combines the faults matching a request and uses up their
// counts. Callers hold e.mu.
func (e *Emulator) matchFaults(op, secretID, regionName string) effects {
	var fx effects
	for _, fe := range e.faults {
		f := fe.fault
		if f.Op != "" && f.Op != op {
			continue
		}
		if f.Region != "" && f.Region != regionName {
			continue
		}
		if f.SecretID != "" && !e.sameSecret(f.SecretID, secretID, regionName) {
			continue
		}
		fx.latency = max(fx.latency, f.Latency)
		if fx.err == "" {
			fx.err, fx.message = f.Error, f.Message
		}
		fx.drop = fx.drop || f.DropResponse
		if fe.remaining > 0 {
			fe.remaining--
		}
	}
	e.faults = slices.DeleteFunc(e.faults, func(fe *faultEntry) bool { return fe.remaining == 0 })
	return fx
}

// sameSecret reports whether a fault's secret id names the requested secret,
// either literally or by resolving both to the same secret.
func (e *Emulator) sameSecret(faultID, requestID, regionName string) bool {
	if requestID == "" {
		return false
	}
	if faultID == requestID {
		return true
	}
	r, ok := e.regions[regionName]
	if !ok {
		return false
	}
	s := r.lookup(requestID)
	return s != nil && (s.name == faultID || s.arn == faultID || r.lookup(faultID) == s)
}
