package aws

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// opErr wraps err the way the SDK does for a failed call of operation op.
func opErr(op string, err error) error {
	return &smithy.OperationError{ServiceID: "Secrets Manager", OperationName: op, Err: err}
}

func apiErr(code, msg string) error {
	return &smithy.GenericAPIError{Code: code, Message: msg}
}

func TestMapErrorKinds(t *testing.T) {
	ctx := errContext{Op: "get value", Region: "eu-west-1", SecretID: "prod/db", Profile: "work"}
	refused := &smithyhttp.RequestSendError{Err: &url.Error{Op: "Post", URL: "https://secretsmanager.eu-west-1.amazonaws.com/",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}}
	cases := []struct {
		name string
		err  error
		kind ErrorKind
		msg  string // substring of Message
	}{
		{"not found", opErr("GetSecretValue", &types.ResourceNotFoundException{Message: strPtr("Secrets Manager can't find the specified secret.")}),
			KindNotFound, "can't find the specified secret"},
		{"access denied", opErr("GetSecretValue", apiErr("AccessDeniedException", "User: x is not allowed")), KindAccessDenied, "not allowed"},
		{"decryption", opErr("GetSecretValue", &types.DecryptionFailure{Message: strPtr("can't decrypt")}), KindDecryption, "can't decrypt"},
		{"throttled after retries", opErr("ListSecrets", &retry.MaxAttemptsError{Attempt: 3, Err: apiErr("ThrottlingException", "Rate exceeded")}),
			KindThrottled, "Rate exceeded"},
		{"invalid request", opErr("PutSecretValue", &types.InvalidRequestException{Message: strPtr("You can't perform this operation on the secret because it was marked for deletion.")}),
			KindInvalidRequest, "marked for deletion"},
		{"invalid parameter", opErr("DeleteSecret", &types.InvalidParameterException{Message: strPtr("bad window")}), KindInvalidParameter, "bad window"},
		{"validation", opErr("ListSecrets", apiErr("ValidationException", "Invalid filter key")), KindInvalidParameter, "Invalid filter key"},
		{"exists", opErr("CreateSecret", &types.ResourceExistsException{Message: strPtr("already exists")}), KindExists, "already exists"},
		{"limit", opErr("CreateSecret", &types.LimitExceededException{Message: strPtr("too many")}), KindLimitExceeded, "too many"},
		{"internal", opErr("GetSecretValue", &retry.MaxAttemptsError{Attempt: 3, Err: &types.InternalServiceError{Message: strPtr("oops")}}),
			KindInternal, "oops"},
		{"expired token", opErr("ListSecrets", apiErr("ExpiredTokenException", "The security token included in the request is expired")),
			KindCredentials, "expired"},
		{"unrecognized client", opErr("ListSecrets", apiErr("UnrecognizedClientException", "The security token included in the request is invalid.")),
			KindCredentials, "invalid"},
		{"invalid client token id", opErr("ListSecrets", apiErr("InvalidClientTokenId", "bad key")), KindCredentials, "bad key"},
		{"no credentials", opErr("ListSecrets", &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w",
			errors.New("failed to refresh cached credentials, no EC2 IMDS role found"))}), KindCredentials, "no EC2 IMDS role found"},
		{"credentials time out", opErr("ListSecrets", &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w",
			&smithy.CanceledError{Err: context.DeadlineExceeded})}), KindCredentials, ""},
		{"deadline", opErr("GetSecretValue", &smithy.CanceledError{Err: context.DeadlineExceeded}), KindTimeout, "deadline"},
		{"cancelled", opErr("GetSecretValue", &smithy.CanceledError{Err: context.Canceled}), KindTimeout, "cancelled"},
		{"connection refused", opErr("GetSecretValue", &retry.MaxAttemptsError{Attempt: 3, Err: refused}), KindNetwork, "connection refused"},
		{"dns", opErr("ListSecrets", &smithyhttp.RequestSendError{Err: &url.Error{Op: "Post", URL: "https://x/",
			Err: &net.DNSError{Err: "no such host", Name: "secretsmanager.xx-1.amazonaws.com", IsNotFound: true}}}), KindNetwork, "cannot reach secretsmanager.xx-1.amazonaws.com: the name does not resolve (DNS)"},
		{"dropped response", opErr("PutSecretValue", &smithyhttp.RequestSendError{Err: errors.New("EOF")}), KindNetwork, "EOF"},
		{"unknown code", opErr("GetSecretValue", apiErr("SomethingNewException", "new thing")), KindUnknown, "SomethingNewException: new thing"},
		{"unknown server fault", opErr("GetSecretValue", &smithy.GenericAPIError{Code: "Weird", Message: "boom", Fault: smithy.FaultServer}),
			KindInternal, "boom"},
		{"plain error", errors.New("something odd"), KindUnknown, "something odd"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := mapError(tc.err, ctx)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("mapError returned %T, want *Error", err)
			}
			if e.Kind != tc.kind {
				t.Errorf("kind = %v, want %v (message %q)", e.Kind, tc.kind, e.Message)
			}
			if !strings.Contains(e.Message, tc.msg) {
				t.Errorf("message %q does not contain %q", e.Message, tc.msg)
			}
			if e.Op != "get value" || e.Region != "eu-west-1" || e.SecretID != "prod/db" {
				t.Errorf("context lost: %+v", e)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("the SDK error is not unwrappable from %v", err)
			}
		})
	}
}

