package ui

import (
	"strings"
	"testing"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/secret"
)

func TestVersionsListsLabelsNewestFirst(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 120, 30, nil)
	h.openDetail("prod/api/stripe")
	h.press(h.app.env.Keys.Detail.Versions)
	s := h.waitFor("AWSCURRENT")
	v := h.topScreen().(*secret.Versions)
	if len(v.Versions) != 3 {
		t.Fatalf("got %d versions, want 3 (deprecated included)", len(v.Versions))
	}
	for i := 1; i < len(v.Versions); i++ {
		if v.Versions[i].CreatedDate.After(v.Versions[i-1].CreatedDate) {
			t.Fatalf("versions not newest first: %v then %v", v.Versions[i-1].CreatedDate, v.Versions[i].CreatedDate)
		}
	}
	lines := strings.Split(s, "\n")
	row := func(id string) string {
		for _, l := range lines {
			if strings.Contains(l, id) && !strings.Contains(l, "version ") {
				return l
			}
		}
		t.Fatalf("no row for %s:\n%s", id, s)
		return ""
	}
	if r := row(v.Versions[0].ID); !strings.Contains(r, "AWSCURRENT GREEN") || !strings.Contains(r, "2025-05-13") {
		t.Errorf("newest row = %q, want AWSCURRENT GREEN created 2025-05-13", r)
	}
	if r := row(v.Versions[1].ID); !strings.Contains(r, "AWSPREVIOUS BLUE") {
		t.Errorf("second row = %q, want AWSPREVIOUS BLUE", r)
	}
	if r := row(v.Versions[2].ID); !strings.Contains(r, "deprecated") {
		t.Errorf("oldest row = %q, want it marked deprecated", r)
	}
	// The labels are styled by kind: distinct styles for current, previous, custom.
	st := h.app.env.Styles
	cur, prev, custom := common.StageStyle(st, "AWSCURRENT"), common.StageStyle(st, "AWSPREVIOUS"), common.StageStyle(st, "BLUE")
	if cur.GetForeground() == prev.GetForeground() || prev.GetForeground() == custom.GetForeground() || cur.GetForeground() == custom.GetForeground() {
		t.Error("staging label styles are not distinct")
	}
	if common.StageStyle(st, "AWSPENDING").GetForeground() == cur.GetForeground() {
		t.Error("AWSPENDING looks like AWSCURRENT")
	}
	if n := h.emu.Requests("GetSecretValue"); n != 0 {
		t.Fatalf("the versions screen called GetSecretValue %d times", n)
	}
	// The footer shows the selected version in full.
	h.press(h.app.env.Keys.Nav.Down)
	assertContains(t, h.screen(), "version  "+v.Versions[1].ID, "labels   AWSPREVIOUS BLUE")
}

func TestVersionsOpenSelectedValue(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 100, 30, nil)
	h.openDetail("prod/api/stripe")
	h.press(h.app.env.Keys.Detail.Versions)
	h.waitFor("AWSCURRENT")
	v := h.topScreen().(*secret.Versions)
	h.press(h.app.env.Keys.Nav.Down)
	h.press(h.app.env.Keys.Versions.OpenValue)
	val := h.waitValue()
	if val.Err != nil {
		t.Fatalf("value load failed: %v", val.Err)
	}
	if val.Val.VersionID != v.Versions[1].ID {
		t.Fatalf("opened version %s, want %s", val.Val.VersionID, v.Versions[1].ID)
	}
	assertContains(t, h.screen(), "AWSPREVIOUS BLUE", "masked", common.MaskText)
	if n := h.emu.Requests("GetSecretValue"); n != 1 {
		t.Fatalf("GetSecretValue called %d times, want 1", n)
	}
}

func TestVersionsNarrowDropsColumns(t *testing.T) {
	t.Parallel()
	h := newSecretHarness(t, 40, 12, nil)
	h.openDetail("prod/db/postgres")
	h.press(h.app.env.Keys.Detail.Versions)
	s := h.waitFor("AWSCURRENT")
	for _, l := range strings.Split(s, "\n") {
		if w := len([]rune(l)); w > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
	if strings.Contains(s, "CREATED") {
		t.Errorf("created column kept at 40 columns:\n%s", s)
	}
}
