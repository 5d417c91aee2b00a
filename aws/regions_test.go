package aws

import (
	"slices"
	"testing"
)

func TestRegions(t *testing.T) {
	rs := Regions()
	for _, want := range []string{"us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1",
		"ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
		"ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1",
		"ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1",
		"eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1"} {
		if !slices.Contains(rs, want) {
			t.Errorf("Regions() lacks %s", want)
		}
	}
	if !slices.IsSorted(rs) {
		t.Errorf("Regions() is not sorted: %v", rs)
	}
	if len(slices.Compact(slices.Clone(rs))) != len(rs) {
		t.Errorf("Regions() has duplicates")
	}
	rs[0] = "mutated"
	if Regions()[0] == "mutated" {
		t.Errorf("Regions() shares its backing array with callers")
	}
}

func TestValidRegion(t *testing.T) {
	for _, r := range []string{"us-east-1", "eu-west-3", "ap-southeast-7", "us-gov-west-1", "cn-north-1"} {
		if !ValidRegion(r) {
			t.Errorf("ValidRegion(%q) = false", r)
		}
	}
	for _, r := range []string{"", "us-east1", "eu-west-4", "US-EAST-1", "us-east-1 ", "moon-1"} {
		if ValidRegion(r) {
			t.Errorf("ValidRegion(%q) = true", r)
		}
	}
}
