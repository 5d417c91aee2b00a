package table

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Row is one secret in a list, with everything the filter needs
// computed once when the row arrives (never per keystroke).
type Row struct {
	// Sum is the secret as listed, except its VersionStages: they are
	// packed into stages (nil here). Summary gives the whole summary.
	Sum aws.SecretSummary
	// Key identifies the row across refreshes: its ARN (RowKey).
	Key string
	// stages are Sum's VersionStages, packed.
	stages packedStages
	// nameText and descText are the name and the description (on one
	// line) as shown: sanitized, sharing Sum's strings when they are clean.
	// The filter sees the name, a space, the description, then each tag
	// as key=value after a space: descStart is where the description
	// starts in that text, for mapping matched offsets back.
	nameText, descText string
	descStart          int
	// nameWidth is the name's width in cells.
	nameWidth int
	// fields are the parts of search the filter matches one by one: the
	// name, the description, each tag as key=value.
	fields []fuzzy.Field
	// pos is the row's index in its table's Rows (kept by the table).
	pos int
}

// nameMatchBonus ranks a filter match in the name above one elsewhere.
const nameMatchBonus = 10

// NewRow precomputes a row's search fields. The name and description are
// not copied (unless sanitizing changes them); the tags' key=value texts
// share one string.
func NewRow(s aws.SecretSummary) *Row {
	stages := packStages(s.VersionStages)
	s.VersionStages = nil
	// The haystack is what the row shows: sanitized (clean text is not copied).
	name := common.Sanitize(s.Name)
	desc := common.Sanitize(foldLines(s.Description))
	descStart := len(name) + 1
	n := 1 + len(s.Tags)
	if desc != "" {
		n++
	}
	fields := make([]fuzzy.Field, 0, n)
	fields = append(fields, fuzzy.NewField(name, 0, nameMatchBonus))
	if desc != "" {
		fields = append(fields, fuzzy.NewField(desc, descStart, 0))
	}
	if len(s.Tags) > 0 {
		var b strings.Builder
		for _, t := range s.Tags {
			b.Grow(len(t.Key) + len(t.Value) + 2)
		}
		spans := make([][2]int, 0, len(s.Tags))
		for i, t := range s.Tags {
			if i > 0 {
				b.WriteByte(' ')
			}
			from := b.Len()
			b.WriteString(common.Sanitize(t.Key))
			b.WriteByte('=')
			b.WriteString(common.Sanitize(t.Value))
			spans = append(spans, [2]int{from, b.Len()})
		}
		tags := b.String()
		tagsStart := descStart + len(desc) + 1
		for _, sp := range spans {
			fields = append(fields, fuzzy.NewField(tags[sp[0]:sp[1]], tagsStart+sp[0], 0))
		}
	}
	return &Row{Sum: s, Key: RowKey(s.Region, s.ARN, s.Name), stages: stages, nameText: name, descText: desc,
		descStart: descStart, nameWidth: ansi.StringWidth(name), fields: fields}
}

// RowKey identifies a secret in a region: its ARN when known (an ARN names
// its region and account, and is not copied), else the region and name.
func RowKey(region, arn, name string) string {
	if arn != "" {
		return arn
	}
	return region + "\x00" + name
}

// Summary is the row's whole summary, its VersionStages unpacked (a new
// map): what a screen opened from the row, or the cache, is given.
func (r *Row) Summary() aws.SecretSummary {
	s := r.Sum
	s.VersionStages = r.stages.unpack()
	return s
}

// SameStages reports whether the row's version stages are stages.
func (r *Row) SameStages(stages map[string][]string) bool {
	return r.stages == packStages(stages)
}

// Rotation is what the row's rotation column says at now (RotationOf).
func (r *Row) Rotation(now time.Time) RotationState {
	if r.stages.strayPending() {
		return RotationStuck
	}
	return rotationEnabledState(r.Sum, now)
}

// name is the name as shown.
func (r *Row) name() string { return r.nameText }

// desc is the description as shown: on one line.
func (r *Row) desc() string { return r.descText }

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
	return rotationEnabledState(s, now)
}

// rotationEnabledState is the rotation state of a secret with no stray
// AWSPENDING.
func rotationEnabledState(s aws.SecretSummary, now time.Time) RotationState {
	if !s.RotationEnabled {
		return RotationOff
	}
	if !s.NextRotationDate.IsZero() && s.NextRotationDate.Before(now) {
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
