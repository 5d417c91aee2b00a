package common

import "testing"

// The row paints NewStyles works out once are those worked out afresh.
func TestNewRowStylesCachedMatchesFresh(t *testing.T) {
	for _, dark := range []bool{false, true} {
		st := NewStyles(dark)
		for _, sel := range []bool{false, true} {
			got, want := NewRowStyles(st, sel), newRowStyles(st, sel)
			if got != want {
				t.Errorf("dark %v, selected %v: cached %+v, fresh %+v", dark, sel, got, want)
			}
			if got.Base.Pre == "" || got.Match.Pre == "" {
				t.Errorf("dark %v, selected %v: paints without colour %+v", dark, sel, got)
			}
		}
		if NewRowStyles(st, false) == NewRowStyles(st, true) {
			t.Errorf("dark %v: the selected row is painted like the others", dark)
		}
	}
	// A Styles not made by NewStyles still gets its paints.
	var bare Styles
	if got := NewRowStyles(&bare, true); got != newRowStyles(&bare, true) {
		t.Errorf("bare styles: %+v", got)
	}
}
