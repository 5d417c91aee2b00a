package jsonedit

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedDocs are realistic secret documents for the fuzz seed corpus.
var seedDocs = []string{
	`{"username":"admin","password":"hunter2","engine":"mysql","host":"db.internal","port":3306,"dbname":"app"}`,
	"{\n  \"username\": \"admin\",\n  \"password\": \"p@ss\\\"word\\\\\",\n  \"port\": 5432,\n  \"ssl\": true\n}",
	"{\n    \"api_key\": \"sk_live_123\",\n    \"nested\": {\n        \"a\": [1, 2, {\"b\": null}],\n        \"empty\": {}\n    }\n}\n",
	`{"name":"caf\u00e9","emoji":"\ud83d\ude00","raw":"été","ctl":"line\nbreak\ttab","slash":"\/"}`,
	`{"big":12345678901234567890,"exp":1e3,"neg":-0.5E-10,"zero":0,"float":3.14159265358979323846}`,
	`{}`,
	"{\n}",
	`{ "a" : 1 , "b" : [ ] , "c" : { } }`,
	"{\"a\":1\n,\"b\":2\n}",
	`{"dup":1,"dup":2,"x":{"y":{"z":[{"k":"v"}]}}}`,
	"{\r\n\t\"crlf\": \"yes\",\r\n\t\"list\": [\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}",
	`{"":"empty key","a.b":"dotted","with space":true,"quote\"key":null}`,
	`{"arr":[[],[[]],{"x":[]}],"s":"<script>&amp;</script>"}`,
}

func FuzzEdit(f *testing.F) {
	values := []string{`"new"`, `42`, `1e3`, "{\n  \"x\": [1, 2]\n}", `not json`, `é "quoted"`, ``, `[]`}
	keys := []string{"password", "new_key", "username", "", "a.b", "dup", "é"}
	for i, doc := range seedDocs {
		for op := range uint8(5) {
			f.Add(doc, op, uint16(i*7+int(op)), keys[(i+int(op))%len(keys)], values[(i+int(op))%len(values)])
		}
	}
	f.Fuzz(func(t *testing.T, doc string, op uint8, target uint16, key, value string) {
		d, err := Parse([]byte(doc))
		if (err == nil) != json.Valid([]byte(doc)) {
			t.Fatalf("Parse err = %v but json.Valid = %v", err, json.Valid([]byte(doc)))
		}
		if err != nil || d.Root().Kind() != Object {
			return
		}
		checkEdit(t, d, op, int(target), key, value)
	})
}

// container is an object or array reachable without duplicate keys.
type container struct {
	path Path
	node *Node
}

func containers(n *Node, p Path, out []container) []container {
	out = append(out, container{p, n})
	for _, f := range n.fields {
		if f.Duplicate || (f.Value.kind != Object && f.Value.kind != Array) {
			continue
		}
		out = containers(f.Value, p.Append(f.Elem()), out)
	}
	return out
}

