package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// The startup error goes to the terminal (stderr): an endpoint's message
// carrying OSC 8 and C1 controls is shown escaped, never written raw.
func TestStartupErrorSanitizesTheAWSMessage(t *testing.T) {
	t.Parallel()
	got := StartupError(errors.New(emulator.HostileErrorMessage))
	if strings.ContainsAny(got, "\x1b\x07\u0085\u009b\r") {
		t.Fatalf("startup error writes controls raw: %q", got)
	}
	if !strings.Contains(got, `User is not authorized \x1b]8;;https://evil.example/spread\x07`) {
		t.Fatalf("startup error lost the message: %q", got)
	}
	if !strings.Contains(got, "smtui --demo") {
		t.Fatalf("startup error lost the advice: %q", got)
	}
}

// No repeated prefixes on the command line: "cannot use AWS: connect:
// invalid parameter:" says three times that it could not start.
func TestStartupErrorSaysEachFactOnce(t *testing.T) {
	t.Parallel()
	got := StartupError(&aws.Error{Kind: aws.KindInvalidParameter, Op: "connect", Message: "no region is configured"})
	first := strings.SplitN(got, "\n", 2)[0]
	if first != "smtui: cannot use AWS: no region is configured" {
		t.Fatalf("first line = %q", first)
	}
}
