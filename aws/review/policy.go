package review

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// statement is the part of a resource policy statement the review reads.
type statement struct {
	Sid       string          `json:"Sid"`
	Effect    string          `json:"Effect"`
	Principal json.RawMessage `json:"Principal"`
	Condition json.RawMessage `json:"Condition"`
}

var accountID = regexp.MustCompile(`^\d{12}$`)

// checkPolicy finds the Allow statements of a resource policy that let
// everyone (Principal "*" or {"AWS": "*"}) or another account than own in,
// and says which, "with conditions" when the statement has any (a
// condition may narrow it: read it before acting). A policy that is not
// JSON is reported under policy-other-account, never silently passed.
func checkPolicy(doc, own string) map[Rule]string {
	var p struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return map[Rule]string{RulePolicyCrossAcct: "resource policy is not valid JSON; check it by hand"}
	}
	var stmts []statement
	if err := json.Unmarshal(p.Statement, &stmts); err != nil {
		var one statement
		if err := json.Unmarshal(p.Statement, &one); err != nil {
			return nil
		}
		stmts = []statement{one}
	}
	out := map[Rule]string{}
	var public, others []string
	for i, st := range stmts {
		if !strings.EqualFold(st.Effect, "Allow") {
			continue
		}
		name := st.Sid
		if name == "" {
			name = "statement " + strconv.Itoa(i+1)
		}
		if conditioned(st.Condition) {
			name += " (with conditions)"
		}
		everyone, accounts := principals(st.Principal)
		if everyone {
			public = append(public, name)
		}
		var foreign []string
		for _, a := range accounts {
			if a != own && !slices.Contains(foreign, a) {
				foreign = append(foreign, a)
			}
		}
		if len(foreign) > 0 {
			others = append(others, name+": account "+strings.Join(foreign, ", "))
		}
	}
	if len(public) > 0 {
		out[RulePolicyPublic] = "Principal \"*\" in " + strings.Join(public, "; ")
	}
	if len(others) > 0 {
		out[RulePolicyCrossAcct] = strings.Join(others, "; ")
	}
	return out
}

func conditioned(raw json.RawMessage) bool {
	var m map[string]any
	return json.Unmarshal(raw, &m) == nil && len(m) > 0
}

// principals reads a Principal element: "*" (everyone), or {"AWS": one or
// more of "*", an account id, an account's root or an IAM ARN}; other
// principal kinds (Service, Federated) name no account and are skipped.
func principals(raw json.RawMessage) (everyone bool, accounts []string) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s == "*", nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return false, nil
	}
	for _, v := range stringOrList(m["AWS"]) {
		switch {
		case v == "*":
			everyone = true
		case accountID.MatchString(v):
			accounts = append(accounts, v)
		case strings.HasPrefix(v, "arn:"):
			// arn:PARTITION:iam::ACCOUNT:root|user/...|role/...
			if parts := strings.SplitN(v, ":", 6); len(parts) == 6 && accountID.MatchString(parts[4]) {
				accounts = append(accounts, parts[4])
			}
		}
	}
	return everyone, accounts
}

func stringOrList(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var l []string
	_ = json.Unmarshal(raw, &l)
	return l
}
