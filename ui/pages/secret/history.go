package secret

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
)

// History shows who touched a secret, from CloudTrail's LookupEvents:
// time, principal, source address and event, newest first. It reads one
// page (50 events) at a time, the next when the cursor nears the end of
// what is loaded, so it stays within LookupEvents' 2 requests a second.
// The event and principal filters narrow what was read; more pages are
// read while a filter leaves the screen short. It never reads a value.
type History struct {
	env    *common.Env
	trail  aws.Trail
	target aws.SecretRef

	events   []aws.TrailEvent // every event read, newest first
	shown    []int            // indexes in events that pass the filter
	filter   aws.TrailFilter
	next     string // NextToken of the last page read
	started  bool   // a first page was asked for
	done     bool   // the last page was read
	loading  bool
	err      error
	seq      int
	autoLeft int // pages still read without a key press while a filter leaves the screen short

	prompt    *form.Prompt
	promptFor string // "event" or "principal"

	cursor, offset int
	width, height  int
}

// historyAutoPages is how many pages the screen reads on its own, without
// a key press, to fill the screen when a filter matches few events.
const historyAutoPages = 4

// historyPrefetchRows: the next page is read when the cursor is this close
// to the last loaded event.
const historyPrefetchRows = 10

// openHistory opens target's history when the Store can read CloudTrail.
func openHistory(env *common.Env, store aws.Store, target aws.SecretRef) tea.Cmd {
	tr, ok := store.(aws.Trail)
	if !ok {
		return common.Warn("this connection cannot read CloudTrail, so there is no history to show")
	}
	return common.Push(NewHistory(env, tr, target))
}

// NewHistory opens target's CloudTrail history.
func NewHistory(env *common.Env, trail aws.Trail, target aws.SecretRef) *History {
	return &History{env: env, trail: trail, target: target}
}

// Init reads the first page.
func (h *History) Init() tea.Cmd { return h.restart() }

// restart forgets what was read and reads the first page again.
func (h *History) restart() tea.Cmd {
	h.seq++
	h.events, h.shown, h.next = nil, nil, ""
	h.started, h.done, h.loading, h.err = false, false, false, nil
	h.cursor, h.offset = 0, 0
	h.autoLeft = historyAutoPages
	return h.loadMore()
}

// loadMore reads the next page unless one is being read or none is left.
func (h *History) loadMore() tea.Cmd {
	if h.loading || h.done || h.err != nil {
		return nil
	}
	h.loading, h.started = true, true
	trail, target, token := h.trail, h.target, h.next
	return common.Fetch(h.env, h, h.seq, func(ctx context.Context) (aws.TrailPage, error) {
		return trail.SecretEvents(ctx, target, aws.TrailFilter{}, token)
	})
}

// Update handles pages, keys and the mouse wheel.
func (h *History) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.TrailPage]:
		if !msg.IsFor(h, h.seq) {
			return h, nil
		}
		h.loading = false
		if msg.Err != nil {
			h.err = msg.Err
			return h, common.Failed(msg.Err)
		}
		h.events = append(h.events, msg.Val.Events...)
		h.next = msg.Val.NextToken
		h.done = h.next == ""
		h.refilter()
		return h, h.wantMore(true)
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			h.move(-3)
		} else if msg.Button == tea.MouseWheelDown {
			h.move(3)
		}
		return h, h.wantMore(false)
	case tea.KeyPressMsg:
		if h.prompt != nil {
			return h, h.updatePrompt(msg)
		}
		return h, h.handleKey(msg)
	}
	if h.prompt != nil {
		_, cmd := h.prompt.Update(msg)
		return h, cmd
	}
	return h, nil
}

func (h *History) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := &h.env.Keys.History, &h.env.Keys.Nav
	h.autoLeft = historyAutoPages
	switch {
	case key.Matches(msg, h.env.Keys.Common.Refresh):
		return h.restart()
	case key.Matches(msg, k.FilterEvent):
		return h.openPrompt("event", "Show events whose name contains", "e.g. GetSecretValue, Put, Rotation; empty shows every event", h.filter.EventName)
	case key.Matches(msg, k.FilterPrincipal):
		return h.openPrompt("principal", "Show events by a principal containing", "part of an ARN, user or session name: alice, role/ci; empty shows everyone", h.filter.Principal)
	case key.Matches(msg, n.Up):
		h.move(-1)
	case key.Matches(msg, n.Down):
		if h.cursor == len(h.shown)-1 && h.err != nil {
			// At the end after a failed page: try that page again.
			h.err = nil
			return h.loadMore()
		}
		h.move(1)
	case key.Matches(msg, n.PageUp):
		h.move(-h.tableHeight())
	case key.Matches(msg, n.PageDown):
		h.move(h.tableHeight())
	case key.Matches(msg, n.Top):
		h.move(-len(h.shown))
	case key.Matches(msg, n.Bottom):
		h.move(len(h.shown))
	default:
		return nil
	}
	return h.wantMore(false)
}

