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

// Each LineStyle draws what its lipgloss style draws, for any text.
func TestLineStylesMatchLipgloss(t *testing.T) {
	texts := []string{"", "x", "sort: name", "  12 secrets", "⣾ loading… 1,200 secrets", "a\tb", "a\r\nb", "two\nlines",
		"\x1b[31mred\x1b[m", "日本語", "   ", " lead and trail "}
	for _, dark := range []bool{false, true} {
		st := NewStyles(dark)
		pairs := []struct {
			name  string
			line  LineStyle
			style interface{ Render(...string) string }
		}{
			{"Title", st.Lines.Title, st.Title}, {"Muted", st.Lines.Muted, st.Muted},
			{"ColumnTitle", st.Lines.ColumnTitle, st.ColumnTitle}, {"Info", st.Lines.Info, st.Info},
			{"Success", st.Lines.Success, st.Success}, {"Warning", st.Lines.Warning, st.Warning},
			{"Error", st.Lines.Error, st.Error},
		}
		for _, p := range pairs {
			if p.line.Pre == "" {
				t.Errorf("%s: no escape codes; the comparison would prove nothing", p.name)
			}
			for _, s := range texts {
				if got, want := p.line.Render(s), p.style.Render(s); got != want {
					t.Errorf("dark %v, %s.Render(%q) = %q, lipgloss %q", dark, p.name, s, got, want)
				}
			}
		}
	}
}
