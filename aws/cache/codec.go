package cache

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/smtui/smtui/aws"
)

// The file format: a gzip stream (its CRC catches corruption and
// truncation) of a compact binary payload: the magic, the format version,
// the key, the time written, then each secret's fields as varints and
// length-prefixed strings. Strings that repeat across secrets (tag keys and
// values, staging labels, KMS keys, rotation functions...) are written once
// and then referred to by number, so a load shares them for free.
//
// It was chosen over gzip'd JSON and gob after BenchmarkFormat at 50,000
// secrets (format_bench_test.go): loading decides how soon the cached list
// shows, and the binary form loads several times faster at a smaller size.
const (
	magic         = "smtui-list-cache\n"
	formatVersion = 1 // bump with any change to the payload
	// maxPayload bounds what Load decompresses: far above 50,000 secrets,
	// far below what would hurt, so a broken file cannot exhaust memory.
	maxPayload = 256 << 20
	// minSecretBytes is the smallest encoded secret: 19 fields of at least
	// one byte each.
	minSecretBytes = 19
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
	w := &writer{dict: map[string]uint64{}}
	w.buf = append(w.buf, magic...)
	w.uint(formatVersion)
	w.str(k.Profile)
	w.str(k.Account)
	w.str(k.Region)
	w.int(millis(s.Written))
	w.uint(uint64(len(s.Secrets)))
	for _, sec := range s.Secrets {
		w.secret(sec)
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestSpeed)
	if err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	if _, err := zw.Write(w.buf); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	return out.Bytes(), nil
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

// decode reads a file's content, refusing another version or another key.
func decode(k Key, data []byte) (Snapshot, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return Snapshot{}, fmt.Errorf("not a cache file: %w", err)
	}
	payload, err := io.ReadAll(io.LimitReader(zr, maxPayload+1))
	if err != nil {
		return Snapshot{}, fmt.Errorf("corrupt: %w", err)
	}
	if len(payload) > maxPayload {
		return Snapshot{}, errors.New("larger than a cache file can be")
	}
	r := &reader{buf: payload, text: string(payload)}
	if !bytes.HasPrefix(payload, []byte(magic)) {
		return Snapshot{}, errors.New("not a cache file")
	}
	r.pos = len(magic)
	if v := r.uint(); v != formatVersion {
		return Snapshot{}, fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
	if r.str() != k.Profile || r.str() != k.Account || r.str() != k.Region || r.err != nil {
		return Snapshot{}, errors.New("written for another profile, account or region")
	}
	s := Snapshot{Written: fromMillis(r.int())}
	n := r.count()
	if n > (len(r.buf)-r.pos)/minSecretBytes {
		// More secrets than the bytes left could hold: refuse before
		// allocating room for them.
		r.fail(errors.New("count beyond the payload"))
	}
	region := k.Region
	s.Secrets = make([]aws.SecretSummary, 0, n)
	for range n {
		if r.err != nil {
			break
		}
		s.Secrets = append(s.Secrets, r.secret(region))
	}
	if r.err == nil && r.pos != len(r.buf) {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return Snapshot{}, fmt.Errorf("corrupt: %w", r.err)
	}
	return s, nil
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
