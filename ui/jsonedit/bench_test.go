package jsonedit

import (
	"fmt"
	"strings"
	"testing"
)

// doc64K builds a pretty-printed secret-like document of at least 64 KiB.
func doc64K() []byte {
	var b strings.Builder
	b.WriteString("{\n")
	for i := 0; b.Len() < 64<<10; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `  "service_%d": {
    "username": "svc_%d",
    "password": "p@ss\u00e9\"%d\\",
    "host": "db-%d.internal.example.com",
    "port": %d,
    "ratio": 1.5e3,
    "big": 12345678901234567890,
    "ssl": true,
    "replicas": ["r1", "r2", null]
  }`, i, i, i, i, 3000+i)
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}

func BenchmarkParse64K(b *testing.B) {
	doc := doc64K()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetString64K(b *testing.B) {
	d, err := Parse(doc64K())
	if err != nil {
		b.Fatal(err)
	}
	p := Keys("service_100", "password")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.SetString(p, "new secret"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDoc64KIsValid(t *testing.T) {
	doc := doc64K()
	if len(doc) < 64<<10 {
		t.Fatalf("only %d bytes", len(doc))
	}
	d := mustParse(t, string(doc))
	if n, err := d.Lookup(Keys("service_7", "port")); err != nil || string(n.Raw()) != "3007" {
		t.Fatalf("Lookup = %v, %v", n, err)
	}
}
