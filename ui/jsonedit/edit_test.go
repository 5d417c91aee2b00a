package jsonedit

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const prettyDoc = `{
  "username": "admin",
  "password": "caf\u00e9-p@ss",
  "port": 3306,
  "big": 12345678901234567890,
  "ratio": 1e3,
  "opts": {
    "ssl": true
  },
  "hosts": ["a", "b"],
  "empty": {},
  "none": []
}`

type editCase struct {
	name string
	doc  string
	op   func(d *Document) ([]byte, error)
	want string
}

func runEdits(t *testing.T, cases []editCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustParse(t, c.doc)
			got, err := c.op(d)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if string(got) != c.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, c.want)
			}
			if !json.Valid(got) {
				t.Fatalf("result is not valid JSON")
			}
			if string(d.Bytes()) != c.doc {
				t.Fatalf("the original document changed")
			}
		})
	}
}

func raw(s string) []byte { return []byte(s) }

func TestSetScalars(t *testing.T) {
	runEdits(t, []editCase{
		{"set number keeps spelling", `{"port":3306,"x":"\u00e9"}`,
			func(d *Document) ([]byte, error) { return d.SetNumber(Keys("port"), "1e3") },
			`{"port":1e3,"x":"\u00e9"}`},
		{"set big number keeps digits", `{"port": 1, "x": 2}`,
			func(d *Document) ([]byte, error) { return d.SetNumber(Keys("port"), "12345678901234567890") },
			`{"port": 12345678901234567890, "x": 2}`},
		{"set string escapes", `{"a": 1, "pw": "old", "z": "caf\u00e9"}`,
			func(d *Document) ([]byte, error) { return d.SetString(Keys("pw"), "new \"q\"\\\n\t\x01<&>é") },
			`{"a": 1, "pw": "new \"q\"\\\n\t\u0001<&>é", "z": "caf\u00e9"}`},
		{"set bool true", `{"a":null}`,
			func(d *Document) ([]byte, error) { return d.SetBool(Keys("a"), true) }, `{"a":true}`},
		{"set bool false", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.SetBool(Keys("a"), false) }, `{"a":false}`},
		{"set null", `{"a":"x","b":2}`,
			func(d *Document) ([]byte, error) { return d.SetNull(Keys("a")) }, `{"a":null,"b":2}`},
		{"set raw trims whitespace", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.Set(Keys("a"), raw("  [1, 2]\n")) }, `{"a":[1, 2]}`},
		{"set nested array element", `{"db":{"hosts":["a","b","c"]}}`,
			func(d *Document) ([]byte, error) { return d.SetString(Path{Key("db"), Key("hosts"), Index(1)}, "B") },
			`{"db":{"hosts":["a","B","c"]}}`},
		{"set whole document", ` {"a":1} `,
			func(d *Document) ([]byte, error) { return d.Set(nil, raw(`[]`)) }, ` [] `},
		{"set multi-line value reindents", prettyDoc,
			func(d *Document) ([]byte, error) {
				return d.Set(Keys("opts"), raw("{\n  \"ssl\": false,\n  \"ca\": \"x\"\n}"))
			},
			strings.Replace(prettyDoc, "{\n    \"ssl\": true\n  }", "{\n    \"ssl\": false,\n    \"ca\": \"x\"\n  }", 1)},
		{"set pretty number", prettyDoc,
			func(d *Document) ([]byte, error) { return d.SetNumber(Keys("port"), "3307") },
			strings.Replace(prettyDoc, "3306", "3307", 1)},
	})
}

