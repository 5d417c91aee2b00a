package table

import (
	"encoding/binary"
	"math"
	"slices"
	"time"

	"github.com/smtui/smtui/aws"
)

// packedSummary is what a row holds of its secret's summary: everything
// but the parts many secrets share (listShared), in one string that the
// garbage collector never scans. An aws.SecretSummary is 400 bytes of
// headers (seven time.Time, a dozen strings, slices, a map) before any
// text; packed, a listed secret is its text and 57 bytes. Layout:
//
//	seven dates, 8 bytes each (little-endian Unix nanoseconds; zeroTime for none),
//	in the order of the date constants;
//	a flags byte (flagRotation, flagStages);
//	ARN, name, description: each a uvarint length then its bytes;
//	the tags: a uvarint count, then each key and value as above;
//	the failed replica regions: a count, then each region;
//	with flagStages, the version stages: a count of versions, then, in id
//	order, each id, a count of labels and the labels.
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
)

// zeroTime stands for the zero time.Time (Unix nanoseconds 0 is 1970).
const zeroTime = math.MinInt64

// textStart is where the ARN's length is.
const textStart = numDates*8 + 1

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

// packSummary packs s, but for its shared parts.
// scratch, when not nil, is a buffer to reuse for the packing (the table
// keeps one), so the packed string is the only allocation.
func packSummary(s *aws.SecretSummary, scratch *[]byte) packedSummary {
	dates := [numDates]time.Time{s.CreatedDate, s.LastChangedDate, s.LastAccessedDate, s.LastRotatedDate,
		s.NextRotationDate, s.DeletedDate, s.DeletionDate}
	var b []byte
	if scratch != nil {
		b = (*scratch)[:0]
		defer func() { *scratch = b[:0] }()
	}
	for _, t := range dates {
		n := int64(zeroTime)
		if !t.IsZero() {
			n = t.UnixNano()
		}
		b = binary.LittleEndian.AppendUint64(b, uint64(n))
	}
	var flags byte
	if s.RotationEnabled {
		flags |= flagRotation
	}
	if s.VersionStages != nil {
		flags |= flagStages
	}
	b = append(b, flags)
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

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// date is one of the dates.
func (p packedSummary) date(i int) time.Time {
	n := int64(le64(string(p[i*8:])))
	if n == zeroTime {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func (p packedSummary) flags() byte { return p[numDates*8] }

// text is the ARN, the name and the description (slices of p: not copied).
func (p packedSummary) text() (arn, name, desc string) {
	s := string(p[textStart:])
	arn, s = nextString(s)
	name, s = nextString(s)
	desc, _ = nextString(s)
	return arn, name, desc
}

// name is the secret's name.
func (p packedSummary) name() string {
	_, s := nextString(string(p[textStart:]))
	name, _ := nextString(s)
	return name
}

// tagsPart is the packed tags (their count, then each key and value).
func (p packedSummary) tagsPart() string {
	rest := string(p[textStart:])
	for range 3 {
		_, rest = nextString(rest)
	}
	all := rest
	n, rest := uvarint(rest)
	for range 2 * n {
		_, rest = nextString(rest)
	}
	return all[:len(all)-len(rest)]
}

// eachTag calls f with each tag's index, key and value (slices of p).
func (p packedSummary) eachTag(f func(i int, key, value string)) {
	n, rest := uvarint(p.tagsPart())
	for i := range int(n) {
		var k, v string
		k, rest = nextString(rest)
		v, rest = nextString(rest)
		f(i, k, v)
	}
}

// unpack fills s with everything p holds; the tags, the failed replicas
// and, with stages, the version stages are new slices and maps over p's
// text, the strings are slices of p.
func (p packedSummary) unpack(s *aws.SecretSummary, stages bool) {
	s.CreatedDate, s.LastChangedDate, s.LastAccessedDate = p.date(dateCreated), p.date(dateChanged), p.date(dateAccessed)
	s.LastRotatedDate, s.NextRotationDate = p.date(dateRotated), p.date(dateNextRotation)
	s.DeletedDate, s.DeletionDate = p.date(dateDeleted), p.date(dateDeletion)
	flags := p.flags()
	s.RotationEnabled = flags&flagRotation != 0
	rest := string(p[textStart:])
	s.ARN, rest = nextString(rest)
	s.Name, rest = nextString(rest)
	s.Description, rest = nextString(rest)
	var n uint64
	n, rest = uvarint(rest)
	s.Tags = nil
	if n > 0 {
		s.Tags = make([]aws.Tag, n)
		for i := range s.Tags {
			s.Tags[i].Key, rest = nextString(rest)
			s.Tags[i].Value, rest = nextString(rest)
		}
	}
	n, rest = uvarint(rest)
	s.FailedReplicas = nil
	if n > 0 {
		s.FailedReplicas = make([]string, n)
		for i := range s.FailedReplicas {
			s.FailedReplicas[i], rest = nextString(rest)
		}
	}
	s.VersionStages = nil
	if stages && flags&flagStages != 0 {
		s.VersionStages = map[string][]string{}
		eachStage(rest, func(id string, labels []string) { s.VersionStages[id] = slices.Clone(labels) })
	}
}

// stagesPart is the packed version stages, and whether they are known.
func (p packedSummary) stagesPart() (string, bool) {
	if p.flags()&flagStages == 0 {
		return "", false
	}
	rest := string(p[textStart:])
	for range 3 {
		_, rest = nextString(rest)
	}
	n, rest := uvarint(rest) // tags: a key and a value each
	for range 2 * n {
		_, rest = nextString(rest)
	}
	n, rest = uvarint(rest) // failed replicas
	for range n {
		_, rest = nextString(rest)
	}
	return rest, true
}

// appendStages packs version stages, versions in id order.
func appendStages(b []byte, m map[string][]string) []byte {
	var few [4]string // most secrets have one to three versions
	ids := few[:0]
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		labels := m[id]
		b = binary.AppendUvarint(appendString(b, id), uint64(len(labels)))
		for _, l := range labels {
			b = appendString(b, l)
		}
	}
	return b
}

// eachStage calls f with every version id and its labels in packed
// stages (labels is reused between calls: f must not keep it).
func eachStage(s string, f func(id string, labels []string)) {
	var labels []string
	versions, s := uvarint(s)
	for range versions {
		var id string
		var n uint64
		id, s = nextString(s)
		n, s = uvarint(s)
		labels = labels[:0]
		for range n {
			var l string
			l, s = nextString(s)
			labels = append(labels, l)
		}
		f(id, labels)
	}
}

// stageHolder is the version carrying label in packed stages, or "".
func stageHolder(stages, label string) string {
	found := ""
	eachStage(stages, func(id string, labels []string) {
		if found == "" && slices.Contains(labels, label) {
			found = id
		}
	})
	return found
}

// strayPending is true when AWSPENDING is on a version other than the
// AWSCURRENT one (common.StrayPending, on the packed form).
func (p packedSummary) strayPending() bool {
	stages, ok := p.stagesPart()
	if !ok {
		return false
	}
	pending := stageHolder(stages, aws.LabelPending)
	return pending != "" && pending != stageHolder(stages, aws.LabelCurrent)
}

// sameStages reports whether p's version stages are m (nil: not known).
func (p packedSummary) sameStages(m map[string][]string) bool {
	stages, ok := p.stagesPart()
	if !ok || m == nil {
		return !ok && m == nil
	}
	return stages == string(appendStages(nil, m))
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

// le64 reads a little-endian uint64 off the start of s.
func le64(s string) uint64 {
	var n uint64
	for i := 7; i >= 0; i-- {
		n = n<<8 | uint64(s[i])
	}
	return n
}
