package cache

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

// many is n secrets with distinct names, built from sample's first.
func many(n int) []aws.SecretSummary {
	out := make([]aws.SecretSummary, n)
	for i := range out {
		s := sample()[0]
		s.Name = fmt.Sprintf("svc-%05d", i)
		s.ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + s.Name + "-AbCdEf"
		out[i] = s
	}
	return out
}

func TestLoadHeadThenRest(t *testing.T) {
	c := New(t.TempDir())
	written := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	want := many(HeadSecrets + 300)
	if err := c.Save(testKey, Snapshot{Secrets: want, Written: written}); err != nil {
		t.Fatal(err)
	}
	h, err := c.LoadHead(testKey)
	if err != nil {
		t.Fatal(err)
	}
	if h.Total != len(want) || !h.Written.Equal(written) || !reflect.DeepEqual(h.Secrets, want[:HeadSecrets]) {
		t.Fatalf("head: %d secrets of %d, written %v; want the first %d of %d", len(h.Secrets), h.Total, h.Written, HeadSecrets, len(want))
	}
	rest, err := c.LoadRest(testKey, h)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rest, want[HeadSecrets:]) {
		t.Fatalf("rest: %d secrets, want the other %d in order", len(rest), len(want)-HeadSecrets)
	}

	// The head decodes without the rest: cut inside the rest member, the
	// head still loads, the whole file is a miss.
	data, err := os.ReadFile(c.Path(testKey))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.Path(testKey), data[:len(data)-100], 0o600); err != nil {
		t.Fatal(err)
	}
	if h2, err := c.LoadHead(testKey); err != nil || len(h2.Secrets) != HeadSecrets {
		t.Fatalf("head of a file cut in its rest: %d secrets, %v", len(h2.Secrets), err)
	}
	if _, err := c.Load(testKey); !errors.Is(err, ErrMiss) {
		t.Fatalf("Load of a file cut in its rest: %v, want a miss", err)
	}
	if _, err := c.LoadRest(testKey, h); !errors.Is(err, ErrMiss) {
		t.Fatalf("LoadRest of a file cut in its rest: %v, want a miss", err)
	}

	// Replaced between the head and the rest: the rest is a miss, not
	// another listing's secrets joined to this head.
	if err := c.Save(testKey, Snapshot{Secrets: want[:250], Written: written.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if rest, err := c.LoadRest(testKey, h); !errors.Is(err, ErrMiss) {
		t.Fatalf("LoadRest after the file was replaced: %d secrets, %v; want a miss", len(rest), err)
	}
}

func TestSmallListingIsAllHead(t *testing.T) {
	c := New(t.TempDir())
	if err := c.Save(testKey, Snapshot{Secrets: sample()}); err != nil {
		t.Fatal(err)
	}
	h, err := c.LoadHead(testKey)
	if err != nil || h.Total != 2 || len(h.Secrets) != 2 {
		t.Fatalf("head: %d of %d, %v", len(h.Secrets), h.Total, err)
	}
	if rest, err := c.LoadRest(testKey, h); err != nil || len(rest) != 0 {
		t.Fatalf("rest: %d, %v; want none", len(rest), err)
	}
}

// The rest read a batch at a time is the rest read whole, in order; it
// ends with no secret left, and a file saved again after its head was read
// is a miss.
func TestRestReadsInBatches(t *testing.T) {
	c := New(t.TempDir())
	written := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	want := many(HeadSecrets + 550)
	if err := c.Save(testKey, Snapshot{Secrets: want, Written: written}); err != nil {
		t.Fatal(err)
	}
	h, err := c.LoadHead(testKey)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.OpenRest(testKey, h)
	if err != nil {
		t.Fatal(err)
	}
	var got []aws.SecretSummary
	for batches := 0; r.Left() > 0; batches++ {
		b, err := r.Next(100)
		if err != nil || len(b) == 0 || len(b) > 100 || batches > 6 {
			t.Fatalf("batch %d: %d secrets, %v (%d left)", batches, len(b), err, r.Left())
		}
		got = append(got, b...)
	}
	if b, err := r.Next(100); len(b) != 0 || err != nil {
		t.Errorf("after the last batch: %d secrets, %v", len(b), err)
	}
	if !reflect.DeepEqual(got, want[HeadSecrets:]) {
		t.Fatalf("rest in batches: %d secrets, want the other %d in order", len(got), len(want)-HeadSecrets)
	}
	if err := c.Save(testKey, Snapshot{Secrets: want[:len(want)-1], Written: written.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.OpenRest(testKey, h); !errors.Is(err, ErrMiss) {
		t.Errorf("the rest of a file saved again since its head: %v, want a miss", err)
	}
}
