package aws

// Emulator fidelity, continued: the refusals AWS makes (see
// contract_fidelity_test.go).

import (
	"net/http"
	"strings"
	"testing"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// TagResource and UntagResource on a secret scheduled for deletion are
// refused with InvalidRequestException; after a restore they work. The SDK
// reads AWS's "Message" key.
func TestFidelityTagsRefusedWhileScheduledForDeletion(t *testing.T) {
	h := newHarness(t)
	c := h.sdk()
	id := "deleted/tags"
	h.create(id, "v")
	if err := h.st.TagSecret(h.ctx, id, []Tag{{Key: "team", Value: "a"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.DeleteSecret(h.ctx, DeleteSecretInput{SecretID: id, RecoveryWindowDays: 7}); err != nil {
		t.Fatal(err)
	}
	_, err := c.TagResource(h.ctx, &secretsmanager.TagResourceInput{SecretId: awssdk.String(id), Tags: []types.Tag{{Key: awssdk.String("x"), Value: awssdk.String("y")}}})
	wantAPIError(t, err, "InvalidRequestException", msgMarkedDeleted)
	_, err = c.UntagResource(h.ctx, &secretsmanager.UntagResourceInput{SecretId: awssdk.String(id), TagKeys: []string{"team"}})
	wantAPIError(t, err, "InvalidRequestException", msgMarkedDeleted)
	status, body := h.raw("TagResource", map[string]any{"SecretId": id, "Tags": []map[string]string{{"Key": "x", "Value": "y"}}})
	if status != http.StatusBadRequest || body["__type"] != "InvalidRequestException" || body["Message"] != msgMarkedDeleted {
		t.Fatalf("raw TagResource: %d %v", status, body)
	}
	if err := h.st.TagSecret(h.ctx, id, []Tag{{Key: "x", Value: "y"}}); KindOf(err) != KindInvalidRequest {
		t.Fatalf("Store TagSecret: %v", err)
	}
	if err := h.st.RestoreSecret(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := h.st.UntagSecret(h.ctx, id, []string{"team"}); err != nil {
		t.Fatalf("after restore: %v", err)
	}
}

// RotateSecret with a function that does not exist is AccessDenied, and the
// secret's rotation settings stay unset.
func TestFidelityRotateUnknownLambda(t *testing.T) {
	h := newHarness(t)
	c := h.sdk()
	id := "rotate/unknown-fn"
	h.create(id, "v")
	_, err := c.RotateSecret(h.ctx, &secretsmanager.RotateSecretInput{SecretId: awssdk.String(id),
		RotationLambdaARN: awssdk.String("arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction"),
		RotationRules:     &types.RotationRulesType{AutomaticallyAfterDays: awssdk.Int64(30)}, ClientRequestToken: awssdk.String(fidelityToken)})
	wantAPIError(t, err, "AccessDeniedException", msgCannotInvoke)
	d, err := c.DescribeSecret(h.ctx, &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	if d.RotationEnabled != nil || d.RotationLambdaARN != nil || d.RotationRules != nil || d.NextRotationDate != nil {
		t.Fatalf("rotation settings changed: enabled=%v lambda=%v rules=%v next=%v", d.RotationEnabled, d.RotationLambdaARN, d.RotationRules, d.NextRotationDate)
	}
	if len(d.VersionIdsToStages) != 1 {
		t.Fatalf("versions changed: %v", d.VersionIdsToStages)
	}
	// Through the Store: access denied, but the hint is about the function,
	// not the caller's permissions.
	_, err = h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction"})
	e := wantKind(t, err, KindAccessDenied)
	if e.Message != msgCannotInvoke || e.Action != "lambda:InvokeFunction" || !strings.Contains(e.Hint, "rotation function does not exist") {
		t.Errorf("Store error: message %q action %q hint %q", e.Message, e.Action, e.Hint)
	}
	// Once the function exists, the same call works.
	h.srv.AddLambdaFunction("arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction")
	if _, err := c.RotateSecret(h.ctx, &secretsmanager.RotateSecretInput{SecretId: awssdk.String(id),
		RotationLambdaARN:  awssdk.String("arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction:live"),
		ClientRequestToken: awssdk.String(fidelityOtherToken), RotateImmediately: awssdk.Bool(false),
		RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: awssdk.Int64(30)}}); err != nil {
		t.Fatalf("with the function in place (qualified ARN): %v", err)
	}
}

// RotateSecret with no function configured: AWS's message, nothing added.
func TestFidelityRotateNoFunction(t *testing.T) {
	h := newHarness(t)
	id := "rotate/no-fn"
	h.create(id, "v")
	_, err := h.sdk().RotateSecret(h.ctx, &secretsmanager.RotateSecretInput{SecretId: awssdk.String(id), ClientRequestToken: awssdk.String(fidelityToken)})
	wantAPIError(t, err, "InvalidRequestException", msgNoFunction)
}

// A raw request without ClientRequestToken (the SDKs always send one):
// CreateSecret, UpdateSecret and PutSecretValue answer InvalidRequestException,
// RotateSecret InvalidParameterException, before the secret is looked up,
// and the body's message key is "Message".
func TestFidelityMissingClientRequestToken(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	h.create("token/exists", "v")
	cases := []struct {
		op   string
		body map[string]any
		code string
	}{
		{"CreateSecret", map[string]any{"Name": "token/new", "SecretString": "v"}, "InvalidRequestException"},
		{"CreateSecret", map[string]any{"Name": "token/new-empty"}, "InvalidRequestException"},
		{"UpdateSecret", map[string]any{"SecretId": "token/exists", "SecretString": "v2"}, "InvalidRequestException"},
		{"UpdateSecret", map[string]any{"SecretId": "token/missing", "Description": "d"}, "InvalidRequestException"},
		{"PutSecretValue", map[string]any{"SecretId": "token/exists", "SecretString": "v2"}, "InvalidRequestException"},
		{"PutSecretValue", map[string]any{"SecretId": "token/missing", "SecretString": "v2"}, "InvalidRequestException"},
		{"RotateSecret", map[string]any{"SecretId": "token/exists", "RotationLambdaARN": testLambda}, "InvalidParameterException"},
		{"RotateSecret", map[string]any{"SecretId": "token/missing", "RotationLambdaARN": testLambda}, "InvalidParameterException"},
	}
	for _, tc := range cases {
		status, body := h.raw(tc.op, tc.body)
		if status != http.StatusBadRequest || body["__type"] != tc.code || body["Message"] != msgTokenRequired {
			t.Errorf("%s %v: %d %v, want 400 %s %q under \"Message\"", tc.op, tc.body, status, body, tc.code, msgTokenRequired)
		}
		if _, lower := body["message"]; lower {
			t.Errorf("%s: body has a lower-case message key: %v", tc.op, body)
		}
	}
	// Nothing was created or written.
	if _, err := h.st.DescribeSecret(h.ctx, "token/new"); KindOf(err) != KindNotFound {
		t.Errorf("token/new exists after a refused create: %v", err)
	}
	if vs := h.versions("token/exists"); len(vs) != 1 {
		t.Errorf("token/exists has %d versions after refused writes", len(vs))
	}
	// With a token the same raw requests go through.
	status, body := h.raw("PutSecretValue", map[string]any{"SecretId": "token/exists", "SecretString": "v2", "ClientRequestToken": fidelityToken})
	if status != http.StatusOK || body["VersionId"] != fidelityToken {
		t.Errorf("with a token: %d %v", status, body)
	}
}
