package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/secret"
)

func TestPrettyMaskedMatchesPrettyWhenRevealed(t *testing.T) {
	t.Parallel()
	src := `{"a":1e3,"b":{"c":[1,"x",null,{}],"d":true},"e":[],"f":"\u00e9"}`
	doc, err := jsonedit.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want, err := jsonedit.Pretty([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := secret.PrettyMasked(doc, func(jsonedit.Path) bool { return true }); got != string(want) {
		t.Errorf("fully revealed:\n%s\nwant:\n%s", got, want)
	}
	masked := secret.PrettyMasked(doc, func(jsonedit.Path) bool { return false })
	for _, leak := range []string{"1e3", `"x"`, "true", `\u00e9`} {
		if strings.Contains(masked, leak) {
			t.Errorf("masked rendering shows %s:\n%s", leak, masked)
		}
	}
	if strings.Count(masked, common.MaskText) != 5 || !strings.Contains(masked, `"e": []`) || !strings.Contains(masked, "null") {
		t.Errorf("masked rendering:\n%s", masked)
	}
	// Revealing one container shows exactly its subtree.
	part := secret.PrettyMasked(doc, func(p jsonedit.Path) bool { return len(p) > 0 && p[0].Key == "b" })
	if !strings.Contains(part, `"x"`) || strings.Contains(part, "1e3") {
		t.Errorf("partial reveal:\n%s", part)
	}
}

func TestHexDump(t *testing.T) {
	t.Parallel()
	lines := secret.HexDump([]byte("ABCDEFGHIJKLMNOPQ\x00"), 16)
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	if lines[0] != "00000000  41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|" {
		t.Errorf("line 0 = %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "00000010  51 00 ") || !strings.HasSuffix(lines[1], "|Q.|") {
		t.Errorf("line 1 = %q", lines[1])
	}
	for _, w := range []int{40, 80} {
		n := secret.HexPerLine(w)
		if l := secret.HexDump(make([]byte, 64), n)[0]; len(l) > w {
			t.Errorf("width %d: hex line of %d", w, len(l))
		}
	}
}

func TestRelativeTimes(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{now.Add(-30 * time.Second), "just now"},
		{now.Add(-5 * time.Minute), "5 minutes ago"},
		{now.Add(-1 * time.Hour), "1 hour ago"},
		{now.Add(-3 * 24 * time.Hour), "3 days ago"},
		{now.Add(20 * 24 * time.Hour), "in 20 days"},
		{now.Add(-400 * 24 * time.Hour), "13 months ago"},
		{now.Add(-900 * 24 * time.Hour), "2 years ago"},
	} {
		if got := common.Relative(tc.t, now); got != tc.want {
			t.Errorf("relative(%v) = %q, want %q", now.Sub(tc.t), got, tc.want)
		}
	}
	if got := common.FormatDay(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), now); got != "2025-06-01 (yesterday)" {
		t.Errorf("formatDay = %q", got)
	}
	if common.FormatWhen(time.Time{}, now) != "never" || common.FormatDay(time.Time{}, now) != "never" {
		t.Error("zero time is not never")
	}
}
