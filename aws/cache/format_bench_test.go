package cache

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// benchListing is n summaries shaped like a real account: paths, a
// description, two or three tags from a small set, two versions.
func benchListing(n int) []aws.SecretSummary {
	rng := rand.New(rand.NewPCG(5, 6))
	teams := []string{"payments", "platform", "growth", "identity", "data", "checkout"}
	envs := []string{"prod", "staging", "dev"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]aws.SecretSummary, n)
	for i := range out {
		team, env := teams[rng.IntN(len(teams))], envs[rng.IntN(len(envs))]
		name := fmt.Sprintf("%s/%s/svc-%05d/db", env, team, i)
		out[i] = aws.SecretSummary{
			ARN:         "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-" + fmt.Sprintf("%06x", rng.IntN(1<<24)),
			Name:        name,
			Description: fmt.Sprintf("Database credentials of svc-%05d for the %s team (%s)", i, team, env),
			Region:      "us-east-1",
			CreatedDate: base.Add(time.Duration(rng.IntN(1e6)) * time.Second), LastChangedDate: base.Add(time.Duration(rng.IntN(2e7)) * time.Second),
			LastAccessedDate: base.AddDate(0, 0, rng.IntN(600)),
			Tags:             []aws.Tag{{Key: "team", Value: team}, {Key: "env", Value: env}, {Key: "owner", Value: team + "-oncall"}},
			VersionStages: map[string][]string{
				fmt.Sprintf("%08x-1111-4222-8333-%012x", i, rng.Uint64()&0xffffffffffff): {"AWSCURRENT"},
				fmt.Sprintf("%08x-4444-4555-8666-%012x", i, rng.Uint64()&0xffffffffffff): {"AWSPREVIOUS"},
			},
		}
		if i%5 == 0 {
			out[i].RotationEnabled = true
			out[i].RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:rotate-" + team
			out[i].RotationRules = aws.RotationRules{AutomaticallyAfterDays: 30}
		}
	}
	return out
}

// record is the alternative formats' file (gzip'd JSON with short keys, or
// gob), compared with the binary format in BenchmarkFormat.
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

func toRecord(k Key, s Snapshot) record {
	rec := record{Version: formatVersion, Profile: k.Profile, Account: k.Account, Region: k.Region,
		Written: millis(s.Written), Secrets: make([]entry, len(s.Secrets))}
	for i, sum := range s.Secrets {
		rec.Secrets[i] = toEntry(sum)
	}
	return rec
}

func jsonGzip(rec record) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(rec); err != nil {
		return nil, err
	}
	err := zw.Close()
	return buf.Bytes(), err
}

func unjsonGzip(data []byte) (record, error) {
	var rec record
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return rec, err
	}
	err = json.NewDecoder(zr).Decode(&rec)
	return rec, err
}

// gobGzip is the alternative format the benchmark compares with: the same
// record through encoding/gob, gzip'd.
func gobGzip(rec record) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(rec); err != nil {
		return nil, err
	}
	err := zw.Close()
	return buf.Bytes(), err
}

func ungobGzip(data []byte) (record, error) {
	var rec record
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return rec, err
	}
	err = gob.NewDecoder(zr).Decode(&rec)
	return rec, err
}

// BenchmarkFormat measures the cache file at 50,000 secrets: bytes on disk
// and the time to save (encode, compress, write, sync, rename) and load
// (read, decompress, decode, rebuild the summaries), for the chosen binary
// format and for gzip'd JSON and gob.
//
//	go test ./aws/cache/ -run '^$' -bench BenchmarkFormat -benchmem
func BenchmarkFormat(b *testing.B) {
	const n = 50000
	listing := benchListing(n)
	key := Key{Account: "123456789012", Region: "us-east-1"}
	snap := Snapshot{Secrets: listing, Written: time.Now()}
	rec := toRecord(key, snap)
	formats := []struct {
		name string
		enc  func() ([]byte, error)
		dec  func([]byte) (int, error)
	}{
		{"binary-gzip", func() ([]byte, error) { return encode(key, snap) }, func(d []byte) (int, error) {
			s, err := decode(key, d)
			return len(s.Secrets), err
		}},
		{"json-gzip", func() ([]byte, error) { return jsonGzip(rec) }, func(d []byte) (int, error) {
			r, err := unjsonGzip(d)
			return rebuild(key, r), err
		}},
		{"gob-gzip", func() ([]byte, error) { return gobGzip(rec) }, func(d []byte) (int, error) {
			r, err := ungobGzip(d)
			return rebuild(key, r), err
		}},
	}
	for _, f := range formats {
		b.Run(f.name+"/save", func(b *testing.B) {
			c := New(b.TempDir())
			var size int
			for b.Loop() {
				data, err := f.enc()
				if err != nil {
					b.Fatal(err)
				}
				write := func(w io.Writer) error { _, err := w.Write(data); return err }
				if err := c.writeAtomic(c.Path(key), write); err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.ReportMetric(float64(size), "bytes-on-disk")
			b.ReportMetric(float64(size)/n, "bytes/secret")
		})
		b.Run(f.name+"/load", func(b *testing.B) {
			data, err := f.enc()
			if err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(b.TempDir(), "f")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				raw, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				if got, err := f.dec(raw); err != nil || got != n {
					b.Fatalf("%d secrets, %v", got, err)
				}
			}
		})
	}
}

// rebuild turns a decoded record into summaries, as a load must.
func rebuild(k Key, r record) int {
	in := NewInterner()
	out := make([]aws.SecretSummary, len(r.Secrets))
	for i, e := range r.Secrets {
		out[i] = e.summary(k.Region, in)
	}
	return len(out)
}