// wantMore reads the next page when the cursor is near the end of what is
// loaded, or when a filter leaves the screen short (a few pages at most
// without a key press: LookupEvents is slow and rate limited).
func (h *History) wantMore(afterPage bool) tea.Cmd {
	if h.done || h.loading {
		return nil
	}
	if len(h.shown)-h.cursor <= historyPrefetchRows && !afterPage {
		return h.loadMore()
	}
	if len(h.shown) < h.tableHeight()+historyPrefetchRows && h.autoLeft > 0 {
		if afterPage {
			h.autoLeft--
		}
		return h.loadMore()
	}
	return nil
}

func (h *History) openPrompt(what, title, hint, value string) tea.Cmd {
	h.promptFor = what
	h.prompt = form.NewPrompt(h.env, title, hint, value)
	h.prompt.SetWidth(h.width)
	return h.prompt.Focus()
}

func (h *History) updatePrompt(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := h.prompt.Update(msg)
	switch res {
	case form.PromptSubmitted:
		v := strings.TrimSpace(h.prompt.Value())
		if h.promptFor == "event" {
			h.filter.EventName = v
		} else {
			h.filter.Principal = v
		}
		h.prompt = nil
		h.autoLeft = historyAutoPages
		h.refilter()
		return h.wantMore(false)
	case form.PromptCancelled:
		h.prompt = nil
		return nil
	}
	return cmd
}

// HandleBack closes the prompt, then clears the filter, before the screen.
func (h *History) HandleBack() (bool, tea.Cmd) {
	switch {
	case h.prompt != nil:
		h.prompt = nil
		return true, nil
	case !h.filter.IsZero():
		h.filter = aws.TrailFilter{}
		h.refilter()
		return true, nil
	}
	return false, nil
}

// refilter recomputes the shown events, keeping the cursor's event.
func (h *History) refilter() {
	keep := ""
	if h.cursor < len(h.shown) {
		keep = h.events[h.shown[h.cursor]].ID
	}
	h.shown = h.shown[:0]
	for i, ev := range h.events {
		if h.filter.Matches(ev) {
			h.shown = append(h.shown, i)
		}
	}
	h.cursor = 0
	for i, idx := range h.shown {
		if keep != "" && h.events[idx].ID == keep {
			h.cursor = i
		}
	}
	h.move(0)
}

// move moves the cursor by delta rows and scrolls it into view.
func (h *History) move(delta int) {
	h.cursor = max(0, min(h.cursor+delta, len(h.shown)-1))
	rows := h.tableHeight()
	if h.cursor < h.offset {
		h.offset = h.cursor
	}
	if h.cursor >= h.offset+rows {
		h.offset = h.cursor - rows + 1
	}
	h.offset = max(0, min(h.offset, len(h.shown)-rows))
}

// SetSize gives the screen its share of the window.
func (h *History) SetSize(w, ht int) {
	h.width, h.height = w, ht
	if h.prompt != nil {
		h.prompt.SetWidth(w)
	}
	h.move(0)
}

// Title names the screen.
func (h *History) Title() string { return "history" }

// SecretName is the secret the history is about.
func (h *History) SecretName() string { return h.target.String() }

// Capturing is true while a filter prompt is open.
func (h *History) Capturing() bool { return h.prompt != nil }

// ShortHelp lists the main bindings.
func (h *History) ShortHelp() []key.Binding {
	k := h.env.Keys
	if h.prompt != nil {
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	back := k.Common.Back
	if !h.filter.IsZero() {
		back = common.WithHelpDesc(back, "clear filter")
	}
	return []key.Binding{k.Nav.Down, common.WithHelpDesc(k.History.FilterEvent, "filter events"), k.History.FilterPrincipal, k.Common.Refresh, back}
}

// FullHelp lists every binding.
func (h *History) FullHelp() [][]key.Binding {
	k := h.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{common.WithHelpDesc(k.History.FilterEvent, "filter events"), k.History.FilterPrincipal, k.Common.Refresh},
		{k.Common.Back, k.Common.Help},
	}
}

// selected is the event under the cursor.
func (h *History) selected() (aws.TrailEvent, bool) {
	if h.cursor < 0 || h.cursor >= len(h.shown) {
		return aws.TrailEvent{}, false
	}
	return h.events[h.shown[h.cursor]], true
}
