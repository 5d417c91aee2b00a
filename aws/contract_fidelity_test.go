package aws

// Contract cases for the emulator's fidelity to recorded AWS behaviour
// (issue 13, issue 7 §7): each drives the real SDK client (or, where the SDK
// cannot send the case, a raw request) against the emulator and checks AWS's
// error code, message and response shape.

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/smtui/smtui/aws/emulator"
)

// AWS's messages, verbatim.
const (
	msgInvalidName     = "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"
	msgMarkedDeleted   = "You can't perform this operation on the secret because it was marked for deletion."
	msgCannotInvoke    = "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com."
	msgNoFunction      = "No Lambda rotation function ARN is associated with this secret."
	msgTokenRequired   = "You must provide a ClientRequestToken value. We recommend a UUID-type value."
	fidelityToken      = "11111111-2222-4333-8444-555555555555"
	fidelityOtherToken = "66666666-7777-4888-9999-000000000000"
)

// withRotationFunction makes a rotation function exist in the emulator.
func withRotationFunction(arn string) tweak {
	return func(o *emulator.Options, _ *ConnectOptions) { o.LambdaFunctions = append(o.LambdaFunctions, arn) }
}

// sdk is the raw SDK client for the harness's emulator, without retries.
func (h *harness) sdk() *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{
		Region:           "us-east-1",
		BaseEndpoint:     awssdk.String(h.srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEMULATOR", "emulator", ""),
		HTTPClient:       &http.Client{Timeout: 10 * time.Second},
		RetryMaxAttempts: 1,
	})
}

// raw posts a JSON body to operation op without any SDK and returns the
// status and the decoded body.
func (h *harness) raw(op string, body any) (int, map[string]any) {
	h.t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		h.t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(h.ctx, http.MethodPost, h.srv.URL+"/", bytes.NewReader(b))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "secretsmanager."+op)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		h.t.Fatalf("%s: decode answer: %v", op, err)
	}
	return resp.StatusCode, out
}

// wantAPIError fails unless err is AWS error code with exactly message msg.
func wantAPIError(t *testing.T, err error, code, msg string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want %s", err, code)
	}
	if ae.ErrorCode() != code || ae.ErrorMessage() != msg {
		t.Fatalf("got %s %q\nwant %s %q", ae.ErrorCode(), ae.ErrorMessage(), code, msg)
	}
}

