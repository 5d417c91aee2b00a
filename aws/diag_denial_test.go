package aws

import (
	"strings"
	"testing"
)

// Each message shape AWS documents for a refusal parses into its layer,
// the action, the resource and whether a Deny matched.
func TestParseDenialShapes(t *testing.T) {
	const user = "arn:aws:iam::123456789012:user/MaryMajor"
	const res = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
	head := "User: " + user + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + res + " "
	cases := []struct {
		msg      string
		layer    DenialLayer
		explicit bool
	}{
		{head + "because no identity-based policy allows the secretsmanager:GetSecretValue action", LayerIdentity, false},
		{head + "with an explicit deny in an identity-based policy", LayerIdentity, true},
		{head + "with an explicit deny in a resource-based policy", LayerResource, true},
		{head + "because no resource-based policy allows the secretsmanager:GetSecretValue action", LayerResource, false},
		{head + "with an explicit deny in a service control policy", LayerSCP, true},
		{head + "because no service control policy allows the secretsmanager:GetSecretValue action", LayerSCP, false},
		{head + "with an explicit deny in a resource control policy", LayerRCP, true},
		{head + "with an explicit deny in a VPC endpoint policy", LayerVPCEndpoint, true},
		{head + "because no VPC endpoint policy allows the secretsmanager:GetSecretValue action", LayerVPCEndpoint, false},
		{head + "with an explicit deny in a permissions boundary", LayerBoundary, true},
		{head + "because no permissions boundary allows the secretsmanager:GetSecretValue action", LayerBoundary, false},
		{head + "because no session policy allows the secretsmanager:GetSecretValue action", LayerSession, false},
		{head + "with an explicit deny in a session policy", LayerSession, true},
	}
	for _, c := range cases {
		d := ParseDenial(c.msg)
		if d.Layer != c.layer || d.Explicit != c.explicit {
			t.Errorf("%q: layer %v explicit %v, want %v %v", c.msg, d.Layer, d.Explicit, c.layer, c.explicit)
		}
		if d.Principal != user || d.Action != "secretsmanager:GetSecretValue" || d.Resource != res {
			t.Errorf("%q: principal %q action %q resource %q", c.msg, d.Principal, d.Action, d.Resource)
		}
		if a := AdviceFor(d); a.Plain == "" || a.Next == "" || a.Owner == "" {
			t.Errorf("%v: advice incomplete: %+v", c.layer, a)
		}
	}
}

// A newer message names the policy after the layer.
func TestParseDenialPolicyARN(t *testing.T) {
	msg := "User: arn:aws:sts::123456789012:assumed-role/Dev/s is not authorized to perform: secretsmanager:DeleteSecret on resource: prod/db with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/NoDeletes"
	d := ParseDenial(msg)
	if d.Layer != LayerIdentity || !d.Explicit || d.PolicyARN != "arn:aws:iam::123456789012:policy/NoDeletes" {
		t.Errorf("got %+v", d)
	}
	if d.Resource != "prod/db" {
		t.Errorf("resource %q", d.Resource)
	}
}

// KMS refusals: kms:Decrypt not allowed, a disabled key, a key pending
// deletion, and Secrets Manager's bare decryption failure.
func TestParseDenialKMS(t *testing.T) {
	const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	cases := []struct{ msg, problem, key string }{
		{"User: arn:aws:iam::123456789012:user/ops is not authorized to perform: kms:Decrypt on resource: " + key + " because no identity-based policy allows the kms:Decrypt action", "", key},
		{"Secrets Manager can't decrypt the protected secret text using the provided KMS key. KMS: " + key + " is disabled.", "disabled", key},
		{"Secrets Manager can't decrypt the protected secret text using the provided KMS key. KMS: " + key + " is pending deletion.", "pending deletion", key},
		{"Secrets Manager can't decrypt the protected secret text using the provided KMS key.", "decryption failed", ""},
		{"Access to KMS is not allowed", "kms:Decrypt refused", ""},
	}
	for _, c := range cases {
		d := ParseDenial(c.msg)
		if c.problem == "" {
			// kms:Decrypt refused by the caller's identity policy: the layer
			// is the identity policy, on the key.
			if d.Layer != LayerIdentity || d.Action != "kms:Decrypt" || d.KMSKeyID != key {
				t.Errorf("%q: %+v", c.msg, d)
			}
			continue
		}
		if d.Layer != LayerKMSKey || d.KeyProblem != c.problem || d.KMSKeyID != c.key {
			t.Errorf("%q: layer %v problem %q key %q", c.msg, d.Layer, d.KeyProblem, d.KMSKeyID)
		}
		if a := AdviceFor(d); !strings.Contains(a.Plain+a.Next, "key") {
			t.Errorf("%q: advice does not speak of the key: %+v", c.msg, a)
		}
	}
}

// An old message without a layer is LayerUnknown, and the advice says the
// layer is not known.
func TestParseDenialUnknownLayer(t *testing.T) {
	d := ParseDenial("User: arn:aws:iam::123456789012:user/ops is not authorized to perform: secretsmanager:GetSecretValue")
	if d.Layer != LayerUnknown || d.Action != "secretsmanager:GetSecretValue" {
		t.Errorf("got %+v", d)
	}
	if a := AdviceFor(d); a.Unknown == "" {
		t.Error("advice does not say the layer is unknown")
	}
}

// Resource policy statements match by action wildcard and principal.
func TestMatchingStatements(t *testing.T) {
	policy := `{"Version":"2012-10-17","Statement":[
	 {"Sid":"AllowAll","Effect":"Allow","Principal":"*","Action":"secretsmanager:*"},
	 {"Sid":"DenyGet","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:role/Ops"},"Action":["secretsmanager:Get*"]},
	 {"Sid":"OtherAccount","Effect":"Allow","Principal":{"AWS":"210987654321"},"Action":"secretsmanager:GetSecretValue"},
	 {"Sid":"AccountRoot","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"NotAction":"secretsmanager:Describe*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
	 {"Sid":"Put","Effect":"Deny","Principal":"*","Action":"secretsmanager:PutSecretValue"}]}`
	got, err := MatchingStatements(policy, "secretsmanager:GetSecretValue", "arn:aws:sts::123456789012:assumed-role/Ops/alice")
	if err != nil {
		t.Fatal(err)
	}
	var sids []string
	for _, s := range got {
		sids = append(sids, s.Sid)
	}
	if strings.Join(sids, ",") != "AllowAll,DenyGet,AccountRoot" {
		t.Errorf("matched %v, want AllowAll,DenyGet,AccountRoot", sids)
	}
	if len(got) == 3 && (!got[1].Deny() || got[0].Deny() || !got[2].Conditional) {
		t.Errorf("effects or condition wrong: %+v", got)
	}
	if _, err := MatchingStatements("not json", "secretsmanager:GetSecretValue", ""); err == nil {
		t.Error("a broken policy is not an error")
	}
}
