package dialog

import "testing"

func TestTagChangesSaysOnlyWhatHappened(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		set, removed int
		want         string
	}{
		{1, 0, "1 tag set"},
		{3, 0, "3 tags set"},
		{0, 1, "1 tag removed"},
		{0, 2, "2 tags removed"},
		{1, 2, "1 tag set, 2 removed"},
	} {
		if got := tagChanges(c.set, c.removed); got != c.want {
			t.Errorf("tagChanges(%d, %d) = %q, want %q", c.set, c.removed, got, c.want)
		}
	}
}
