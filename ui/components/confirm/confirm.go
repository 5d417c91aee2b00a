package confirm

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/common"
)

// Result is what an input did to a confirmation pane.
type Result int

const (
	ConfirmOpen     Result = iota // still deciding
	ConfirmAccepted               // the operator confirmed (and typed the name if asked)
	ConfirmDeclined               // the operator cancelled
)

// Focus is what has the keyboard inside a confirmation pane.
type Focus int

const (
	focusCancel Focus = iota
	focusConfirm
	focusName
)

// Options shapes a confirmation pane.
type Options struct {
	// Danger marks a destructive action: Danger style, and Cancel has the
	// focus first so an absent-minded enter changes nothing.
	Danger bool
	// ConfirmLabel is the button that does it ("Roll back", "Delete").
	ConfirmLabel string
	// RequireName, when set, must be typed exactly before the action is
	// enabled (the production guard, and every deletion).
	RequireName string
	// NameReason says why the name is asked for.
	NameReason string
	// Guard asks for a name on a production account only: the pane
	// decides from its Env, so no dialog repeats the choice.
	Guard *NameGuard
}

// NameGuard is the production guard: the name to type, and why.
type NameGuard struct {
	Name, Reason string
}

// Pane is a reusable confirmation dialog embedded by the write
// screens, after gum's confirm: a title, body lines, Cancel and a confirm
// button, and optionally a "type the secret's name" input. It does no I/O:
// the screen that owns it runs the call when update reports confirmAccepted,
// and keeps the pane open (busy, then with the error) so nothing is lost.
type Pane struct {
	env   *common.Env
	title string
	body  []string // as given
	lines []string // body wrapped to the width
	opts  Options

	focus  Focus
	input  textinput.Model
	hint   string // why the last confirm was refused
	Busy   string // shown while the owner's call runs; keys are ignored
	errMsg string // the last failure, shown until the next attempt

	offset        int // first body line shown
	width, height int
}

// NewPane builds a pane. With requireName, the name input has the
// focus; otherwise Cancel (destructive) or the confirm button does.
func NewPane(env *common.Env, title string, body []string, opts Options) *Pane {
	if opts.ConfirmLabel == "" {
		opts.ConfirmLabel = "Confirm"
	}
	if opts.Guard != nil && env.Production && opts.RequireName == "" {
		opts.RequireName, opts.NameReason = opts.Guard.Name, opts.Guard.Reason
	}
	p := &Pane{env: env, title: title, opts: opts, width: 60, height: 20}
	p.input = textinput.New()
	p.input.Prompt = "› "
	p.input.CharLimit = 600
	switch {
	case opts.RequireName != "":
		p.focus = focusName
	case opts.Danger:
		p.focus = focusCancel
	default:
		p.focus = focusConfirm
	}
	p.SetBody(body)
	return p
}

// Init focuses the name input when there is one.
func (p *Pane) Init() tea.Cmd {
	if p.focus == focusName {
		return p.input.Focus()
	}
	return nil
}

// SetBody replaces the body lines (styled text; wrapped here).
func (p *Pane) SetBody(body []string) {
	p.body = body
	p.rewrap()
}

// SetSize gives the pane its box.
func (p *Pane) SetSize(w, h int) {
	p.width, p.height = max(w, 10), max(h, 3)
	p.input.SetWidth(max(p.innerWidth()-3, 4))
	p.rewrap()
}

func (p *Pane) innerWidth() int { return max(p.width-4, 6) }

func (p *Pane) rewrap() {
	w := p.innerWidth()
	p.lines = p.lines[:0]
	for _, l := range p.body {
		if l == "" {
			p.lines = append(p.lines, "")
			continue
		}
		p.lines = append(p.lines, common.WrapText(l, w)...)
	}
	p.clampOffset()
}

// Capturing reports whether the name input has the keyboard.
func (p *Pane) Capturing() bool { return p.focus == focusName && p.Busy == "" }

// nameOK reports whether the name guard, if any, is satisfied.
func (p *Pane) nameOK() bool {
	return p.opts.RequireName == "" || strings.TrimSpace(p.input.Value()) == p.opts.RequireName
}

// SetBusy shows text (e.g. "rolling back…") and ignores keys until cleared.
func (p *Pane) SetBusy(text string) {
	p.Busy = text
	if text != "" {
		p.errMsg, p.hint = "", ""
	}
}

