package table

import (
	"encoding/binary"
	"math/bits"
	"time"

	"github.com/smtui/smtui/aws"
)

// packedSummary is what a row holds of its secret's summary: everything
// but the parts many secrets share (listShared), in one string that the
// garbage collector never scans. An aws.SecretSummary is 400 bytes of
// headers (seven time.Time, a dozen strings, slices, a map) before any
// text; packed, a listed secret is little more than its text. Layout:
//
//	a flags byte (flagRotation, flagStages);
//	the offset of the ARN's length (textAt), one byte;
//	a byte with bit i set when date i is set (the date constants' order);
//	each date set: a uvarint of its Unix time, zigzag-encoded, shifted left
//	by one: in milliseconds (low bit 0) when it is a whole millisecond, as
//	AWS's are, else in nanoseconds (low bit 1);
//	ARN, name, description: each a uvarint length then its bytes;
//	the tags: a uvarint count, then each key and value as above;
//	the failed replica regions: a count, then each region;
//	with flagStages, the version stages (stages_packed.go).
type packedSummary string

// The dates of a packed summary, in their order.
const (
	dateCreated = iota
	dateChanged
	dateAccessed
	dateRotated
	dateNextRotation
	dateDeleted
	dateDeletion
	numDates
)

const (
	flagRotation = 1 << iota // rotation enabled
	flagStages               // version stages known (an empty map: no version yet)
	// flagUnclean: the name, the description or a tag is not shown as it
	// is (Sanitize or a line break changes it); without it, the row shows
	// and searches its text as packed, with no sanitizing pass.
	flagUnclean
)

// Where the header's parts are.
const (
	flagsAt = iota
	textAtAt
	datesAt
	firstDateAt
)

// listShared are the parts of a summary that many secrets have in common
// (region, key, rotation function and schedule, owner): a table holds one
// copy per distinct set (Secrets.shared).
type listShared struct {
	region, kmsKeyID, rotationLambdaARN, owningService, primaryRegion string
	rules                                                             aws.RotationRules
}

func sharedOf(s *aws.SecretSummary) listShared {
	return listShared{region: s.Region, kmsKeyID: s.KmsKeyID, rotationLambdaARN: s.RotationLambdaARN,
		owningService: s.OwningService, primaryRegion: s.PrimaryRegion, rules: s.RotationRules}
}

// packSummary packs s, but for its shared parts, with extra flags (the
// row's: flagUnclean). scratch, when not nil, is a buffer to reuse for the
// packing (the table keeps one), so the packed string is the only
// allocation.
func packSummary(s *aws.SecretSummary, scratch *[]byte, extra byte) packedSummary {
	dates := [numDates]time.Time{s.CreatedDate, s.LastChangedDate, s.LastAccessedDate, s.LastRotatedDate,
		s.NextRotationDate, s.DeletedDate, s.DeletionDate}
	var b []byte
	if scratch != nil {
		b = (*scratch)[:0]
		defer func() { *scratch = b[:0] }()
	}
	flags, set := extra, byte(0)
	if s.RotationEnabled {
		flags |= flagRotation
	}
	if s.VersionStages != nil {
		flags |= flagStages
	}
	for i, t := range dates {
		if !t.IsZero() {
			set |= 1 << i
		}
	}
	b = append(b, flags, 0, set)
	for _, t := range dates {
		if !t.IsZero() {
			b = binary.AppendUvarint(b, dateCode(t))
		}
	}
	b[textAtAt] = byte(len(b)) // at most 3 + 7*10 bytes
	b = appendString(appendString(appendString(b, s.ARN), s.Name), s.Description)
	b = binary.AppendUvarint(b, uint64(len(s.Tags)))
	for _, t := range s.Tags {
		b = appendString(appendString(b, t.Key), t.Value)
	}
	b = binary.AppendUvarint(b, uint64(len(s.FailedReplicas)))
	for _, r := range s.FailedReplicas {
		b = appendString(b, r)
	}
	if s.VersionStages != nil {
		b = appendStages(b, s.VersionStages)
	}
	return packedSummary(b) // a copy of exactly the packed bytes
}

// dateCode is how a set date is packed (see packedSummary).
func dateCode(t time.Time) uint64 {
	zigzag := func(n int64) uint64 { return uint64(n<<1) ^ uint64(n>>63) }
	if t.Nanosecond()%int(time.Millisecond) != 0 {
		return zigzag(t.UnixNano())<<1 | 1
	}
	return zigzag(t.UnixMilli()) << 1
}

