package jsonedit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func mustParse(t testing.TB, s string) *Document {
	t.Helper()
	d, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func TestParseKindsRawAndOrder(t *testing.T) {
	src := `{"port": 3306, "ratio": 1e3, "big": 12345678901234567890, "name": "caf\u00e9",
 "ok": true, "off": false, "none": null, "nested": {"b": 1, "a": [1, "x"]}, "list": []}`
	d := mustParse(t, src)
	want := []struct {
		key  string
		kind Kind
		raw  string
	}{
		{"port", Number, "3306"},
		{"ratio", Number, "1e3"},
		{"big", Number, "12345678901234567890"},
		{"name", String, `"caf\u00e9"`},
		{"ok", Bool, "true"},
		{"off", Bool, "false"},
		{"none", Null, "null"},
		{"nested", Object, `{"b": 1, "a": [1, "x"]}`},
		{"list", Array, "[]"},
	}
	fs := d.Fields()
	if len(fs) != len(want) {
		t.Fatalf("got %d fields, want %d", len(fs), len(want))
	}
	for i, w := range want {
		f := fs[i]
		if f.Key != w.key || f.Value.Kind() != w.kind || string(f.Value.Raw()) != w.raw || f.Index != i {
			t.Errorf("field %d = %q %v %s (index %d), want %q %v %s", i, f.Key, f.Value.Kind(), f.Value.Raw(), f.Index, w.key, w.kind, w.raw)
		}
		if got := string(f.RawKey()); got != `"`+w.key+`"` {
			t.Errorf("RawKey = %s", got)
		}
		start, end := f.Value.Span()
		if src[start:end] != w.raw {
			t.Errorf("Span of %s = %q", w.key, src[start:end])
		}
	}
	if got := fs[3].Value.Decoded(); got != "café" {
		t.Errorf("Decoded = %q, want café", got)
	}
	if got := fs[2].Value.Decoded(); got != "12345678901234567890" {
		t.Errorf("number Decoded = %q", got)
	}
	nested := fs[7].Value.Fields()
	if len(nested) != 2 || nested[0].Key != "b" || nested[1].Key != "a" {
		t.Errorf("nested order wrong: %v", nested)
	}
	arr := nested[1].Value.Fields()
	if len(arr) != 2 || arr[1].Value.Decoded() != "x" || arr[1].RawKey() != nil || arr[1].Elem() != Index(1) {
		t.Errorf("array fields wrong")
	}
	if fs[0].Value.Fields() != nil || fs[0].Value.Len() != 0 || fs[7].Value.Len() != 2 {
		t.Errorf("Len/Fields of scalar or object wrong")
	}
}

func TestDecodedEscapes(t *testing.T) {
	cases := map[string]string{
		`"plain"`:                "plain",
		`"a\"b\\c\/d"`:           `a"b\c/d`,
		`"\b\f\n\r\t"`:           "\b\f\n\r\t",
		`"\u00e9\u00E9"`:         "éé",
		`"\ud83d\ude00"`:         "😀",
		`"\ud83d"`:               "\uFFFD",
		`"\ud83dx"`:              "\uFFFDx",
		`"\ude00\ud83d\ude00"`:   "\uFFFD😀",
		`"\ud83d\u0041"`:         "\uFFFDA",
		`"é raw"`:                "é raw",
		`"pa$$w0rd<>&\u2028end"`: "pa$$w0rd<>&\u2028end",
	}
	for raw, want := range cases {
		d := mustParse(t, raw)
		if got := d.Root().Decoded(); got != want {
			t.Errorf("Decoded(%s) = %q, want %q", raw, got, want)
		}
		var std string
		if err := json.Unmarshal([]byte(raw), &std); err != nil || std != want {
			t.Errorf("encoding/json disagrees on %s: %q", raw, std)
		}
	}
}

func TestParseErrorsHavePositionAndNoContent(t *testing.T) {
	cases := []struct {
		src        string
		line, col  int
		wantSubstr string
	}{
		{``, 1, 1, "end of input"},
		{`{"password": "hunter2",}`, 1, 24, "member name"},
		{"{\n  \"password\": hunter2\n}", 2, 15, "value"},
		{`{"a" 1}`, 1, 6, "':'"},
		{`{"a": 1 "b": 2}`, 1, 9, "','"},
		{`[1, 2`, 1, 6, "end of input"},
		{`"secret`, 1, 8, "string"},
		{"\"sec\tret\"", 1, 5, "control character"},
		{`"bad\qescape"`, 1, 6, "escape"},
		{`"\u12g4"`, 1, 6, "hex"},
		{`01234`, 1, 2, "leading zeros"},
		{`-`, 1, 2, "digits"},
		{`1.`, 1, 3, "decimal point"},
		{`1e+`, 1, 4, "exponent"},
		{`{"a":1} trailing-secret`, 1, 9, "after the top-level value"},
		{`tru`, 1, 4, "literal"},
		{"{\"é\": x}", 1, 7, "value"},
		{"\ufeff{}", 1, 1, "value"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) err = %v, want *SyntaxError", c.src, err)
			continue
		}
		if se.Line != c.line || se.Column != c.col {
			t.Errorf("Parse(%q) at line %d col %d, want %d:%d (%v)", c.src, se.Line, se.Column, c.line, c.col, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, c.wantSubstr) {
			t.Errorf("Parse(%q) message %q lacks %q", c.src, msg, c.wantSubstr)
		}
		for _, secret := range []string{"hunter2", "secret", "password", "qescape", "g4"} {
			if strings.Contains(c.src, secret) && strings.Contains(msg, secret) {
				t.Errorf("error message %q leaks input %q", msg, secret)
			}
		}
		if json.Valid([]byte(c.src)) {
			t.Errorf("encoding/json accepts %q", c.src)
		}
	}
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`0`, `-0`, `-0.0e-0`, `1E+10`, ` {} `, "\t[]\r\n", `[[[]]]`, `{"":""}`, `"\/"`, `"\u0000"`,
		`[1,]`, `{,}`, `[01]`, `+1`, `.5`, `1.5e`, `nul`, `[true false]`, `{"a":1}}`, "\"\xff\"",
		strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth),
		strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1),
	} {
		_, err := Parse([]byte(s))
		if (err == nil) != json.Valid([]byte(s)) {
			t.Errorf("Parse(%.20q) err = %v, json.Valid = %v", s, err, json.Valid([]byte(s)))
		}
	}
}

