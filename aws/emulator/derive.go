package emulator

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
)

const passwordChars = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%^*-_=+"

// deriveValue is what the simulated rotation function writes: the current
// value with its credential fields replaced by fresh random-looking ones.
func deriveValue(rng *rand.Rand, cur *version) (*string, []byte) {
	if cur.str == nil {
		b := make([]byte, len(cur.bin))
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return nil, b
	}
	old := *cur.str
	if out, ok := rotateJSON(rng, old); ok {
		return &out, nil
	}
	if strings.Contains(old, "\n") {
		out := rotateLines(rng, old)
		return &out, nil
	}
	// Plain text: keep a recognisable prefix such as "sk_live_".
	prefix := ""
	if i := strings.LastIndexByte(old, '_'); i >= 0 && i < 16 {
		prefix = old[:i+1]
	}
	n := max(len(old)-len(prefix), 24)
	out := prefix + randString(rng, alnum, n)
	return &out, nil
}

// rotateJSON replaces credential-like top-level string fields of a JSON
// object, keeping the key order. It reports false when v is not an object.
func rotateJSON(rng *rand.Rand, v string) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	replaced := false
	for first := true; dec.More(); first = false {
		t, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return "", false
		}
		if !first {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(key)
		buf.Write(kb)
		buf.WriteByte(':')
		if isCredentialKey(key) && len(raw) > 0 && raw[0] == '"' {
			nb, _ := json.Marshal(randString(rng, passwordChars, 32))
			buf.Write(nb)
			replaced = true
			continue
		}
		var compact bytes.Buffer
		if json.Compact(&compact, raw) != nil {
			return "", false
		}
		buf.Write(compact.Bytes())
	}
	if _, err := dec.Token(); err != nil {
		return "", false
	}
	if !replaced {
		// Nothing looked like a credential: add a marker so the value changes.
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		nb, _ := json.Marshal(randString(rng, alnum, 16))
		buf.WriteString(`"rotation_nonce":`)
		buf.Write(nb)
	}
	buf.WriteByte('}')
	return buf.String(), true
}

func isCredentialKey(k string) bool {
	k = strings.ToLower(k)
	for _, w := range []string{"password", "secret", "token", "api_key", "apikey"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// rotateLines re-randomises a multi-line value such as a PEM key, keeping
// its shape: "-----" armour lines stay, other letters and digits change.
func rotateLines(rng *rand.Rand, v string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "-----") {
			continue
		}
		b := []byte(l)
		for j, c := range b {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				b[j] = alnum[rng.IntN(len(alnum))]
			}
		}
		lines[i] = string(b)
	}
	return strings.Join(lines, "\n")
}
