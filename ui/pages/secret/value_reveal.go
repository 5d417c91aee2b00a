package secret

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// revealExpiredMsg fires when revealed values have been idle long enough.
type revealExpiredMsg struct {
	owner *Value
	seq   int
}

// AnyRevealed reports whether anything is shown unmasked.
func (v *Value) AnyRevealed() bool { return v.revealAll || len(v.revealed) > 0 }

// isRevealed reports whether the value at p is shown: revealed itself, or
// inside a revealed container, or everything is.
func (v *Value) isRevealed(p jsonedit.Path) bool {
	if v.revealAll {
		return true
	}
	for i := len(p); i >= 1; i-- {
		if v.revealed[p[:i].String()] {
			return true
		}
	}
	return false
}

// maskAll hides everything again.
func (v *Value) maskAll() {
	v.revealAll = false
	clear(v.revealed)
	v.revealSeq++
	v.rebuild()
}

// restartRevealTimer starts a new idle period; older timers are ignored.
func (v *Value) restartRevealTimer() tea.Cmd {
	v.revealSeq++
	seq := v.revealSeq
	return tea.Tick(v.env.RevealTimeout, func(time.Time) tea.Msg { return revealExpiredMsg{owner: v, seq: seq} })
}

// allShown reports whether every field (or the whole value) is revealed,
// through reveal all or one by one: reveal all then hides.
func (v *Value) allShown() bool {
	if v.revealAll {
		return true
	}
	if v.Kind != ValueJSON || v.raw || len(v.Table.Rows) == 0 {
		return false
	}
	for _, r := range v.Table.Rows {
		if !v.isRevealed(r.Path) {
			return false
		}
	}
	return true
}

// selectedShown reports whether the reveal key would hide: the selected
// field is revealed (or, outside the table, the whole value is).
func (v *Value) selectedShown() bool {
	if v.Kind != ValueJSON || v.raw {
		return v.allShown()
	}
	r, ok := v.Table.Selected()
	return ok && v.isRevealed(r.Path)
}

// revealKeys are the reveal bindings described as what they do now: reveal
// or hide the selected field, reveal or hide everything.
func (v *Value) revealKeys() (one, all key.Binding) {
	k := v.env.Keys
	one, all = k.Common.Reveal, k.Value.RevealAll
	if v.selectedShown() {
		one = common.WithHelpDesc(one, "hide")
	}
	if v.allShown() {
		all = common.WithHelpDesc(all, "hide all")
	}
	return one, all
}

func (v *Value) toggleRevealAll() tea.Cmd {
	if v.allShown() {
		v.maskAll()
		return nil
	}
	v.revealAll = true
	v.rebuild()
	return v.audit("reveal", "the whole value")
}

// toggleRevealSelected reveals or masks the selected field; outside the
// table it acts on the whole value.
func (v *Value) toggleRevealSelected() tea.Cmd {
	if v.Kind != ValueJSON || v.raw {
		return v.toggleRevealAll()
	}
	r, ok := v.Table.Selected()
	if !ok {
		return nil
	}
	if v.isRevealed(r.Path) {
		if v.revealAll {
			// Masking one field out of "reveal all": keep the others shown.
			v.revealAll = false
			for _, o := range v.Table.Rows {
				if o.depth == 0 {
					v.revealed[o.Path.String()] = true
				}
			}
		}
		v.unreveal(r.Path)
		v.rebuild()
		return nil
	}
	v.revealed[r.Path.String()] = true
	v.rebuild()
	return v.audit("reveal", fieldWhat(r.Path))
}

// unreveal masks p: it and every revealed ancestor or descendant entry that
// would keep it shown. Siblings under a revealed ancestor stay revealed.
func (v *Value) unreveal(p jsonedit.Path) {
	for i := 1; i <= len(p); i++ {
		anc := p[:i].String()
		if !v.revealed[anc] || i == len(p) {
			continue
		}
		delete(v.revealed, anc)
		// Keep the ancestor's other children revealed.
		if n, err := v.Doc.Lookup(p[:i]); err == nil {
			for _, f := range n.Fields() {
				v.revealed[p[:i].Append(f.Elem()).String()] = true
			}
		}
	}
	delete(v.revealed, p.String())
	prefix := p.String()
	for k := range v.revealed {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix && (k[len(prefix)] == '.' || k[len(prefix)] == '[') {
			delete(v.revealed, k)
		}
	}
}