func TestAdd(t *testing.T) {
	runEdits(t, []editCase{
		{"compact", `{"a":1,"b":2}`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "c", raw("3")) }, `{"a":1,"b":2,"c":3}`},
		{"single inline member follows the document's comma style", `{"a": {"x": 1}, "h": ["a", "b"]}`,
			func(d *Document) ([]byte, error) { return d.Add(Keys("a"), "k", raw("2")) }, `{"a": {"x": 1, "k": 2}, "h": ["a", "b"]}`},
		{"single inline element follows the document's comma style", `{"a": 1, "h": ["a"]}`,
			func(d *Document) ([]byte, error) { return d.Append(Keys("h"), raw(`"b"`)) }, `{"a": 1, "h": ["a", "b"]}`},
		{"compact single member", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "b", raw(`"x"`)) }, `{"a":1,"b":"x"}`},
		{"spaced single line", `{ "a": 1, "b": 2 }`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "c", raw("3")) }, `{ "a": 1, "b": 2, "c": 3 }`},
		{"spaced single member", `{ "a" : 1 }`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "b", raw("2")) }, `{ "a" : 1, "b" : 2 }`},
		{"pretty", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Add(nil, "engine", raw(`"mysql"`)) },
			strings.TrimSuffix(prettyDoc, "\n}") + ",\n  \"engine\": \"mysql\"\n}"},
		{"pretty nested", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Add(Keys("opts"), "verify", raw("false")) },
			strings.Replace(prettyDoc, "\"ssl\": true\n", "\"ssl\": true,\n    \"verify\": false\n", 1)},
		{"pretty empty nested object", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Add(Keys("empty"), "k", raw("1")) },
			strings.Replace(prettyDoc, `"empty": {}`, "\"empty\": {\n    \"k\": 1\n  }", 1)},
		{"pretty multi-line value", "{\n\t\"a\": 1\n}",
			func(d *Document) ([]byte, error) { return d.Add(nil, "o", raw("{\n\t\"x\": 1\n}")) },
			"{\n\t\"a\": 1,\n\t\"o\": {\n\t\t\"x\": 1\n\t}\n}"},
		{"four-space indent for empty object", "{\n    \"a\": {}\n}",
			func(d *Document) ([]byte, error) { return d.Add(Keys("a"), "b", raw("1")) },
			"{\n    \"a\": {\n        \"b\": 1\n    }\n}"},
		{"empty root compact", `{}`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "a", raw("1")) }, `{"a":1}`},
		{"empty root with newline", "{\n}",
			func(d *Document) ([]byte, error) { return d.Add(nil, "a", raw("1")) }, "{\n  \"a\": 1\n}"},
		{"empty nested compact follows colon style", `{"x": {}, "y": 1}`,
			func(d *Document) ([]byte, error) { return d.Add(Keys("x"), "a", raw("1")) }, `{"x": {"a": 1}, "y": 1}`},
		{"comma-first style", "{ \"a\": 1\n, \"b\": 2\n}",
			func(d *Document) ([]byte, error) { return d.Add(nil, "c", raw("3")) }, "{ \"a\": 1\n, \"b\": 2\n, \"c\": 3\n}"},
		{"key is escaped", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.Add(nil, "we\"ird\n", raw("2")) }, `{"a":1,"we\"ird\n":2}`},
		{"trailing whitespace kept", "{\"a\":1}\n",
			func(d *Document) ([]byte, error) { return d.Add(nil, "b", raw("2")) }, "{\"a\":1,\"b\":2}\n"},
	})
}

func TestAppend(t *testing.T) {
	runEdits(t, []editCase{
		{"compact", `{"h":["a","b"]}`,
			func(d *Document) ([]byte, error) { return d.Append(Keys("h"), raw(`"c"`)) }, `{"h":["a","b","c"]}`},
		{"inline in pretty doc", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Append(Keys("hosts"), raw(`"c"`)) },
			strings.Replace(prettyDoc, `["a", "b"]`, `["a", "b", "c"]`, 1)},
		{"empty array in pretty doc", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Append(Keys("none"), raw(`1`)) },
			strings.Replace(prettyDoc, `"none": []`, "\"none\": [\n    1\n  ]", 1)},
		{"empty compact", `{"h":[]}`,
			func(d *Document) ([]byte, error) { return d.Append(Keys("h"), raw(`{"x":1}`)) }, `{"h":[{"x":1}]}`},
		{"root array pretty", "[\n  1\n]",
			func(d *Document) ([]byte, error) { return d.Append(nil, raw(`2`)) }, "[\n  1,\n  2\n]"},
	})
}

