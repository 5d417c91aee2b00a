package jsonedit

import (
	"errors"
	"reflect"
	"testing"
)

func TestPathString(t *testing.T) {
	cases := map[string]Path{
		"(top level)":             nil,
		"db.host":                 Keys("db", "host"),
		"replicas[0].port":        {Key("replicas"), Index(0), Key("port")},
		`["my.key"]`:              Keys("my.key"),
		`a["sp ace"][2]`:          {Key("a"), Key("sp ace"), Index(2)},
		`[""]`:                    Keys(""),
		`["9lives"].x_y-z`:        Keys("9lives", "x_y-z"),
		`[0]`:                     {Index(0)},
		`["café"]`:                Keys("café"),
		`["quote\"d"].DB_URL_2`:   Keys(`quote"d`, "DB_URL_2"),
		`["line\nbreak"]`:         Keys("line\nbreak"),
		`top["with.dot"]["[0]"]`:  Keys("top", "with.dot", "[0]"),
		`list[10][3]`:             {Key("list"), Index(10), Index(3)},
		`k["\x00"]`:               Keys("k", "\x00"),
		`UPPER.lower.Mixed_Case1`: Keys("UPPER", "lower", "Mixed_Case1"),
	}
	for want, p := range cases {
		if got := p.String(); got != want {
			t.Errorf("%#v.String() = %s, want %s", []Elem(p), got, want)
		}
	}
}

func TestPathAppendDoesNotAlias(t *testing.T) {
	base := make(Path, 1, 4)
	base[0] = Key("a")
	p1 := base.Append(Key("b"))
	p2 := base.Append(Key("c"))
	if p1.String() != "a.b" || p2.String() != "a.c" || len(base) != 1 {
		t.Fatalf("Append aliased: %s %s", p1, p2)
	}
}

func TestLookup(t *testing.T) {
	d := mustParse(t, `{"db": {"host": "h", "ports": [5432, 5433]}, "s": "x", "dup": 1, "dup": 2, "o": {"dup": {"k": 1}, "dup": 3}}`)
	n, err := d.Lookup(Path{Key("db"), Key("ports"), Index(1)})
	if err != nil || string(n.Raw()) != "5433" {
		t.Fatalf("Lookup = %v, %v", n, err)
	}
	if root, err := d.Lookup(nil); err != nil || root != d.Root() {
		t.Fatalf("Lookup(nil) = %v, %v", root, err)
	}
	errCases := []struct {
		p    Path
		want error
		msg  string
	}{
		{Keys("nope"), ErrNotFound, "nope: no such field"},
		{Keys("db", "nope"), ErrNotFound, "db.nope: no such field"},
		{Path{Key("db"), Key("ports"), Index(2)}, ErrNotFound, "db.ports[2]: no such field (the array has 2 elements)"},
		{Path{Key("db"), Key("ports"), Index(-1)}, ErrNotFound, "db.ports[-1]: no such field (the array has 2 elements)"},
		{Path{Key("db"), Index(0)}, ErrWrongKind, "db[0]: wrong kind of value: db is not an array"},
		{Keys("s", "x"), ErrWrongKind, "s.x: wrong kind of value: s is not an object"},
		{Path{Index(0)}, ErrWrongKind, "[0]: wrong kind of value: the top-level value is not an array"},
		{Keys("dup"), ErrDuplicateKey, "dup: key appears more than once in its object"},
		{Keys("o", "dup", "k"), ErrDuplicateKey, "o.dup: key appears more than once in its object"},
	}
	for _, c := range errCases {
		_, err := d.Lookup(c.p)
		if !errors.Is(err, c.want) || err.Error() != c.msg {
			t.Errorf("Lookup(%s) err = %v, want %q", c.p, err, c.msg)
		}
	}
}

func TestDuplicatesAndWalk(t *testing.T) {
	d := mustParse(t, `{"a": 1, "b": {"x": 1, "x": 2, "y": [ {"z": 0, "z": 1} ]}, "a": 3, "c": 4}`)
	got := d.Duplicates()
	want := []Path{Keys("a"), Keys("b", "x"), {Key("b"), Key("y"), Index(0), Key("z")}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Duplicates = %v, want %v", got, want)
	}
	fs := d.Fields()
	if !fs[0].Duplicate || fs[1].Duplicate || !fs[2].Duplicate || fs[3].Duplicate {
		t.Errorf("Duplicate flags wrong")
	}

	var paths []string
	d.Walk(func(p Path, f Field) bool {
		paths = append(paths, p.String()+":"+f.Value.Kind().String())
		return f.Key != "y" // skip y's children
	})
	wantPaths := []string{"a:number", "b:object", "b.x:number", "b.x:number", "b.y:array", "a:number", "c:number"}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("Walk = %v, want %v", paths, wantPaths)
	}

	// A large object takes the map path in duplicate detection.
	big := `{"k0":0`
	for i := 1; i < 40; i++ {
		big += `,"k` + string(rune('0'+i%10)) + string(rune('a'+i/10)) + `":0`
	}
	big += `,"k0":1}`
	if dups := mustParse(t, big).Duplicates(); len(dups) != 1 || dups[0].String() != "k0" {
		t.Errorf("large-object Duplicates = %v", dups)
	}
}
