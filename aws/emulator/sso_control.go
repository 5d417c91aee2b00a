package emulator

import (
	"fmt"
	"time"
)

// What tests and the demo do to the emulated IAM Identity Center: approve
// or deny a device login as the operator would in the browser, end the
// sessions, and look at what was served.

// ApproveDevice approves the pending device authorization with userCode, as
// the operator would in the browser. It fails for an unknown code.
func (e *Emulator) ApproveDevice(userCode string) error { return e.decideDevice(userCode, true) }

// DenyDevice refuses the device authorization with userCode: the next poll
// gets AccessDeniedException.
func (e *Emulator) DenyDevice(userCode string) error { return e.decideDevice(userCode, false) }

func (e *Emulator) decideDevice(userCode string, approve bool) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	g, ok := e.sso.byCode[userCode]
	if !ok {
		return fmt.Errorf("emulator: no device authorization with user code %q", userCode)
	}
	g.approved, g.denied = approve, !approve
	return nil
}

// ExpireSSOTokens ends every access token issued so far (refresh tokens stay
// valid), as an IAM Identity Center session ending would.
func (e *Emulator) ExpireSSOTokens() {
	e.mu.Lock()
	defer e.mu.Unlock()
	past := e.now().Add(-time.Second)
	for t := range e.sso.tokens {
		e.sso.tokens[t] = past
	}
}

// IssuedRoleCredentials reports whether GetRoleCredentials handed out the
// access key id accessKeyID.
func (e *Emulator) IssuedRoleCredentials(accessKeyID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sso.issued[accessKeyID]
}

// SSORequests counts the IAM Identity Center requests served for op (e.g.
// "CreateToken").
func (e *Emulator) SSORequests(op string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sso.calls[op]
}
