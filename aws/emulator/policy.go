package emulator

import (
	"encoding/json"
	"strconv"
)

type policyOutput struct {
	ARN            string `json:"ARN"`
	Name           string `json:"Name"`
	ResourcePolicy string `json:"ResourcePolicy,omitempty"`
}

func (e *Emulator) getResourcePolicy(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	return policyOutput{ARN: s.arn, Name: s.name, ResourcePolicy: s.policy}, nil
}

type putPolicyInput struct {
	SecretID       string `json:"SecretId"`
	ResourcePolicy string `json:"ResourcePolicy"`
}

func (e *Emulator) putResourcePolicy(c *call) (any, *apiError) {
	var in putPolicyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if json.Unmarshal([]byte(in.ResourcePolicy), &doc) != nil || doc["Statement"] == nil {
		return nil, errorf(codeMalformedPolicy, "The resource policy isn't a valid JSON policy document with a Statement.")
	}
	s.policy = in.ResourcePolicy
	return idOutput{ARN: s.arn, Name: s.name}, nil
}

func (e *Emulator) deleteResourcePolicy(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	s.policy = ""
	return idOutput{ARN: s.arn, Name: s.name}, nil
}

type validatePolicyInput struct {
	SecretID       string `json:"SecretId"`
	ResourcePolicy string `json:"ResourcePolicy"`
}

type validationError struct {
	CheckName    string `json:"CheckName"`
	ErrorMessage string `json:"ErrorMessage"`
}

type validatePolicyOutput struct {
	PolicyValidationPassed bool              `json:"PolicyValidationPassed"`
	ValidationErrors       []validationError `json:"ValidationErrors"`
}

// validateResourcePolicy checks a policy document the simple way: it must be
// a JSON object with a known Version and a Statement whose entries each have
// an Effect of Allow or Deny, an Action (or NotAction) and a Principal (or
// NotPrincipal), as a resource policy needs. Text that is not JSON is
// refused; a document that is JSON but fails a check passes back its
// findings.
func (e *Emulator) validateResourcePolicy(c *call) (any, *apiError) {
	var in validatePolicyInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if in.ResourcePolicy == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'resourcePolicy' failed to satisfy constraint: Member must not be null")
	}
	if in.SecretID != "" {
		if _, err := c.find(in.SecretID); err != nil {
			return nil, err
		}
	}
	var doc map[string]any
	if json.Unmarshal([]byte(in.ResourcePolicy), &doc) != nil {
		return nil, errorf(codeMalformedPolicy, "This resource policy contains a syntax error.")
	}
	out := validatePolicyOutput{ValidationErrors: policyFindings(doc)}
	out.PolicyValidationPassed = len(out.ValidationErrors) == 0
	return out, nil
}

// policyFindings lists what is wrong with a parsed policy document.
func policyFindings(doc map[string]any) []validationError {
	finding := func(check, msg string) validationError { return validationError{CheckName: check, ErrorMessage: msg} }
	out := []validationError{}
	switch v, _ := doc["Version"].(string); v {
	case "2012-10-17", "2008-10-17":
	case "":
		out = append(out, finding("Version", "The policy has no Version; use \"2012-10-17\"."))
	default:
		out = append(out, finding("Version", "The policy Version must be \"2012-10-17\" or \"2008-10-17\"."))
	}
	var stmts []any
	switch s := doc["Statement"].(type) {
	case []any:
		stmts = s
	case map[string]any:
		stmts = []any{s}
	}
	if len(stmts) == 0 {
		return append(out, finding("Statement", "The policy has no Statement."))
	}
	for i, raw := range stmts {
		st, ok := raw.(map[string]any)
		n := strconv.Itoa(i + 1)
		if !ok {
			out = append(out, finding("Statement", "Statement "+n+" is not a JSON object."))
			continue
		}
		if eff, _ := st["Effect"].(string); eff != "Allow" && eff != "Deny" {
			out = append(out, finding("Effect", "Statement "+n+" needs an Effect of Allow or Deny."))
		}
		if st["Action"] == nil && st["NotAction"] == nil {
			out = append(out, finding("Action", "Statement "+n+" needs an Action or NotAction."))
		}
		if st["Principal"] == nil && st["NotPrincipal"] == nil {
			out = append(out, finding("Principal", "Statement "+n+" needs a Principal or NotPrincipal: a resource policy names who it applies to."))
		}
	}
	return out
}
