package aws

import (
	"encoding/json"
	"strings"
)

// secretsManagerPrincipal is the service principal that invokes rotation
// functions.
const secretsManagerPrincipal = "secretsmanager.amazonaws.com"

// policyStatement is one statement of a Lambda resource-based policy, with
// the fields that may be a string or a list kept raw.
type policyStatement struct {
	Sid       string                                `json:"Sid"`
	Effect    string                                `json:"Effect"`
	Principal json.RawMessage                       `json:"Principal"`
	Action    json.RawMessage                       `json:"Action"`
	Condition map[string]map[string]json.RawMessage `json:"Condition"`
}

// checkInvokePolicy reads a function policy: does an Allow statement let
// secretsmanager.amazonaws.com call lambda:InvokeFunction for this secret
// (its conditions on AWS:SourceAccount and AWS:SourceArn included), and
// does a Deny forbid it. A policy it cannot parse allows nothing.
func checkInvokePolicy(policy, account, secretARN string) InvokePermission {
	var doc struct {
		Statement json.RawMessage `json:"Statement"`
	}
	var inv InvokePermission
	if err := json.Unmarshal([]byte(policy), &doc); err != nil {
		inv.Mismatch = "the policy is not valid JSON"
		return inv
	}
	var stmts []policyStatement
	if err := json.Unmarshal(doc.Statement, &stmts); err != nil {
		var one policyStatement
		if json.Unmarshal(doc.Statement, &one) != nil {
			inv.Mismatch = "the policy has no readable statements"
			return inv
		}
		stmts = []policyStatement{one}
	}
	for _, st := range stmts {
		if !namesService(st.Principal) || !coversInvoke(st.Action) {
			continue
		}
		srcAccount, srcARN, mismatch := conditionFit(st.Condition, account, secretARN)
		switch {
		case strings.EqualFold(st.Effect, "Deny") && mismatch == "":
			inv.Denied = st.Sid
			if inv.Denied == "" {
				inv.Denied = "(no Sid)"
			}
		case !strings.EqualFold(st.Effect, "Allow"):
		case mismatch != "":
			if !inv.Allowed {
				inv.Mismatch = mismatch
			}
		case !inv.Allowed:
			inv.Allowed, inv.Statement, inv.SourceAccount, inv.SourceArn, inv.Mismatch = true, st.Sid, srcAccount, srcARN, ""
		}
	}
	if inv.Denied != "" {
		inv.Allowed = false
	}
	return inv
}

// namesService: the principal is secretsmanager.amazonaws.com (or "*").
func namesService(raw json.RawMessage) bool {
	if list := stringList(raw); len(list) == 1 && list[0] == "*" {
		return true
	}
	var byType map[string]json.RawMessage
	if json.Unmarshal(raw, &byType) != nil {
		return false
	}
	for typ, v := range byType {
		for _, p := range stringList(v) {
			if (strings.EqualFold(typ, "Service") && strings.EqualFold(p, secretsManagerPrincipal)) ||
				(strings.EqualFold(typ, "AWS") && p == "*") {
				return true
			}
		}
	}
	return false
}

// coversInvoke: an action pattern matches lambda:InvokeFunction.
func coversInvoke(raw json.RawMessage) bool {
	for _, a := range stringList(raw) {
		if wildcardMatch(strings.ToLower(a), "lambda:invokefunction") {
			return true
		}
	}
	return false
}

// conditionFit reads the AWS:SourceAccount and AWS:SourceArn conditions and
// says why they do not fit this secret ("" when they fit or are absent).
// Other condition keys are not evaluated.
func conditionFit(cond map[string]map[string]json.RawMessage, account, secretARN string) (srcAccount, srcARN, mismatch string) {
	for op, keys := range cond {
		for k, raw := range keys {
			vals := stringList(raw)
			switch strings.ToLower(k) {
			case "aws:sourceaccount":
				srcAccount = strings.Join(vals, ", ")
				if !conditionMatches(op, vals, account) {
					mismatch = "its AWS:SourceAccount condition (" + srcAccount + ") is not this secret's account " + account
				}
			case "aws:sourcearn":
				srcARN = strings.Join(vals, ", ")
				if !conditionMatches(op, vals, secretARN) {
					mismatch = "its AWS:SourceArn condition (" + srcARN + ") does not match this secret's ARN"
				}
			}
		}
	}
	return srcAccount, srcARN, mismatch
}

// conditionMatches applies a condition operator's values to v: the Like
// operators take * and ? wildcards, the others compare exactly.
func conditionMatches(op string, vals []string, v string) bool {
	like := strings.Contains(strings.ToLower(op), "like")
	for _, p := range vals {
		if p == v {
			return true
		}
		if like && wildcardMatch(p, v) {
			return true
		}
	}
	return false
}

// wildcardMatch matches IAM's * and ? wildcards (which cross ':' and '/'),
// in time linear in the lengths for all practical patterns: policy text is
// untrusted, so no backtracking recursion.
func wildcardMatch(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
