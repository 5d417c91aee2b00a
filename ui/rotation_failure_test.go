package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/insight"
	"github.com/smtui/smtui/ui/pages/secret"
)

// openRotationFailure opens a demo secret's detail, checks the footer
// offers the diagnosis, presses its key and waits for the diagnosis.
func openRotationFailure(h *harness, region, name string, footer bool) string {
	h.t.Helper()
	sum := h.summary(region, name)
	h.send(common.PushScreenMsg{Screen: secret.NewDetail(h.app.env, h.store(region), sum)})
	screen := h.waitUntil("detail of "+name, func(string) bool {
		d, ok := h.app.top().(*secret.Detail)
		return ok && d.Secret != nil && d.PolicyLoaded
	})
	k := h.app.env.Keys.Detail.RotationFailure
	if footer && !strings.Contains(screen, k.Help().Key+" "+k.Help().Desc) {
		h.t.Errorf("the detail's footer does not offer %q on %s:\n%s", k.Help().Desc, name, screen)
	}
	h.press(k)
	return h.waitUntil("the rotation diagnosis of "+name, func(s string) bool {
		_, ok := h.app.top().(*insight.RotationFailure)
		return ok && strings.Contains(s, "Log of the last attempt") && !strings.Contains(s, "looking up CloudTrail")
	})
}

// The demo's stuck MySQL rotation: the function, its permission, the steps
// reached and the failing line of setSecret, marked.
func TestRotationFailureShowsTheFailingStepAndLine(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 130, 90, nil)
	screen := openRotationFailure(h, "us-east-1", "prod/db/mysql-orders", true)
	arn := h.summary("us-east-1", "prod/db/mysql-orders").ARN
	assertContains(t, flat(screen),
		"Rotation is stuck: AWSPENDING is on version",
		"SecretsManagerMySQLRotation", "exists · runtime python3.12 · last modified",
		"yes: secretsmanager.amazonaws.com may invoke it (statement SecretsManagerAccess)", "AWS:SourceAccount = 123456789012",
		"/aws/lambda/SecretsManagerMySQLRotation",
		"✓ createSecret ✗ setSecret · testSecret · finishSecret",
		"Failed in setSecret.", "cannot reach or log in to the database",
		"Rotation events (CloudTrail)", "RotationFailed", "RotationStarted",
		"START RequestId:", "REPORT RequestId:", "Traceback (most recent call last):")
	marked := ""
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "▶ ") {
			marked += l
		}
	}
	if !strings.Contains(marked, "[ERROR] setSecret: Unable to log into database") {
		t.Errorf("the failing line is not the marked one; marked: %q\n%s", marked, screen)
	}
	if !strings.Contains(strings.ReplaceAll(flat(screen), " ", ""), "secretarn"+arn) {
		t.Errorf("the failing line does not name the secret's ARN %s", arn)
	}
	assertNoValues(h, screen)
}

// A function whose resource-based policy does not let Secrets Manager
// invoke it: the screen says so and how to fix it; there are no logs.
func TestRotationFailureSaysSecretsManagerCannotInvoke(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 60, nil)
	screen := flat(openRotationFailure(h, "eu-west-1", "prod/warehouse/reporting", true))
	assertContains(t, screen, "Rotation is overdue", "SecretsManagerReportingPostgresRotation", "runtime python3.9",
		"no: Secrets Manager cannot invoke it (no statement allows secretsmanager.amazonaws.com to call lambda:InvokeFunction).",
		"To fix: add a resource-based policy statement to SecretsManagerReportingPostgresRotation",
		"--principal secretsmanager.amazonaws.com --source-account 123456789012",
		"No log line names this secret in that window", "Rotation events (CloudTrail)", "RotationFailed")
	if strings.Contains(screen, "yes: secretsmanager") {
		t.Errorf("says the service may invoke it:\n%s", screen)
	}
}

// A rotation function that was deleted.
func TestRotationFailureMissingFunction(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 60, func(o *Options) { o.ReadOnly = true })
	screen := flat(openRotationFailure(h, "eu-west-1", "prod/queue/rabbitmq", true))
	assertContains(t, screen, "RabbitMQCredentialsRotation", "The function does not exist", "— (the function does not exist)",
		"read-only here: someone who may change the secret's rotation settings", "RotationFailed", "The log group does not exist")
	if strings.Contains(screen, "exists · runtime") {
		t.Errorf("a missing function shown as existing:\n%s", screen)
	}
}

// Log text is untrusted: a hostile line in the function's log reaches the
// screen only escaped, at every width, and no line is wider than the window.
func TestRotationFailureLogTextIsSanitized(t *testing.T) {
	t.Parallel()
	for _, width := range []int{40, 80, 120} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			t.Parallel()
			h := newSecretHarness(t, width, 200, nil)
			arn := h.summary("us-east-1", "prod/db/mysql-orders").ARN
			h.emu.PutLogEvents("us-east-1", "/aws/lambda/SecretsManagerMySQLRotation", "2025/05/31/[$LATEST]hostile",
				testNow.Add(-47*time.Hour), "[INFO]\tx\t0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\tnote for "+arn+" \x1b]0;pwned\x07\x1b[2J\u202eevil\r")
			screen := openRotationFailure(h, "us-east-1", "prod/db/mysql-orders", false)
			h.assertSafe("rotation diagnosis", width)
			if !strings.Contains(strings.ReplaceAll(screen, "\n", ""), `\x1b]0;pwned`) {
				t.Errorf("the hostile line is not shown escaped:\n%s", screen)
			}
			for _, l := range strings.Split(screen, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("line of %d cells at %d columns: %q", w, width, l)
				}
			}
		})
	}
}

// On a healthy rotation the key still opens the diagnosis (it is not in the
// footer): the last rotation's four steps, each logged, no failure.
func TestRotationFailureOnAHealthyRotationShowsTheLastSuccess(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 80, nil)
	screen := flat(openRotationFailure(h, "us-east-1", "prod/db/postgres", false))
	assertContains(t, screen, "No failed or stuck rotation shows on the secret right now",
		"✓ createSecret ✓ setSecret ✓ testSecret ✓ finishSecret", "The last attempt ran all four steps without an error line.",
		"finishSecret: Successfully set AWSCURRENT stage to version")
	if strings.Contains(screen, "Failed in") || strings.Contains(screen, "▶") {
		t.Errorf("a failure shown on a healthy rotation:\n%s", screen)
	}
}

// The hostile fixture's stuck rotation names a function whose ARN carries
// escape sequences: the diagnosis shows it escaped, at every width.
func TestRotationFailureOnHostileSecret(t *testing.T) {
	t.Parallel()
	for _, width := range []int{40, 120} {
		h := hostileHarness(t, width, 80)
		screen := openRotationFailure(h, "us-east-1", emulator.HostileGuardName, false)
		h.assertSafe("rotation diagnosis of the hostile stuck rotation", width)
		if !strings.Contains(strings.ReplaceAll(screen, "\n", ""), `\x1b]0;pwned`) {
			t.Errorf("the hostile function name is not shown escaped at %d columns:\n%s", width, screen)
		}
	}
}
