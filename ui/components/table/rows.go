package table

import (
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Row is one secret in a list, with what the filter needs computed once
// when the row arrives (never per keystroke); the text the filter searches
// is in its table's index (fuzzy.Index), not in the row.
type Row struct {
	// Key identifies the row across refreshes: its ARN (RowKey).
	Key string
	// sum and shared are the secret's summary (Summary): its own parts
	// packed, and the parts it shares with other secrets.
	sum    packedSummary
	shared *listShared
	// pos is the row's index in its table's Rows and slot its text's slot
	// in the table's search index (both kept by the table).
	pos  int
	slot int32
	// nameWidth is the name's width in cells (name).
	nameWidth int32
}

// nameMatchBonus ranks a filter match in the name above one elsewhere.
const nameMatchBonus = 10

// NewRow makes a row of s on its own, its shared parts its own copy; the
// rows of a list come from its table's NewRow, which shares them.
func NewRow(s aws.SecretSummary) *Row {
	shared := sharedOf(&s)
	return newRow(s, &shared, nil)
}

// NewRow makes a row of s for this table: its shared parts (region, key,
// rotation function...) are the ones other rows with the same hold.
func (t *Secrets) NewRow(s aws.SecretSummary) *Row { return newRow(s, t.share(s), &t.scratch) }

// share is the table's copy of s's shared parts.
func (t *Secrets) share(s aws.SecretSummary) *listShared {
	k := sharedOf(&s)
	if t.lastShared != nil && *t.lastShared == k { // a page's secrets mostly share theirs
		return t.lastShared
	}
	if sh, ok := t.shared[k]; ok {
		t.lastShared = sh
		return sh
	}
	if t.shared == nil {
		t.shared = map[listShared]*listShared{}
	}
	// A copy of its own: s's strings may be slices of a whole SDK response.
	sh := &listShared{region: strings.Clone(k.region), kmsKeyID: strings.Clone(k.kmsKeyID),
		rotationLambdaARN: strings.Clone(k.rotationLambdaARN), owningService: strings.Clone(k.owningService),
		primaryRegion: strings.Clone(k.primaryRegion), rules: aws.RotationRules{
			AutomaticallyAfterDays: k.rules.AutomaticallyAfterDays, ScheduleExpression: strings.Clone(k.rules.ScheduleExpression),
			Duration: strings.Clone(k.rules.Duration)}}
	t.shared[*sh] = sh
	t.lastShared = sh
	return sh
}

// newRow makes a row of s, whose shared parts are shared (scratch: see
// packSummary).
func newRow(s aws.SecretSummary, shared *listShared, scratch *[]byte) *Row {
	packed := packSummary(&s, scratch, uncleanFlag(&s))
	arn, _, _ := packed.text()
	return &Row{Key: RowKey(s.Region, arn, s.Name), sum: packed, shared: shared,
		nameWidth: int32(common.Width(common.Sanitize(s.Name)))}
}

// uncleanFlag is flagUnclean when s's name, description or a tag is not
// shown as it is. (A line break or a tab is a control character: text
// Sanitize leaves as it is has none for foldLines to fold.)
func uncleanFlag(s *aws.SecretSummary) byte {
	if common.Sanitize(s.Name) != s.Name || common.Sanitize(s.Description) != s.Description || !cleanTags(s.Tags) {
		return flagUnclean
	}
	return 0
}

// cleanTags reports whether the tags are shown as they are (Sanitize
// changes none).
func cleanTags(tags []aws.Tag) bool {
	for _, t := range tags {
		if common.Sanitize(t.Key) != t.Key || common.Sanitize(t.Value) != t.Value {
			return false
		}
	}
	return true
}

// indexInto adds the row's searchable fields to x and returns their slot:
// the name, the description (when there is one) and each tag as key=value,
// at their offsets in the row's whole search text (the name, a space, the
// description, a space, the tags separated by spaces).
func (r *Row) indexInto(x *fuzzy.Index) int32 {
	x.Begin()
	name, desc := r.name(), r.desc()
	descStart := len(name) + 1
	x.AddField(name, 0, nameMatchBonus)
	if desc != "" {
		x.AddField(desc, descStart, 0)
	}
	at := descStart + len(desc) + 1
	clean := r.sum.flags()&flagUnclean == 0
	r.sum.eachTag(func(i int, key, val string) {
		if i > 0 {
			at++ // the space between tags
		}
		if !clean {
			key, val = common.Sanitize(key), common.Sanitize(val)
		}
		x.Field(at, 0)
		x.Write(key)
		x.Write("=")
		x.Write(val)
		at += len(key) + 1 + len(val)
	})
	return x.End()
}

// sameSearchText reports whether a and b give the index the same text (a
// row is never changed in place, so a row is its own text).
func sameSearchText(a, b *Row) bool {
	return a.sum.name() == b.sum.name() && a.sum.desc() == b.sum.desc() && a.sum.tagsPart() == b.sum.tagsPart()
}

// fields are the same fields as indexInto adds, as fuzzy.Field values
// (tags joined anew): for a search of the rows without the table's index.
func (r *Row) fields() []fuzzy.Field {
	name, desc, descStart := r.name(), r.desc(), r.descStart()
	out := []fuzzy.Field{fuzzy.NewField(name, 0, nameMatchBonus)}
	if desc != "" {
		out = append(out, fuzzy.NewField(desc, descStart, 0))
	}
	at := descStart + len(desc) + 1
	r.sum.eachTag(func(i int, key, val string) {
		if i > 0 {
			at++
		}
		kv := common.Sanitize(key) + "=" + common.Sanitize(val)
		out = append(out, fuzzy.NewField(kv, at, 0))
		at += len(kv)
	})
	return out
}

// RowKey identifies a secret in a region: its ARN when known (an ARN names
// its region and account, and is not copied), else the region and name.
func RowKey(region, arn, name string) string {
	if arn != "" {
		return arn
	}
	return region + "\x00" + name
}

// Summary is the row's whole summary (its tags, failed replicas and
// version stages new slices and maps): what a screen opened from the row,
// or the cache, is given.
func (r *Row) Summary() aws.SecretSummary { return r.summary(withStages) }

// Listed is the row's summary without its version stages (nil): for
// reading the rest, at less cost than Summary.
func (r *Row) Listed() aws.SecretSummary { return r.summary(withTags) }

// summary is the row's summary with the parts asked for.
func (r *Row) summary(parts unpacked) aws.SecretSummary {
	sh := r.shared
	s := aws.SecretSummary{Region: sh.region, KmsKeyID: sh.kmsKeyID, RotationLambdaARN: sh.rotationLambdaARN,
		RotationRules: sh.rules, OwningService: sh.owningService, PrimaryRegion: sh.primaryRegion}
	r.sum.unpack(&s, parts)
	return s
}

// Name, ARN and Region are the secret's, as AWS gave them.
func (r *Row) Name() string   { return r.sum.name() }
func (r *Row) ARN() string    { arn, _, _ := r.sum.text(); return arn }
func (r *Row) Region() string { return r.shared.region }

// CreatedDate, LastChangedDate, LastAccessedDate and DeletedDate are the
// summary's (the list sorts and filters by them).
func (r *Row) CreatedDate() time.Time      { return r.sum.date(dateCreated) }
func (r *Row) LastChangedDate() time.Time  { return r.sum.date(dateChanged) }
func (r *Row) LastAccessedDate() time.Time { return r.sum.date(dateAccessed) }
func (r *Row) DeletedDate() time.Time      { return r.sum.date(dateDeleted) }

// PrimaryRegion is set on a replicated secret.
func (r *Row) PrimaryRegion() string { return r.shared.primaryRegion }

// SameStages reports whether the row's version stages are stages.
func (r *Row) SameStages(stages map[string][]string) bool { return r.sum.sameStages(stages) }

// Rotation is what the row's rotation column says at now (RotationOf).
func (r *Row) Rotation(now time.Time) RotationState {
	if r.sum.strayPending() {
		return RotationStuck
	}
	return rotationEnabledState(r.sum.flags()&flagRotation != 0, r.sum.date(dateNextRotation), now)
}

// name is the name as shown.
// (Sanitizing clean text, nearly all of it, returns it as it is: the row
// keeps no second copy.)
func (r *Row) name() string {
	if r.sum.flags()&flagUnclean == 0 {
		return r.sum.name()
	}
	return common.Sanitize(r.sum.name())
}

// desc is the description as shown: on one line.
func (r *Row) desc() string {
	if r.sum.flags()&flagUnclean == 0 {
		return r.sum.desc()
	}
	return common.Sanitize(foldLines(r.sum.desc()))
}

// descStart is where the description starts in the row's search text: the
// filter sees the name, a space, the description, then each tag as
// key=value after a space (for mapping matched offsets back).
func (r *Row) descStart() int { return len(r.name()) + 1 }

// foldLines folds newlines and tabs into spaces so a description fits a row.
func foldLines(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// RotationState is what the rotation column says.
type RotationState int

const (
	RotationOff   RotationState = iota
	RotationOn                  // enabled and not overdue
	RotationDue                 // enabled and NextRotationDate has passed
	RotationStuck               // AWSPENDING on a version other than AWSCURRENT
)

// String names the state as the ROTATION column shows it.
func (r RotationState) String() string {
	switch r {
	case RotationOn:
		return "on"
	case RotationDue:
		return "due"
	case RotationStuck:
		return "stuck"
	}
	return "off"
}

// RotationOf works out a secret's rotation state from its listing entry.
// A stray AWSPENDING is reported whether or not rotation is enabled: a
// cancelled rotation can leave one behind, and it blocks the next rotation.
func RotationOf(s aws.SecretSummary, now time.Time) RotationState {
	if _, _, stuck := common.StrayPending(s.VersionStages); stuck {
		return RotationStuck
	}
	return rotationEnabledState(s.RotationEnabled, s.NextRotationDate, now)
}

// rotationEnabledState is the rotation state of a secret with no stray
// AWSPENDING.
func rotationEnabledState(enabled bool, next, now time.Time) RotationState {
	if !enabled {
		return RotationOff
	}
	if !next.IsZero() && next.Before(now) {
		return RotationDue
	}
	return RotationOn
}

// secretMarkers are the short flags after a row: scheduled deletion, replication
// and owning service.
func secretMarkers(s aws.SecretSummary) []string {
	var out []string
	if !s.DeletedDate.IsZero() {
		out = append(out, common.DeletionFlagLong(s.DeletedDate, s.DeletionDate))
	}
	if s.PrimaryRegion != "" {
		if s.Region != "" && s.PrimaryRegion != s.Region {
			out = append(out, "replica of "+common.Sanitize(s.PrimaryRegion))
		} else if len(s.FailedReplicas) > 0 {
			out = append(out, "replication FAILED to "+common.Sanitize(strings.Join(s.FailedReplicas, " ")))
		} else {
			out = append(out, "replicated")
		}
	}
	if s.OwningService != "" {
		out = append(out, "owned by "+common.Sanitize(s.OwningService))
	}
	return out
}
