package aws

import (
	"testing"
	"unsafe"
)

// After detach, a summary's strings are what they were and all lie in one
// block of their own, none in the memory they were decoded into.
func TestDetachCopiesTheStringsIntoOneBlock(t *testing.T) {
	page := "arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf|a|desc|key|fn|rate(1 day)|2h|svc|us-west-2|team|payments"
	at := func(from, to int) string { return page[from:to] }
	s := SecretSummary{ARN: at(0, 44), Name: at(45, 46), Description: at(47, 51), KmsKeyID: at(52, 55),
		RotationLambdaARN: at(56, 58), RotationRules: RotationRules{ScheduleExpression: at(59, 70), Duration: at(71, 73)},
		OwningService: at(74, 77), PrimaryRegion: at(78, 87), Tags: []Tag{{Key: at(88, 92), Value: at(93, 101)}}}
	want := s
	want.Tags = []Tag{s.Tags[0]}
	detach(&s)
	strs := []string{s.ARN, s.Name, s.Description, s.KmsKeyID, s.RotationLambdaARN, s.RotationRules.ScheduleExpression,
		s.RotationRules.Duration, s.OwningService, s.PrimaryRegion, s.Tags[0].Key, s.Tags[0].Value}
	wants := []string{want.ARN, want.Name, want.Description, want.KmsKeyID, want.RotationLambdaARN,
		want.RotationRules.ScheduleExpression, want.RotationRules.Duration, want.OwningService, want.PrimaryRegion,
		want.Tags[0].Key, want.Tags[0].Value}
	pageStart := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	blockStart := uintptr(unsafe.Pointer(unsafe.StringData(s.ARN)))
	for i := range strs {
		if strs[i] != wants[i] {
			t.Errorf("string %d is %q after detach, want %q", i, strs[i], wants[i])
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(strs[i])))
		if p >= pageStart && p < pageStart+uintptr(len(page)) {
			t.Errorf("string %d (%q) still points into the decoded page", i, strs[i])
		}
		if p < blockStart || p > blockStart+uintptr(len(page)) {
			t.Errorf("string %d (%q) is not in the summary's block", i, strs[i])
		}
	}
}
