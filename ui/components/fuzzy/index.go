package fuzzy

import (
	"math"
	"slices"
	"unsafe"
)

// Index holds the searchable text of many items in a few flat arrays: every
// item's fields, ASCII letters lowered, one after another in one []byte,
// with one bit per byte recording which were capitals (for the camel-case
// bonus). An item costs its text's bytes, an eighth more for the capitals'
// bits and 24 bytes per field: no strings, slices or structs per item, and
// the search walks memory in order. Items are added one at a time (as the
// rows of a listing arrive) and get a slot, which stays theirs until the
// index is rebuilt; a dropped item's text stays until then (Wasted).
// Offsets are 32-bit: an index holds at most 4 GiB of text.
type Index struct {
	low []byte
	// upper has bit i set when low[i] was an upper-case ASCII letter.
	upper []uint64
	spans []span
	// entries are the items by slot: their spans are
	// spans[first : first+n].
	entries []entry
	// wasted counts the bytes of dropped items' text.
	wasted int
	// open is the item being added (Begin was called, End not yet);
	// caps is set once its open field has a capital.
	open, caps bool

	// Buffers reused from one search to the next (a search's result is
	// always a new slice, as callers keep it); one is the slot of the item
	// Positions matches a non-ASCII term in.
	bufs   [2][]ranked
	starts []int
	orig   []byte
	one    [1]int32
}

// span is one field of an item: its bytes low[start:end], its offset in the
// item's whole text (for mapping matched offsets back), the bonus a match
// in it gets and the set of its bytes (to skip it when it lacks one of the
// pattern's).
type span struct {
	start, end uint32
	off        uint32
	bonus      int16
	// caps is set when the field has a capital (else its upper bits need
	// no look-up).
	caps bool
	mask charMask
}

type entry struct {
	first, n uint32
}

// Begin starts adding an item; Field and Write give its fields, End ends it.
func (x *Index) Begin() {
	x.open = true
	x.entries = append(grow(x.entries, 1), entry{first: uint32(len(x.spans))})
}

// Field starts a field of the item being added, at offset in the item's
// whole text, with a bonus for a match in it (at most ±32767); Write gives
// its text.
func (x *Index) Field(offset, bonus int) {
	x.closeField()
	bonus = min(max(bonus, math.MinInt16), math.MaxInt16)
	x.spans = append(grow(x.spans, 1), span{start: uint32(len(x.low)), end: uint32(len(x.low)), off: uint32(offset), bonus: int16(bonus)})
	x.entries[len(x.entries)-1].n++
}

// Write appends s to the field being added.
func (x *Index) Write(s string) {
	from := len(x.low)
	x.low = append(grow(x.low, len(s)), s...)
	for i := from; i < len(x.low); i++ {
		if c := x.low[i]; c >= 'A' && c <= 'Z' {
			x.caps = true
			x.setUpper(i)
			x.low[i] = c + 'a' - 'A'
		}
	}
}

// AddField is Field then Write.
func (x *Index) AddField(text string, offset, bonus int) {
	x.Field(offset, bonus)
	x.Write(text)
}

// End ends the item being added and returns its slot.
func (x *Index) End() int32 {
	x.closeField()
	x.open = false
	return int32(len(x.entries) - 1)
}

func (x *Index) closeField() {
	if x.open && len(x.entries) > 0 {
		if e := x.entries[len(x.entries)-1]; e.n > 0 {
			sp := &x.spans[e.first+e.n-1]
			sp.end = uint32(len(x.low))
			sp.mask = maskOf(x.low[sp.start:sp.end])
			sp.caps = x.caps
		}
	}
	x.caps = false
}

func (x *Index) setUpper(i int) {
	for len(x.upper) <= i>>6 {
		x.upper = append(grow(x.upper, 1), 0)
	}
	x.upper[i>>6] |= 1 << (i & 63)
}

// Drop records that the item in slot is no longer searched: its text is
// wasted until the index is rebuilt. A negative slot (an item never
// indexed) is ignored.
func (x *Index) Drop(slot int32) {
	if slot < 0 { // never indexed
		return
	}
	for _, sp := range x.fields(slot) {
		x.wasted += int(sp.end - sp.start)
	}
	x.entries[slot].n = 0
}

// Wasted reports whether more of the index's text belongs to dropped items
// than to live ones (and enough to be worth rebuilding it).
func (x *Index) Wasted() bool {
	return x.wasted > 1<<16 && 2*x.wasted > len(x.low)
}

// Size is the memory the index holds, in bytes (its arrays' capacity).
func (x *Index) Size() int {
	return cap(x.low) + 8*cap(x.upper) + int(unsafe.Sizeof(span{}))*cap(x.spans) +
		int(unsafe.Sizeof(entry{}))*cap(x.entries)
}

// Len is the number of slots given out.
func (x *Index) Len() int { return len(x.entries) }

func (x *Index) fields(slot int32) []span {
	e := x.entries[slot]
	return x.spans[e.first : e.first+e.n]
}

// hay is one field's lowered bytes and where they start in the index, to
// look up which were capitals (upper is nil when none was).
type hay struct {
	low   []byte
	upper []uint64
	base  int
}

func (x *Index) hay(sp *span) *hay {
	h := &hay{}
	x.setHay(h, sp)
	return h
}

// setHay points h at sp (a search reuses one hay: passed by pointer, it
// keeps the matcher's arguments in registers).
func (x *Index) setHay(h *hay, sp *span) {
	h.low, h.base, h.upper = x.low[sp.start:sp.end], int(sp.start), nil
	if sp.caps {
		h.upper = x.upper
	}
}

// isUpper reports whether byte p of the field was a capital.
func (h *hay) isUpper(p int) bool {
	q := h.base + p
	return q>>6 < len(h.upper) && h.upper[q>>6]>>(q&63)&1 != 0
}

// original is sp's text as it was added (capitals restored), in a buffer
// reused by the next call.
func (x *Index) original(sp *span) []byte {
	h := x.hay(sp)
	x.orig = append(x.orig[:0], h.low...)
	for i, c := range x.orig {
		if c >= 'a' && c <= 'z' && h.isUpper(i) {
			x.orig[i] = c - ('a' - 'A')
		}
	}
	return x.orig
}

// grow makes room for n more elements in s, doubling its capacity when it
// must move: append's growth of a quarter at a time, over the many small
// appends of a listing's pages, left four times the index's final size
// behind as garbage (39 MB for 50,000 rows), raising the peak heap.
func grow[E any](s []E, n int) []E {
	if len(s)+n <= cap(s) {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}
