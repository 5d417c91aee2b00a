package table

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// A packed map unpacks to itself, whatever its ids and labels hold, and
// two packings of one map are the same string whatever the map's order.
func TestPackedStagesRoundTrip(t *testing.T) {
	long := strings.Repeat("x", 300) // a length needing a two-byte varint
	cases := []map[string][]string{
		nil,
		{},
		{"v1": {aws.LabelCurrent}},
		{"v1": {aws.LabelCurrent, "blue"}, "v2": {aws.LabelPrevious}, "v3": {}},
		{"id\x00with\x01bytes": {long, "é", ""}, long: {aws.LabelPending}},
	}
	for _, m := range cases {
		p := packStages(m)
		got := p.unpack()
		if m == nil {
			if p != "" || got != nil {
				t.Errorf("nil map packed to %q, unpacked to %v", p, got)
			}
			continue
		}
		// An empty map (no version yet) stays apart from nil (not known).
		if got == nil || !reflect.DeepEqual(got, m) {
			t.Errorf("unpack(pack(%q)) = %q", m, got)
		}
		for range 5 {
			if again := packStages(got); again != p {
				t.Errorf("packing %q twice gave two strings", m)
			}
		}
	}
}

func TestPackedStagesHolderAndStrayPending(t *testing.T) {
	cases := []struct {
		m       map[string][]string
		current string
		stray   bool
	}{
		{map[string][]string{"a": {aws.LabelCurrent}, "b": {aws.LabelPrevious}}, "a", false},
		{map[string][]string{"a": {aws.LabelCurrent, aws.LabelPending}}, "a", false},
		{map[string][]string{"a": {aws.LabelCurrent}, "b": {aws.LabelPending}}, "a", true},
		{map[string][]string{"b": {aws.LabelPending}}, "", true},
		{nil, "", false},
	}
	for _, c := range cases {
		p := packStages(c.m)
		if got := p.holder(aws.LabelCurrent); got != c.current {
			t.Errorf("%v: AWSCURRENT on %q, want %q", c.m, got, c.current)
		}
		if got := p.strayPending(); got != c.stray {
			t.Errorf("%v: stray AWSPENDING %v, want %v", c.m, got, c.stray)
		}
	}
}

// A row keeps its stages packed and gives them back whole; its rotation
// column says stuck exactly when RotationOf on the summary does.
func TestRowGivesItsWholeSummaryBack(t *testing.T) {
	s := aws.SecretSummary{ARN: "arn:a", Name: "n", Region: "us-east-1",
		VersionStages: map[string][]string{"a": {aws.LabelCurrent}, "b": {aws.LabelPending}}}
	r := NewRow(s)
	if r.Sum.VersionStages != nil {
		t.Error("the row's Sum still holds the stages map")
	}
	if got := r.Summary(); !reflect.DeepEqual(got, s) {
		t.Errorf("Summary() = %+v, want %+v", got, s)
	}
	if !r.SameStages(map[string][]string{"b": {aws.LabelPending}, "a": {aws.LabelCurrent}}) ||
		r.SameStages(map[string][]string{"a": {aws.LabelCurrent}}) {
		t.Error("SameStages does not compare the stages")
	}
	if got, want := r.Rotation(time.Now()), RotationOf(s, time.Now()); got != RotationStuck || got != want {
		t.Errorf("rotation %v, RotationOf %v, want stuck", got, want)
	}
}