func TestDelete(t *testing.T) {
	runEdits(t, []editCase{
		{"first compact", `{"a":1,"b":2,"c":3}`,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("a")) }, `{"b":2,"c":3}`},
		{"middle compact", `{"a":1,"b":2,"c":3}`,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("b")) }, `{"a":1,"c":3}`},
		{"last compact", `{"a":1,"b":2,"c":3}`,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("c")) }, `{"a":1,"b":2}`},
		{"only member", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("a")) }, `{}`},
		{"only member pretty", "{\n  \"a\": 1\n}",
			func(d *Document) ([]byte, error) { return d.Delete(Keys("a")) }, `{}`},
		{"first pretty", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("username")) },
			strings.Replace(prettyDoc, "\"username\": \"admin\",\n  ", "", 1)},
		{"middle pretty", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("port")) },
			strings.Replace(prettyDoc, "\"port\": 3306,\n  ", "", 1)},
		{"last pretty", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("none")) },
			strings.Replace(prettyDoc, ",\n  \"none\": []", "", 1)},
		{"nested only member pretty", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("opts", "ssl")) },
			strings.Replace(prettyDoc, "{\n    \"ssl\": true\n  }", "{}", 1)},
		{"spaced", `{ "a": 1, "b": 2 }`,
			func(d *Document) ([]byte, error) { return d.Delete(Keys("b")) }, `{ "a": 1 }`},
		{"array first", `[1, 2, 3]`,
			func(d *Document) ([]byte, error) { return d.Delete(Path{Index(0)}) }, `[2, 3]`},
		{"array last", `{"h":["a","b"]}`,
			func(d *Document) ([]byte, error) { return d.Delete(Path{Key("h"), Index(1)}) }, `{"h":["a"]}`},
		{"array only", `{"h":[ "a" ]}`,
			func(d *Document) ([]byte, error) { return d.Delete(Path{Key("h"), Index(0)}) }, `{"h":[]}`},
	})
}

func TestRename(t *testing.T) {
	runEdits(t, []editCase{
		{"keeps value bytes and place", `{"user":"x","pass":"caf\u00e9","n":1e3}`,
			func(d *Document) ([]byte, error) { return d.Rename(Keys("pass"), "password") },
			`{"user":"x","password":"caf\u00e9","n":1e3}`},
		{"pretty nested", prettyDoc,
			func(d *Document) ([]byte, error) { return d.Rename(Keys("opts", "ssl"), "tls") },
			strings.Replace(prettyDoc, `"ssl"`, `"tls"`, 1)},
		{"escapes new key", `{"a":1}`,
			func(d *Document) ([]byte, error) { return d.Rename(Keys("a"), `"q"`) }, `{"\"q\"":1}`},
		{"same key is a no-op", `{ "a" :1}`,
			func(d *Document) ([]byte, error) { return d.Rename(Keys("a"), "a") }, `{ "a" :1}`},
	})
}

