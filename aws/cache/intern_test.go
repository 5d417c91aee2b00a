package cache

import (
	"strings"
	"testing"
	"unsafe"
)

func TestInternerSharesOneCopy(t *testing.T) {
	in := NewInterner()
	a := in.Intern(strings.Repeat("team", 2))
	b := in.Intern(string([]byte("teamteam"))) // a separate allocation
	if a != b || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Fatalf("equal strings %q and %q are not one copy", a, b)
	}
	if c := in.Intern("other"); c != "other" || unsafe.StringData(c) == unsafe.StringData(a) {
		t.Fatal("a different string came back shared")
	}
	if in.Intern("") != "" {
		t.Fatal("empty string changed")
	}
}
