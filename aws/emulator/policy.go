package emulator

import "encoding/json"

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
