package ui

import (
	"encoding/base64"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
	"github.com/smtui/smtui/ui/jsonedit"
)

// valueKind is how a loaded value is shown.
type valueKind int

const (
	valueJSON   valueKind = iota // a JSON object or array: the key/value table
	valueText                    // plaintext (PEM keys, API keys, JSON scalars)
	valueBinary                  // SecretBinary: size, base64 and hex dump
)

// valueScreen shows one version's value. Opening it is the operator asking
// for the value: it is the only screen that calls GetValue. Everything is
// masked until revealed; revealed values mask again when the screen is left
// and after env.RevealTimeout without a key press.
type valueScreen struct {
	env    *common.Env
	store  aws.Store
	target aws.SecretRef
	ref    aws.VersionRef
	// kmsKeyID is the secret's key from DescribeSecret, to name it on a
	// decryption failure ("" when not known).
	kmsKeyID string

	seq     int
	loading bool
	err     error

	val  aws.Value // kept in memory while the screen is open; dropped on Close
	kind valueKind
	doc  *jsonedit.Document // the parsed value, for valueJSON

	table valueTable
	raw   bool // the raw view instead of the table

	revealAll bool
	revealed  map[string]bool // by jsonedit path string; "" is the whole value
	revealSeq int             // idle timer generation

	pager         pager.Model // raw, text and binary views
	width, height int

	edit  valueEditing // unsaved edits and the open editor (edit_value.go)
	watch valueWatch   // changes made under the screen (value_watch.go)
}

// valueLoadedMsg carries a GetValue result to the screen that asked.
type valueLoadedMsg struct {
	owner *valueScreen
	seq   int
	value aws.Value
	err   error
}

// revealExpiredMsg fires when revealed values have been idle long enough.
type revealExpiredMsg struct {
	owner *valueScreen
	seq   int
}

// newValueScreen opens the value of one version of target.
func newValueScreen(env *common.Env, store aws.Store, target aws.SecretRef, ref aws.VersionRef) *valueScreen {
	return &valueScreen{
		env: env, store: store, target: target, ref: ref,
		table: newValueTable(), revealed: map[string]bool{}, pager: pager.New(),
		edit: newValueEditing(env.Editor),
	}
}

// Init fetches the value, and removes smtui's own leftover save labels
// (save_leftovers.go).
func (v *valueScreen) Init() tea.Cmd {
	return tea.Batch(v.load(), sweepLeftovers(v.env, v.store, v, v.target, nil))
}

func (v *valueScreen) load() tea.Cmd {
	v.seq++
	v.loading = true
	v.err = nil
	seq, store, id, ref, env := v.seq, v.store, v.target.ID(), v.ref, v.env
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		val, err := store.GetValue(ctx, id, ref)
		return valueLoadedMsg{owner: v, seq: seq, value: val, err: err}
	}
}

// Update handles the value, the idle timer and keys.
func (v *valueScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if handled, cmd := v.watchUpdate(msg); handled {
		return v, cmd
	}
	if v.watch.gone {
		return v, nil // only esc, which the App handles
	}
	editing := v.edit.editor != nil
	if handled, cmd := v.editUpdate(msg); handled {
		if editing {
			// If the editor closed with nothing pending, follow a newer version now.
			cmd = tea.Batch(cmd, v.followNewer())
		}
		return v, cmd
	}
	switch msg := msg.(type) {
	case valueLoadedMsg:
		if msg.owner != v || msg.seq != v.seq {
			return v, nil
		}
		v.loading = false
		if msg.err != nil {
			v.err = msg.err
			v.rebuild()
			return v, common.Failed(msg.err)
		}
		v.watch.newer = ""
		v.setValue(msg.value)
		return v, v.editLoaded()
	case leftoversRemovedMsg:
		if msg.owner != v {
			return v, nil
		}
		return v, msg.report(v.env.Keys)
	case revealExpiredMsg:
		if msg.owner != v || msg.seq != v.revealSeq || !v.anyRevealed() {
			return v, nil
		}
		v.maskAll()
		return v, common.Info("values masked again after " + common.ShortDuration(v.env.RevealTimeout) + " without a key press")
	case tea.MouseWheelMsg:
		if v.kind == valueJSON && !v.raw {
			switch msg.Button {
			case tea.MouseWheelUp:
				v.table.move(-3, v.tableHeight())
			case tea.MouseWheelDown:
				v.table.move(3, v.tableHeight())
			}
		} else {
			v.pager.HandleWheel(msg)
		}
		return v, nil
	case tea.KeyPressMsg:
		cmd := v.handleKey(msg)
		if v.anyRevealed() {
			// Any key press while something is revealed restarts the idle timer.
			return v, tea.Batch(cmd, v.restartRevealTimer())
		}
		return v, cmd
	}
	return v, nil
}

