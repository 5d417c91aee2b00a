package emulator

import "testing"

// The emulator's resource-policy evaluation: an unconditional Deny that
// matches the action (wildcards, NotAction) and the caller (exact, role of
// a session, account, "*") refuses; Allow statements, conditional Denies
// and other principals do not.
func TestPolicyDenies(t *testing.T) {
	const acct = "111122223333"
	const user = "arn:aws:iam::111122223333:user/oncall"
	const session = "arn:aws:sts::111122223333:assumed-role/Ops/alice"
	doc := func(stmt string) string { return `{"Version":"2012-10-17","Statement":[` + stmt + `]}` }
	cases := []struct {
		name, policy, action, caller string
		want                         bool
	}{
		{"exact user", doc(`{"Effect":"Deny","Principal":{"AWS":"` + user + `"},"Action":"secretsmanager:GetSecretValue"}`), "secretsmanager:GetSecretValue", user, true},
		{"other action", doc(`{"Effect":"Deny","Principal":{"AWS":"` + user + `"},"Action":"secretsmanager:GetSecretValue"}`), "secretsmanager:DescribeSecret", user, false},
		{"wildcard action", doc(`{"Effect":"Deny","Principal":"*","Action":"secretsmanager:Get*"}`), "secretsmanager:GetSecretValue", user, true},
		{"role of a session", doc(`{"Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111122223333:role/Ops"]},"Action":"secretsmanager:*"}`), "secretsmanager:GetSecretValue", session, true},
		{"account root", doc(`{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*"}`), "secretsmanager:GetSecretValue", user, true},
		{"other principal", doc(`{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"*"}`), "secretsmanager:GetSecretValue", user, false},
		{"NotAction excludes", doc(`{"Effect":"Deny","Principal":"*","NotAction":"secretsmanager:Describe*"}`), "secretsmanager:DescribeSecret", user, false},
		{"NotAction covers", doc(`{"Effect":"Deny","Principal":"*","NotAction":"secretsmanager:Describe*"}`), "secretsmanager:GetSecretValue", user, true},
		{"conditional deny not evaluated", doc(`{"Effect":"Deny","Principal":"*","Action":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}`), "secretsmanager:GetSecretValue", user, false},
		{"allow", doc(`{"Effect":"Allow","Principal":"*","Action":"*"}`), "secretsmanager:GetSecretValue", user, false},
		{"not json", "{", "secretsmanager:GetSecretValue", user, false},
	}
	for _, c := range cases {
		if got := policyDenies(c.policy, c.action, c.caller, acct); got != c.want {
			t.Errorf("%s: policyDenies = %v, want %v", c.name, got, c.want)
		}
	}
}
