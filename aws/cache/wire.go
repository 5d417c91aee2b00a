package cache

import (
	"encoding/binary"
	"errors"
)

// writer builds a payload. ref writes a string that may repeat: the first
// time as 0 and the string, later as its number plus one.
type writer struct {
	buf  []byte
	dict map[string]uint64
}

func (w *writer) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }

func (w *writer) str(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *writer) ref(s string) {
	if i, ok := w.dict[s]; ok {
		w.uint(i + 1)
		return
	}
	w.uint(0)
	w.str(s)
	w.dict[s] = uint64(len(w.dict))
}

// reader decodes a payload. Every read checks its bounds; the first problem
// is kept in err and later reads return zero values, so a corrupt file ends
// in an error, never a panic or a huge allocation.
type reader struct {
	text string // the payload: strings read are slices of it, one allocation for all
	pos  int
	err  error
	dict []string
}

var errShort = errors.New("truncated payload")

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *reader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := uvarint(r.text[r.pos:])
	if n <= 0 {
		r.fail(errShort)
		return 0
	}
	r.pos += n
	return v
}

func (r *reader) int() int64 {
	if r.err != nil {
		return 0
	}
	ux, n := uvarint(r.text[r.pos:])
	v := int64(ux >> 1) // binary.Varint's zig-zag
	if ux&1 != 0 {
		v = ^v
	}
	if n <= 0 {
		r.fail(errShort)
		return 0
	}
	r.pos += n
	return v
}

// count reads a number of items, each at least one byte: more than the
// bytes left is corruption.
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(len(r.text)-r.pos) {
		r.fail(errors.New("count beyond the payload"))
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	n := r.uint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.text)-r.pos) {
		r.fail(errShort)
		return ""
	}
	s := r.text[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s
}

func (r *reader) ref() string {
	i := r.uint()
	if r.err != nil {
		return ""
	}
	if i == 0 {
		s := r.str()
		r.dict = append(r.dict, s)
		return s
	}
	if i > uint64(len(r.dict)) {
		r.fail(errors.New("reference to an undefined string"))
		return ""
	}
	return r.dict[i-1]
}

// uvarint is binary.Uvarint on a string: the value and the bytes read, 0
// when s ends first, negative on an overflow.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s); i++ {
		if i == binary.MaxVarintLen64 {
			return 0, -(i + 1)
		}
		b := s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
