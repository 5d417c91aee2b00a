package table

import (
	"encoding/binary"
	"slices"

	"github.com/smtui/smtui/aws"
)

// packedStages is a secret's version-to-labels map packed into one string:
// "" for a nil map (not known), else a 'v' then for each version (by id)
// its id and its labels, each length-prefixed (an empty map, a secret with
// no version yet, is "v"). A
// list holds one per secret, where a Go map of two versions costs about
// 400 bytes and keeps the SDK's whole page of strings alive through its
// keys; this is one allocation of about 100 bytes. Versions are in id order,
// so two packings of the same map are equal strings.
type packedStages string

// packStages packs m.
func packStages(m map[string][]string) packedStages {
	if m == nil {
		return ""
	}
	ids := make([]string, 0, len(m))
	size := 0
	for id, labels := range m {
		ids = append(ids, id)
		size += 2*binary.MaxVarintLen16 + len(id)
		for _, l := range labels {
			size += binary.MaxVarintLen16 + len(l)
		}
	}
	slices.Sort(ids)
	b := make([]byte, 1, 1+size)
	b[0] = 'v'
	for _, id := range ids {
		b = appendString(b, id)
		b = binary.AppendUvarint(b, uint64(len(m[id])))
		for _, l := range m[id] {
			b = appendString(b, l)
		}
	}
	return packedStages(b)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// each calls f with every version id and its labels (labels is reused
// between calls: f must not keep it).
func (p packedStages) each(f func(id string, labels []string)) {
	var labels []string
	s := string(p)
	if s != "" {
		s = s[1:]
	}
	for len(s) > 0 {
		var id string
		id, s = nextString(s)
		var n uint64
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

// unpack is the map p was packed from (nil for none).
func (p packedStages) unpack() map[string][]string {
	if p == "" {
		return nil
	}
	m := map[string][]string{}
	p.each(func(id string, labels []string) { m[id] = slices.Clone(labels) })
	return m
}

// holder is the version carrying label, or "".
func (p packedStages) holder(label string) string {
	found := ""
	p.each(func(id string, labels []string) {
		if found == "" && slices.Contains(labels, label) {
			found = id
		}
	})
	return found
}

// strayPending is true when AWSPENDING is on a version other than the
// AWSCURRENT one (common.StrayPending, on the packed form).
func (p packedStages) strayPending() bool {
	pending := p.holder(aws.LabelPending)
	return pending != "" && pending != p.holder(aws.LabelCurrent)
}
