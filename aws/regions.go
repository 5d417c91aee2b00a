package aws

import (
	"regexp"
	"slices"
)

// commercialRegions are the regions of the aws partition where Secrets
// Manager has an endpoint (the SDK's endpoint model, 2026), sorted.
var commercialRegions = [...]string{
	"af-south-1",
	"ap-east-1", "ap-east-2",
	"ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-south-1", "ap-south-2",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
	"ca-central-1", "ca-west-1",
	"eu-central-1", "eu-central-2",
	"eu-north-1",
	"eu-south-1", "eu-south-2",
	"eu-west-1", "eu-west-2", "eu-west-3",
	"il-central-1",
	"me-central-1", "me-south-1",
	"mx-central-1",
	"sa-east-1",
	"us-east-1", "us-east-2",
	"us-west-1", "us-west-2",
}

// Region names of the other partitions (GovCloud, China, ISO, European
// Sovereign Cloud), which Regions does not list.
var otherPartitionRegion = regexp.MustCompile(`^(us-gov-[a-z]+-\d+|cn-[a-z]+-\d+|us-iso[a-z]?-[a-z]+-\d+|eu-isoe-[a-z]+-\d+|eusc-[a-z]+-[a-z]+-\d+)$`)

// Regions returns the commercial regions where Secrets Manager exists,
// sorted. The caller owns the slice.
func Regions() []string {
	return append([]string(nil), commercialRegions[:]...)
}

// ValidRegion reports whether r is a region Secrets Manager can be used in:
// one of Regions, or a well-formed region of the GovCloud, China or ISO
// partitions. It catches typos such as "us-east1" or "eu-west-4".
func ValidRegion(r string) bool {
	_, found := slices.BinarySearch(commercialRegions[:], r)
	return found || otherPartitionRegion.MatchString(r)
}