// Create v0; put v1 under AWSPENDING; move AWSCURRENT to v1; then a plain
// put of v2. AWS lists v1 as ["AWSPREVIOUS"]: the version a put demotes
// loses AWSPENDING, so no rotation looks stuck.
func TestFidelityPutDemotesPendingFromOldCurrent(t *testing.T) {
	h := newHarness(t)
	id := "labels/pending-demoted"
	v0 := h.create(id, "Something1")
	res, err := h.st.PutValue(h.ctx, PutValueInput{SecretID: id, Value: TextValue("Something2"), Stages: []string{LabelPending}})
	if err != nil {
		t.Fatal(err)
	}
	v1 := res.VersionID
	if err := h.st.MoveLabel(h.ctx, MoveLabelInput{SecretID: id, Label: LabelCurrent, ToVersion: v1, FromVersion: v0}); err != nil {
		t.Fatal(err)
	}
	st := h.stages(id)
	if !sameLabels(st[v1], LabelCurrent, LabelPending) || !sameLabels(st[v0], LabelPrevious) {
		t.Fatalf("after the move (AWS keeps AWSPENDING beside AWSCURRENT): %v", st)
	}
	v2 := h.put(id, "SS3")
	st = h.stages(id)
	want := map[string][]string{v1: {LabelPrevious}, v2: {LabelCurrent}}
	if len(st) != len(want) || !sameLabels(st[v1], LabelPrevious) || !sameLabels(st[v2], LabelCurrent) {
		t.Fatalf("after the plain put: %v\nwant %v (v0 %s deprecated)", st, want, v0)
	}
	// ListSecretVersionIds agrees and hides the now unlabelled v0.
	out, err := h.sdk().ListSecretVersionIds(h.ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, v := range out.Versions {
		got[awssdk.ToString(v.VersionId)] = v.VersionStages
	}
	if len(got) != 2 || !slices.Equal(got[v1], []string{LabelPrevious}) || !slices.Equal(got[v2], []string{LabelCurrent}) {
		t.Fatalf("ListSecretVersionIds: %v", got)
	}
}

// A SecretId that is not a valid name (a space, '#', empty, over 512
// characters) is a ValidationException with AWS's message on every
// operation that takes one; an ARN is not checked against the pattern.
func TestFidelityInvalidNameEveryOperation(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	c := h.sdk()
	ctx := h.ctx
	tok := awssdk.String(fidelityToken)
	ops := map[string]func(id *string) error{
		"CreateSecret": func(id *string) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: id, SecretString: awssdk.String("v"), ClientRequestToken: tok})
			return err
		},
		"DeleteSecret": func(id *string) error {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id})
			return err
		},
		"DescribeSecret": func(id *string) error {
			_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: id})
			return err
		},
		"GetSecretValue": func(id *string) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id})
			return err
		},
		"ListSecretVersionIds": func(id *string) error {
			_, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: id})
			return err
		},
		"PutSecretValue": func(id *string) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: awssdk.String("v"), ClientRequestToken: tok})
			return err
		},
		"TagResource": func(id *string) error {
			_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: id, Tags: []types.Tag{{Key: awssdk.String("k"), Value: awssdk.String("v")}}})
			return err
		},
		"UntagResource": func(id *string) error {
			_, err := c.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: id, TagKeys: []string{"k"}})
			return err
		},
		"UpdateSecret": func(id *string) error {
			_, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: id, Description: awssdk.String("d"), ClientRequestToken: tok})
			return err
		},
		"ValidateResourcePolicy": func(id *string) error {
			_, err := c.ValidateResourcePolicy(ctx, &secretsmanager.ValidateResourcePolicyInput{SecretId: id, ResourcePolicy: awssdk.String(`{"Version":"2012-10-17","Statement":[]}`)})
			return err
		},
		"RestoreSecret": func(id *string) error {
			_, err := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: id})
			return err
		},
		"RotateSecret": func(id *string) error {
			_, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: id, RotationLambdaARN: awssdk.String(testLambda), ClientRequestToken: tok})
			return err
		},
		"CancelRotateSecret": func(id *string) error {
			_, err := c.CancelRotateSecret(ctx, &secretsmanager.CancelRotateSecretInput{SecretId: id})
			return err
		},
		"UpdateSecretVersionStage": func(id *string) error {
			_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: awssdk.String("BLUE"), MoveToVersionId: tok})
			return err
		},
		"GetResourcePolicy": func(id *string) error {
			_, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: id})
			return err
		},
		"PutResourcePolicy": func(id *string) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: id, ResourcePolicy: awssdk.String(`{"Version":"2012-10-17","Statement":[]}`)})
			return err
		},
		"DeleteResourcePolicy": func(id *string) error {
			_, err := c.DeleteResourcePolicy(ctx, &secretsmanager.DeleteResourcePolicyInput{SecretId: id})
			return err
		},
	}
	bad := map[string]string{"space": "Inv Name", "hash": "prod#db", "empty": "", "513 characters": strings.Repeat("a", 513), "non-ASCII": "café"}
	for op, call := range ops {
		for what, name := range bad {
			t.Run(op+"/"+what, func(t *testing.T) {
				wantAPIError(t, call(awssdk.String(name)), "ValidationException", msgInvalidName)
			})
		}
		if op == "CreateSecret" {
			continue
		}
		t.Run(op+"/ARN is not checked as a name", func(t *testing.T) {
			var ae smithy.APIError
			err := call(awssdk.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:no such#name-AbCdEf"))
			if !errors.As(err, &ae) || ae.ErrorCode() != "ResourceNotFoundException" {
				t.Fatalf("got %v, want ResourceNotFoundException", err)
			}
		})
	}
	// Through the Store it is an invalid parameter that keeps AWS's words.
	_, err := h.st.DescribeSecret(h.ctx, "Inv Name")
	if e := wantKind(t, err, KindInvalidParameter); e.Message != msgInvalidName {
		t.Errorf("Store message %q", e.Message)
	}
}

// ValidateResourcePolicy: a sound policy passes with no findings; one with
// no Version or Statement fails with findings; text that is not JSON is a
// MalformedPolicyDocumentException; an unknown SecretId is not found.
func TestFidelityValidateResourcePolicy(t *testing.T) {
	h := newHarness(t)
	c := h.sdk()
	h.create("policy/target", "v")
	good := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	out, err := c.ValidateResourcePolicy(h.ctx, &secretsmanager.ValidateResourcePolicyInput{SecretId: awssdk.String("policy/target"), ResourcePolicy: awssdk.String(good)})
	if err != nil {
		t.Fatal(err)
	}
	if !out.PolicyValidationPassed || len(out.ValidationErrors) != 0 {
		t.Fatalf("good policy: passed=%v errors=%v", out.PolicyValidationPassed, out.ValidationErrors)
	}
	for name, doc := range map[string]string{
		"no Version":   `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:*","Resource":"*"}]}`,
		"no Statement": `{"Version":"2012-10-17"}`,
		"bad Effect":   `{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Principal":"*","Action":"*"}}`,
		"no Principal": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}`,
	} {
		out, err := c.ValidateResourcePolicy(h.ctx, &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: awssdk.String(doc)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out.PolicyValidationPassed || len(out.ValidationErrors) == 0 || awssdk.ToString(out.ValidationErrors[0].ErrorMessage) == "" {
			t.Errorf("%s: passed=%v errors=%v", name, out.PolicyValidationPassed, out.ValidationErrors)
		}
	}
	_, err = c.ValidateResourcePolicy(h.ctx, &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: awssdk.String(`{"Version":`)})
	var mal *types.MalformedPolicyDocumentException
	if !errors.As(err, &mal) {
		t.Errorf("not JSON: got %v, want MalformedPolicyDocumentException", err)
	}
	_, err = c.ValidateResourcePolicy(h.ctx, &secretsmanager.ValidateResourcePolicyInput{SecretId: awssdk.String("policy/none"), ResourcePolicy: awssdk.String(good)})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}
