package dialog

import (
	"context"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
)

// op re-reads the tags, refuses if someone changed them since the
// screen opened, then removes and sets.
func (s *TagsScreen) op() WriteOp {
	set, remove, _ := s.changes()
	store, ref, keys := s.store, s.ref, s.env.Keys
	id := ref.ID()
	orig := map[string]string{}
	for _, t := range s.secret.Tags {
		orig[t.Key] = t.Value
	}
	setKeys := make([]string, 0, len(set))
	for _, t := range set {
		setKeys = append(setKeys, t.Key)
	}
	return WriteOp{
		Busy: "applying the tag changes…",
		Call: func(ctx context.Context) (any, error) {
			fresh, err := store.DescribeSecret(ctx, id)
			if err != nil {
				return nil, err
			}
			same := len(fresh.Tags) == len(orig)
			for _, t := range fresh.Tags {
				if v, ok := orig[t.Key]; !ok || v != t.Value {
					same = false
				}
			}
			if !same {
				return nil, &aws.Error{Kind: aws.KindConflict, Op: "change tags", SecretID: id,
					Message: "someone changed the tags since you opened this screen; nothing was changed",
					Hint:    "close this screen (" + common.KeyHelp(keys.Common.Back) + "), open the tags again and re-apply your changes"}
			}
			if len(remove) > 0 {
				if err := store.UntagSecret(ctx, id, remove); err != nil {
					return nil, err
				}
			}
			if len(set) > 0 {
				if err := store.TagSecret(ctx, id, set); err != nil {
					if len(remove) > 0 {
						err = &aws.Error{Kind: aws.KindOf(err), Op: "change tags", SecretID: id,
							Message: "the removals were applied but adding or changing failed: " + common.DescribeError(keys, err),
							Hint:    "reopen the tags to see where they stand", Err: err}
					}
					return nil, err
				}
			}
			return nil, nil
		},
		Audit: audit.Event{Action: "tag", Region: ref.Region, SecretARN: ref.ARN,
			Detail: "set: " + strings.Join(setKeys, ", ") + "; removed: " + strings.Join(remove, ", ")},
		Done: func(any) tea.Cmd {
			return announce(ref, "Tags of "+ref.String()+" updated: "+tagChanges(len(set), len(remove)))
		},
	}
}

// tagChanges says what was done, only what happened: "1 tag set",
// "2 tags removed", "1 tag set, 2 removed".
func tagChanges(set, removed int) string {
	switch {
	case set > 0 && removed > 0:
		return common.Plural(set, "tag") + " set, " + strconv.Itoa(removed) + " removed"
	case removed > 0:
		return common.Plural(removed, "tag") + " removed"
	default:
		return common.Plural(set, "tag") + " set"
	}
}
