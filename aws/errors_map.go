package aws

import (
	"context"
	"errors"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials/processcreds"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// errContext is what a Store call knows about itself when it fails. It never
// holds request payloads, so nothing in it can leak a secret value.
type errContext struct {
	Op       string // e.g. "get value"
	Region   string
	SecretID string
	Profile  string // the shared-config profile, for credential hints
	SSO      bool   // the profile gets its credentials from IAM Identity Center
	Static   bool   // static credentials were given (e.g. --demo)
	KMSKeyID string // the secret's key, when the caller already knows it
}

// Error codes that mean the credentials are missing, expired or wrong.
var credentialCodes = map[string]bool{
	"ExpiredTokenException":       true,
	"ExpiredToken":                true,
	"UnrecognizedClientException": true,
	"InvalidClientTokenId":        true,
	"InvalidSignatureException":   true,
	"SignatureDoesNotMatch":       true,
	"IncompleteSignature":         true,
	"MissingAuthenticationToken":  true,
	"UnauthorizedException":       true, // the SSO portal refusing an expired token
}

// kindByCode maps Secrets Manager error codes to kinds.
var kindByCode = map[string]ErrorKind{
	"ResourceNotFoundException":        KindNotFound,
	"AccessDeniedException":            KindAccessDenied,
	"AccessDenied":                     KindAccessDenied,
	"DecryptionFailure":                KindDecryption,
	"ThrottlingException":              KindThrottled,
	"Throttling":                       KindThrottled,
	"TooManyRequestsException":         KindThrottled,
	"RequestLimitExceeded":             KindThrottled,
	"InvalidRequestException":          KindInvalidRequest,
	"PreconditionNotMetException":      KindInvalidRequest,
	"InvalidParameterException":        KindInvalidParameter,
	"ValidationException":              KindInvalidParameter,
	"InvalidNextTokenException":        KindInvalidParameter,
	"MalformedPolicyDocumentException": KindInvalidParameter,
	"PublicPolicyException":            KindInvalidParameter,
	"ResourceExistsException":          KindExists,
	"LimitExceededException":           KindLimitExceeded,
	"InternalServiceError":             KindInternal,
	"InternalFailure":                  KindInternal,
	"ServiceUnavailable":               KindInternal,
	"EncryptionFailure":                KindInternal,
}

var (
	// "... is not authorized to perform: kms:Decrypt on resource: ..."
	actionInMessage = regexp.MustCompile(`not authorized to perform:? ([a-zA-Z0-9-]+:[A-Za-z0-9*]+)`)
	// A KMS key ARN, or a key/alias reference inside a message.
	kmsKeyInMessage = regexp.MustCompile(`arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)/[A-Za-z0-9/_-]+|\balias/[A-Za-z0-9/_-]+`)
)

// mapError turns any error from the SDK (or from credential resolution) into
// an *Error carrying c's context. It keeps AWS's message text and never adds
// request payloads. nil stays nil.
func mapError(err error, c errContext) error {
	if err == nil {
		return nil
	}
	var done *Error
	if errors.As(err, &done) {
		return done
	}
	e := &Error{Op: c.Op, Region: c.Region, SecretID: c.SecretID, Err: err}
	classify(e, err, c)
	return e
}

// classify fills Kind, Message, Action, KMSKeyID and Hint of e from err.
func classify(e *Error, err error, c errContext) {
	var apiErr smithy.APIError
	hasAPI := errors.As(err, &apiErr)

	// A transport failure is said in a sentence, even while resolving
	// credentials (SSO's OIDC host not resolving is a network problem, not
	// an expired session); but resolving credentials can itself time out
	// (e.g. the EC2 metadata service), and that is a credentials problem.
	if p, ok := describeTransport(err); ok && !hasAPI && !(p.kind == KindTimeout && isCredentialError(err)) {
		e.Kind, e.Message, e.Hint = p.kind, p.message, p.hint
		return
	}
	if isCredentialError(err) || (hasAPI && credentialCodes[apiErr.ErrorCode()]) {
		e.Kind = KindCredentials
		e.Message = credentialMessage(err, apiErr, hasAPI)
		e.Hint = credentialHint(c, err)
		return
	}
	if hasAPI {
		classifyAPI(e, err, apiErr, c)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) {
		e.Kind, e.Message = KindTimeout, "no answer before the deadline"
		e.Hint = "the endpoint is slow or unreachable; retry, or check your network"
		return
	}
	if errors.Is(err, context.Canceled) || isCanceled(err) {
		e.Kind, e.Message = KindTimeout, "cancelled"
		return
	}
	if msg, timeout, ok := networkError(err); ok {
		if timeout {
			e.Kind, e.Message = KindTimeout, msg
			e.Hint = "the endpoint is slow or unreachable; retry, or check your network"
			return
		}
		e.Kind, e.Message = KindNetwork, msg
		e.Hint = "could not reach Secrets Manager: check your network, VPN or proxy, and the endpoint URL"
		return
	}
	e.Kind = KindUnknown
	e.Message = innermostMessage(err)
}

// classifyAPI handles an error response from the service.
func classifyAPI(e *Error, err error, apiErr smithy.APIError, c errContext) {
	code := apiErr.ErrorCode()
	e.Code = code
	e.Message = apiErr.ErrorMessage()
	if e.Message == "" {
		e.Message = code
	}
	kind, ok := kindByCode[code]
	if !ok {
		kind = KindUnknown
		if apiErr.ErrorFault() == smithy.FaultServer {
			kind = KindInternal
		}
		e.Message = code + ": " + e.Message
	}
	e.Kind = kind
	switch kind {
	case KindAccessDenied:
		if strings.Contains(e.Message, "cannot invoke the specified Lambda function") {
			// RotateSecret naming a function Secrets Manager cannot call: not
			// the caller's permissions.
			e.Action = "lambda:InvokeFunction"
			e.Hint = "the rotation function does not exist, or its resource policy does not let secretsmanager.amazonaws.com invoke it; check the function's ARN"
			break
		}
		if m := actionInMessage.FindStringSubmatch(e.Message); m != nil {
			e.Action = m[1]
		} else if op := operationName(err); op != "" {
			e.Action = "secretsmanager:" + op
		}
		e.Hint = "your identity lacks " + e.Action + "; ask for access, or switch profile"
		if e.Action == "" {
			e.Hint = "ask for access, or switch profile"
		}
		if d := ParseDenial(e.Message); d.Layer != LayerUnknown && (d.Layer != LayerIdentity || d.Explicit) {
			// AWS named a layer other than a missing Allow in the caller's
			// own policies: say what that layer wants, not "you lack it".
			e.Hint = AdviceFor(d).Next
		}
		if strings.HasPrefix(e.Action, "kms:") {
			e.KMSKeyID = kmsKeyOf(e.Message, c)
			e.Hint = "your identity lacks " + e.Action + " on " + KMSKeyName(e.KMSKeyID) + "; ask for access to the key, or switch profile"
		}
	case KindDecryption:
		e.KMSKeyID = kmsKeyOf(e.Message, c)
		e.Hint = "check that you may use " + KMSKeyName(e.KMSKeyID) + " (kms:Decrypt) and that the key is enabled"
	case KindThrottled:
		e.Hint = "AWS is rate limiting this account; wait a moment and retry"
	case KindInternal:
		e.Hint = "AWS had an internal error; retry in a moment"
		if code == "EncryptionFailure" {
			e.KMSKeyID = kmsKeyOf(e.Message, c)
			e.Hint = "AWS could not encrypt with " + KMSKeyName(e.KMSKeyID) +
				": check that the key is enabled and that you may use it (kms:GenerateDataKey, kms:Encrypt)"
		}
	}
}

// IsKMS reports whether err is about the secret's KMS key (decryption,
// encryption, or a kms: action denied), so a caller that can look the key up
// should.
func IsKMS(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Kind == KindDecryption || e.Code == "EncryptionFailure" || strings.HasPrefix(e.Action, "kms:")
}

// kmsKeyOf is the KMS key named in AWS's message, else the one the caller
// knows.
func kmsKeyOf(msg string, c errContext) string {
	if k := kmsKeyInMessage.FindString(msg); k != "" {
		return k
	}
	return c.KMSKeyID
}

// KMSKeyName names a secret's KMS key in a sentence: "the KMS key ID", "the
// AWS managed key aws/secretsmanager", or "the secret's KMS key" when unknown.
func KMSKeyName(id string) string {
	switch id {
	case "":
		return "the secret's KMS key"
	case awsManagedKey, "aws/secretsmanager":
		return "the AWS managed key aws/secretsmanager"
	}
	return "the KMS key " + id
}

// isCredentialError reports whether err arose while resolving credentials.
func isCredentialError(err error) bool {
	var signErr *v4.SigningError
	var ssoErr *ssocreds.InvalidTokenError
	var procErr *processcreds.ProviderError
	var missing *credentialsMissingError
	return errors.As(err, &signErr) || errors.As(err, &ssoErr) || errors.As(err, &procErr) ||
		errors.As(err, &missing) || isIdentityError(err)
}

// isIdentityError reports a failure to resolve the caller's identity before
// a request was sent. The SDK's clients wrap it in plain errors ("get
// identity: get credentials: ...", auth.go of each service), so its text is
// the only mark; e.g. an SSO token cache file that does not exist yet.
func isIdentityError(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if strings.HasPrefix(err.Error(), "get identity: ") {
			return true
		}
	}
	return false
}

