package emulator

import (
	"fmt"
	"net/http"
)

// Error codes as they appear in the wire's "__type" field.
const (
	codeNotFound          = "ResourceNotFoundException"
	codeInvalidParameter  = "InvalidParameterException"
	codeInvalidRequest    = "InvalidRequestException"
	codeExists            = "ResourceExistsException"
	codeInternal          = "InternalServiceError"
	codeLimitExceeded     = "LimitExceededException"
	codeMalformedPolicy   = "MalformedPolicyDocumentException"
	codeValidation        = "ValidationException"
	codeInvalidNextToken  = "InvalidNextTokenException"
	codeUnknownOperation  = "UnknownOperationException"
	codeSerialization     = "SerializationException"
	codeIncompleteSig     = "IncompleteSignatureException"
	codeAccessDenied      = "AccessDeniedException"
	codeThrottling        = "ThrottlingException"
	codeDecryptionFailure = "DecryptionFailure"
)

// apiError is an error answer on the wire. Its message names resources,
// never secret values.
type apiError struct {
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

// status is the HTTP status AWS uses for the error code.
func (e *apiError) status() int {
	if e.code == codeInternal {
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// lowerMessageKey lists the errors the service framework itself raises (not
// Secrets Manager's modelled exceptions): their body carries "message".
// Secrets Manager's own exceptions carry "Message", as AWS sends them.
var lowerMessageKey = map[string]bool{
	codeValidation:       true,
	codeSerialization:    true,
	codeUnknownOperation: true,
	codeIncompleteSig:    true,
	codeThrottling:       true,
}

// body is the JSON error body AWS sends for e.
func (e *apiError) body() map[string]string {
	key := "Message"
	if lowerMessageKey[e.code] {
		key = "message"
	}
	return map[string]string{"__type": e.code, key: e.message}
}

func errorf(code, format string, args ...any) *apiError {
	return &apiError{code: code, message: fmt.Sprintf(format, args...)}
}

func errNotFound() *apiError {
	return errorf(codeNotFound, "Secrets Manager can't find the specified secret.")
}

func errMarkedForDeletion() *apiError {
	return errorf(codeInvalidRequest, "You can't perform this operation on the secret because it was marked for deletion.")
}

func errReplica() *apiError {
	return errorf(codeInvalidRequest, "Operation is not permitted on a replica secret. Perform the operation on the primary secret.")
}

// faultError is the error answer an injected fault produces for op.
func faultError(code, op, secretID, account string) *apiError {
	resource := secretID
	if resource == "" {
		resource = "*"
	}
	switch code {
	case codeThrottling:
		return errorf(code, "Rate exceeded")
	case codeAccessDenied:
		return errorf(code, "User: arn:aws:iam::%s:user/demo is not authorized to perform: secretsmanager:%s on resource: %s because no identity-based policy allows the secretsmanager:%s action", account, op, resource, op)
	case codeInternal:
		return errorf(code, "An internal error occurred in Secrets Manager. Try again.")
	case codeDecryptionFailure:
		return errorf(code, "Secrets Manager can't decrypt the protected secret text using the provided KMS key.")
	}
	return errorf(code, "Injected fault %s for %s.", code, op)
}
