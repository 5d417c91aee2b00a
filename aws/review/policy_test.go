package review

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
)

func TestPolicyRules(t *testing.T) {
	const own = "111122223333"
	cases := []struct {
		name, doc   string
		public, alt string // words the details hold; "" means no finding
	}{
		{"own account only", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`, "", ""},
		{"everyone, string", `{"Statement":[{"Sid":"Open","Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`, "Open", ""},
		{"everyone, AWS star, with condition", `{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}}`, "statement 1 (with conditions)", ""},
		{"other account by id", `{"Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":["444455556666"]},"Action":"*","Resource":"*"}]}`, "", "Vendor: account 444455556666"},
		{"other account root ARN among own", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::999988887777:root"]},"Action":"*","Resource":"*"}]}`, "", "account 999988887777"},
		{"deny is not an opening", `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}`, "", ""},
		{"service principal", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"*","Resource":"*"}]}`, "", ""},
		{"not JSON", `{"Statement":`, "", "not valid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := healthy("app/x")
			s.ARN = "arn:aws:secretsmanager:us-east-1:" + own + ":secret:app/x-AbCdEf"
			rep := Run(Input{Secrets: []aws.SecretSummary{s}, Policies: map[string]string{s.ARN: c.doc}}, Options{Now: testNow})
			for rule, want := range map[Rule]string{RulePolicyPublic: c.public, RulePolicyCrossAcct: c.alt} {
				f, ok := rep.Finding(rule)
				switch {
				case want == "" && ok:
					t.Errorf("%s found: %+v", rule, f.Secrets)
				case want != "" && !ok:
					t.Errorf("%s not found", rule)
				case want != "" && !strings.Contains(f.Secrets[0].Detail, want):
					t.Errorf("%s detail %q lacks %q", rule, f.Secrets[0].Detail, want)
				}
			}
		})
	}
}

func TestUncheckedIsReported(t *testing.T) {
	s := healthy("app/x")
	rep := Run(Input{Secrets: []aws.SecretSummary{s}, Unchecked: map[string]string{s.ARN: "resource policy not read: access denied"}}, Options{Now: testNow})
	if len(rep.Unchecked) != 1 || !strings.Contains(rep.Unchecked[0].Detail, "access denied") {
		t.Fatalf("unchecked: %+v", rep.Unchecked)
	}
}

func TestCostEstimate(t *testing.T) {
	a, b, gone := healthy("a"), healthy("b"), healthy("gone")
	gone.DeletedDate = daysAgo(2)
	replica := healthy("a")
	replica.Region, replica.ARN = "eu-west-1", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:a-AbCdEf"
	in := Input{Secrets: []aws.SecretSummary{a, b, gone, replica},
		// a is replicated to eu-west-1 (listed, counted once) and
		// ap-southeast-2 (not listed: counted as a replica).
		Replicas: map[string][]string{a.ARN: {"eu-west-1", "ap-southeast-2"}}}
	c := Run(in, Options{Now: testNow}).Cost
	if c.Secrets != 3 || c.Replicas != 1 || c.Deleted != 1 {
		t.Fatalf("counts: %+v", c)
	}
	if c.USDPerMonth < 1.5999 || c.USDPerMonth > 1.6001 {
		t.Fatalf("4 billed at $0.40: $%.4f", c.USDPerMonth)
	}
	text := CostText(c)
	for _, want := range []string{"Estimated", "$1.60", PriceDate, PricingURL, "1 scheduled for deletion not counted"} {
		if !strings.Contains(text, want) {
			t.Errorf("cost text %q lacks %q", text, want)
		}
	}
}
