package table

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/smtui/smtui/aws"
)

// The packed version stages: a uvarint count of versions, then, in id
// order, each version's id, a uvarint count of its labels, and the labels.
// An id in the canonical UUID form (lower-case 8-4-4-4-12 hex, as AWS and
// the SDKs make them) is a 0 byte and its 16 bytes; any other id is a
// uvarint of its length plus one, then its bytes. AWS's three labels are
// one byte each (wellKnownLabel's numbers); any other label is a uvarint
// of its length plus wellKnownLabels, then its bytes. A
// listed secret's two versions take about 40 bytes, not 100.

// wellKnownLabels is how many labels pack as one byte (wellKnownLabel).
const wellKnownLabels = 3

// wellKnownLabel is AWS's label number n (below wellKnownLabels).
func wellKnownLabel(n uint64) string {
	switch n {
	case 0:
		return aws.LabelCurrent
	case 1:
		return aws.LabelPrevious
	}
	return aws.LabelPending
}

// appendStages packs version stages, versions in id order.
func appendStages(b []byte, m map[string][]string) []byte {
	type version struct {
		id     string
		labels []string
	}
	var few [4]version // most secrets have one to three versions
	vs := few[:0]
	for id, labels := range m {
		vs = append(vs, version{id, labels})
	}
	if len(vs) > 1 {
		slices.SortFunc(vs, func(a, b version) int { return strings.Compare(a.id, b.id) })
	}
	b = binary.AppendUvarint(b, uint64(len(vs)))
	for _, v := range vs {
		b = appendVersionID(b, v.id)
		b = binary.AppendUvarint(b, uint64(len(v.labels)))
		for _, l := range v.labels {
			b = appendLabel(b, l)
		}
	}
	return b
}

func appendVersionID(b []byte, id string) []byte {
	if raw, ok := uuidBytes(id); ok {
		return append(append(b, 0), raw[:]...)
	}
	return append(binary.AppendUvarint(b, uint64(len(id))+1), id...)
}

func appendLabel(b []byte, l string) []byte {
	for n := range uint64(wellKnownLabels) {
		if l == wellKnownLabel(n) {
			return append(b, byte(n))
		}
	}
	return append(binary.AppendUvarint(b, uint64(len(l)+wellKnownLabels)), l...)
}

// uuidBytes is id's 16 bytes when id is a UUID in canonical form.
func uuidBytes(id string) (raw [16]byte, ok bool) {
	if len(id) != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-' {
		return raw, false
	}
	hex := [32]byte(
		[]byte(id[0:8] + id[9:13] + id[14:18] + id[19:23] + id[24:36]))
	for i := range raw {
		hi, okHi := lowerHex(hex[2*i])
		lo, okLo := lowerHex(hex[2*i+1])
		if !okHi || !okLo {
			return raw, false // upper case would not come back as it was
		}
		raw[i] = hi<<4 | lo
	}
	return raw, true
}

// lowerHex is the value of a lower-case hex digit.
func lowerHex(c byte) (byte, bool) {
	if d := c - '0'; d < 10 {
		return d, true
	}
	if d := c - 'a'; d < 6 {
		return d + 10, true
	}
	return 0, false
}

// nextVersionID reads one packed id off s: its packed form (to compare
// ids without decoding them) and the rest.
func nextVersionID(s string) (raw, rest string) {
	if s != "" && s[0] == 0 {
		return s[:17], s[17:]
	}
	n, r := uvarint(s)
	n--
	return s[:len(s)-len(r)+int(n)], r[n:]
}

// versionID is the id a packed id stands for.
func versionID(raw string) string {
	if raw[0] == 0 {
		const digits = "0123456789abcdef"
		var b [36]byte
		j := 0
		for i := 1; i < 17; i++ {
			if j == 8 || j == 13 || j == 18 || j == 23 {
				b[j] = '-'
				j++
			}
			b[j], b[j+1] = digits[raw[i]>>4], digits[raw[i]&15]
			j += 2
		}
		return string(b[:])
	}
	_, r := uvarint(raw)
	return r
}

// nextLabel reads one packed label off s.
func nextLabel(s string) (string, string) {
	n, r := uvarint(s)
	if n < wellKnownLabels {
		return wellKnownLabel(n), r
	}
	n -= wellKnownLabels
	return r[:n], r[n:]
}

// eachStage calls f with every version's packed id and its labels in
// packed stages (labels is reused between calls: f must not keep it).
func eachStage(s string, f func(rawID string, labels []string)) {
	var few [4]string
	versions, s := uvarint(s)
	for range versions {
		var raw string
		var n uint64
		raw, s = nextVersionID(s)
		n, s = uvarint(s)
		labels := few[:0]
		for range n {
			var l string
			l, s = nextLabel(s)
			labels = append(labels, l)
		}
		f(raw, labels)
	}
}

// unpackStages is the map packed stages stand for.
func unpackStages(s string) map[string][]string {
	m := map[string][]string{}
	eachStage(s, func(raw string, labels []string) { m[versionID(raw)] = slices.Clone(labels) })
	return m
}

// stageHolder is the packed id of the version carrying label, or "".
func stageHolder(stages, label string) string {
	found := ""
	eachStage(stages, func(raw string, labels []string) {
		if found == "" && slices.Contains(labels, label) {
			found = raw
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
