package cache

import (
	"bytes"
	"compress/gzip"
	"testing"
	"time"
)

// FuzzDecode: any file content is either a listing or an error, never a
// panic or a runaway allocation. The seeds are a real file and its payload
// with bytes changed (inside a valid gzip stream, so the decoder itself is
// exercised, not only the CRC).
func FuzzDecode(f *testing.F) {
	good, err := encode(testKey, Snapshot{Secrets: sample(), Written: time.Now()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, false)
	zr, err := gzip.NewReader(bytes.NewReader(good))
	if err != nil {
		f.Fatal(err)
	}
	var payload bytes.Buffer
	if _, err := payload.ReadFrom(zr); err != nil {
		f.Fatal(err)
	}
	f.Add(payload.Bytes(), true)
	f.Add([]byte(magic), true)
	f.Fuzz(func(t *testing.T, data []byte, wrap bool) {
		if wrap { // data is a payload: compress it so the CRC holds
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			_, _ = zw.Write(data)
			_ = zw.Close()
			data = buf.Bytes()
		}
		s, err := decode(testKey, data)
		if err != nil && len(s.Secrets) != 0 {
			t.Fatalf("an error with %d secrets", len(s.Secrets))
		}
	})
}
