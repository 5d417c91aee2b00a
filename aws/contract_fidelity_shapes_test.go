package aws

// Emulator fidelity, continued: response shapes, the tag pattern and the
// "all" filter (see contract_fidelity_test.go).

import (
	"errors"
	"slices"
	"strings"
	"testing"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"
)

// DescribeSecret (and ListSecrets) leave RotationEnabled out for a secret
// never set up for rotation; once rotation was set up and cancelled it says
// false.
func TestFidelityDescribeOmitsRotationEnabled(t *testing.T) {
	h := newHarness(t, withRotationFunction(testLambda))
	id := "shape/rotation"
	h.create(id, "v")
	_, d := h.raw("DescribeSecret", map[string]any{"SecretId": id})
	if _, ok := d["RotationEnabled"]; ok {
		t.Fatalf("DescribeSecret of a never-rotated secret has RotationEnabled: %v", d)
	}
	_, l := h.raw("ListSecrets", map[string]any{})
	for _, e := range l["SecretList"].([]any) {
		if _, ok := e.(map[string]any)["RotationEnabled"]; ok {
			t.Fatalf("ListSecrets entry has RotationEnabled: %v", e)
		}
	}
	if _, err := h.st.RotateSecret(h.ctx, RotateInput{SecretID: id, LambdaARN: testLambda, Rules: &RotationRules{AutomaticallyAfterDays: 30}}); err != nil {
		t.Fatal(err)
	}
	if err := h.st.CancelRotation(h.ctx, id); err != nil {
		t.Fatal(err)
	}
	_, d = h.raw("DescribeSecret", map[string]any{"SecretId": id})
	if v, ok := d["RotationEnabled"]; !ok || v != false {
		t.Fatalf("after cancelling, RotationEnabled = %v (present %v), want false", v, ok)
	}
}

// A never-tagged secret has no Tags key; once every tag is removed,
// DescribeSecret answers "Tags": [].
func TestFidelityTagsEmptyAfterUntagAll(t *testing.T) {
	h := newHarness(t)
	id := "shape/tags"
	h.create(id, "v")
	_, d := h.raw("DescribeSecret", map[string]any{"SecretId": id})
	if _, ok := d["Tags"]; ok {
		t.Fatalf("never-tagged secret has Tags: %v", d["Tags"])
	}
	if err := h.st.TagSecret(h.ctx, id, []Tag{{Key: "team", Value: "a"}, {Key: "env", Value: "b"}}); err != nil {
		t.Fatal(err)
	}
	if err := h.st.UntagSecret(h.ctx, id, []string{"team", "env"}); err != nil {
		t.Fatal(err)
	}
	_, d = h.raw("DescribeSecret", map[string]any{"SecretId": id})
	tags, ok := d["Tags"].([]any)
	if !ok || len(tags) != 0 {
		t.Fatalf(`after untagging all, Tags = %#v (present %v), want []`, d["Tags"], ok)
	}
	out, err := h.sdk().DescribeSecret(h.ctx, &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	if out.Tags == nil || len(out.Tags) != 0 {
		t.Fatalf("SDK Tags = %#v, want an empty, non-nil list", out.Tags)
	}
}

// Tag keys and values must match ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$: control
// characters (\n, \r, \t, U+0085) and other punctuation are refused, letters
// and spaces of any script are fine.
func TestFidelityTagPattern(t *testing.T) {
	h := newHarness(t)
	c := h.sdk()
	id := "tags/pattern"
	h.create(id, "v")
	tag := func(k, v string) error {
		_, err := c.TagResource(h.ctx, &secretsmanager.TagResourceInput{SecretId: awssdk.String(id), Tags: []types.Tag{{Key: awssdk.String(k), Value: awssdk.String(v)}}})
		return err
	}
	for _, bad := range []string{"a\nb", "a\rb", "a\tb", "a\u0085b", "a;b", "a#b", "a\x1b[31mb"} {
		var ae smithy.APIError
		if err := tag("k", bad); !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" || !strings.Contains(ae.ErrorMessage(), "regular expression pattern") {
			t.Errorf("value %q: %v", bad, err)
		}
		if err := tag(bad, "v"); !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
			t.Errorf("key %q: %v", bad, err)
		}
	}
	_, err := c.UntagResource(h.ctx, &secretsmanager.UntagResourceInput{SecretId: awssdk.String(id), TagKeys: []string{"a\nb"}})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		t.Errorf("untag key with a newline: %v", err)
	}
	for k, v := range map[string]string{"team name": "Zahlungen ü", "a+b-c=d._:/@": "", "名前": "値 ２"} {
		if err := tag(k, v); err != nil {
			t.Errorf("tag %q=%q refused: %v", k, v, err)
		}
	}
}

// The "all" filter breaks names into words at case changes and between
// letters and digits, and matches without regard to case.
func TestFidelityAllFilterSplitsWords(t *testing.T) {
	h := newHarness(t)
	for _, n := range []string{"AppBeta", "COMPANYthings", "db2prod", "plain/alpha"} {
		h.create(n, "v")
	}
	find := func(q string) []string {
		page, err := h.st.ListSecretsPage(h.ctx, ListOptions{Filters: []Filter{{Key: "all", Values: []string{q}}}}, "")
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range page.Secrets {
			names = append(names, s.Name)
		}
		slices.Sort(names)
		return names
	}
	for q, want := range map[string][]string{
		"Beta":    {"AppBeta"},
		"beta":    {"AppBeta"},
		"Ythings": {"COMPANYthings"},
		"things":  nil, // "COMPANYthings" is "COMPAN" + "Ythings"
		"prod":    {"db2prod"},
		"2":       {"db2prod"},
		"alpha":   {"plain/alpha"},
		"AppBeta": {"AppBeta"},
		"Gamma":   nil,
	} {
		if got := find(q); !slices.Equal(got, want) {
			t.Errorf("all=%q: got %v, want %v", q, got, want)
		}
	}
}
