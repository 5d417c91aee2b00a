package table

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// fullSummary sets every field of a summary, with text that needs long
// varints and bytes a separator-based format would trip on, version ids in
// and out of the canonical UUID form, AWS's labels and others, and dates at
// AWS's millisecond precision and finer.
func fullSummary() aws.SecretSummary {
	long := strings.Repeat("x", 300)
	at := func(sec int64) time.Time { return time.Unix(sec, 123000000).UTC() }
	return aws.SecretSummary{
		ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbCdEf", Name: "a\x00b", Description: long,
		KmsKeyID: "alias/k", Region: "us-east-1", RotationEnabled: true, RotationLambdaARN: "arn:fn",
		RotationRules: aws.RotationRules{AutomaticallyAfterDays: 30, ScheduleExpression: "rate(4 hours)", Duration: "2h"},
		CreatedDate:   at(1_700_000_000), LastChangedDate: time.Unix(1_700_000_001, 123456789).UTC(),
		LastAccessedDate: time.Unix(-86400, 0).UTC(), LastRotatedDate: at(4), NextRotationDate: at(5),
		DeletedDate: at(6), DeletionDate: time.Unix(-1, -500).UTC(), OwningService: "svc",
		PrimaryRegion: "us-east-1", FailedReplicas: []string{"eu-west-1", "ap-south-1"},
		Tags: []aws.Tag{{Key: "team", Value: "payments"}, {Key: "", Value: long}},
		VersionStages: map[string][]string{
			"0f8fad5b-d9cb-469f-a165-70867728950e": {aws.LabelCurrent, "blue"},
			"0F8FAD5B-D9CB-469F-A165-70867728950F": {aws.LabelPrevious}, // upper case: kept as written
			"0f8fad5b-d9cb-469f-a165-70867728950g": {aws.LabelPending},  // not hex
			"v3":                                   {}, "": {""}, long: {long, "AWSCURRENT2"},
		},
	}
}

// A row gives back exactly the summary it was made of, for every field
// (a field added to aws.SecretSummary and not packed fails here), and its
// unset fields stay unset: no dates, no tags, stages not known.
func TestRowGivesItsWholeSummaryBack(t *testing.T) {
	full := fullSummary()
	v := reflect.ValueOf(full)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("fullSummary leaves %s unset: set it, and pack it", v.Type().Field(i).Name)
		}
	}
	cases := []aws.SecretSummary{
		full,
		{ARN: "arn:b", Name: "b", Region: "eu-west-1"},
		{ARN: "arn:c", Name: "c", VersionStages: map[string][]string{}}, // no version yet
		{Name: "d", CreatedDate: time.Unix(0, 0).UTC()},                 // 1970 is a date, not "none"
	}
	for _, s := range cases {
		r := NewRow(s)
		if got := r.Summary(); !reflect.DeepEqual(got, s) {
			t.Errorf("Summary() =\n%+v\nwant\n%+v", got, s)
		}
		listed := s
		listed.VersionStages = nil
		if got := r.Listed(); !reflect.DeepEqual(got, listed) {
			t.Errorf("Listed() =\n%+v\nwant\n%+v", got, listed)
		}
		if r.Name() != s.Name || r.ARN() != s.ARN || r.Region() != s.Region || !r.CreatedDate().Equal(s.CreatedDate) ||
			!r.DeletedDate().Equal(s.DeletedDate) || r.PrimaryRegion() != s.PrimaryRegion {
			t.Errorf("%s: an accessor differs from the summary", s.Name)
		}
	}
}

// Version stages compare by content, whatever the maps' order; unknown
// (nil) and none yet (empty) differ.
func TestRowSameStages(t *testing.T) {
	r := NewRow(aws.SecretSummary{Name: "a", VersionStages: map[string][]string{"b": {aws.LabelPending}, "a": {aws.LabelCurrent}}})
	for range 5 {
		if !r.SameStages(map[string][]string{"a": {aws.LabelCurrent}, "b": {aws.LabelPending}}) {
			t.Fatal("the same stages compare different")
		}
	}
	for _, other := range []map[string][]string{nil, {}, {"a": {aws.LabelCurrent}}, {"a": {aws.LabelPending}, "b": {aws.LabelCurrent}}} {
		if r.SameStages(other) {
			t.Errorf("stages %v compare the same", other)
		}
	}
	if !NewRow(aws.SecretSummary{Name: "n"}).SameStages(nil) || NewRow(aws.SecretSummary{Name: "n"}).SameStages(map[string][]string{}) {
		t.Error("unknown stages do not compare as unknown")
	}
}

// The rotation column says what RotationOf says of the summary.
func TestRowRotationIsRotationOf(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	stray := map[string][]string{"a": {aws.LabelCurrent}, "b": {aws.LabelPending}}
	cases := []aws.SecretSummary{
		{Name: "off"},
		{Name: "on", RotationEnabled: true, NextRotationDate: now.Add(time.Hour)},
		{Name: "due", RotationEnabled: true, NextRotationDate: now.Add(-time.Hour)},
		{Name: "stuck", VersionStages: stray},
		{Name: "stuck-on", RotationEnabled: true, VersionStages: stray},
		{Name: "pending-on-current", VersionStages: map[string][]string{"a": {aws.LabelCurrent, aws.LabelPending}}},
	}
	seen := map[RotationState]bool{}
	for _, s := range cases {
		got, want := NewRow(s).Rotation(now), RotationOf(s, now)
		if got != want {
			t.Errorf("%s: row says %v, RotationOf %v", s.Name, got, want)
		}
		seen[want] = true
	}
	if len(seen) != 4 {
		t.Errorf("the cases cover %d of the 4 states", len(seen))
	}
}

// A table's rows share one copy of the parts they have in common.
func TestTableRowsShareTheirCommonParts(t *testing.T) {
	tb := &Secrets{}
	a := tb.NewRow(aws.SecretSummary{Name: "a", Region: "us-east-1", KmsKeyID: "k"})
	b := tb.NewRow(aws.SecretSummary{Name: "b", Region: "us-east-1", KmsKeyID: "k"})
	c := tb.NewRow(aws.SecretSummary{Name: "c", Region: "us-east-1", KmsKeyID: "other"})
	if a.shared != b.shared || a.shared == c.shared {
		t.Error("rows with the same region and key do not share them, or rows with another key do")
	}
}

// A row shows its name and description only sanitized, also after its
// summary is updated with text that needs it (the flag that lets clean
// text skip the sanitizer is worked out again).
func TestRowTextIsSanitizedAfterAnUpdate(t *testing.T) {
	tb := newTestTable()
	tb.Add([]*Row{tb.NewRow(aws.SecretSummary{Name: "clean", ARN: "arn:clean", Description: "plain"})})
	tb.UpdateSummary("arn:clean", func(s *aws.SecretSummary) {
		s.Description = "evil \x1b[2J\x1b]8;;http://x\x07 text"
		s.Tags = []aws.Tag{{Key: "k\x1b[31m", Value: "v"}}
	})
	r := tb.Row("arn:clean")
	for _, text := range []string{r.name(), r.desc()} {
		if strings.ContainsAny(text, "\x1b\x07") {
			t.Errorf("row text %q reaches the screen unsanitized", text)
		}
	}
	for _, f := range r.fields() {
		if strings.Contains(fmt.Sprint(f), "\x1b") {
			t.Errorf("a search field holds an escape: %v", f)
		}
	}
}
