package aws

import (
	"context"
	"testing"
	"time"
)

func TestSecretRefFromARN(t *testing.T) {
	for _, tc := range []struct {
		arn, name, region string
	}{
		{"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-password-AbC123", "prod/db-password", "eu-west-1"},
		// A name that itself ends like a suffix keeps it: only the last one goes.
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:app-abcdef-Q1w2E3", "app-abcdef", "us-east-1"},
		{"arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:a+b=c.d@e_f-zzzzzz", "a+b=c.d@e_f", "cn-north-1"},
		{"arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x-000000", "x", "us-gov-west-1"},
		// A partial ARN without the suffix keeps the whole last part.
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:plain", "plain", "us-east-1"},
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:with-dash", "with-dash", "us-east-1"},
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:-abcdef", "-abcdef", "us-east-1"},
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:bad-abc!ef", "bad-abc!ef", "us-east-1"},
	} {
		r, err := SecretRefFromARN(tc.arn)
		if err != nil {
			t.Fatalf("SecretRefFromARN(%q): %v", tc.arn, err)
		}
		want := SecretRef{ARN: tc.arn, Name: tc.name, Region: tc.region}
		if r != want {
			t.Errorf("SecretRefFromARN(%q) = %+v, want %+v", tc.arn, r, want)
		}
		if r.ID() != tc.arn {
			t.Errorf("ID() = %q, want the whole ARN %q", r.ID(), tc.arn)
		}
		if r.String() != tc.name {
			t.Errorf("String() = %q, want %q", r.String(), tc.name)
		}
	}
}

func TestSecretRefFromARNRefusesOtherText(t *testing.T) {
	for _, bad := range []string{
		"",
		"prod/db-password",
		"arn:aws:secretsmanager:eu-west-1:123456789012:secret:",
		"arn:aws:secretsmanager::123456789012:secret:x-AbC123",
		"arn:aws:ssm:eu-west-1:123456789012:parameter/x",
		"arn:aws:secretsmanager:eu-west-1:123456789012:rotation:x",
		"arn::secretsmanager:eu-west-1:123456789012:secret:x-AbC123",
		"urn:aws:secretsmanager:eu-west-1:123456789012:secret:x-AbC123",
	} {
		if r, err := SecretRefFromARN(bad); err == nil {
			t.Errorf("SecretRefFromARN(%q) = %+v, want an error", bad, r)
		}
	}
}

func TestSecretRefIDStringAndIsZero(t *testing.T) {
	const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:svc/key-AbC123"
	for _, tc := range []struct {
		what     string
		ref      SecretRef
		id, text string
		zero     bool
	}{
		{"full", SecretRef{ARN: arn, Name: "svc/key", Region: "eu-west-1"}, arn, "svc/key", false},
		{"name only", SecretRef{Name: "svc/key"}, "svc/key", "svc/key", false},
		{"ARN only", SecretRef{ARN: arn}, arn, "svc/key", false},
		{"not an ARN", SecretRef{ARN: "something-else"}, "something-else", "something-else", false},
		{"region only", SecretRef{Region: "eu-west-1"}, "", "", true},
		{"zero", SecretRef{}, "", "", true},
	} {
		if got := tc.ref.ID(); got != tc.id {
			t.Errorf("%s: ID() = %q, want %q", tc.what, got, tc.id)
		}
		if got := tc.ref.String(); got != tc.text {
			t.Errorf("%s: String() = %q, want %q", tc.what, got, tc.text)
		}
		if got := tc.ref.IsZero(); got != tc.zero {
			t.Errorf("%s: IsZero() = %v, want %v", tc.what, got, tc.zero)
		}
	}
}

func TestSecretSummaryRefTakesTheRegionFromTheARNWhenMissing(t *testing.T) {
	const arn = "arn:aws:secretsmanager:ap-south-1:123456789012:secret:k-AbC123"
	s := SecretSummary{ARN: arn, Name: "k"}
	if got, want := s.Ref(), (SecretRef{ARN: arn, Name: "k", Region: "ap-south-1"}); got != want {
		t.Errorf("Ref() = %+v, want %+v", got, want)
	}
	s.Region = "eu-west-1" // the Store's region wins over the ARN's
	if got := s.Ref().Region; got != "eu-west-1" {
		t.Errorf("Ref().Region = %q, want the Store's eu-west-1", got)
	}
	d := Secret{SecretSummary: SecretSummary{Name: "only-a-name"}}
	if got, want := d.Ref(), (SecretRef{Name: "only-a-name"}); got != want {
		t.Errorf("Secret.Ref() = %+v, want %+v", got, want)
	}
}

// The ref of what a Store returns names the secret for the next call.
func TestSecretRefFromTheStoreRoundTrips(t *testing.T) {
	h := newHarness(t)
	created, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "app/ref-AbCdEf", Value: TextValue("v")})
	if err != nil {
		t.Fatal(err)
	}
	ref := created.Ref()
	if ref.Name != "app/ref-AbCdEf" || ref.Region != "us-east-1" || ref.ARN == "" {
		t.Fatalf("the created secret's ref: %+v", ref)
	}
	parsed, err := SecretRefFromARN(ref.ARN)
	if err != nil {
		t.Fatal(err)
	}
	if parsed != ref {
		t.Fatalf("parsed from its ARN %+v, want %+v", parsed, ref)
	}
	ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
	defer cancel()
	for _, id := range []string{ref.ID(), SecretRef{Name: ref.Name}.ID()} {
		d, err := h.st.DescribeSecret(ctx, id)
		if err != nil {
			t.Fatalf("describe %s: %v", id, err)
		}
		if d.Ref() != ref {
			t.Fatalf("described by %s: %+v, want %+v", id, d.Ref(), ref)
		}
	}
}
