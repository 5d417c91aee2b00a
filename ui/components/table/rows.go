package table

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/fuzzy"
)

// Row is one secret in a list, with what the filter needs computed once
// when the row arrives (never per keystroke); the text the filter searches
// is in its table's index (fuzzy.Index), not in the row.
type Row struct {
	Sum aws.SecretSummary
	// Key identifies the row across refreshes: region and ARN.
	Key string
	// nameText and descText are the name and the description (on one
	// line) as shown: sanitized, sharing Sum's strings when they are clean.
	// The filter sees the name, a space, the description, then each tag
	// as key=value after a space: descStart is where the description
	// starts in that text, for mapping matched offsets back.
	nameText, descText string
	descStart          int
	// nameWidth is the name's width in cells.
	nameWidth int
	// pos is the row's index in its table's Rows and slot its text's slot
	// in the table's search index (both kept by the table).
	pos  int
	slot int32
}

// nameMatchBonus ranks a filter match in the name above one elsewhere.
const nameMatchBonus = 10

// NewRow prepares a row for display and search. The name and description
// are not copied (unless sanitizing changes them).
func NewRow(s aws.SecretSummary) *Row {
	// The haystack is what the row shows: sanitized (clean text is not copied).
	name := common.Sanitize(s.Name)
	desc := common.Sanitize(foldLines(s.Description))
	return &Row{Sum: s, Key: RowKey(s.Region, s.ARN, s.Name), nameText: name, descText: desc,
		descStart: len(name) + 1, nameWidth: ansi.StringWidth(name)}
}

// indexInto adds the row's searchable fields to x and returns their slot:
// the name, the description (when there is one) and each tag as key=value,
// at their offsets in the row's whole search text (the name, a space, the
// description, a space, the tags separated by spaces).
func (r *Row) indexInto(x *fuzzy.Index) int32 {
	x.Begin()
	x.AddField(r.nameText, 0, nameMatchBonus)
	if r.descText != "" {
		x.AddField(r.descText, r.descStart, 0)
	}
	at := r.descStart + len(r.descText) + 1
	for i, t := range r.Sum.Tags {
		if i > 0 {
			at++ // the space between tags
		}
		key, val := common.Sanitize(t.Key), common.Sanitize(t.Value)
		x.Field(at, 0)
		x.Write(key)
		x.Write("=")
		x.Write(val)
		at += len(key) + 1 + len(val)
	}
	return x.End()
}

// sameSearchText reports whether a and b give the index the same text (a
// row is never changed in place, so a row is its own text).
func sameSearchText(a, b *Row) bool {
	return a.nameText == b.nameText && a.descText == b.descText &&
		slices.Equal(a.Sum.Tags, b.Sum.Tags)
}

// fields are the same fields as indexInto adds, as fuzzy.Field values
// (tags joined anew): for a search of the rows without the table's index.
func (r *Row) fields() []fuzzy.Field {
	out := []fuzzy.Field{fuzzy.NewField(r.nameText, 0, nameMatchBonus)}
	if r.descText != "" {
		out = append(out, fuzzy.NewField(r.descText, r.descStart, 0))
	}
	at := r.descStart + len(r.descText) + 1
	for i, t := range r.Sum.Tags {
		if i > 0 {
			at++
		}
		kv := common.Sanitize(t.Key) + "=" + common.Sanitize(t.Value)
		out = append(out, fuzzy.NewField(kv, at, 0))
		at += len(kv)
	}
	return out
}

// RowKey identifies a secret in a region; the ARN when known.
func RowKey(region, arn, name string) string {
	if arn != "" {
		return region + "\x00" + arn
	}
	return region + "\x00" + name
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