func TestMapErrorNil(t *testing.T) {
	if err := mapError(nil, errContext{Op: "x"}); err != nil {
		t.Fatalf("mapError(nil) = %v", err)
	}
}

func TestMapErrorKeepsOurError(t *testing.T) {
	ours := &Error{Kind: KindConflict, Op: "put value", Message: "moved"}
	if got := mapError(fmt.Errorf("wrapped: %w", ours), errContext{Op: "other"}); got != ours {
		t.Fatalf("mapError replaced an *Error: %v", got)
	}
}

func TestAccessDeniedAction(t *testing.T) {
	c := errContext{Op: "get value", Region: "us-east-1", SecretID: "s"}
	err := mapError(opErr("GetSecretValue", apiErr("AccessDeniedException", "User: arn:aws:iam::1:user/bob is not allowed")), c)
	var e *Error
	errors.As(err, &e)
	if e.Action != "secretsmanager:GetSecretValue" {
		t.Errorf("action = %q, want secretsmanager:GetSecretValue", e.Action)
	}
	if !strings.Contains(err.Error(), "(secretsmanager:GetSecretValue)") {
		t.Errorf("error text %q does not name the action", err)
	}
	// AWS names a different action (e.g. KMS) in its message: that one wins.
	err = mapError(opErr("GetSecretValue", apiErr("AccessDeniedException",
		"User: arn:aws:iam::1:user/bob is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:1:key/k")), c)
	errors.As(err, &e)
	if e.Action != "kms:Decrypt" {
		t.Errorf("action = %q, want kms:Decrypt", e.Action)
	}
}

func TestDecryptionKMSKey(t *testing.T) {
	key := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	err := mapError(opErr("GetSecretValue", &types.DecryptionFailure{Message: strPtr("Access to KMS is not allowed for " + key + ".")}),
		errContext{Op: "get value", KMSKeyID: "alias/other"})
	var e *Error
	errors.As(err, &e)
	if e.KMSKeyID != key {
		t.Errorf("KMSKeyID = %q, want the key from the message", e.KMSKeyID)
	}
	err = mapError(opErr("GetSecretValue", &types.DecryptionFailure{Message: strPtr("can't decrypt")}),
		errContext{Op: "get value", KMSKeyID: "alias/mine"})
	errors.As(err, &e)
	if e.KMSKeyID != "alias/mine" {
		t.Errorf("KMSKeyID = %q, want the secret's key", e.KMSKeyID)
	}
}

func TestCredentialHints(t *testing.T) {
	noCreds := opErr("ListSecrets", &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w", errors.New("no creds"))})
	cases := []struct {
		name string
		c    errContext
		err  error
		want string
	}{
		{"sso profile", errContext{Profile: "work-sso", SSO: true}, noCreds, "aws sso login --profile work-sso"},
		{"sso token error", errContext{Profile: "x"}, opErr("ListSecrets", &v4.SigningError{Err: &ssocreds.InvalidTokenError{}}),
			"aws sso login --profile x"},
		{"plain profile", errContext{Profile: "default"}, noCreds, "--demo"},
		{"static", errContext{Static: true}, opErr("ListSecrets", apiErr("UnrecognizedClientException", "bad")), "static credentials"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var e *Error
			if !errors.As(mapError(tc.err, tc.c), &e) || e.Kind != KindCredentials {
				t.Fatalf("not a credentials error: %v", e)
			}
			if !strings.Contains(e.Hint, tc.want) {
				t.Errorf("hint %q does not contain %q", e.Hint, tc.want)
			}
		})
	}
}

// The AWS message must survive intact, and nothing but it and our context
// may appear in the text.
func TestMapErrorPreservesMessage(t *testing.T) {
	msg := "You can't perform this operation on the secret because it was marked for deletion."
	err := mapError(opErr("PutSecretValue", &types.InvalidRequestException{Message: &msg}),
		errContext{Op: "put value", Region: "us-east-1", SecretID: "prod/api"})
	want := "put value prod/api in us-east-1: invalid request: " + msg
	if err.Error() != want {
		t.Fatalf("error text\n got %q\nwant %q", err.Error(), want)
	}
}

func strPtr(s string) *string { return &s }
