package fuzzy

import "strings"

// Hit is one item that matched a fuzzy query: its index, its score
// (higher is better) and the byte offsets of the matched characters in its
// text, ascending, for highlighting.
type Hit struct {
	Item  int
	Score int
	Pos   []int
}

// Field is one searchable field of an item (a name, a description, a
// tag), where it starts in the item's whole text (so matched offsets can be
// mapped back for highlighting) and the bonus a match in it gets.
type Field struct {
	text   string
	offset int
	bonus  int
}

// NewField makes a field.
func NewField(text string, offset, bonus int) Field {
	return Field{text: text, offset: offset, bonus: bonus}
}

// Find matches query against the fields of the candidate items (nil
// means items 0..n-1) and returns the hits best first, as Index.Find does;
// for short lists (a picker's), whose fields are built per call: it indexes
// them first.
func Find(query string, fields func(i int) []Field, n int, candidates []int) []Hit {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	var x Index
	slots := make([]int32, n)
	if candidates == nil {
		for i := range n {
			slots[i] = x.add(fields(i))
		}
	}
	for _, i := range candidates {
		slots[i] = x.add(fields(i))
	}
	return x.Find(query, slots, candidates)
}

func (x *Index) add(fields []Field) int32 {
	x.Begin()
	for _, f := range fields {
		x.AddField(f.text, f.offset, f.bonus)
	}
	return x.End()
}

// asciiLower lowers ASCII letters only, so byte offsets do not move.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ExtendsQuery reports whether every item matching next also matched prev,
// so next can be searched among prev's hits only (typing one more letter).
func ExtendsQuery(prev, next string) bool {
	if strings.TrimSpace(prev) == "" || !strings.HasPrefix(next, prev) {
		return false
	}
	// "ab" then "ab c": c is a new term, still a narrowing. "ab" then "abc"
	// extends the last term. Both narrow, as every term must match.
	return true
}
