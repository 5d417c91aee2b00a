package emulator

import (
	"encoding/json"
	"strings"
)

// Request-level checks AWS makes before an operation looks anything up: the
// shape of the SecretId (or a new secret's Name) and the presence of a
// ClientRequestToken. The SDKs always fill the token in, so only a raw
// request can leave it out.

// secretIDOps are the operations whose SecretId AWS checks against the name
// pattern. ValidateResourcePolicy's SecretId is optional.
var secretIDOps = map[string]bool{
	"DescribeSecret":               true,
	"ListSecretVersionIds":         true,
	"GetSecretValue":               true,
	"PutSecretValue":               true,
	"UpdateSecret":                 true,
	"UpdateSecretVersionStage":     true,
	"DeleteSecret":                 true,
	"RestoreSecret":                true,
	"RotateSecret":                 true,
	"CancelRotateSecret":           true,
	"TagResource":                  true,
	"UntagResource":                true,
	"GetResourcePolicy":            true,
	"PutResourcePolicy":            true,
	"DeleteResourcePolicy":         true,
	"ValidateResourcePolicy":       true,
	"ReplicateSecretToRegions":     true,
	"RemoveRegionsFromReplication": true,
}

// tokenRequiredCode is, per operation that needs a ClientRequestToken, the
// error AWS answers when a request comes without one.
var tokenRequiredCode = map[string]string{
	"CreateSecret":   codeInvalidRequest,
	"UpdateSecret":   codeInvalidRequest,
	"PutSecretValue": codeInvalidRequest,
	"RotateSecret":   codeInvalidParameter,
}

const msgTokenRequired = "You must provide a ClientRequestToken value. We recommend a UUID-type value."

// errInvalidName is AWS's answer to a SecretId or Name that is not a valid
// secret name.
func errInvalidName() *apiError {
	return errorf(codeValidation, "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!")
}

// precheck runs the request-level checks for op. A body that does not parse
// is left to the operation, which reports it.
func precheck(op string, body []byte) *apiError {
	var in struct {
		SecretID           *string `json:"SecretId"`
		Name               *string `json:"Name"`
		ClientRequestToken *string `json:"ClientRequestToken"`
	}
	if json.Unmarshal(body, &in) != nil {
		return nil
	}
	switch {
	case op == "CreateSecret":
		if in.Name != nil && !validName(*in.Name) {
			return errInvalidName()
		}
	case secretIDOps[op]:
		// An ARN is resolved as an ARN, not checked against the name pattern.
		if in.SecretID != nil && !strings.HasPrefix(*in.SecretID, "arn:") && !validSecretID(*in.SecretID) {
			return errInvalidName()
		}
	}
	if code, ok := tokenRequiredCode[op]; ok && in.ClientRequestToken == nil {
		return errorf(code, msgTokenRequired)
	}
	return nil
}
