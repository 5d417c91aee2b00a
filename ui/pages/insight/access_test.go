package insight

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

// fakeDiagnoser answers with a fixed diagnosis.
type fakeDiagnoser struct{ d aws.AccessDiagnosis }

func (f fakeDiagnoser) DiagnoseAccess(context.Context, aws.AccessQuery) aws.AccessDiagnosis {
	return f.d
}

// Terminal control sequences a hostile policy or AWS message could carry.
const (
	osc52 = "\x1b]52;c;ZXZpbA==\x07"
	clear = "\x1b[2J"
)

func hostileDiagnosis() aws.AccessDiagnosis {
	d := aws.ParseDenial("User: arn:aws:iam::123456789012:user/ops" + clear + " is not authorized to perform: secretsmanager:GetSecretValue on resource: x" + osc52 + " with an explicit deny in a resource-based policy")
	return aws.AccessDiagnosis{
		Denial:       d,
		Advice:       aws.AdviceFor(d),
		Caller:       aws.CallerIdentity{Account: "123456789012", ARN: "arn:aws:iam::123456789012:user/ops" + clear},
		KeyRef:       "alias/aws/secretsmanager",
		KeySource:    "DescribeSecret",
		Key:          &aws.KMSKey{Manager: "AWS", State: "Enabled", Description: "desc" + osc52},
		PolicyAction: "secretsmanager:GetSecretValue",
		HasPolicy:    true,
		Statements: []aws.PolicyStatement{{Index: 1, Sid: "Deny" + osc52, Effect: "Deny",
			Actions: []string{"secretsmanager:*" + clear}, Principal: []string{"*"}, Conditional: true}},
	}
}

func newTestAccess(d aws.AccessDiagnosis, w int) *Access {
	env := &common.Env{Settings: common.Settings{Styles: common.NewStyles(true), Keys: keymap.Default(), CallTimeout: time.Second}}
	a := NewAccess(env, fakeDiagnoser{d}, aws.AccessQuery{SecretID: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"})
	a.SetSize(w, 200)
	msg := a.Init()()
	a.Update(msg)
	return a
}

// Text from AWS and the policy is sanitized: no control sequence of it
// reaches the terminal, and every line fits the width.
func TestAccessViewSanitizedAndFits(t *testing.T) {
	for _, w := range []int{40, 80, 120} {
		view := newTestAccess(hostileDiagnosis(), w).View()
		if strings.Contains(view, "\x1b]52") || strings.Contains(view, "\x1b[2J") {
			t.Fatalf("width %d: a control sequence from AWS reached the screen", w)
		}
		plain := ansi.Strip(view)
		for _, l := range strings.Split(plain, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line of %d cells: %q", w, ansi.StringWidth(l), l)
			}
		}
		for _, want := range []string{"resource-based policy · explicit Deny", "✗ DENY", "prod/db", "does not evaluate conditions", "AWS managed"} {
			if !strings.Contains(strings.Join(strings.Fields(plain), " "), want) {
				t.Errorf("width %d: %q missing:\n%s", w, want, plain)
			}
		}
	}
}

// Each part that could not be learnt says "not known" and lands in the
// Not known section, rather than being left out.
func TestAccessViewSaysWhatIsNotKnown(t *testing.T) {
	d := aws.ParseDenial("User: arn:aws:iam::123456789012:user/ops is not authorized to perform: secretsmanager:DescribeSecret on resource: x with an explicit deny in a service control policy")
	diag := aws.AccessDiagnosis{
		Denial:       d,
		Advice:       aws.AdviceFor(d),
		CallerErr:    errors.New("sts unreachable"),
		KeyErr:       errors.New("describe refused"),
		PolicyAction: "secretsmanager:DescribeSecret",
		PolicyErr:    errors.New("policy refused"),
	}
	plain := strings.Join(strings.Fields(ansi.Strip(newTestAccess(diag, 100).View())), " ")
	for _, want := range []string{
		"not known: sts unreachable", "not known: describe refused", "not known: policy refused",
		"smtui cannot read SCPs from a member account", "who is asking: STS did not answer",
		"the secret's KMS key: neither DescribeSecret nor ListSecrets named it",
		"the secret's resource policy: it could not be read",
		"AWS says arn:aws:iam::123456789012:user/ops",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q missing:\n%s", want, plain)
		}
	}
}

// A refused listing is about no secret: the screen says no key or policy
// applies instead of calling them unknown.
func TestAccessViewWithoutSecret(t *testing.T) {
	d := aws.ParseDenial("User: arn:aws:iam::123456789012:user/ops is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action")
	env := &common.Env{Settings: common.Settings{Styles: common.NewStyles(true), Keys: keymap.Default(), CallTimeout: time.Second}}
	a := NewAccess(env, fakeDiagnoser{aws.AccessDiagnosis{Denial: d, Advice: aws.AdviceFor(d)}}, aws.AccessQuery{})
	a.SetSize(100, 60)
	a.Update(a.Init()())
	plain := strings.Join(strings.Fields(ansi.Strip(a.View())), " ")
	if !strings.Contains(plain, "no KMS key or resource policy applies") || strings.Contains(plain, "neither DescribeSecret") {
		t.Errorf("listing refusal:\n%s", plain)
	}
	if !strings.Contains(plain, "secretsmanager:ListSecrets refused") {
		t.Errorf("headline missing:\n%s", plain)
	}
}
