package jsonedit

import (
	"errors"
	"reflect"
	"testing"
)

type change struct{ kind, path, old, new string }

func simplify(cs []Change) []change {
	out := make([]change, len(cs))
	for i, c := range cs {
		out[i] = change{c.Kind.String(), c.Path.String(), string(c.Old), string(c.New)}
	}
	return out
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     []change
	}{
		{"identical", `{"a":1}`, `{"a":1}`, []change{}},
		{"order and whitespace are not changes", `{"a":1,"b":{"x":[1,2],"y":"z"}}`,
			"{\n  \"b\": {\"y\": \"z\", \"x\": [ 1, 2 ]},\n  \"a\": 1\n}", []change{}},
		{"escape spelled differently is not a change", `{"a":"caf\u00e9"}`, `{"a":"café"}`, []change{}},
		{"number spelling is a change", `{"n":1000}`, `{"n":1e3}`, []change{{"changed", "n", "1000", "1e3"}}},
		{"added removed changed", `{"user":"a","pass":"old","gone":true}`, `{"user":"a","pass":"new","port":3306}`,
			[]change{{"changed", "pass", `"old"`, `"new"`}, {"removed", "gone", "true", ""}, {"added", "port", "", "3306"}}},
		{"nested to leaf paths", `{"db":{"host":"h","opts":{"ssl":true}}}`, `{"db":{"host":"h2","opts":{"ssl":true,"ca":"x"}}}`,
			[]change{{"changed", "db.host", `"h"`, `"h2"`}, {"added", "db.opts.ca", "", `"x"`}}},
		{"object replaced by scalar", `{"o":{"a":1}}`, `{"o":null}`, []change{{"changed", "o", `{"a":1}`, "null"}}},
		{"array compared whole", `{"h":["a","b"]}`, `{"h":["a","c"]}`, []change{{"changed", "h", `["a","b"]`, `["a","c"]`}}},
		{"array of objects ignores key order", `{"h":[{"a":1,"b":2}]}`, `{"h":[{"b":2,"a":1}]}`, []change{}},
		{"array length", `{"h":[1]}`, `{"h":[1,1]}`, []change{{"changed", "h", `[1]`, `[1,1]`}}},
		{"object inside array differs", `{"h":[{"a":1}]}`, `{"h":[{"a":2}]}`, []change{{"changed", "h", `[{"a":1}]`, `[{"a":2}]`}}},
		{"object inside array key sets differ", `{"h":[{"a":1}]}`, `{"h":[{"b":1}]}`, []change{{"changed", "h", `[{"a":1}]`, `[{"b":1}]`}}},
		{"object inside array sizes differ", `{"h":[{"a":1}]}`, `{"h":[{"a":1,"b":1}]}`, []change{{"changed", "h", `[{"a":1}]`, `[{"a":1,"b":1}]`}}},
		{"type change", `{"p":"3306"}`, `{"p":3306}`, []change{{"changed", "p", `"3306"`, "3306"}}},
		{"bool change", `{"p":true}`, `{"p":false}`, []change{{"changed", "p", "true", "false"}}},
		{"duplicate keys: last wins", `{"a":1,"a":2}`, `{"a":2}`, []change{}},
		{"duplicate keys: last differs", `{"a":1,"a":2}`, `{"a":1}`, []change{{"changed", "a", "2", "1"}}},
		{"weird keys in paths", `{"my.key":{"x y":1}}`, `{"my.key":{"x y":2}}`, []change{{"changed", `["my.key"]["x y"]`, "1", "2"}}},
	}
	for _, c := range cases {
		got, err := Diff([]byte(c.old), []byte(c.new))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if s := simplify(got); !reflect.DeepEqual(s, c.want) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, s, c.want)
		}
	}
}

func TestDiffErrors(t *testing.T) {
	cases := []struct {
		old, new string
		want     error
		msg      string
	}{
		{`["hunter2"]`, `{}`, ErrNotObject, "diff: old document: not a JSON object (it is a JSON array)"},
		{`{}`, `"hunter2"`, ErrNotObject, "diff: new document: not a JSON object (it is a JSON string)"},
		{`hunter2`, `{}`, nil, "diff: old document: invalid JSON at line 1, column 1 (byte 0): unexpected character, expected a value"},
		{`{}`, `{"a": hunter2}`, nil, "diff: new document: invalid JSON at line 1, column 7 (byte 6): unexpected character, expected a value"},
	}
	for _, c := range cases {
		_, err := Diff([]byte(c.old), []byte(c.new))
		if err == nil || err.Error() != c.msg || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("Diff(%s, %s) err = %v, want %q", c.old, c.new, err, c.msg)
		}
	}
	for k, s := range map[ChangeKind]string{Added: "added", Removed: "removed", Changed: "changed", 0: "invalid"} {
		if k.String() != s {
			t.Errorf("ChangeKind(%d) = %q", int(k), k.String())
		}
	}
}

func TestDiffAfterEdit(t *testing.T) {
	d := mustParse(t, prettyDoc)
	out, err := d.SetNumber(Keys("opts", "ssl"), "1")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Diff(d.Bytes(), out)
	if err != nil {
		t.Fatal(err)
	}
	if s := simplify(got); !reflect.DeepEqual(s, []change{{"changed", "opts.ssl", "true", "1"}}) {
		t.Fatalf("got %v", s)
	}
}
