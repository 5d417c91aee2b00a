package aws

import (
	"strings"
	"testing"
)

const (
	polAccount = "123456789012"
	polSecret  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
)

func TestCheckInvokePolicy(t *testing.T) {
	stmt := func(effect, principal, action, cond string) string {
		s := `{"Sid":"S1","Effect":"` + effect + `","Principal":` + principal + `,"Action":` + action + `,"Resource":"*"`
		if cond != "" {
			s += `,"Condition":` + cond
		}
		return s + "}"
	}
	sm := `{"Service":"secretsmanager.amazonaws.com"}`
	cases := []struct {
		name, policy string
		allowed      bool
		mismatch     string // substring, "" for none
		denied       bool
	}{
		{"allow, statement list", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, "") + `]}`, true, "", false},
		{"allow, single statement object", `{"Statement":` + stmt("Allow", sm, `["lambda:InvokeFunction"]`, "") + `}`, true, "", false},
		{"service list and wildcard action", `{"Statement":[` + stmt("Allow", `{"Service":["events.amazonaws.com","secretsmanager.amazonaws.com"]}`, `"lambda:Invoke*"`, "") + `]}`, true, "", false},
		{"other service only", `{"Statement":[` + stmt("Allow", `{"Service":"events.amazonaws.com"}`, `"lambda:InvokeFunction"`, "") + `]}`, false, "", false},
		{"other action only", `{"Statement":[` + stmt("Allow", sm, `"lambda:GetFunction"`, "") + `]}`, false, "", false},
		{"source account fits", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, `{"StringEquals":{"AWS:SourceAccount":"123456789012"}}`) + `]}`, true, "", false},
		{"source account of another account", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, `{"StringEquals":{"AWS:SourceAccount":"999999999999"}}`) + `]}`, false, "SourceAccount", false},
		{"source arn wildcard fits", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, `{"ArnLike":{"aws:SourceArn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/*"}}`) + `]}`, true, "", false},
		{"source arn of other secrets", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, `{"ArnLike":{"aws:SourceArn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/*"}}`) + `]}`, false, "SourceArn", false},
		{"deny wins", `{"Statement":[` + stmt("Allow", sm, `"lambda:InvokeFunction"`, "") + `,` + stmt("Deny", `"*"`, `"lambda:*"`, "") + `]}`, false, "", true},
		{"not JSON", `{"Statement":`, false, "not valid JSON", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := checkInvokePolicy(c.policy, polAccount, polSecret)
			if got.Allowed != c.allowed || (got.Denied != "") != c.denied {
				t.Errorf("got %+v, want allowed %v denied %v", got, c.allowed, c.denied)
			}
			if c.mismatch != "" && !strings.Contains(got.Mismatch, c.mismatch) {
				t.Errorf("mismatch %q, want it to mention %q", got.Mismatch, c.mismatch)
			}
			if c.allowed && got.Statement != "S1" {
				t.Errorf("allowing statement %q", got.Statement)
			}
		})
	}
}

func TestWildcardMatch(t *testing.T) {
	cases := []struct {
		p, s string
		want bool
	}{
		{"*", "", true}, {"a*c", "abbbc", true}, {"a*c", "abbb", false}, {"a?c", "abc", true},
		{"arn:*:secret:prod/*", "arn:aws:secretsmanager:us-east-1:1:secret:prod/x", true},
		{"*a*a*a*a*a*a*a*b", strings.Repeat("a", 5000), false},
	}
	for _, c := range cases {
		if got := wildcardMatch(c.p, c.s); got != c.want {
			t.Errorf("wildcardMatch(%q, %q) = %v", c.p, c.s, got)
		}
	}
}

func FuzzCheckInvokePolicy(f *testing.F) {
	f.Add(`{"Statement":[{"Effect":"Allow","Principal":{"Service":"secretsmanager.amazonaws.com"},"Action":"lambda:*","Condition":{"StringLike":{"AWS:SourceArn":"*"}}}]}`)
	f.Add(`{"Statement":{"Effect":"Deny","Principal":"*","Action":["*"]}}`)
	f.Fuzz(func(t *testing.T, policy string) {
		got := checkInvokePolicy(policy, polAccount, polSecret)
		if got.Allowed && got.Denied != "" {
			t.Fatalf("allowed and denied: %+v", got)
		}
	})
}