func dateOfCode(c uint64) time.Time {
	n := int64(c>>2) ^ -int64(c>>1&1) // zigzag decoded
	if c&1 != 0 {
		return time.Unix(0, n).UTC()
	}
	return time.UnixMilli(n).UTC()
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// date is one of the dates.
func (p packedSummary) date(i int) time.Time {
	set := p[datesAt]
	if set&(1<<i) == 0 {
		return time.Time{}
	}
	rest := string(p[firstDateAt:])
	for range bits.OnesCount8(set & (1<<i - 1)) { // the dates before it
		_, rest = uvarint(rest)
	}
	c, _ := uvarint(rest)
	return dateOfCode(c)
}

func (p packedSummary) flags() byte { return p[flagsAt] }

// text is the ARN, the name and the description (slices of p: not copied).
func (p packedSummary) text() (arn, name, desc string) {
	s := string(p[p[textAtAt]:])
	arn, s = nextString(s)
	name, s = nextString(s)
	desc, _ = nextString(s)
	return arn, name, desc
}

// name is the secret's name.
func (p packedSummary) name() string {
	_, s := nextString(string(p[p[textAtAt]:]))
	name, _ := nextString(s)
	return name
}

// desc is the secret's description.
func (p packedSummary) desc() string {
	_, _, desc := p.text()
	return desc
}

// afterText is what follows the ARN, the name and the description.
func (p packedSummary) afterText() string {
	rest := string(p[p[textAtAt]:])
	for range 3 {
		_, rest = nextString(rest)
	}
	return rest
}

// skipTags is s after the packed tags it starts with.
func skipTags(s string) string {
	n, rest := uvarint(s)
	for range 2 * n {
		_, rest = nextString(rest)
	}
	return rest
}

// tagsPart is the packed tags (their count, then each key and value).
func (p packedSummary) tagsPart() string {
	all := p.afterText()
	return all[:len(all)-len(skipTags(all))]
}

// eachTag calls f with each tag's index, key and value (slices of p).
func (p packedSummary) eachTag(f func(i int, key, value string)) {
	n, rest := uvarint(p.afterText())
	for i := range int(n) {
		var k, v string
		k, rest = nextString(rest)
		v, rest = nextString(rest)
		f(i, k, v)
	}
}

// unpacked says how much of a packed summary unpack fills in.
type unpacked int

const (
	shownOnly  unpacked = iota // what a list row shows: no tags, no version stages
	withTags                   // and the tags
	withStages                 // and the version stages: everything
)

// unpack fills s with what p holds, as much as parts says; the tags, the
// failed replicas and the version stages are new slices and maps over p's
// text, the strings are slices of p.
func (p packedSummary) unpack(s *aws.SecretSummary, parts unpacked) {
	dates := [numDates]*time.Time{&s.CreatedDate, &s.LastChangedDate, &s.LastAccessedDate, &s.LastRotatedDate,
		&s.NextRotationDate, &s.DeletedDate, &s.DeletionDate}
	set, rest := p[datesAt], string(p[firstDateAt:])
	for i, d := range dates {
		*d = time.Time{}
		if set&(1<<i) != 0 {
			var c uint64
			c, rest = uvarint(rest)
			*d = dateOfCode(c)
		}
	}
	flags := p.flags()
	s.RotationEnabled = flags&flagRotation != 0
	s.ARN, s.Name, s.Description = p.text()
	rest = p.afterText()
	s.Tags = nil
	if n, tags := uvarint(rest); n > 0 && parts >= withTags {
		s.Tags = make([]aws.Tag, n)
		for i := range s.Tags {
			s.Tags[i].Key, tags = nextString(tags)
			s.Tags[i].Value, tags = nextString(tags)
		}
	}
	n, rest := uvarint(skipTags(rest))
	s.FailedReplicas = nil
	if n > 0 {
		s.FailedReplicas = make([]string, n)
		for i := range s.FailedReplicas {
			s.FailedReplicas[i], rest = nextString(rest)
		}
	}
	s.VersionStages = nil
	if parts == withStages && flags&flagStages != 0 {
		s.VersionStages = unpackStages(rest)
	}
}

// stagesPart is the packed version stages, and whether they are known.
func (p packedSummary) stagesPart() (string, bool) {
	if p.flags()&flagStages == 0 {
		return "", false
	}
	n, rest := uvarint(skipTags(p.afterText()))
	for range n { // the failed replicas
		_, rest = nextString(rest)
	}
	return rest, true
}

// nextString reads one length-prefixed string off s.
func nextString(s string) (string, string) {
	n, s := uvarint(s)
	return s[:n], s[n:]
}

// uvarint reads one unsigned varint (binary.AppendUvarint's) off s.
func uvarint(s string) (uint64, string) {
	var n uint64
	for shift := 0; len(s) > 0; shift += 7 {
		c := s[0]
		s = s[1:]
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	return n, s
}