func TestEditErrors(t *testing.T) {
	d := mustParse(t, `{"a": 1, "s": "x", "h": [1], "dup": 1, "dup": 2, "o": {}}`)
	cases := []struct {
		name string
		op   func() ([]byte, error)
		want error
		msg  string
	}{
		{"set missing", func() ([]byte, error) { return d.SetNumber(Keys("zz"), "1") }, ErrNotFound, "set zz: no such field"},
		{"set invalid raw", func() ([]byte, error) { return d.Set(Keys("a"), raw(`{"pw": hunter2}`)) }, nil,
			"set a: invalid value: invalid JSON at line 1, column 8 (byte 7): unexpected character, expected a value"},
		{"set two values", func() ([]byte, error) { return d.Set(Keys("a"), raw(`1 2`)) }, nil,
			"set a: invalid value: invalid JSON at line 1, column 3 (byte 2): unexpected data after the top-level value"},
		{"set empty raw", func() ([]byte, error) { return d.Set(Keys("a"), nil) }, nil,
			"set a: invalid value: invalid JSON at line 1, column 1 (byte 0): unexpected end of input, expected a value"},
		{"set number invalid", func() ([]byte, error) { return d.SetNumber(Keys("a"), "0123") }, ErrNotNumber,
			"set a: not a number: keep the field a number, or switch the type to string (leading zeros are not allowed in a number)"},
		{"set number spaces", func() ([]byte, error) { return d.SetNumber(Keys("a"), " 1") }, ErrNotNumber, ""},
		{"set string bad utf8", func() ([]byte, error) { return d.SetString(Keys("s"), "\xff") }, ErrInvalidUTF8, "set s: text is not valid UTF-8"},
		{"set dup", func() ([]byte, error) { return d.SetNull(Keys("dup")) }, ErrDuplicateKey, "set dup: key appears more than once in its object"},
		{"add existing", func() ([]byte, error) { return d.Add(nil, "a", raw("1")) }, ErrKeyExists, "add a: key already exists"},
		{"add existing dup", func() ([]byte, error) { return d.Add(nil, "dup", raw("1")) }, ErrKeyExists, ""},
		{"add to array", func() ([]byte, error) { return d.Add(Keys("h"), "k", raw("1")) }, ErrWrongKind, "add h.k: wrong kind of value: h is not an object"},
		{"add to missing", func() ([]byte, error) { return d.Add(Keys("x"), "k", raw("1")) }, ErrNotFound, "add x: no such field"},
		{"add invalid", func() ([]byte, error) { return d.Add(Keys("o"), "k", raw("nope")) }, nil, ""},
		{"add bad key", func() ([]byte, error) { return d.Add(nil, "\xff", raw("1")) }, ErrInvalidUTF8, ""},
		{"append to object", func() ([]byte, error) { return d.Append(Keys("o"), raw("1")) }, ErrWrongKind, "append to o: wrong kind of value: it is not an array"},
		{"append invalid", func() ([]byte, error) { return d.Append(Keys("h"), raw("[")) }, nil, ""},
		{"delete root", func() ([]byte, error) { return d.Delete(nil) }, ErrRoot, "delete: operation needs a field, not the whole document"},
		{"delete missing", func() ([]byte, error) { return d.Delete(Path{Key("h"), Index(1)}) }, ErrNotFound, ""},
		{"delete dup", func() ([]byte, error) { return d.Delete(Keys("dup")) }, ErrDuplicateKey, ""},
		{"rename to existing", func() ([]byte, error) { return d.Rename(Keys("a"), "s") }, ErrKeyExists, "rename a: key already exists: s"},
		{"rename dup", func() ([]byte, error) { return d.Rename(Keys("dup"), "d2") }, ErrDuplicateKey, ""},
		{"rename to dup", func() ([]byte, error) { return d.Rename(Keys("a"), "dup") }, ErrKeyExists, ""},
		{"rename array element", func() ([]byte, error) { return d.Rename(Path{Key("h"), Index(0)}, "k") }, ErrWrongKind, ""},
		{"rename root", func() ([]byte, error) { return d.Rename(nil, "k") }, ErrRoot, ""},
		{"rename bad key", func() ([]byte, error) { return d.Rename(Keys("a"), "\xff") }, ErrInvalidUTF8, ""},
	}
	for _, c := range cases {
		out, err := c.op()
		if err == nil || out != nil {
			t.Errorf("%s: got %q, %v; want an error", c.name, out, err)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if c.msg != "" && err.Error() != c.msg {
			t.Errorf("%s: message %q, want %q", c.name, err.Error(), c.msg)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error leaks the value", c.name)
		}
	}
}

func TestEditSequenceReparses(t *testing.T) {
	doc := []byte(prettyDoc)
	steps := []func(d *Document) ([]byte, error){
		func(d *Document) ([]byte, error) { return d.SetString(Keys("password"), "s3cr3t") },
		func(d *Document) ([]byte, error) { return d.Rename(Keys("username"), "user") },
		func(d *Document) ([]byte, error) { return d.Delete(Keys("ratio")) },
		func(d *Document) ([]byte, error) { return d.Add(Keys("opts"), "ca", raw(`"pem"`)) },
		func(d *Document) ([]byte, error) { return d.Append(Keys("hosts"), raw(`"c"`)) },
	}
	for i, step := range steps {
		d, err := Parse(doc)
		if err != nil {
			t.Fatalf("step %d: reparse: %v", i, err)
		}
		if doc, err = step(d); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	want := `{
  "user": "admin",
  "password": "s3cr3t",
  "port": 3306,
  "big": 12345678901234567890,
  "opts": {
    "ssl": true,
    "ca": "pem"
  },
  "hosts": ["a", "b", "c"],
  "empty": {},
  "none": []
}`
	if string(doc) != want {
		t.Fatalf("got:\n%s", doc)
	}
}
