package aws

import "strings"

// detach points the strings of a summary made from an SDK response at one
// block of its own. The SDK decodes a response's strings into shared 4 KiB
// blocks, so a summary keeping any of them (a list keeps thousands) would
// keep its whole page of decoded text alive, and the listing's seen-ARN set
// every page's until the listing ends. The version stages map is left as
// the SDK made it: a list packs it into a string of its own (and a single
// secret's page is small).
func detach(s *SecretSummary) {
	var fixed = [...]*string{&s.ARN, &s.Name, &s.Description, &s.KmsKeyID, &s.RotationLambdaARN,
		&s.RotationRules.ScheduleExpression, &s.RotationRules.Duration, &s.OwningService, &s.PrimaryRegion}
	size := 0
	for _, p := range fixed {
		size += len(*p)
	}
	for _, t := range s.Tags {
		size += len(t.Key) + len(t.Value)
	}
	if size == 0 {
		return
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range fixed {
		b.WriteString(*p)
	}
	for _, t := range s.Tags {
		b.WriteString(t.Key)
		b.WriteString(t.Value)
	}
	block := b.String()
	take := func(p *string) {
		n := len(*p)
		*p, block = block[:n], block[n:]
	}
	for _, p := range fixed {
		take(p)
	}
	for i := range s.Tags {
		take(&s.Tags[i].Key)
		take(&s.Tags[i].Value)
	}
}