// setValue classifies and stores a loaded value.
func (v *valueScreen) setValue(val aws.Value) {
	v.val = val
	v.doc = nil
	switch {
	case val.Secret.IsBinary():
		v.kind = valueBinary
	default:
		v.kind = valueText
		if doc, err := jsonedit.Parse([]byte(val.Secret.Text())); err == nil {
			if k := doc.Root().Kind(); k == jsonedit.Object || k == jsonedit.Array {
				v.kind, v.doc = valueJSON, doc
			}
		}
	}
	v.table.build(v.doc, v.table.selectedPath())
	v.table.clamp(v.tableHeight())
	v.rebuild()
}

func (v *valueScreen) loaded() bool { return !v.loading && v.err == nil && v.seq > 0 }

func (v *valueScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &v.env.Keys.Value
	if !v.loaded() {
		if v.err != nil && key.Matches(msg, v.env.Keys.Common.Refresh) {
			return v.load()
		}
		return nil
	}
	if handled, cmd := v.editKey(msg); handled {
		return cmd
	}
	switch {
	case key.Matches(msg, k.RevealAll):
		return v.toggleRevealAll()
	case key.Matches(msg, v.env.Keys.Common.Reveal):
		return v.toggleRevealSelected()
	case key.Matches(msg, k.CopyAll):
		return v.copyAll()
	case key.Matches(msg, k.CopyField):
		return v.copyField()
	case key.Matches(msg, k.Raw):
		if v.kind != valueJSON {
			return common.Info("this value is not a JSON object or array: there is only the raw view")
		}
		v.raw = !v.raw
		v.rebuild()
		return nil
	}
	if v.kind == valueJSON && !v.raw {
		nav := &v.env.Keys.Nav
		h := v.tableHeight()
		switch {
		case key.Matches(msg, k.Expand):
			v.table.toggle(v.doc)
			v.table.clamp(h)
		case key.Matches(msg, nav.Up):
			v.table.move(-1, h)
		case key.Matches(msg, nav.Down):
			v.table.move(1, h)
		case key.Matches(msg, nav.PageUp):
			v.table.move(-h, h)
		case key.Matches(msg, nav.PageDown):
			v.table.move(h, h)
		case key.Matches(msg, nav.Top):
			v.table.move(-len(v.table.rows), h)
		case key.Matches(msg, nav.Bottom):
			v.table.move(len(v.table.rows), h)
		}
		return nil
	}
	v.pager.HandleKey(&v.env.Keys.Nav, msg)
	return nil
}

// anyRevealed reports whether anything is shown unmasked.
func (v *valueScreen) anyRevealed() bool { return v.revealAll || len(v.revealed) > 0 }