func checkEdit(t *testing.T, d *Document, op uint8, target int, key, value string) {
	cs := containers(d.Root(), nil, nil)
	c := cs[target%len(cs)]
	fields := c.node.Fields()
	isObj := c.node.Kind() == Object
	key = strings.ToValidUTF8(key, "?")
	value = strings.ToValidUTF8(value, "?")
	raw := []byte(value)
	if _, err := parseValue(raw); err != nil {
		raw, _ = encodeString(value)
	}

	idx := -1 // the edited child (or -1 when appending)
	var out []byte
	var err error
	switch op % 5 {
	case 0, 1, 2, 3: // set, set string, rename, delete need a child
		if len(fields) == 0 {
			return
		}
		idx = (target / len(cs)) % len(fields)
		f := fields[idx]
		p := c.path.Append(f.Elem())
		switch op % 5 {
		case 0:
			out, err = d.Set(p, raw)
		case 1:
			out, err = d.SetString(p, value)
		case 2:
			out, err = d.Rename(p, key)
			if err == nil && !isObj {
				t.Fatal("renamed an array element")
			}
			if errors.Is(err, ErrWrongKind) && !isObj {
				return
			}
			if j := memberIndex(c.node, key); j >= 0 && j != idx {
				if !errors.Is(err, ErrKeyExists) && !f.Duplicate {
					t.Fatalf("rename onto an existing key: err = %v", err)
				}
				return
			}
		case 3:
			out, err = d.Delete(p)
		}
		if f.Duplicate {
			if !errors.Is(err, ErrDuplicateKey) {
				t.Fatalf("edit of a duplicate key: err = %v", err)
			}
			return
		}
	case 4: // add or append
		if isObj {
			out, err = d.Add(c.path, key, raw)
			if memberIndex(c.node, key) >= 0 {
				if !errors.Is(err, ErrKeyExists) {
					t.Fatalf("add of an existing key: err = %v", err)
				}
				return
			}
		} else {
			out, err = d.Append(c.path, raw)
		}
	}
	if err != nil {
		t.Fatalf("op %d: %v", op%5, err)
	}
	if !json.Valid(out) {
		t.Fatalf("op %d: result is not valid JSON:\n%s", op%5, out)
	}
	d2, err := Parse(out)
	if err != nil {
		t.Fatalf("reparse: %v", err)
	}
	src := d.Bytes()
	start, end := c.node.Span()
	if !bytes.HasPrefix(out, src[:start]) || !bytes.HasSuffix(out, src[end:]) {
		t.Fatalf("bytes outside the edited container changed")
	}
	n2, err := d2.Lookup(c.path)
	if err != nil {
		t.Fatalf("container lost: %v", err)
	}
	got := n2.Fields()
	same := func(a, b Field) bool {
		return bytes.Equal(a.RawKey(), b.RawKey()) && bytes.Equal(a.Value.Raw(), b.Value.Raw())
	}
	switch op % 5 {
	case 0, 1, 2:
		if len(got) != len(fields) {
			t.Fatalf("member count %d, want %d", len(got), len(fields))
		}
		for j := range fields {
			if j != idx && !same(fields[j], got[j]) {
				t.Fatalf("member %d changed", j)
			}
		}
		switch op % 5 {
		case 0:
			if compact(t, got[idx].Value.Raw()) != compact(t, raw) {
				t.Fatalf("set value not stored")
			}
		case 1:
			if got[idx].Value.Kind() != String || got[idx].Value.Decoded() != value {
				t.Fatalf("set string not stored")
			}
		case 2:
			if got[idx].Key != key || !bytes.Equal(got[idx].Value.Raw(), fields[idx].Value.Raw()) {
				t.Fatalf("rename wrong")
			}
		}
		if isObj && op%5 != 2 && !bytes.Equal(got[idx].RawKey(), fields[idx].RawKey()) {
			t.Fatalf("edited member's key changed")
		}
	case 3:
		want := append(append([]Field(nil), fields[:idx]...), fields[idx+1:]...)
		if len(got) != len(want) {
			t.Fatalf("member count %d, want %d", len(got), len(want))
		}
		for j := range want {
			if !same(want[j], got[j]) {
				t.Fatalf("member %d changed", j)
			}
		}
	case 4:
		if len(got) != len(fields)+1 {
			t.Fatalf("member count %d, want %d", len(got), len(fields)+1)
		}
		for j := range fields {
			if !same(fields[j], got[j]) {
				t.Fatalf("member %d changed", j)
			}
		}
		last := got[len(fields)]
		if (isObj && last.Key != key) || compact(t, last.Value.Raw()) != compact(t, raw) {
			t.Fatalf("added member wrong")
		}
	}
	if !utf8.Valid(out) && utf8.Valid(src) {
		t.Fatalf("edit produced invalid UTF-8")
	}
}

func compact(t *testing.T, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatalf("compact: %v", err)
	}
	return buf.String()
}

func FuzzParse(f *testing.F) {
	for _, doc := range seedDocs {
		f.Add(doc)
	}
	for _, s := range []string{`[1,]`, `"\ud800"`, `01`, `{"a":1}x`, "\"\xff\"", `[`, `-`, `1.5e+3`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		d, err := Parse([]byte(doc))
		if (err == nil) != json.Valid([]byte(doc)) {
			t.Fatalf("Parse err = %v but json.Valid = %v", err, json.Valid([]byte(doc)))
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(doc) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("bad syntax error %#v", err)
			}
			return
		}
		p, err := Pretty([]byte(doc))
		if err != nil || !json.Valid(p) || compact(t, p) != compact(t, []byte(doc)) {
			t.Fatalf("Pretty changed the document: %v", err)
		}
		d.Walk(func(_ Path, f Field) bool {
			if f.Value.Kind() == String && utf8.Valid(f.Value.raw()) {
				var s string
				if err := json.Unmarshal(f.Value.raw(), &s); err != nil || s != f.Value.Decoded() {
					t.Fatalf("Decoded disagrees with encoding/json")
				}
			}
			return true
		})
		if d.Root().Kind() == Object {
			if cs, err := Diff([]byte(doc), p); err != nil || len(cs) != 0 {
				t.Fatalf("Diff(doc, Pretty(doc)) = %v, %v", cs, err)
			}
		}
	})
}