// credentialsMissingError is returned by CheckCredentials when no provider
// yields credentials.
type credentialsMissingError struct{ err error }

func (e *credentialsMissingError) Error() string {
	if e.err == nil {
		return "no credentials found"
	}
	msg := strings.TrimPrefix(innermostMessage(e.err), "failed to refresh cached credentials, ")
	if strings.Contains(msg, "EC2 IMDS") {
		// The SDK tries instance metadata last, when nothing else is
		// configured: its error would only confuse someone on a laptop.
		return "no AWS credentials found (none in the environment or the shared config and credentials files, and no EC2 instance role)"
	}
	return "could not load credentials: " + msg
}

func (e *credentialsMissingError) Unwrap() error { return e.err }

func credentialMessage(err error, apiErr smithy.APIError, hasAPI bool) string {
	if hasAPI && credentialCodes[apiErr.ErrorCode()] {
		if m := apiErr.ErrorMessage(); m != "" {
			return m
		}
		return apiErr.ErrorCode()
	}
	var signErr *v4.SigningError
	if errors.As(err, &signErr) && signErr.Err != nil {
		msg := strings.TrimPrefix(signErr.Err.Error(), "failed to retrieve credentials: ")
		return strings.TrimPrefix(msg, "failed to refresh cached credentials, ")
	}
	var missing *credentialsMissingError
	if errors.As(err, &missing) {
		return missing.Error()
	}
	msg := innermostMessage(err)
	for _, p := range []string{"get identity: ", "get credentials: ", "failed to refresh cached credentials, "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

func credentialHint(c errContext, err error) string {
	var ssoErr *ssocreds.InvalidTokenError
	switch {
	case c.SSO || errors.As(err, &ssoErr):
		name := c.Profile
		if name == "" {
			name = "default"
		}
		return "your SSO session has expired or is missing; run: aws sso login --profile " + name
	case c.Static:
		return "the access key was refused; check the endpoint and the static credentials"
	default:
		return "configure credentials (aws configure, AWS_PROFILE, or AWS_ACCESS_KEY_ID and " +
			"AWS_SECRET_ACCESS_KEY), pick a profile with --profile, or try --demo"
	}
}

// isCanceled reports a smithy cancellation not wrapping a context error.
func isCanceled(err error) bool {
	var ce *smithy.CanceledError
	return errors.As(err, &ce)
}

// networkError recognises transport failures: DNS, refused or reset
// connections, dropped responses. It returns a short message and whether the
// failure was a timeout.
func networkError(err error) (msg string, timeout, ok bool) {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var urlErr *url.Error
	var sendErr *smithyhttp.RequestSendError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		return dnsErr.Error(), dnsErr.IsTimeout, true
	case errors.As(err, &opErr):
		return opErr.Error(), opErr.Timeout(), true
	case errors.As(err, &urlErr):
		return urlErr.Error(), urlErr.Timeout(), true
	case errors.As(err, &netErr):
		return netErr.Error(), netErr.Timeout(), true
	case errors.As(err, &sendErr):
		return innermostMessage(sendErr), false, true
	}
	return "", false, false
}

// operationName is the wire operation of a failed SDK call, e.g. "GetSecretValue".
func operationName(err error) string {
	var opErr *smithy.OperationError
	if errors.As(err, &opErr) {
		return opErr.OperationName
	}
	return ""
}

// innermostMessage is the text of err without the SDK's operation and retry
// wrappers, which repeat what Error.Op already says.
func innermostMessage(err error) string {
	for {
		var opErr *smithy.OperationError
		var maxErr *retry.MaxAttemptsError
		switch {
		case errors.As(err, &opErr) && opErr.Err != nil:
			err = opErr.Err
		case errors.As(err, &maxErr) && maxErr.Err != nil:
			err = maxErr.Err
		default:
			return err.Error()
		}
	}
}
