package cache

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/smtui/smtui/aws"
)

// formatVersion is the version of the file format; a file of another version
// is a miss. Bump it with any change to record or entry.
const formatVersion = 1

// maxFileBytes bounds what Load decompresses: far above 50,000 secrets, far
// below what would hurt (a hostile or broken file must not exhaust memory).
const maxFileBytes = 512 << 20

// record is a cache file: gzip'd JSON with short keys. JSON with gzip was
// chosen over gob after BenchmarkFormat at 50,000 secrets (see
// format_bench_test.go): gzip makes the two about the same size on disk,
// JSON stays readable with zcat when someone asks what the cache holds, and
// it has no type registry to keep compatible.
type record struct {
	Version int     `json:"v"`
	Profile string  `json:"p"`
	Account string  `json:"a"`
	Region  string  `json:"r"`
	Written int64   `json:"t"` // Unix milliseconds
	Secrets []entry `json:"s"`
}

// entry is one aws.SecretSummary. Times are Unix milliseconds, 0 for none.
type entry struct {
	ARN            string              `json:"a"`
	Name           string              `json:"n"`
	Description    string              `json:"d,omitempty"`
	KmsKeyID       string              `json:"k,omitempty"`
	Rotation       bool                `json:"re,omitempty"`
	RotationLambda string              `json:"rl,omitempty"`
	RotationDays   int64               `json:"rd,omitempty"`
	RotationExpr   string              `json:"rx,omitempty"`
	RotationWindow string              `json:"rw,omitempty"`
	Created        int64               `json:"c,omitempty"`
	Changed        int64               `json:"ch,omitempty"`
	Accessed       int64               `json:"ac,omitempty"`
	Rotated        int64               `json:"ro,omitempty"`
	NextRotation   int64               `json:"nr,omitempty"`
	Deleted        int64               `json:"de,omitempty"`
	OwningService  string              `json:"o,omitempty"`
	PrimaryRegion  string              `json:"pr,omitempty"`
	Tags           [][2]string         `json:"g,omitempty"`
	Versions       map[string][]string `json:"v,omitempty"`
}

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

func toEntry(s aws.SecretSummary) entry {
	e := entry{
		ARN: s.ARN, Name: s.Name, Description: s.Description, KmsKeyID: s.KmsKeyID,
		Rotation: s.RotationEnabled, RotationLambda: s.RotationLambdaARN,
		RotationDays: s.RotationRules.AutomaticallyAfterDays, RotationExpr: s.RotationRules.ScheduleExpression,
		RotationWindow: s.RotationRules.Duration,
		Created:        millis(s.CreatedDate), Changed: millis(s.LastChangedDate), Accessed: millis(s.LastAccessedDate),
		Rotated: millis(s.LastRotatedDate), NextRotation: millis(s.NextRotationDate), Deleted: millis(s.DeletedDate),
		OwningService: s.OwningService, PrimaryRegion: s.PrimaryRegion, Versions: s.VersionStages,
	}
	for _, t := range s.Tags {
		e.Tags = append(e.Tags, [2]string{t.Key, t.Value})
	}
	return e
}

// summary rebuilds a SecretSummary, sharing repeated strings through in.
func (e entry) summary(region string, in *Interner) aws.SecretSummary {
	s := aws.SecretSummary{
		ARN: e.ARN, Name: e.Name, Description: e.Description, KmsKeyID: in.Intern(e.KmsKeyID),
		Region: region, RotationEnabled: e.Rotation, RotationLambdaARN: in.Intern(e.RotationLambda),
		RotationRules: aws.RotationRules{AutomaticallyAfterDays: e.RotationDays,
			ScheduleExpression: in.Intern(e.RotationExpr), Duration: in.Intern(e.RotationWindow)},
		CreatedDate: fromMillis(e.Created), LastChangedDate: fromMillis(e.Changed),
		LastAccessedDate: fromMillis(e.Accessed), LastRotatedDate: fromMillis(e.Rotated),
		NextRotationDate: fromMillis(e.NextRotation), DeletedDate: fromMillis(e.Deleted),
		OwningService: in.Intern(e.OwningService), PrimaryRegion: in.Intern(e.PrimaryRegion),
	}
	if len(e.Tags) > 0 {
		s.Tags = make([]aws.Tag, len(e.Tags))
		for i, t := range e.Tags {
			s.Tags[i] = aws.Tag{Key: in.Intern(t[0]), Value: in.Intern(t[1])}
		}
	}
	if len(e.Versions) > 0 {
		s.VersionStages = make(map[string][]string, len(e.Versions))
		for id, labels := range e.Versions {
			for i, l := range labels {
				labels[i] = in.Intern(l)
			}
			s.VersionStages[id] = labels
		}
	}
	return s
}

// encode is the file content for the listing s of k.
func encode(k Key, s Snapshot) ([]byte, error) {
	rec := record{Version: formatVersion, Profile: k.Profile, Account: k.Account, Region: k.Region,
		Written: s.Written.UnixMilli(), Secrets: make([]entry, len(s.Secrets))}
	for i, sum := range s.Secrets {
		rec.Secrets[i] = toEntry(sum)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(rec); err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	return buf.Bytes(), nil
}

// decode reads a file's content, refusing another version or another key.
func decode(k Key, data []byte) (Snapshot, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return Snapshot{}, fmt.Errorf("not a cache file: %w", err)
	}
	var rec record
	lr := &io.LimitedReader{R: zr, N: maxFileBytes}
	if err := json.NewDecoder(lr).Decode(&rec); err != nil {
		return Snapshot{}, fmt.Errorf("corrupt: %w", err)
	}
	// The gzip trailer's checksum is only checked at the end of the stream.
	if _, err := io.Copy(io.Discard, lr); err != nil {
		return Snapshot{}, fmt.Errorf("corrupt: %w", err)
	}
	if lr.N <= 0 {
		return Snapshot{}, errors.New("larger than a cache file can be")
	}
	switch {
	case rec.Version != formatVersion:
		return Snapshot{}, fmt.Errorf("format version %d, want %d", rec.Version, formatVersion)
	case rec.Profile != k.Profile || rec.Account != k.Account || rec.Region != k.Region:
		return Snapshot{}, errors.New("written for another profile, account or region")
	}
	in := NewInterner()
	region := in.Intern(k.Region)
	s := Snapshot{Written: fromMillis(rec.Written), Secrets: make([]aws.SecretSummary, len(rec.Secrets))}
	for i, e := range rec.Secrets {
		s.Secrets[i] = e.summary(region, in)
	}
	return s, nil
}
