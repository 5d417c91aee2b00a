package cache

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// A cache file never holds a secret value: list a secret whose value was
// just read from the emulator, save the listing, and look for the value in
// the file, compressed and not.
func TestCacheNeverHoldsAValue(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
	srv, err := emulator.Start(emulator.Options{Seed: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := aws.Connect(ctx, aws.ConnectOptions{Region: "us-east-1", AccessKeyID: "AKIDEMULATOR",
		SecretAccessKey: "emulator", EndpointURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	const name = "cache/test/value-probe"
	if _, err := st.CreateSecret(ctx, aws.CreateSecretInput{Name: name, Description: "probe",
		Value: aws.TextValue("hunter2-Zq8vX1-not-in-any-cache")}); err != nil {
		t.Fatal(err)
	}
	v, err := st.GetValue(ctx, name, aws.VersionRef{})
	if err != nil {
		t.Fatal(err)
	}
	value := []byte(v.Secret.Text())
	var listed []aws.SecretSummary
	if _, err := aws.ListAll(ctx, st, aws.ListOptions{}, aws.ListAllOptions{}, func(b []aws.SecretSummary) {
		listed = append(listed, b...)
	}); err != nil {
		t.Fatal(err)
	}
	c := New(t.TempDir())
	key := Key{Account: "123456789012", Region: "us-east-1"}
	if err := c.Save(key, Snapshot{Secrets: listed, Written: time.Now()}); err != nil {
		t.Fatal(err)
	}
	raw, text := decompressed(t, c.Path(key))
	if !bytes.Contains(text, []byte(name)) || len(listed) < 2 {
		t.Fatalf("the cache of %d secrets does not hold the probe's name: the check below would prove nothing", len(listed))
	}
	if bytes.Contains(raw, value) || bytes.Contains(text, value) {
		t.Fatal("the cache file holds a secret value")
	}
	// Nor any part of the value long enough to mean something.
	if bytes.Contains(text, value[:12]) {
		t.Fatal("the cache file holds part of a secret value")
	}
}
