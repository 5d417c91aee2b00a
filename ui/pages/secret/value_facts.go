package secret

import (
	"strings"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/valuefacts"
)

// The value screen says what a value is without revealing it: a private
// key's fingerprint, a certificate's names and expiry, a token's issuer
// and expiry (ui/valuefacts). The facts are computed once, when the value
// arrives, and shown whether or not the value is revealed: none of them is
// secret. They come from inside the secret, so they are sanitized like any
// other untrusted text.

// factText is one fact as a line: what it is, the fact, and its expiry
// ("expired 3 hours ago" in the warning style).
func (v *Value) factText(f valuefacts.Fact) string {
	st := v.env.Styles
	line := st.Muted.Render(f.Kind+" · ") + common.Sanitize(f.Text)
	if f.Expires.IsZero() {
		return line
	}
	now := v.env.Now()
	when := common.Relative(f.Expires, now)
	if f.Expired(now) {
		return line + st.Muted.Render(" · ") + st.Warning.Render("expired "+when)
	}
	return line + st.Muted.Render(" · expires "+when)
}

// factsOfField returns the facts about one top-level field, by its key.
func (v *Value) factsOfField(key string) []valuefacts.Fact {
	var out []valuefacts.Fact
	for _, f := range v.facts {
		if f.Field == key {
			out = append(out, f)
		}
	}
	return out
}

// factLines are the facts of a whole text or binary value, for the pager:
// a heading and one line each (none when nothing is recognised).
func (v *Value) factLines() []string {
	if len(v.facts) == 0 {
		return nil
	}
	lines := []string{"", v.env.Styles.Section.Render("what this is (not secret)")}
	for _, f := range v.facts {
		lines = append(lines, common.WrapLines(v.factText(f), max(v.width, 1))...)
	}
	return lines
}

// expiryNote is a short warning for the info line when any fact has
// expired: the first thing an operator should see on a stale credential.
func (v *Value) expiryNote() string {
	now := v.env.Now()
	for _, f := range v.facts {
		if f.Expired(now) {
			what := f.Kind
			if f.Field != "" && f.Kind != "OAuth token" {
				what += " in " + f.Field
			}
			return v.env.Styles.Warning.Render(strings.TrimSpace(common.Sanitize(what)) + " expired " + common.Relative(f.Expires, now))
		}
	}
	return ""
}
