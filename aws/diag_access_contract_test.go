package aws

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/smtui/smtui/aws/emulator"
)

// diagnoser returns the harness Store as an AccessDiagnoser.
func diagnoser(t *testing.T, h *harness) AccessDiagnoser {
	t.Helper()
	d, ok := h.st.(AccessDiagnoser)
	if !ok {
		t.Fatal("the SDK Store does not implement AccessDiagnoser")
	}
	return d
}

// The real STS client (AWS query protocol, XML answer) learns the caller,
// named by the access key the request was signed with.
func TestContractSTSGetCallerIdentity(t *testing.T) {
	h := newHarness(t, func(o *emulator.Options, _ *ConnectOptions) {
		o.Principals = map[string]string{"AKIDEMULATOR": "arn:aws:sts::123456789012:assumed-role/OnCallOperator/alice"}
	})
	stsC, _ := h.st.(*sdkStore).diagClients()
	out, err := stsC.GetCallerIdentity(h.ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if got := str(out.Arn); got != "arn:aws:sts::123456789012:assumed-role/OnCallOperator/alice" {
		t.Errorf("Arn = %q", got)
	}
	if got := str(out.Account); got != "123456789012" {
		t.Errorf("Account = %q", got)
	}
	if got := str(out.UserId); !strings.HasSuffix(got, ":alice") {
		t.Errorf("UserId = %q, want the role session's", got)
	}
}

// The real KMS client (JSON 1.1) describes the demo's keys by alias, key id
// and ARN, and a missing key is NotFoundException.
func TestContractKMSDescribeKey(t *testing.T) {
	h := newHarness(t, withSeed)
	_, kmsC := h.st.(*sdkStore).diagClients()
	cases := []struct{ ref, manager, state string }{
		{"alias/aws/secretsmanager", "AWS", "Enabled"},
		{"alias/orders-prod", "CUSTOMER", "Enabled"},
		{"alias/legacy-billing", "CUSTOMER", "Disabled"},
		{"alias/retired-vendor", "CUSTOMER", "PendingDeletion"},
	}
	for _, c := range cases {
		out, err := kmsC.DescribeKey(h.ctx, &kms.DescribeKeyInput{KeyId: &c.ref})
		if err != nil {
			t.Fatalf("%s: %v", c.ref, err)
		}
		m := out.KeyMetadata
		if string(m.KeyManager) != c.manager || string(m.KeyState) != c.state {
			t.Errorf("%s: manager %s state %s, want %s %s", c.ref, m.KeyManager, m.KeyState, c.manager, c.state)
		}
		if c.state == "PendingDeletion" && m.DeletionDate == nil {
			t.Errorf("%s: no DeletionDate", c.ref)
		}
		byARN, err := kmsC.DescribeKey(h.ctx, &kms.DescribeKeyInput{KeyId: m.Arn})
		if err != nil || str(byARN.KeyMetadata.KeyId) != str(m.KeyId) {
			t.Errorf("%s by ARN: %v", c.ref, err)
		}
	}
	missing := "alias/nope"
	_, err := kmsC.DescribeKey(h.ctx, &kms.DescribeKeyInput{KeyId: &missing})
	var nf interface{ ErrorCode() string }
	if !errorsAs(err, &nf) || nf.ErrorCode() != "NotFoundException" {
		t.Errorf("missing key: %v, want NotFoundException", err)
	}
}

// Each demo secret is refused at its layer, and the diagnosis names that
// layer, the caller, the key and the resource policy's matching statements.
func TestContractAccessDiagnosisPerLayer(t *testing.T) {
	h := newHarness(t, withSeed)
	d := diagnoser(t, h)
	cases := []struct {
		name     string
		layer    DenialLayer
		explicit bool
		keyState string
		denies   int // matching Deny statements
	}{
		{emulator.DemoDeniedIdentity, LayerIdentity, false, "Enabled", 0},
		{emulator.DemoDeniedResource, LayerResource, true, "Enabled", 1},
		{emulator.DemoDeniedSCP, LayerSCP, true, "Enabled", 0},
		{emulator.DemoDeniedVPCEndpoint, LayerVPCEndpoint, true, "Enabled", 0},
		{emulator.DemoDeniedBoundary, LayerBoundary, false, "Enabled", 0},
		{emulator.DemoDeniedKMSDisabled, LayerKMSKey, false, "Disabled", 0},
		{emulator.DemoDeniedKMSPending, LayerKMSKey, false, "PendingDeletion", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := h.st.GetValue(h.ctx, c.name, VersionRef{})
			if err == nil {
				t.Fatal("GetValue succeeded; want a refusal")
			}
			if !Diagnosable(err) {
				t.Fatalf("not diagnosable: %v", err)
			}
			blind := d.DiagnoseAccess(h.ctx, AccessQuery{SecretID: c.name, Refusal: err})
			if blind.Key == nil || blind.Key.State != c.keyState {
				t.Errorf("without the list entry: key %+v, %v", blind.Key, blind.KeyErr)
			}
			listed := listedKey(t, h, c.name)
			got := d.DiagnoseAccess(h.ctx, AccessQuery{SecretID: c.name, Refusal: err, ListedKMSKeyID: listed, Listed: true})
			if got.Denial.Layer != c.layer || got.Denial.Explicit != c.explicit {
				t.Errorf("layer %v explicit %v, want %v %v (message %q)", got.Denial.Layer, got.Denial.Explicit, c.layer, c.explicit, got.Denial.Message)
			}
			if got.CallerErr != nil || got.Caller.ARN != "arn:aws:iam::123456789012:user/oncall" || got.Caller.Account != "123456789012" {
				t.Errorf("caller %+v, %v", got.Caller, got.CallerErr)
			}
			if got.Key == nil {
				t.Fatalf("key unknown: %v (ref %q)", got.KeyErr, got.KeyRef)
			}
			if got.Key.State != c.keyState {
				t.Errorf("key state %s, want %s", got.Key.State, c.keyState)
			}
			denies := 0
			for _, st := range got.Statements {
				if st.Deny() {
					denies++
				}
			}
			if denies != c.denies {
				t.Errorf("%d matching Deny statements, want %d: %+v", denies, c.denies, got.Statements)
			}
			if got.Advice.Next == "" || got.Advice.Owner == "" {
				t.Errorf("no next step or owner: %+v", got.Advice)
			}
		})
	}
}