// isRevealed reports whether the value at p is shown: revealed itself, or
// inside a revealed container, or everything is.
func (v *valueScreen) isRevealed(p jsonedit.Path) bool {
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
func (v *valueScreen) maskAll() {
	v.revealAll = false
	clear(v.revealed)
	v.revealSeq++
	v.rebuild()
}

// restartRevealTimer starts a new idle period; older timers are ignored.
func (v *valueScreen) restartRevealTimer() tea.Cmd {
	v.revealSeq++
	seq := v.revealSeq
	return tea.Tick(v.env.RevealTimeout, func(time.Time) tea.Msg { return revealExpiredMsg{owner: v, seq: seq} })
}

func (v *valueScreen) toggleRevealAll() tea.Cmd {
	if v.revealAll {
		v.maskAll()
		return nil
	}
	v.revealAll = true
	v.rebuild()
	return v.audit("reveal", "the whole value")
}

// toggleRevealSelected reveals or masks the selected field; outside the
// table it acts on the whole value.
func (v *valueScreen) toggleRevealSelected() tea.Cmd {
	if v.kind != valueJSON || v.raw {
		return v.toggleRevealAll()
	}
	r, ok := v.table.selected()
	if !ok {
		return nil
	}
	if v.isRevealed(r.path) {
		if v.revealAll {
			// Masking one field out of "reveal all": keep the others shown.
			v.revealAll = false
			for _, o := range v.table.rows {
				if o.depth == 0 {
					v.revealed[o.path.String()] = true
				}
			}
		}
		v.unreveal(r.path)
		v.rebuild()
		return nil
	}
	v.revealed[r.path.String()] = true
	v.rebuild()
	return v.audit("reveal", fieldWhat(r.path))
}

// unreveal masks p: it and every revealed ancestor or descendant entry that
// would keep it shown. Siblings under a revealed ancestor stay revealed.
func (v *valueScreen) unreveal(p jsonedit.Path) {
	for i := 1; i <= len(p); i++ {
		anc := p[:i].String()
		if !v.revealed[anc] || i == len(p) {
			continue
		}
		delete(v.revealed, anc)
		// Keep the ancestor's other children revealed.
		if n, err := v.doc.Lookup(p[:i]); err == nil {
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

// fieldWhat names a field for the status line and the audit log.
func fieldWhat(p jsonedit.Path) string { return "field " + quoteWhat(p.String()) }

func quoteWhat(s string) string { return "\"" + s + "\"" }

// audit records a reveal or copy (never the value) in a command.
func (v *valueScreen) audit(action, detail string) tea.Cmd {
	ev := audit.Event{
		Action: action, Region: v.target.Region, SecretARN: v.secretARN(),
		VersionIDs: []string{v.val.VersionID}, Outcome: "ok", Detail: detail,
	}
	env := v.env
	return func() tea.Msg {
		env.Record(ev)
		return nil
	}
}

func (v *valueScreen) secretARN() string {
	if v.val.ARN != "" {
		return v.val.ARN
	}
	return v.target.ARN
}

// copyAll puts the whole value on the clipboard (base64 for binary).
func (v *valueScreen) copyAll() tea.Cmd {
	text, what := v.val.Secret.Text(), "the value"
	if v.kind == valueBinary {
		text, what = base64.StdEncoding.EncodeToString(v.val.Secret.Bytes()), "the value (base64)"
	}
	return v.copyText(text, what)
}

// copyField copies the selected field without revealing it: a string's
// decoded text, any other value's JSON text.
func (v *valueScreen) copyField() tea.Cmd {
	if v.kind != valueJSON || v.raw {
		return v.copyAll()
	}
	r, ok := v.table.selected()
	if !ok {
		return nil
	}
	text := string(r.node.Raw())
	if r.kind() == jsonedit.String {
		text = r.node.Decoded()
	} else if r.container() {
		text = compactJSON(r.node.Raw())
	}
	return v.copyText(text, fieldWhat(r.path))
}

func (v *valueScreen) copyText(text, what string) tea.Cmd {
	msg := common.CopyMsg{Text: text, What: what, Secret: true, ARN: v.secretARN(), Region: v.target.Region, Version: v.val.VersionID}
	return func() tea.Msg { return msg }
}

// HandleBack masks everything before the App pops the screen.
func (v *valueScreen) HandleBack() (bool, tea.Cmd) {
	if v.watch.gone {
		return false, nil
	}
	if handled, cmd := v.editBack(); handled {
		return true, cmd
	}
	v.maskAll()
	return false, nil
}

// Close masks everything and drops the value from memory.
func (v *valueScreen) Close() {
	v.maskAll()
	v.editClose()
	v.val = aws.Value{}
	v.doc = nil
	v.table = newValueTable()
	v.pager.SetLines(nil)
	v.seq++ // a load still in flight is no longer wanted
}

// SetSize gives the screen its share of the window.
func (v *valueScreen) SetSize(w, h int) {
	v.width, v.height = w, h
	v.pager.SetSize(w, v.pagerHeight())
	v.table.clamp(v.tableHeight())
	v.sizeEditor()
	v.rebuild()
}

// Title names the version shown.
func (v *valueScreen) Title() string {
	switch {
	case v.ref.ID != "":
		return "value " + common.ShortID(v.ref.ID)
	case v.ref.Stage != "":
		return "value " + v.ref.Stage
	}
	return "value"
}

// Capturing is true while an editor or the discard question has the keyboard.
func (v *valueScreen) Capturing() bool { return v.editCapturing() }

// ShortHelp lists the main bindings for the current view.
func (v *valueScreen) ShortHelp() []key.Binding {
	k := v.env.Keys
	if b := v.editHelp(); b != nil {
		return b
	}
	if v.watch.gone {
		return []key.Binding{k.Common.Back}
	}
	if v.err != nil {
		return []key.Binding{k.Common.Refresh, k.Common.Back}
	}
	// The most useful first: the footer drops keys from the end to fit.
	var out []key.Binding
	if v.pendingEdits() > 0 {
		out = append(out, k.Editing.Save)
	}
	if v.kind == valueJSON && !v.raw {
		out = append(out, k.Common.Reveal, k.Value.CopyField, k.Editing.Edit, k.Value.CopyAll, k.Value.RevealAll, k.Value.Raw)
	} else {
		out = append(out, k.Value.RevealAll, k.Value.CopyAll, k.Editing.Edit)
		if v.kind == valueJSON {
			out = append(out, k.Value.Raw)
		}
	}
	return append(out, k.Common.Back)
}

// FullHelp lists every binding of the viewer.
func (v *valueScreen) FullHelp() [][]key.Binding {
	k := v.env.Keys
	if v.err != nil {
		// Only after a failed load does r mean retry; otherwise it is raw/table.
		return [][]key.Binding{{k.Common.Refresh, k.Common.Back, k.Common.Help, k.Common.Quit}}
	}
	return [][]key.Binding{
		{k.Common.Reveal, k.Value.RevealAll, k.Value.CopyField, k.Value.CopyAll},
		{k.Value.Raw, k.Value.Expand},
		v.editBindings(),
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Back, k.Common.Help, k.Common.Quit},
	}
}
