package common

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/keymap"
)

// VersionShort shortens a version id for prose: the first 8 characters.
func VersionShort(id string) string {
	if id == "" {
		return "(none)"
	}
	if len(id) > 8 {
		return Sanitize(id[:8]) + "…"
	}
	return Sanitize(id)
}

// LabelsText lists a version's labels, sorted, or "no labels".
func LabelsText(labels []string) string {
	if len(labels) == 0 {
		return "no labels (deprecated)"
	}
	ls := append([]string(nil), labels...)
	sort.Strings(ls)
	return Sanitize(strings.Join(ls, ", "))
}

// WrapText wraps styled text to width cells at spaces and splits it into
// lines. Hyphens do not break lines (version ids and names stay whole when
// they fit): they are swapped for a placeholder while wrapping.
func WrapText(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	const nbHyphen = "\u2011"
	wrapped := lipgloss.Wrap(strings.ReplaceAll(s, "-", nbHyphen), width, " ")
	return strings.Split(strings.ReplaceAll(wrapped, nbHyphen, "-"), "\n")
}

// AgeText says how long ago t was, coarsely ("3 days ago"), or "" if unknown.
func AgeText(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return Plural(int(d/time.Minute), "minute") + " ago"
	case d < 48*time.Hour:
		return Plural(int(d/time.Hour), "hour") + " ago"
	default:
		return Plural(int(d/(24*time.Hour)), "day") + " ago"
	}
}

// Plural spells n units ("1 day", "3 days").
func Plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// HelpLine renders bindings as "key desc · key desc", skipping disabled ones.
func HelpLine(bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	return strings.Join(parts, " · ")
}

// IsArrow reports whether a key press matching a navigation binding came
// from a key that types nothing (an arrow, pgup): safe to use for
// navigation while a text input has focus.
func IsArrow(msg tea.KeyPressMsg) bool { return msg.Text == "" && msg.Mod == 0 }

// ShortID is the first 8 characters of a version id.
func ShortID(id string) string {
	if len(id) > 8 {
		return Sanitize(id[:8])
	}
	return Sanitize(id)
}

// KeyHelp is keymap.KeyName: a binding's key as its help shows it, for
// prose that names a key, so a rebinding never makes the text lie.
func KeyHelp(b key.Binding) string { return keymap.KeyName(b) }

// GroupThousands writes n with thousands separators.
func GroupThousands(n int) string {
	s := fmt.Sprint(n)
	if n < 1000 {
		return s
	}
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	return string(out)
}

// WithHelpDesc is b with another description in the help.
func WithHelpDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// WithoutKeys is b without the keys of other (y/enter without enter: y),
// its help key naming the keys left; ok is false when none is left.
func WithoutKeys(b, other key.Binding, desc string) (_ key.Binding, ok bool) {
	var left []string
	for _, k := range b.Keys() {
		if !slices.Contains(other.Keys(), k) {
			left = append(left, k)
		}
	}
	if len(left) == 0 {
		return b, false
	}
	return key.NewBinding(key.WithKeys(left...), key.WithHelp(strings.Join(left, "/"), desc)), true
}

// WrapLines wraps text (which may be styled) to width, breaking long words
// so nothing runs off the screen.
func WrapLines(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	if ansi.StringWidth(s) <= width && !strings.Contains(s, "\n") {
		return []string{s}
	}
	// Hyphens do not break lines, so version ids and ARNs stay whole when
	// they fit; a word longer than the line still breaks.
	const nbHyphen = "\u2011"
	wrapped := ansi.Wrap(strings.ReplaceAll(s, "-", nbHyphen), width, ":/")
	return strings.Split(strings.ReplaceAll(wrapped, nbHyphen, "-"), "\n")
}