func TestParseCopiesInput(t *testing.T) {
	in := []byte(`{"a":"x"}`)
	d := mustParse(t, string(in))
	d2, _ := Parse(in)
	in[6] = 'y'
	if d.Root().Fields()[0].Value.Decoded() != "x" || d2.Root().Fields()[0].Value.Decoded() != "x" {
		t.Fatal("document shares the caller's buffer")
	}
	b := d2.Bytes()
	b[0] = '['
	if string(d2.Bytes()) != `{"a":"x"}` {
		t.Fatal("Bytes exposes the internal buffer")
	}
}

func TestRedactedFormatting(t *testing.T) {
	d := mustParse(t, `{"password":"hunter2"}`)
	n, _ := d.Lookup(Keys("password"))
	c := Change{Kind: Changed, Path: Keys("password"), Old: []byte(`"hunter2"`), New: []byte(`"swordfish"`)}
	for _, v := range []any{d, n, d.Root(), c, &c, []Change{c}, d.Fields()[0]} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(out, "hunter2") || strings.Contains(out, "swordfish") ||
				strings.Contains(out, "68756e74657232") {
				t.Errorf("%s of %T leaks the value: %s", verb, v, out)
			}
		}
	}
	if got := c.String(); got != "changed password (values redacted)" {
		t.Errorf("Change.String = %q", got)
	}
}