// SetError shows a failure; the pane stays open with everything typed.
func (p *Pane) SetError(err error) {
	p.Busy = ""
	if err == nil {
		p.errMsg = ""
		return
	}
	p.errMsg = common.DescribeError(p.env.Keys, err)
}

// Update handles one message. It never does I/O.
func (p *Pane) Update(msg tea.Msg) (Result, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.scroll(-3)
		case tea.MouseWheelDown:
			p.scroll(3)
		}
		return ConfirmOpen, nil
	case tea.PasteMsg:
		if p.focus == focusName && p.Busy == "" {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return ConfirmOpen, cmd
		}
		return ConfirmOpen, nil
	case tea.KeyPressMsg:
		if p.Busy != "" {
			return ConfirmOpen, nil
		}
		if p.focus == focusName {
			return p.nameKey(msg)
		}
		return p.buttonKey(msg)
	}
	if p.focus == focusName {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return ConfirmOpen, cmd
	}
	return ConfirmOpen, nil
}

func (p *Pane) nameKey(msg tea.KeyPressMsg) (Result, tea.Cmd) {
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Input.Submit):
		return p.tryAccept(), nil
	case key.Matches(msg, k.Input.Cancel):
		return ConfirmDeclined, nil
	case key.Matches(msg, k.Dialog.Switch):
		p.setFocus(focusCancel)
		return ConfirmOpen, nil
	case common.IsArrow(msg) && p.scrollKey(msg):
		return ConfirmOpen, nil
	}
	p.hint = ""
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return ConfirmOpen, cmd
}

func (p *Pane) buttonKey(msg tea.KeyPressMsg) (Result, tea.Cmd) {
	k := p.env.Keys
	switch {
	case key.Matches(msg, k.Input.Submit): // enter picks the focused button
		if p.focus == focusConfirm {
			return p.tryAccept(), nil
		}
		return ConfirmDeclined, nil
	case key.Matches(msg, k.Dialog.Yes):
		return p.tryAccept(), nil
	case key.Matches(msg, k.Dialog.No):
		return ConfirmDeclined, nil
	case key.Matches(msg, k.Dialog.Switch):
		switch {
		case p.focus == focusCancel:
			p.setFocus(focusConfirm)
		case p.opts.RequireName != "":
			return ConfirmOpen, p.setFocus(focusName)
		default:
			p.setFocus(focusCancel)
		}
		return ConfirmOpen, nil
	}
	p.scrollKey(msg)
	return ConfirmOpen, nil
}

// tryAccept accepts if the name guard is satisfied, else explains.
func (p *Pane) tryAccept() Result {
	if !p.nameOK() {
		p.hint = "the name does not match: type " + common.Sanitize(p.opts.RequireName) + " exactly to enable " + p.opts.ConfirmLabel
		return ConfirmOpen
	}
	p.hint = ""
	return ConfirmAccepted
}

func (p *Pane) setFocus(f Focus) tea.Cmd {
	p.focus = f
	if f == focusName {
		return p.input.Focus()
	}
	p.input.Blur()
	return nil
}

// scrollKey scrolls the body with the navigation bindings.
func (p *Pane) scrollKey(msg tea.KeyPressMsg) bool {
	n := &p.env.Keys.Nav
	switch {
	case key.Matches(msg, n.Up):
		p.scroll(-1)
	case key.Matches(msg, n.Down):
		p.scroll(1)
	case key.Matches(msg, n.PageUp):
		p.scroll(-max(p.bodyHeight()-1, 1))
	case key.Matches(msg, n.PageDown):
		p.scroll(max(p.bodyHeight()-1, 1))
	default:
		return false
	}
	return true
}

func (p *Pane) scroll(n int) {
	p.offset += n
	p.clampOffset()
}

func (p *Pane) clampOffset() {
	p.offset = min(p.offset, max(len(p.lines)-p.bodyHeight(), 0))
	p.offset = max(p.offset, 0)
}

// ClosePane is esc on a screen that may show a confirmation pane: it closes
// the pane unless a call is in flight, and reports whether there was one
// (then esc goes no further).
func ClosePane(p **Pane) bool {
	if *p == nil {
		return false
	}
	if (*p).Busy == "" {
		*p = nil
	}
	return true
}
