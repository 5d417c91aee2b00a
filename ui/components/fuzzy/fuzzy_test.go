package fuzzy

import (
	"slices"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestMatchASCII(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, pat string
		want      []int // nil: no match
	}{
		{"prod/db/mysql-orders", "db", []int{5, 6}},
		{"prod/db/mysql-orders", "mysqlord", []int{8, 9, 10, 11, 12, 14, 15, 16}},
		{"Prod/DB", "pdb", []int{0, 5, 6}},
		{"prod/db", "dbx", nil},
		{"abc", "abcd", nil},
		{"a-b-c", "abc", []int{0, 2, 4}},
		// Letters scattered through the middle of words: dropped.
		{"SendGrid key for dev email previews", "orders", nil},
		// A contiguous occurrence wins, at a word start first.
		{"border/orders", "orders", []int{7, 8, 9, 10, 11, 12}},
		{"prod/db/postgres", "pdp", []int{0, 5, 8}},
		{"xpostgres", "gres", []int{5, 6, 7, 8}},
	}
	for _, c := range cases {
		pos := make([]int, len(c.pat))
		_, ok := matchASCII(testHay(c.text), []byte(asciiLower(c.pat)), pos)
		if c.want == nil {
			if ok {
				t.Errorf("%q in %q matched at %v", c.pat, c.text, pos)
			}
			continue
		}
		if !ok || !slices.Equal(pos, c.want) {
			t.Errorf("%q in %q = %v (ok=%v), want %v", c.pat, c.text, pos, ok, c.want)
		}
	}
	// A tight, boundary match scores above a scattered one.
	p := make([]int, 2)
	tight, _ := matchASCII(testHay("prod/db/x"), []byte("db"), p)
	loose, _ := matchASCII(testHay("a dull bell"), []byte("db"), p)
	if tight <= loose {
		t.Errorf("tight %d <= scattered %d", tight, loose)
	}
}

// testHay is text as the only field of an index.
func testHay(text string) *hay {
	var x Index
	x.Begin()
	x.AddField(text, 0, 0)
	return x.hay(&x.fields(x.End())[0])
}

func TestFuzzyFindRanksAndRequiresEveryWord(t *testing.T) {
	t.Parallel()
	items := []string{"staging/app/config", "prod/db/postgres", "dev/db/postgres", "prod/api/stripe"}
	f := func(i int) []Field { return []Field{NewField(items[i], 0, 0)} }
	hits := Find("pg prod", f, len(items), nil)
	if len(hits) != 1 || items[hits[0].Item] != "prod/db/postgres" {
		t.Fatalf("hits %v", hits)
	}
	hits = Find("db", f, len(items), nil)
	if len(hits) != 2 || hits[0].Item != 1 || hits[1].Item != 2 {
		t.Errorf("equal scores must keep item order: %v", hits)
	}
	// Non-ASCII terms fold case through sahilm/fuzzy.
	uni := []string{"team/café-ünicode-名前", "prod/db"}
	fu := func(i int) []Field { return []Field{NewField(uni[i], 0, 0)} }
	hits = Find("ÜNI", fu, len(uni), nil)
	if len(hits) != 1 || hits[0].Item != 0 {
		t.Errorf("unicode hits %v", hits)
	}
	if Find("   ", f, len(items), nil) != nil {
		t.Error("blank query matched")
	}
}

func TestFuzzyMatchStaysInOneField(t *testing.T) {
	t.Parallel()
	// "pn" spans the name (p) and the description (n) but no single field.
	fields := []Field{NewField("prod", 0, 0), NewField("nothing", 5, 0)}
	f := func(int) []Field { return fields }
	if hits := Find("pn", f, 1, nil); len(hits) != 0 {
		t.Errorf("matched across fields: %v", hits)
	}
	hits := Find("noth", f, 1, nil)
	if len(hits) != 1 || !slices.Equal(hits[0].Pos, []int{5, 6, 7, 8}) {
		t.Errorf("offsets not mapped to the whole text: %v", hits)
	}
}

func TestFuzzyHighlight(t *testing.T) {
	t.Parallel()
	base, match := lipgloss.NewStyle(), lipgloss.NewStyle().Bold(true)
	got := Highlight("mysql-orders", 8, []int{3, 8, 9, 14}, base, match)
	want := match.Render("my") + base.Render("sql-") + match.Render("o") + base.Render("rders")
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Highlight("abc", 10, []int{1, 2}, base, match); got != base.Render("abc") {
		t.Errorf("offsets outside the text highlighted: %q", got)
	}
}
