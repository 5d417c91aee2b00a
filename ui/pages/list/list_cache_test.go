package list

import (
	"reflect"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// Every field of a listing entry counts for sameListing except the
// replication state: a field added to aws.SecretSummary later and not
// compared would let a refresh keep a stale row, and fails here.
func TestSameListingComparesEveryField(t *testing.T) {
	base := aws.SecretSummary{ARN: "arn:x", Name: "n", Tags: []aws.Tag{{Key: "k", Value: "v"}},
		VersionStages: map[string][]string{"v1": {aws.LabelCurrent}}, CreatedDate: time.Unix(100, 0)}
	if !sameListing(base, base) {
		t.Fatal("a summary differs from itself")
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		changed := base
		changed.Tags = append([]aws.Tag(nil), base.Tags...)
		changed.VersionStages = map[string][]string{"v1": {aws.LabelCurrent}}
		v := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			v.SetString("other")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Slice:
			if f.Name == "Tags" {
				changed.Tags = []aws.Tag{{Key: "k", Value: "w"}}
			} else {
				v.Set(reflect.ValueOf([]string{"eu-west-1"}))
			}
		case reflect.Map:
			changed.VersionStages = map[string][]string{"v1": {aws.LabelPrevious}}
		case reflect.Struct:
			if f.Type == reflect.TypeOf(time.Time{}) {
				v.Set(reflect.ValueOf(time.Unix(999, 0)))
			} else {
				changed.RotationRules.Duration = "4h"
			}
		default:
			t.Fatalf("field %s of kind %s: teach this test to change it", f.Name, f.Type.Kind())
		}
		got := sameListing(base, changed)
		if want := f.Name == "FailedReplicas"; got != want {
			t.Errorf("sameListing with %s changed = %v, want %v", f.Name, got, want)
		}
	}
}
