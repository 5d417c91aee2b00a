package list

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/components/table"
)

// ListSecrets does not say whether a replication failed; only
// DescribeSecret does. Rather than one DescribeSecret per listed primary on
// the listing path (10,000 calls for 10,000 replicated secrets), the list
// checks the primaries on screen, a few at a time, once each.

// replicationBatch is how many secrets one check describes at most.
const replicationBatch = 8

// replicationCheckedMsg brings the failed replica regions of the secrets a
// check described, by row key; a secret whose describe failed is absent
// (it stays unflagged, and is not asked again).
type replicationCheckedMsg struct {
	owner  any
	seq    int
	keys   []string // every row described, failed calls included
	failed map[string][]string
}

// checkReplication describes the replicated primaries on screen not
// checked yet; one check runs at a time.
func (l *Screen) checkReplication() tea.Cmd {
	if l.Store == nil || l.replBusy {
		return nil
	}
	if l.replChecked == nil {
		l.replChecked = map[string]bool{}
	}
	var todo []*table.Row
	for _, r := range l.Table.Visible() {
		if p := r.PrimaryRegion(); p == "" || p != l.Region || !r.DeletedDate().IsZero() || l.replChecked[r.Key] {
			continue
		}
		l.replChecked[r.Key] = true
		todo = append(todo, r)
		if len(todo) == replicationBatch {
			break
		}
	}
	if len(todo) == 0 {
		return nil
	}
	l.replBusy = true
	type job struct{ key, arn string }
	jobs := make([]job, len(todo))
	keys := make([]string, len(todo))
	for i, r := range todo {
		jobs[i] = job{r.Key, r.ARN()}
		keys[i] = r.Key
	}
	st, env, owner, seq := l.Store, l.env, any(l), l.Seq
	return func() tea.Msg {
		failed := make(map[string][]string, len(jobs))
		for _, j := range jobs {
			ctx, cancel := env.Context()
			sec, err := st.DescribeSecret(ctx, j.arn)
			cancel()
			if err == nil {
				failed[j.key] = sec.FailedReplicas
			}
		}
		return replicationCheckedMsg{owner: owner, seq: seq, keys: keys, failed: failed}
	}
}

// replicationChecked flags the rows checked, then checks the next ones on
// screen.
func (l *Screen) replicationChecked(msg replicationCheckedMsg) tea.Cmd {
	l.replBusy = false
	if msg.seq != l.Seq {
		// Listed again meanwhile: the rows are new, check them again.
		for _, k := range msg.keys {
			delete(l.replChecked, k)
		}
	} else {
		for key, regions := range msg.failed {
			// The filter's text does not include the replication state.
			l.Table.UpdateSummary(key, func(s *aws.SecretSummary) { s.FailedReplicas = regions })
		}
	}
	return l.checkReplication()
}

// keepReplication carries the replication state of checked rows over to
// their listing entries, which do not have it.
func (l *Screen) keepReplication(secrets []aws.SecretSummary) {
	if len(l.replChecked) == 0 {
		return
	}
	for i := range secrets {
		s := &secrets[i]
		if s.PrimaryRegion == "" || s.PrimaryRegion != s.Region {
			continue
		}
		if old := l.Table.Row(table.RowKey(s.Region, s.ARN, s.Name)); old != nil && l.replChecked[old.Key] {
			s.FailedReplicas = old.Listed().FailedReplicas
		}
	}
}

// CheckingReplication is true while the replication of rows on screen is
// being checked.
func (l *Screen) CheckingReplication() bool { return l.replBusy }
