package emulator

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDeriveValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	str := func(s string) *version { return &version{str: &s} }
	cases := []struct {
		name, in string
		check    func(t *testing.T, out string)
	}{
		{"json keeps order and other fields", `{"username":"u","password":"p","port":5432,"nested":{"a":[1,2]}}`, func(t *testing.T, out string) {
			if !strings.HasPrefix(out, `{"username":"u","password":"`) || !strings.HasSuffix(out, `","port":5432,"nested":{"a":[1,2]}}`) || strings.Contains(out, `"password":"p"`) {
				t.Errorf("got %s", out)
			}
		}},
		{"json without credentials changes", `{"a":1}`, func(t *testing.T, out string) {
			var m map[string]any
			if json.Unmarshal([]byte(out), &m) != nil || m["a"] != float64(1) || len(m) != 2 {
				t.Errorf("got %s", out)
			}
		}},
		{"prefixed key", "sk_live_abcdefghijklmnopqrstuvwx", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "sk_live_") || out == "sk_live_abcdefghijklmnopqrstuvwx" {
				t.Errorf("got %s", out)
			}
		}},
		{"pem", "-----BEGIN KEY-----\nabcdef+/==\n-----END KEY-----\n", func(t *testing.T, out string) {
			lines := strings.Split(out, "\n")
			if len(lines) != 4 || lines[0] != "-----BEGIN KEY-----" || lines[2] != "-----END KEY-----" || lines[1] == "abcdef+/==" || !strings.HasSuffix(lines[1], "+/==") {
				t.Errorf("got %q", out)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, bin := deriveValue(rng, str(tc.in))
			if out == nil || bin != nil {
				t.Fatal("text in, text out")
			}
			tc.check(t, *out)
		})
	}
	_, bin := deriveValue(rng, &version{bin: []byte{1, 2, 3, 4, 5, 6, 7, 8}})
	if len(bin) != 8 || string(bin) == "\x01\x02\x03\x04\x05\x06\x07\x08" {
		t.Errorf("binary: %v", bin)
	}
}
