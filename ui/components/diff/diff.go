package diff

import (
	"bytes"
	"strings"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// Values is how two secret values differ, computed once (in a tea.Cmd)
// and rendered masked: keys and markers, never a value unless revealed.
type Values struct {
	Identical    bool
	JSON         bool              // both are JSON objects: changes lists the keys
	Changes      []jsonedit.Change // per-key changes, from old to new
	binary       bool              // at least one side is binary
	linesChanged int               // for text that is not a JSON object
}

// Compute compares old (what is live now) with new (what would be).
func Compute(old, new aws.SecretValue) Values {
	if old.Equal(new) {
		return Values{Identical: true}
	}
	if old.IsBinary() || new.IsBinary() {
		return Values{binary: true}
	}
	a, b := old.Bytes(), new.Bytes()
	if changes, err := jsonedit.Diff(a, b); err == nil {
		return Values{JSON: true, Changes: changes, Identical: len(changes) == 0}
	}
	return Values{linesChanged: changedLines(string(a), string(b))}
}

// maxDiffLines bounds the line comparison; beyond it every line counts.
const maxDiffLines = 4000

// changedLines counts the lines that differ between two texts: lines of
// either side that are not part of their longest common subsequence.
func changedLines(a, b string) int {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) > maxDiffLines || len(lb) > maxDiffLines {
		return max(len(la), len(lb))
	}
	// LCS length with two rows.
	prev := make([]int, len(lb)+1)
	cur := make([]int, len(lb)+1)
	for i := 1; i <= len(la); i++ {
		for j := 1; j <= len(lb); j++ {
			switch {
			case la[i-1] == lb[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	common := prev[len(lb)]
	return max(len(la)-common, len(lb)-common)
}

// Lines renders the diff for a pane: one line per changed key with a
// marker (+ added, - removed, ~ changed). Values show as the fixed mask
// unless revealed.
func Lines(st *common.Styles, d Values, revealed bool) []string {
	switch {
	case d.Identical:
		return []string{st.Muted.Render("the two values are identical")}
	case d.binary:
		return []string{st.Changed.Render("~ binary value differs (content not shown)")}
	case !d.JSON:
		return []string{st.Changed.Render("~ value differs (" + common.Plural(d.linesChanged, "line") + " changed)")}
	}
	out := make([]string, 0, len(d.Changes))
	for _, c := range d.Changes {
		path := common.Sanitize(c.Path.String())
		var marker, what string
		var style = st.Changed
		switch c.Kind {
		case jsonedit.Added:
			marker, what, style = "+", "added", st.Added
		case jsonedit.Removed:
			marker, what, style = "-", "removed", st.Removed
		default:
			marker, what = "~", "changed"
		}
		line := style.Render(marker+" "+path) + "  " + st.Muted.Render(what)
		if revealed {
			line += "  " + revealedChange(st, c)
		} else {
			line += "  " + common.RenderMask(st)
		}
		out = append(out, line)
	}
	return out
}

// revealedChange shows a change's values (the operator asked).
func revealedChange(st *common.Styles, c jsonedit.Change) string {
	one := func(raw []byte) string {
		return st.Revealed.Render(common.Sanitize(string(bytes.Join(bytes.Fields(raw), []byte(" ")))))
	}
	switch c.Kind {
	case jsonedit.Added:
		return one(c.New)
	case jsonedit.Removed:
		return one(c.Old)
	}
	return one(c.Old) + st.Muted.Render(" → ") + one(c.New)
}
