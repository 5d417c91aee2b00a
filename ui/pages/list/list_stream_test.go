package list

import (
	"testing"
	"time"

	"github.com/smtui/smtui/aws"
)

func TestAutoModeDecision(t *testing.T) {
	filtered := aws.ListOptions{Filters: []aws.Filter{{Key: "tag-key", Values: []string{"team"}}}}
	sorted := aws.ListOptions{SortBy: aws.SortByName}
	for _, tc := range []struct {
		took time.Duration
		opts aws.ListOptions
		more bool
		want string
	}{
		{150 * time.Millisecond, aws.ListOptions{}, true, ModePartitioned},
		{41 * time.Millisecond, aws.ListOptions{}, true, ModePartitioned},
		{20 * time.Millisecond, aws.ListOptions{}, true, ModeSequential},   // the single chain wins
		{150 * time.Millisecond, aws.ListOptions{}, false, ModeSequential}, // one page: nothing left
		{150 * time.Millisecond, filtered, true, ModeSequential},
		{150 * time.Millisecond, sorted, true, ModeSequential},
	} {
		if got := autoMode(tc.took, tc.opts, tc.more); got != tc.want {
			t.Errorf("autoMode(%v, %+v, more=%v) = %s, want %s", tc.took, tc.opts, tc.more, got, tc.want)
		}
	}
}