// listedKey is the secret's KmsKeyId as ListSecrets gives it.
func listedKey(t *testing.T, h *harness, name string) string {
	t.Helper()
	out, err := h.st.(*sdkStore).api.ListSecrets(h.ctx, &secretsmanager.ListSecretsInput{
		Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{name}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range out.SecretList {
		if str(e.Name) == name {
			return str(e.KmsKeyId)
		}
	}
	t.Fatalf("%s not listed", name)
	return ""
}

// When DescribeSecret is refused too, the key comes from ListSecrets,
// and the AWS managed default is described as AWS managed.
func TestContractAccessDiagnosisKeyFromList(t *testing.T) {
	h := newHarness(t, withSeed)
	d := diagnoser(t, h)
	_, err := h.st.DescribeSecret(h.ctx, emulator.DemoDeniedSCP)
	if err == nil {
		t.Fatal("DescribeSecret succeeded; want the SCP refusal")
	}
	var e *Error
	if !errorsAs(err, &e) || !strings.Contains(e.Hint, "exempted from the SCP") {
		t.Errorf("hint of an SCP refusal: %v; want the SCP's next step, not \"your identity lacks\"", err)
	}
	got := d.DiagnoseAccess(h.ctx, AccessQuery{SecretID: emulator.DemoDeniedSCP, Refusal: err})
	if got.KeySource != "the secret list" || got.Key == nil || !got.Key.AWSManaged() {
		t.Errorf("key source %q key %+v err %v; want the AWS managed key from the list", got.KeySource, got.Key, got.KeyErr)
	}
	if got.Denial.Action != "secretsmanager:DescribeSecret" {
		t.Errorf("action %q", got.Denial.Action)
	}
	if !strings.Contains(got.Advice.Unknown, "cannot read SCPs") {
		t.Errorf("unknown %q, want the SCP limit said", got.Advice.Unknown)
	}
}

// The resource policy's Deny is evaluated for the caller: another
// principal (an assumed role the policy does not name) reads the secret.
func TestContractResourcePolicyDenyIsPerCaller(t *testing.T) {
	h := newHarness(t, withSeed, func(o *emulator.Options, _ *ConnectOptions) {
		o.Principals = map[string]string{"AKIDEMULATOR": "arn:aws:sts::123456789012:assumed-role/payouts-service/run-1"}
	})
	if _, err := h.st.DescribeSecret(h.ctx, emulator.DemoDeniedResource); err != nil {
		t.Fatalf("payouts-service refused: %v", err)
	}
	h2 := newHarness(t, withSeed, func(o *emulator.Options, _ *ConnectOptions) {
		o.Principals = map[string]string{"AKIDEMULATOR": "arn:aws:sts::123456789012:assumed-role/OnCallOperator/bob"}
	})
	_, err := h2.st.DescribeSecret(h2.ctx, emulator.DemoDeniedResource)
	d, ok := DenialOf(err)
	if !ok || d.Layer != LayerResource || !d.Explicit {
		t.Fatalf("OnCallOperator: %v; want an explicit deny in the resource-based policy", err)
	}
}

// When DescribeSecret and ListSecrets are both refused, the key is said
// not known, with why, rather than guessed.
func TestContractAccessDiagnosisKeyUnknown(t *testing.T) {
	h := newHarness(t, withSeed)
	h.srv.InjectFault(emulator.Fault{Op: "ListSecrets", Error: "AccessDeniedException"})
	_, err := h.st.DescribeSecret(h.ctx, emulator.DemoDeniedIdentity)
	got := diagnoser(t, h).DiagnoseAccess(h.ctx, AccessQuery{SecretID: emulator.DemoDeniedIdentity, Refusal: err})
	if got.Key != nil || got.KeyRef != "" || got.KeyErr == nil {
		t.Errorf("key %+v ref %q err %v; want unknown with a reason", got.Key, got.KeyRef, got.KeyErr)
	}
	if got.Denial.Layer != LayerIdentity {
		t.Errorf("layer %v", got.Denial.Layer)
	}
}
