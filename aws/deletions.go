package aws

import (
	"sync"
	"time"
)

// deletionDates remembers the DeletionDate that DeleteSecret returned, by
// ARN and name, so later reads of the same secret can say when AWS deletes
// it for good: DescribeSecret and ListSecrets return only DeletedDate, when
// the deletion was asked for. Nothing is invented: a secret deleted
// elsewhere has no entry.
type deletionDates struct {
	mu  sync.Mutex
	due map[string]time.Time
}

// remember records due for the secret known by keys (ARN, name, the id used).
func (d *deletionDates) remember(due time.Time, keys ...string) {
	if due.IsZero() {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.due == nil {
		d.due = map[string]time.Time{}
	}
	for _, k := range keys {
		if k != "" {
			d.due[k] = due
		}
	}
}

// forget drops what is remembered for the secret known by keys.
func (d *deletionDates) forget(keys ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, k := range keys {
		delete(d.due, k)
	}
}

// fill sets s.DeletionDate when a deletion made through this Store is
// remembered and fits s.DeletedDate (7-30 days after it, so a deletion
// restored and asked again elsewhere is not given a stale date).
func (d *deletionDates) fill(s *SecretSummary) {
	if s.DeletedDate.IsZero() {
		s.DeletionDate = time.Time{}
		return
	}
	d.mu.Lock()
	due, ok := d.due[s.ARN]
	if !ok {
		due, ok = d.due[s.Name]
	}
	d.mu.Unlock()
	if !ok {
		return
	}
	gap := due.Sub(s.DeletedDate)
	if gap < minRecoveryDays*24*time.Hour-time.Hour || gap > maxRecoveryDays*24*time.Hour+time.Hour {
		return
	}
	s.DeletionDate = due
}
