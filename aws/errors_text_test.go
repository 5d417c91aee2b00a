package aws

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/smtui/smtui/aws/emulator"
)

// Each fact once: a local refusal does not say "invalid parameter" before
// its own sentence, a credentials message that says "credentials" is not
// labelled "credentials", and AWS's errors keep their kind and action.
func TestErrorTextSaysEachFactOnce(t *testing.T) {
	cases := []struct {
		err  *Error
		want string
	}{
		{&Error{Kind: KindInvalidParameter, Op: "connect", Message: "no region is configured"}, "connect: no region is configured"},
		{&Error{Kind: KindCredentials, Op: "connect", Message: "could not load credentials: boom"}, "connect: could not load credentials: boom"},
		{&Error{Kind: KindInvalidRequest, Code: "InvalidRequestException", Op: "put value", SecretID: "a", Region: "r", Message: "marked for deletion"},
			"put value a in r: invalid request: marked for deletion"},
		{&Error{Kind: KindAccessDenied, Code: "AccessDeniedException", Op: "list secrets", Region: "r", Action: "secretsmanager:ListSecrets", Message: "no"},
			"list secrets in r: access denied (secretsmanager:ListSecrets): no"},
		{&Error{Kind: KindTimeout, Op: "list secrets", Region: "r"}, "list secrets in r: timed out"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

// AWS's error code is kept for the full error view.
func TestMapErrorKeepsTheCode(t *testing.T) {
	err := mapError(opErr("ListSecrets", &types.InvalidParameterException{Message: strPtr("bad")}), errContext{Op: "list secrets"})
	if e := err.(*Error); e.Code != "InvalidParameterException" {
		t.Fatalf("Code = %q", e.Code)
	}
}

// Every KMS-related failure names the key: the secret's own key, or the AWS
// managed key when the secret has none, on reads and on writes.
func TestContractKMSErrorsNameTheKey(t *testing.T) {
	h := newHarness(t)
	if _, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "kms/custom", KmsKeyID: "alias/custom", Value: TextValue("v")}); err != nil {
		t.Fatal(err)
	}
	h.create("kms/default", "v")
	want := map[string]string{"kms/custom": "the KMS key alias/custom", "kms/default": "the AWS managed key aws/secretsmanager"}

	h.srv.InjectFault(emulator.Fault{Op: "GetSecretValue", Error: "DecryptionFailure"})
	h.srv.InjectFault(emulator.Fault{Op: "PutSecretValue", Error: "EncryptionFailure"})
	for id, name := range want {
		_, err := h.st.GetValue(h.ctx, id, VersionRef{})
		if e := wantKind(t, err, KindDecryption); !strings.Contains(e.Hint, name) || strings.Contains(e.Hint, "the secret's KMS key") {
			t.Errorf("%s: decryption hint %q does not name %q", id, e.Hint, name)
		}
		_, err = h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("w")})
		e := wantKind(t, err, KindInternal)
		if !IsKMS(e) || !strings.Contains(e.Hint, name) {
			t.Errorf("%s: encryption hint %q does not name %q", id, e.Hint, name)
		}
	}
}

// A kms: action denied names the key from AWS's message.
func TestAccessDeniedOnKMSNamesTheKey(t *testing.T) {
	key := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab"
	msg := "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: kms:Decrypt on resource: " + key
	err := mapError(opErr("GetSecretValue", &smithy.GenericAPIError{Code: "AccessDeniedException", Message: msg}), errContext{Op: "get value", KMSKeyID: "alias/other"})
	e := err.(*Error)
	if e.Action != "kms:Decrypt" || e.KMSKeyID != key || !strings.Contains(e.Hint, key) || !IsKMS(e) {
		t.Fatalf("error %+v", e)
	}
}
