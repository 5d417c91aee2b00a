package aws

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// diagnose runs the diagnosis through the real Lambda and CloudWatch Logs
// clients against the emulator.
func (h *harness) diagnose(id string) RotationDiagnosis {
	h.t.Helper()
	dg, ok := h.st.(RotationDiagnoser)
	if !ok {
		h.t.Fatal("the SDK Store does not implement RotationDiagnoser")
	}
	d, err := dg.DiagnoseRotation(h.ctx, id, time.Now())
	if err != nil {
		h.t.Fatalf("diagnose %s: %v", id, err)
	}
	return d
}

// The demo's stuck MySQL rotation: the function exists and may be invoked;
// its log shows the last attempt failing in setSecret with the template's
// line, with the invocation's START and REPORT lines, and not the earlier
// successful rotation.
func TestContractDiagnoseStuckRotationFromLogs(t *testing.T) {
	h := newHarness(t, withSeed)
	d := h.diagnose("prod/db/mysql-orders")
	if !d.Stuck || d.Pending == "" {
		t.Fatalf("not stuck: %+v", d.Secret.VersionStages)
	}
	f := d.Function
	if !f.Exists || f.Name != "SecretsManagerMySQLRotation" || f.Runtime != "python3.12" || f.LastModified.IsZero() || f.Err != nil {
		t.Errorf("function %+v", f)
	}
	if inv := d.Invoke; !inv.Checked || !inv.Allowed || inv.Statement != "SecretsManagerAccess" || inv.SourceAccount != "123456789012" {
		t.Errorf("invoke permission %+v", inv)
	}
	l := d.Logs
	if l.Err != nil || l.GroupMissing || l.Group != "/aws/lambda/SecretsManagerMySQLRotation" {
		t.Fatalf("logs %+v", l)
	}
	if l.FailedStep != StepSetSecret || l.FailedLine < 0 {
		t.Fatalf("failed step %q at %d in %d lines", l.FailedStep, l.FailedLine, len(l.Lines))
	}
	want := "setSecret: Unable to log into database with previous, current, or pending secret of secret arn " + d.Secret.ARN
	if got := l.Lines[l.FailedLine].Message; !strings.Contains(got, want) || !strings.HasPrefix(got, "[ERROR]\t") {
		t.Errorf("failing line %q, want it to contain %q", got, want)
	}
	all := joinMessages(l.Lines)
	for _, s := range []string{"START RequestId: ", "REPORT RequestId: ", "createSecret: Successfully put secret for ARN " + d.Secret.ARN + " and version " + d.Pending,
		"Traceback (most recent call last)", "in set_secret"} {
		if !strings.Contains(all, s) {
			t.Errorf("the attempt's lines lack %q:\n%s", s, all)
		}
	}
	if strings.Contains(all, "finishSecret") || strings.Contains(all, "testSecret") {
		t.Errorf("lines of another attempt or a step never run:\n%s", all)
	}
	if l.Lines[0].Time.Before(l.From) || l.Lines[len(l.Lines)-1].Time.After(l.To) {
		t.Errorf("lines outside the window %v..%v", l.From, l.To)
	}
}

// A function whose resource-based policy lets only EventBridge invoke it.
func TestContractDiagnoseFunctionPolicyDoesNotAllowSecretsManager(t *testing.T) {
	h := newHarness(t, withSeed, inEUWest1)
	d := h.diagnose("prod/warehouse/reporting")
	if !d.Overdue || d.Stuck {
		t.Errorf("overdue %v stuck %v (next rotation %v)", d.Overdue, d.Stuck, d.Secret.NextRotationDate)
	}
	if !d.Function.Exists || d.Function.Runtime != "python3.9" {
		t.Errorf("function %+v", d.Function)
	}
	if inv := d.Invoke; !inv.Checked || inv.Allowed || inv.NoPolicy || inv.Err != nil {
		t.Errorf("invoke permission %+v", inv)
	}
	// Its log holds the rotation of 45 days ago, nothing since it was due.
	if d.Logs.GroupMissing || d.Logs.Err != nil || len(d.Logs.Lines) != 0 || d.Logs.From.After(d.Secret.NextRotationDate) {
		t.Errorf("a function not invoked since the rotation was due logged: %+v", d.Logs)
	}
}

// A function that was deleted: GetFunction's ResourceNotFoundException is a
// finding, not an error; no policy is read.
func TestContractDiagnoseMissingFunction(t *testing.T) {
	h := newHarness(t, withSeed, inEUWest1)
	d := h.diagnose("prod/queue/rabbitmq")
	if d.Function.Exists || d.Function.Err != nil || d.Function.Name != "RabbitMQCredentialsRotation" {
		t.Errorf("function %+v", d.Function)
	}
	if d.Invoke.Checked || d.Invoke.Allowed {
		t.Errorf("invoke permission of a missing function %+v", d.Invoke)
	}
	if !d.Overdue {
		t.Error("not overdue")
	}
	if !d.Logs.GroupMissing {
		t.Errorf("the deleted function's log group: %+v", d.Logs)
	}
}

// A rotation run by the emulator writes the template's lines as it goes;
// one failing in testSecret is diagnosed from them, and no line holds the
// secret's value (old or new).
func TestContractDiagnoseLiveRotationFailure(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "rotate/diagnosed"
	const value = "s3cr3t-VALUE-never-logged"
	h.create(id, value)
	h.srv.FailRotation(id, StepTestSecret)
	pending, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda})
	if err != nil {
		t.Fatal(err)
	}
	var d RotationDiagnosis
	eventually(t, 5*time.Second, "testSecret's failure in the logs", func() bool {
		d = h.diagnose(id)
		return d.Logs.FailedStep == StepTestSecret
	})
	if d.Pending != pending {
		t.Errorf("pending %q, want %q", d.Pending, pending)
	}
	all := joinMessages(d.Logs.Lines)
	for _, s := range []string{"createSecret: Successfully put secret for ARN", "setSecret: Successfully set password",
		"testSecret: Unable to log into database with pending secret of secret ARN " + d.Secret.ARN} {
		if !strings.Contains(all, s) {
			t.Errorf("lines lack %q:\n%s", s, all)
		}
	}
	if got := d.Logs.Lines[d.Logs.FailedLine].Message; !strings.Contains(got, "testSecret: Unable to log into database") {
		t.Errorf("failing line %q", got)
	}
	newValue := h.value(id, VersionRef{ID: pending})
	if strings.Contains(all, value) || strings.Contains(all, newValue) {
		t.Error("a secret value reached the function's logs")
	}
}

// RotateSecret is refused, as AWS refuses it, when the function's policy
// does not let Secrets Manager invoke it.
func TestContractRotateRefusedWithoutInvokePermission(t *testing.T) {
	h := newHarness(t, withSeed, inEUWest1)
	_, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: "prod/warehouse/reporting"})
	e := wantKind(t, err, KindAccessDenied)
	if !strings.Contains(e.Message, "secretsmanager.amazonaws.com") {
		t.Errorf("message %q", e.Message)
	}
}

// inEUWest1 connects the Store to eu-west-1, where the demo's overdue
// rotations are.
func inEUWest1(_ *emulator.Options, c *ConnectOptions) { c.Region = "eu-west-1" }

func joinMessages(lines []LogLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Message)
		b.WriteString("\n")
	}
	return b.String()
}
