package emulator

import (
	"bytes"
	"slices"
	"strings"
	"time"
)

// Well-known staging labels.
const (
	labelCurrent  = "AWSCURRENT"
	labelPrevious = "AWSPREVIOUS"
	labelPending  = "AWSPENDING"
)

// region is the state of one AWS region. All access holds Emulator.mu.
type region struct {
	name    string
	secrets map[string]*secret // by name
	byARN   map[string]*secret
	seq     int64 // creation sequence, a stable tie-breaker for sorting
	// sorted caches secrets in ascending order per sort key; nil entries are
	// rebuilt on demand. Any change that can affect an order clears it.
	sorted map[string][]*secret
	// scheduled holds the secrets with a pending deletion, so expired ones
	// can be purged without scanning every secret.
	scheduled map[*secret]struct{}
}

func newRegion(name string) *region {
	return &region{
		name:      name,
		secrets:   map[string]*secret{},
		byARN:     map[string]*secret{},
		sorted:    map[string][]*secret{},
		scheduled: map[*secret]struct{}{},
	}
}

// invalidate drops the sorted indexes after a change.
func (r *region) invalidate() { clear(r.sorted) }

type tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

type rotationRules struct {
	AutomaticallyAfterDays int64  `json:"AutomaticallyAfterDays,omitempty"`
	ScheduleExpression     string `json:"ScheduleExpression,omitempty"`
	Duration               string `json:"Duration,omitempty"`
}

type replica struct {
	region        string
	kmsKeyID      string
	status        string
	statusMessage string
}

// secret is one secret in one region.
type secret struct {
	seq           int64
	arn           string
	name          string
	description   string
	kmsKeyID      string
	owningService string
	primaryRegion string // set on replicated secrets (primary and replicas)
	isReplica     bool
	replicas      []replica
	policy        string
	tags          []tag

	created      time.Time
	lastChanged  time.Time
	lastAccessed time.Time
	lastRotated  time.Time
	nextRotation time.Time
	deleted      time.Time // when DeleteSecret was called
	deletionDate time.Time // when it will be purged

	rotationEnabled bool
	lambdaARN       string
	rules           *rotationRules
	rotation        *rotationRun // the simulated rotation in progress, if any

	createToken string     // ClientRequestToken of CreateSecret, for idempotent retries
	versions    []*version // in creation order
}

// version is one version of a secret's value.
type version struct {
	id           string
	stages       []string
	created      time.Time
	lastAccessed time.Time
	str          *string
	bin          []byte
}

func (s *secret) scheduledForDeletion() bool { return !s.deleted.IsZero() }

func (s *secret) version(id string) *version {
	for _, v := range s.versions {
		if v.id == id {
			return v
		}
	}
	return nil
}

// holder is the version carrying label, or nil.
func (s *secret) holder(label string) *version {
	for _, v := range s.versions {
		if slices.Contains(v.stages, label) {
			return v
		}
	}
	return nil
}

// stuckPending is the version carrying AWSPENDING without AWSCURRENT: a
// rotation in progress or one that failed.
func (s *secret) stuckPending() *version {
	p := s.holder(labelPending)
	if p != nil && !slices.Contains(p.stages, labelCurrent) {
		return p
	}
	return nil
}

// versionStages maps the labelled versions' ids to their labels.
func (s *secret) versionStages() map[string][]string {
	m := map[string][]string{}
	for _, v := range s.versions {
		if len(v.stages) > 0 {
			m[v.id] = slices.Clone(v.stages)
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

func (v *version) hasLabel(l string) bool { return slices.Contains(v.stages, l) }

func (v *version) addLabel(l string) {
	if !v.hasLabel(l) {
		v.stages = append(v.stages, l)
	}
}

func (v *version) removeLabel(l string) {
	v.stages = slices.DeleteFunc(v.stages, func(s string) bool { return s == l })
}

// sameValue reports whether the version holds exactly this value.
func (v *version) sameValue(str *string, bin []byte) bool {
	if str != nil {
		return v.str != nil && *v.str == *str
	}
	return v.str == nil && bin != nil && bytes.Equal(v.bin, bin)
}

// moveLabel puts label on to, taking it from whichever version holds it.
func (s *secret) moveLabel(label string, to *version) {
	for _, v := range s.versions {
		if v != to {
			v.removeLabel(label)
		}
	}
	to.addLabel(label)
}

// makeCurrent moves AWSCURRENT to v; the version that had it gets AWSPREVIOUS.
func (s *secret) makeCurrent(v *version) {
	old := s.holder(labelCurrent)
	if old == v {
		return
	}
	s.moveLabel(labelCurrent, v)
	if old != nil {
		s.moveLabel(labelPrevious, old)
	}
}

// Deprecated versions are pruned beyond this many versions.
const maxVersions = 100

// prune drops the oldest unlabelled versions beyond maxVersions, but never
// one created in the last 24 hours.
func (s *secret) prune(now time.Time) {
	excess := len(s.versions) - maxVersions
	if excess <= 0 {
		return
	}
	s.versions = slices.DeleteFunc(s.versions, func(v *version) bool {
		if excess > 0 && len(v.stages) == 0 && now.Sub(v.created) >= 24*time.Hour {
			excess--
			return true
		}
		return false
	})
}

// midnight truncates t to the start of its UTC day.
func midnight(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// arnPrefix is the ARN of a secret without its name and suffix.
func arnPrefix(region, account string) string {
	return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:"
}

// lookup finds a secret by name, full ARN or partial ARN (without suffix).
func (r *region) lookup(id string) *secret {
	if s, ok := r.secrets[id]; ok {
		return s
	}
	if !strings.HasPrefix(id, "arn:") {
		return nil
	}
	if s, ok := r.byARN[id]; ok {
		return s
	}
	if i := strings.Index(id, ":secret:"); i >= 0 {
		if s, ok := r.secrets[id[i+len(":secret:"):]]; ok && strings.HasPrefix(s.arn, id) {
			return s
		}
	}
	return nil
}

// add stores a new secret in the region.
func (r *region) add(s *secret) {
	r.seq++
	s.seq = r.seq
	r.secrets[s.name] = s
	r.byARN[s.arn] = s
	if s.scheduledForDeletion() {
		r.scheduled[s] = struct{}{}
	}
	r.invalidate()
}

// remove deletes a secret for good.
func (r *region) remove(s *secret) {
	delete(r.secrets, s.name)
	delete(r.byARN, s.arn)
	delete(r.scheduled, s)
	r.invalidate()
}

// purgeExpired removes secrets whose recovery window has passed and
// returns them.
func (r *region) purgeExpired(now time.Time) []*secret {
	var gone []*secret
	for s := range r.scheduled {
		if !now.Before(s.deletionDate) {
			if s.rotation != nil {
				s.rotation.cancel()
				s.rotation = nil
			}
			r.remove(s)
			gone = append(gone, s)
		}
	}
	return gone
}
