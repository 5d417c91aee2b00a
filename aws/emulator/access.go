package emulator

import (
	"encoding/json"
	"path"
	"strings"
)

// The emulator refuses calls as AWS does at several layers, so the access
// diagnosis has something real to explain:
//   - a secret's resource policy is evaluated for its explicit Deny
//     statements (Action/NotAction with wildcards, Principal "*", the
//     account, the caller or its role); a statement with a Condition is
//     not evaluated and so never denies here;
//   - the demo's denied secrets (seed_access.go) answer reads with the
//     message AWS gives for the layer they stand for (identity policy, SCP,
//     VPC endpoint policy, permissions boundary), as a real account's
//     policies would, which the emulator does not model;
//   - reading a secret whose KMS key is disabled or pending deletion fails
//     with DecryptionFailure naming the key (kms.go).

// authorize refuses op on secretID for principal, or returns nil. Callers
// hold e.mu.
func (e *Emulator) authorize(c *call, principal, secretID string) *apiError {
	if secretID == "" {
		return nil
	}
	s := c.region.lookup(secretID)
	if s == nil {
		return nil
	}
	action := "secretsmanager:" + c.op
	denied := func(reason string) *apiError {
		return errorf(codeAccessDenied, "User: %s is not authorized to perform: %s on resource: %s %s", principal, action, s.arn, reason)
	}
	if e.opts.Seed && (c.op == "GetSecretValue" || c.op == "DescribeSecret") {
		if reason := demoDenialReason(s.name, action); reason != "" {
			return denied(reason)
		}
	}
	if s.policy != "" && policyDenies(s.policy, action, principal, e.opts.Account) {
		return denied("with an explicit deny in a resource-based policy")
	}
	if c.op == "GetSecretValue" {
		return e.kmsRefusal(c.region.name, s.kmsKeyID, c.now)
	}
	return nil
}

// policyDenies reports whether an unconditional Deny statement of a
// resource policy matches action and principal.
func policyDenies(policy, action, principal, account string) bool {
	var doc struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if json.Unmarshal([]byte(policy), &doc) != nil {
		return false
	}
	var stmts []map[string]json.RawMessage
	if json.Unmarshal(doc.Statement, &stmts) != nil {
		var one map[string]json.RawMessage
		if json.Unmarshal(doc.Statement, &one) != nil {
			return false
		}
		stmts = append(stmts, one)
	}
	for _, st := range stmts {
		var effect string
		_ = json.Unmarshal(st["Effect"], &effect)
		if effect != "Deny" || st["Condition"] != nil {
			continue
		}
		actionHit := actionMatch(policyStrings(st["Action"]), action) ||
			(st["NotAction"] != nil && !actionMatch(policyStrings(st["NotAction"]), action))
		if actionHit && principalMatch(policyPrincipals(st["Principal"]), principal, account) {
			return true
		}
	}
	return false
}

// policyStrings reads a string or a list of strings.
func policyStrings(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

// policyPrincipals reads "*" or {"AWS": ...}.
func policyPrincipals(raw json.RawMessage) []string {
	if list := policyStrings(raw); len(list) > 0 {
		return list
	}
	var byKind map[string]json.RawMessage
	if json.Unmarshal(raw, &byKind) != nil {
		return nil
	}
	return policyStrings(byKind["AWS"])
}

func actionMatch(patterns []string, action string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(strings.ToLower(p), strings.ToLower(action)); ok {
			return true
		}
	}
	return false
}

// principalMatch: "*", the account (id or root ARN), the caller, or the
// role of an assumed-role caller.
func principalMatch(list []string, principal, account string) bool {
	role := ""
	if i := strings.Index(principal, ":assumed-role/"); i >= 0 {
		name, _, _ := strings.Cut(principal[i+len(":assumed-role/"):], "/")
		role = "arn:aws:iam::" + account + ":role/" + name
	}
	for _, p := range list {
		if p == "*" || p == account || p == "arn:aws:iam::"+account+":root" || p == principal || (role != "" && p == role) {
			return true
		}
	}
	return false
}
