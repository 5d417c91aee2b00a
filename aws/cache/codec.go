package cache

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/smtui/smtui/aws"
)

// The file format: two gzip members (each with a CRC that catches
// corruption and truncation) of a compact binary payload. The head member
// holds the magic, the format version, the key, the time written, the
// number of secrets in all and in the head, then the head's secrets: the
// first HeadSecrets of the listing, in its order, so the first screenful
// shows after decoding a few kilobytes (LoadHead). The rest member holds
// the number of the other secrets and the secrets. Each secret's fields are
// varints and length-prefixed strings; strings that repeat across secrets
// (tag keys and values, staging labels, KMS keys, rotation functions...)
// are written once and then referred to by number, across both members, so
// a load shares them for free.
//
// It was chosen over gzip'd JSON and gob after BenchmarkFormat at 50,000
// secrets (format_bench_test.go): loading decides how soon the cached list
// shows, and the binary form loads several times faster at a smaller size.
const (
	magic = "smtui-list-cache\n"
	// formatVersion: bump with any change to the payload. 2 split the
	// head from the rest; a file of version 1 is a miss.
	formatVersion = 2
	// HeadSecrets is how many secrets the head member holds: more than a
	// screen shows.
	HeadSecrets = 200
	// maxPayload bounds what Load decompresses: far above 50,000 secrets,
	// far below what would hurt, so a broken file cannot exhaust memory.
	maxPayload = 256 << 20
	// minSecretBytes is the smallest encoded secret: 19 fields of at least
	// one byte each.
	minSecretBytes = 19
	// flushAt is how much encoded payload is buffered before it goes
	// through gzip to the file: the whole listing is never one buffer.
	flushAt = 64 << 10
)

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// encode is the file content for the listing s of k.
func encode(k Key, s Snapshot) ([]byte, error) {
	var out bytes.Buffer
	if err := encodeTo(&out, k, s); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// encodeTo writes the file content for the listing s of k to dst, the
// payload streamed through gzip.
func encodeTo(dst io.Writer, k Key, s Snapshot) error {
	total := s.count()
	head := min(total, HeadSecrets)
	w := &writer{dict: map[string]uint64{}}
	w.buf = append(w.buf, magic...)
	w.uint(formatVersion)
	w.str(k.Profile)
	w.str(k.Account)
	w.str(k.Region)
	w.int(millis(s.Written))
	w.uint(uint64(total))
	w.uint(uint64(head))
	zw, err := gzip.NewWriterLevel(dst, gzip.BestSpeed)
	if err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	member := func(from, to int) error {
		for i := from; i < to; i++ {
			w.secret(s.at(i))
			if len(w.buf) >= flushAt {
				if _, err := zw.Write(w.buf); err != nil {
					return err
				}
				w.buf = w.buf[:0]
			}
		}
		if _, err := zw.Write(w.buf); err != nil {
			return err
		}
		w.buf = w.buf[:0]
		return zw.Close()
	}
	if err := member(0, head); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	zw.Reset(dst)
	w.uint(uint64(total - head))
	if err := member(head, total); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	return nil
}

func (w *writer) secret(s aws.SecretSummary) {
	w.str(s.ARN)
	w.str(s.Name)
	w.str(s.Description)
	w.ref(s.KmsKeyID)
	var flags uint64
	if s.RotationEnabled {
		flags |= 1
	}
	w.uint(flags)
	w.ref(s.RotationLambdaARN)
	w.int(s.RotationRules.AutomaticallyAfterDays)
	w.ref(s.RotationRules.ScheduleExpression)
	w.ref(s.RotationRules.Duration)
	for _, t := range []time.Time{s.CreatedDate, s.LastChangedDate, s.LastAccessedDate, s.LastRotatedDate, s.NextRotationDate, s.DeletedDate} {
		w.int(millis(t))
	}
	w.ref(s.OwningService)
	w.ref(s.PrimaryRegion)
	w.uint(uint64(len(s.Tags)))
	for _, t := range s.Tags {
		w.ref(t.Key)
		w.ref(t.Value)
	}
	w.uint(uint64(len(s.VersionStages)))
	for id, labels := range s.VersionStages {
		w.str(id)
		w.uint(uint64(len(labels)))
		for _, l := range labels {
			w.ref(l)
		}
	}
}

// decode reads a whole file's content, refusing another version or
// another key.
func decode(k Key, data []byte) (Snapshot, error) {
	s, _, err := decodeFrom(k, bytes.NewReader(data), true)
	return s, err
}

// decodeFrom reads a file from src: the head's secrets only, or all of
// them (whole), and the number of secrets the file holds in all.
func decodeFrom(k Key, src io.Reader, whole bool) (Snapshot, int, error) {
	s, d, err := decodeHead(k, src)
	total := d.total()
	if err != nil || !whole {
		return s, total, err
	}
	if err := d.openRest(); err != nil {
		return Snapshot{}, 0, err
	}
	rest, err := d.next(d.left)
	if err != nil {
		return Snapshot{}, 0, err
	}
	s.Secrets = append(slices.Grow(s.Secrets, len(rest)), rest...)
	return s, total, nil
}

// decoding is a cache file being read: its head decoded, then the rest
// member's payload, once read, decoded a batch at a time. total is the
// secrets the file holds (head plus rest, counting those decoded).
type decoding struct {
	k    Key
	br   *bufio.Reader
	zr   *gzip.Reader
	r    *reader
	head int // the head's secrets
	rest int // the rest's
	left int // the rest's not decoded yet
}

func (d *decoding) total() int {
	if d == nil {
		return 0
	}
	return d.head + d.rest
}

// decodeHead reads the head member of a file from src, refusing another
// version or another key.
func decodeHead(k Key, src io.Reader) (Snapshot, *decoding, error) {
	// gzip reads a bufio.Reader without reading ahead of it, so the head
	// member can be read alone and the rest member after it.
	br := bufio.NewReader(src)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return Snapshot{}, nil, fmt.Errorf("not a cache file: %w", err)
	}
	zr.Multistream(false)
	payload, err := readMember(zr)
	if err != nil {
		return Snapshot{}, nil, err
	}
	r := &reader{text: asString(payload)}
	if !strings.HasPrefix(r.text, magic) {
		return Snapshot{}, nil, errors.New("not a cache file")
	}
	r.pos = len(magic)
	if v := r.uint(); v != formatVersion {
		return Snapshot{}, nil, fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
	if r.str() != k.Profile || r.str() != k.Account || r.str() != k.Region || r.err != nil {
		return Snapshot{}, nil, errors.New("written for another profile, account or region")
	}
	s := Snapshot{Written: fromMillis(r.int())}
	total, n := r.uint(), r.count()
	if n > (len(r.text)-r.pos)/minSecretBytes || total < uint64(n) || total > maxPayload/minSecretBytes {
		// More secrets than the bytes left could hold: refuse before
		// allocating room for them.
		r.fail(errors.New("count beyond the payload"))
	}
	if r.err != nil {
		return Snapshot{}, nil, fmt.Errorf("corrupt: %w", r.err)
	}
	s.Secrets = r.secrets(k.Region, n, make([]aws.SecretSummary, 0, n))
	if r.err == nil && r.pos != len(r.text) {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return Snapshot{}, nil, fmt.Errorf("corrupt: %w", r.err)
	}
	return s, &decoding{k: k, br: br, zr: zr, r: r, head: n, rest: int(total) - n, left: int(total) - n}, nil
}

// openRest reads the rest member whole (the file is not needed after it)
// and checks its count and that nothing follows it.
func (d *decoding) openRest() error {
	if err := d.zr.Reset(d.br); err != nil {
		return fmt.Errorf("corrupt: the rest: %w", err)
	}
	d.zr.Multistream(false)
	payload, err := readMember(d.zr)
	if err != nil {
		return err
	}
	r := d.r
	r.text, r.pos = asString(payload), 0
	if m := r.count(); m != d.left {
		r.fail(errors.New("the rest does not hold the count the head says"))
	} else if m > len(r.text)/minSecretBytes {
		r.fail(errors.New("count beyond the payload"))
	}
	if _, err := d.br.ReadByte(); r.err == nil && err != io.EOF {
		r.err = errors.New("trailing bytes after the rest")
	}
	d.br, d.zr = nil, nil
	if r.err != nil {
		return fmt.Errorf("corrupt: %w", r.err)
	}
	return nil
}

// next decodes up to n more of the rest's secrets (none once all are).
func (d *decoding) next(n int) ([]aws.SecretSummary, error) {
	n = min(n, d.left)
	if n <= 0 {
		return nil, nil
	}
	r := d.r
	out := r.secrets(d.k.Region, n, make([]aws.SecretSummary, 0, n))
	d.left -= n
	if r.err == nil && d.left == 0 && r.pos != len(r.text) {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return nil, fmt.Errorf("corrupt: %w", r.err)
	}
	return out, nil
}

// asString is payload as a string, without a copy: payload is not written
// after it is read, and the strings decoded are slices of it.
func asString(payload []byte) string { return unsafe.String(unsafe.SliceData(payload), len(payload)) }

// readMember decompresses one gzip member, within maxPayload.
func readMember(zr *gzip.Reader) ([]byte, error) {
	payload, err := io.ReadAll(io.LimitReader(zr, maxPayload+1))
	if err != nil {
		return nil, fmt.Errorf("corrupt: %w", err)
	}
	if len(payload) > maxPayload {
		return nil, errors.New("larger than a cache file can be")
	}
	return payload, nil
}

// secrets appends n secrets read from r to out.
func (r *reader) secrets(region string, n int, out []aws.SecretSummary) []aws.SecretSummary {
	for range n {
		if r.err != nil {
			break
		}
		out = append(out, r.secret(region))
	}
	return out
}

func (r *reader) secret(region string) aws.SecretSummary {
	s := aws.SecretSummary{ARN: r.str(), Name: r.str(), Description: r.str(), KmsKeyID: r.ref(), Region: region}
	s.RotationEnabled = r.uint()&1 != 0
	s.RotationLambdaARN = r.ref()
	s.RotationRules.AutomaticallyAfterDays = r.int()
	s.RotationRules.ScheduleExpression = r.ref()
	s.RotationRules.Duration = r.ref()
	for _, t := range []*time.Time{&s.CreatedDate, &s.LastChangedDate, &s.LastAccessedDate, &s.LastRotatedDate, &s.NextRotationDate, &s.DeletedDate} {
		*t = fromMillis(r.int())
	}
	s.OwningService = r.ref()
	s.PrimaryRegion = r.ref()
	if n := r.count(); n > 0 {
		s.Tags = make([]aws.Tag, n)
		for i := range s.Tags {
			s.Tags[i] = aws.Tag{Key: r.ref(), Value: r.ref()}
		}
	}
	if n := r.count(); n > 0 {
		s.VersionStages = make(map[string][]string, n)
		for range n {
			id := r.str()
			labels := make([]string, r.count())
			for i := range labels {
				labels[i] = r.ref()
			}
			s.VersionStages[id] = labels
		}
	}
	return s
}
