package aws

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// PolicyStatement is one statement of a resource policy that applies to an
// action and a caller. Its fields are untrusted text from the policy.
type PolicyStatement struct {
	Index     int      // 1-based position in the policy
	Sid       string   // "" when the statement has none
	Effect    string   // "Allow" or "Deny"
	Actions   []string // Action, or "NotAction: ..." entries
	Principal []string // the principals it names ("*" for everyone)
	// Conditional is true when the statement has a Condition, which smtui
	// does not evaluate: it applies only when the condition holds.
	Conditional bool
}

// Deny reports a Deny statement.
func (p PolicyStatement) Deny() bool { return strings.EqualFold(p.Effect, "Deny") }

// MatchingStatements returns the statements of a resource policy document
// that match action and the caller (an IAM or STS ARN): Action or NotAction
// with IAM's wildcards (secretsmanager:*, secretsmanager:Get*), and a
// Principal of "*", the caller's account, or the caller's user or role.
func MatchingStatements(policy, action, caller string) ([]PolicyStatement, error) {
	var doc struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(policy), &doc); err != nil {
		return nil, fmt.Errorf("read the resource policy: %w", err)
	}
	var raws []map[string]json.RawMessage
	if err := json.Unmarshal(doc.Statement, &raws); err != nil {
		var one map[string]json.RawMessage
		if err := json.Unmarshal(doc.Statement, &one); err != nil {
			return nil, fmt.Errorf("read the resource policy's statements: %w", err)
		}
		raws = []map[string]json.RawMessage{one}
	}
	var out []PolicyStatement
	for i, raw := range raws {
		st := PolicyStatement{Index: i + 1, Conditional: raw["Condition"] != nil}
		_ = json.Unmarshal(raw["Sid"], &st.Sid)
		_ = json.Unmarshal(raw["Effect"], &st.Effect)
		actions, notActions := stringList(raw["Action"]), stringList(raw["NotAction"])
		st.Actions = append(st.Actions, actions...)
		for _, a := range notActions {
			st.Actions = append(st.Actions, "NotAction: "+a)
		}
		actionHit := anyMatch(actions, action) || (raw["NotAction"] != nil && !anyMatch(notActions, action))
		st.Principal = principals(raw["Principal"])
		notPrincipals := principals(raw["NotPrincipal"])
		principalHit := principalMatches(st.Principal, caller) ||
			(raw["NotPrincipal"] != nil && !principalMatches(notPrincipals, caller))
		if actionHit && principalHit {
			out = append(out, st)
		}
	}
	return out, nil
}

// stringList reads a policy element that is a string or a list of strings.
func stringList(raw json.RawMessage) []string {
	if raw == nil {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

// principals reads Principal: "*", {"AWS": "..."|[...]}, {"Service": ...}.
func principals(raw json.RawMessage) []string {
	if raw == nil {
		return nil
	}
	if list := stringList(raw); len(list) > 0 {
		return list
	}
	var byKind map[string]json.RawMessage
	if json.Unmarshal(raw, &byKind) != nil {
		return nil
	}
	var out []string
	for kind, v := range byKind {
		for _, p := range stringList(v) {
			if kind != "AWS" {
				p = kind + ": " + p
			}
			out = append(out, p)
		}
	}
	return out
}

// anyMatch reports whether an IAM action pattern in patterns matches action
// (case-insensitively, with * and ? wildcards, as IAM matches actions).
func anyMatch(patterns []string, action string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(strings.ToLower(p), strings.ToLower(action)); ok {
			return true
		}
	}
	return false
}

// principalMatches reports whether a listed principal covers caller: "*",
// the caller's account (id or root ARN), or the caller itself; an STS
// assumed-role session is covered by its role's ARN.
func principalMatches(list []string, caller string) bool {
	account, role := callerAccount(caller), assumedRoleARN(caller)
	for _, p := range list {
		switch {
		case p == "*":
			return true
		case account != "" && (p == account || p == "arn:aws:iam::"+account+":root"):
			return true
		case p == caller, role != "" && p == role:
			return true
		}
	}
	return false
}

// callerAccount is the account id in an IAM or STS ARN ("" if none).
func callerAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return ""
	}
	return parts[4]
}

// assumedRoleARN turns arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION into
// the role's ARN arn:aws:iam::ACCOUNT:role/ROLE ("" for other ARNs). A
// role's path is not in the session ARN, so a role with a path is missed.
func assumedRoleARN(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[2] != "sts" {
		return ""
	}
	rest, ok := strings.CutPrefix(parts[5], "assumed-role/")
	if !ok {
		return ""
	}
	roleName, _, _ := strings.Cut(rest, "/")
	return parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":role/" + roleName
}
