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
	Sum aws.SecretSummary
	// Key identifies the row across refreshes: region and ARN.
	Key string
	// search is the fuzzy filter's haystack: the name, then the description
	// (on one line), then every tag key and value.
	search string
	// nameEnd ends the name inside search (it starts at 0); descStart and
	// descEnd delimit the description. Both are sanitized, as shown.
	nameEnd            int
	descStart, descEnd int
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

// NewRow precomputes a row's search text.
func NewRow(s aws.SecretSummary) *Row {
	var b strings.Builder
	// The haystack is what the row shows: sanitized (clean text is not copied).
	name := common.Sanitize(s.Name)
	desc := common.Sanitize(foldLines(s.Description))
	b.Grow(len(name) + len(desc) + 2 + 16*len(s.Tags))
	spans := make([][2]int, 0, 2+len(s.Tags))
	b.WriteString(name)
	spans = append(spans, [2]int{0, b.Len()})
	b.WriteByte(' ')
	start := b.Len()
	b.WriteString(desc)
	end := b.Len()
	if end > start {
		spans = append(spans, [2]int{start, end})
	}
	for _, t := range s.Tags {
		b.WriteByte(' ')
		from := b.Len()
		b.WriteString(common.Sanitize(t.Key))
		b.WriteByte('=')
		b.WriteString(common.Sanitize(t.Value))
		spans = append(spans, [2]int{from, b.Len()})
	}
	search := b.String()
	fields := make([]fuzzy.Field, len(spans))
	for i, sp := range spans {
		bonus := 0
		if i == 0 {
			bonus = nameMatchBonus
		}
		fields[i] = fuzzy.NewField(search[sp[0]:sp[1]], sp[0], bonus)
	}
	return &Row{Sum: s, Key: RowKey(s.Region, s.ARN, s.Name), search: search, nameEnd: len(name),
		descStart: start, descEnd: end, nameWidth: ansi.StringWidth(name), fields: fields}
}

// RowKey identifies a secret in a region; the ARN when known.
func RowKey(region, arn, name string) string {
	if arn != "" {
		return region + "\x00" + arn
	}
	return region + "\x00" + name
}

// name is the name as shown.
func (r *Row) name() string { return r.search[:r.nameEnd] }

// desc is the description as shown: on one line.
func (r *Row) desc() string { return r.search[r.descStart:r.descEnd] }

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
