package ui

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// harness drives an App the way Bubble Tea would, but under the test's
// control: commands run in goroutines, their messages queue up, and the test
// processes them (in Update, on the test goroutine). It never waits for a
// quiet period: it counts the commands still running, so "settled" means
// every command has returned and its message was processed. Timers
// (tea.Tick, tea.Every: reveal expiry, status TTL, spinners, rotation
// polling) are not counted: they fire in real time and a test that needs
// one waits for what it does (waitUntil), never for a fixed pause.
type harness struct {
	t    *testing.T
	app  *App
	emu  *emulator.Server
	msgs chan tea.Msg
	busy int // commands (not timers) whose message the test goroutine has not taken yet
	quit bool
	done chan struct{}
}

// settleTimeout bounds how long commands may keep running before a test
// fails: far beyond any per-call timeout the tests configure.
const settleTimeout = 30 * time.Second

// fakeClipboard is an in-memory system clipboard.
type fakeClipboard struct {
	mu        sync.Mutex
	available bool
	text      string
	writes    int
}

func (c *fakeClipboard) Available() bool { return c.available }
func (c *fakeClipboard) WriteAll(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text = s
	c.writes++
	return nil
}
func (c *fakeClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, nil
}
func (c *fakeClipboard) writeCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.writes
}
func (c *fakeClipboard) get() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text
}

// testConnector connects to the emulator with static credentials, caching
// one Store per (profile, region) as the real connector does.
func testConnector(url string) Connector {
	var mu sync.Mutex
	cache := map[string]aws.Store{}
	return func(ctx context.Context, profile, region string) (aws.Store, error) {
		mu.Lock()
		defer mu.Unlock()
		k := profile + "/" + region
		if s, ok := cache[k]; ok {
			return s, nil
		}
		s, err := aws.Connect(ctx, aws.ConnectOptions{
			Profile: profile, Region: region, EndpointURL: url,
			AccessKeyID: "AKIDTEST", SecretAccessKey: "test-secret",
			CallTimeout: 5 * time.Second, MaxAttempts: 2,
		})
		if err != nil {
			return nil, err
		}
		cache[k] = s
		return s, nil
	}
}

// newHarness starts a seeded emulator and an App on it at the given size.
// mod may adjust the options (read-only, clipboard, timeouts, ...).
func newHarness(t *testing.T, width, height int, emuOpts emulator.Options, mod func(*Options)) *harness {
	t.Helper()
	if emuOpts.RotationStepDelay == 0 {
		emuOpts.RotationStepDelay = 5 * time.Millisecond
	}
	srv, err := emulator.Start(emuOpts)
	if err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	opts := Options{
		Profile:     "test",
		Regions:     []string{"us-east-1"},
		Demo:        true,
		CallTimeout: 5 * time.Second,
		Connect:     testConnector(srv.URL),
		Clipboard:   &fakeClipboard{available: true},
	}
	if mod != nil {
		mod(&opts)
	}
	h := &harness{t: t, app: New(opts), emu: srv, msgs: make(chan tea.Msg, 1024), done: make(chan struct{})}
	t.Cleanup(func() {
		// Commands still running (a cache save after the last page) may
		// write in the test's temporary directory, whose removal (an
		// earlier cleanup, run after this one) would then fail.
		h.quiesce(5 * time.Second)
		close(h.done)
		_ = srv.Close()
	})
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.app.Init())
	return h
}

// cmdDone carries the message of a counted command (or, with a nil msg,
// marks the end of a sequence's counted part): taking it off the queue is
// what tells the test goroutine that the command is done.
type cmdDone struct{ msg tea.Msg }

// run executes a command in the background; its message is queued.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if isTimer(cmd) {
		go func() { h.post(cmd()) }()
		return
	}
	h.busy++
	go func() { h.post(cmdDone{cmd()}) }()
}

// post queues a command's message unless the test has ended.
func (h *harness) post(msg tea.Msg) bool {
	select {
	case h.msgs <- msg:
		return true
	case <-h.done:
		return false
	}
}

// timerFuncs are the functions whose returned commands wait for real time:
// tea.Tick and tea.Every (the app's timers, spinners) and the text cursor's
// blink, which waits on a context deadline.
func timerFuncs() []string {
	return []string{
		"charm.land/bubbletea/v2.Tick.",
		"charm.land/bubbletea/v2.Every.",
		"charm.land/bubbles/v2/cursor.(*Model).Blink.",
	}
}

// isTimer reports whether cmd is a timer, which the harness lets run in
// real time without waiting for it.
func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, f := range timerFuncs() {
		if strings.HasPrefix(name, f) {
			return true
		}
	}
	return false
}

// deliver processes one message the way the Bubble Tea runtime would.
func (h *harness) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case cmdDone:
		h.busy--
		h.deliver(msg.msg)
		return
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
		return
	case tea.QuitMsg:
		h.quit = true
		return
	}
	// tea.Sequence's message is unexported: a slice of commands run in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		cmds := make([]tea.Cmd, v.Len())
		for i := range cmds {
			cmds[i] = v.Index(i).Interface().(tea.Cmd)
		}
		h.busy++
		go func() {
			counted := true
			for _, c := range cmds {
				if c == nil {
					continue
				}
				if counted && isTimer(c) {
					// The rest of the sequence waits for the timer: it runs
					// on, uncounted, as a timer would.
					counted = false
					if !h.post(cmdDone{}) {
						return
					}
				}
				if !h.post(c()) {
					return
				}
			}
			if counted {
				h.post(cmdDone{})
			}
		}()
		return
	}
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// send delivers a message now, then settles.
func (h *harness) send(msg tea.Msg) {
	h.deliver(msg)
	h.settle()
}

// settle processes messages until every command (timers aside) has
// returned and its message was processed.
func (h *harness) settle() {
	h.t.Helper()
	var deadline <-chan time.Time
	for {
		if h.busy == 0 {
			// Every counted command's message was taken: what is not in
			// the queue now can only come from a timer.
			select {
			case m := <-h.msgs:
				h.deliver(m)
				continue
			default:
				return
			}
		}
		if deadline == nil {
			deadline = time.After(settleTimeout)
		}
		select {
		case m := <-h.msgs:
			h.deliver(m)
		case <-deadline:
			h.t.Fatalf("%d commands still running after %s; screen:\n%s", h.busy, settleTimeout, h.screen())
		}
	}
}

// quiesce delivers messages until no command is running, for at most
// limit (a command held by a test's gate never ends): unlike settle, it
// does not fail the test.
func (h *harness) quiesce(limit time.Duration) {
	deadline := time.After(limit)
	for h.busy > 0 {
		select {
		case m := <-h.msgs:
			h.deliver(m)
		case <-deadline:
			return
		}
	}
}

// drain settles. The quiet period it once waited for is ignored: the
// harness knows when commands are done.
func (h *harness) drain(time.Duration) { h.settle() }

// press sends the first key of a binding, by binding, never by literal.
func (h *harness) press(b key.Binding) {
	h.t.Helper()
	keys := b.Keys()
	if len(keys) == 0 || !b.Enabled() {
		h.t.Fatalf("binding %q is disabled or has no keys", b.Help().Desc)
	}
	h.send(keyPress(keys[0]))
}

// typeText types text into whatever has focus.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// keyPress builds the KeyPressMsg a terminal would send for a key name.
func keyPress(k string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "tab": tea.KeyTab, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "home": tea.KeyHome, "end": tea.KeyEnd,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "delete": tea.KeyDelete,
	}
	if strings.HasPrefix(k, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(k[len("ctrl+")]), Mod: tea.ModCtrl}
	}
	if c, ok := special[k]; ok {
		msg := tea.KeyPressMsg{Code: c}
		if k == "space" {
			msg.Text = " "
		}
		return msg
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the whole window as a person sees it, without ANSI codes.
func (h *harness) screen() string {
	return ansi.Strip(h.app.View().Content)
}

// waitFor processes messages until the screen contains want, or fails.
func (h *harness) waitFor(want string) string {
	h.t.Helper()
	return h.waitUntil(want, func(s string) bool { return strings.Contains(s, want) })
}

// waitUntil processes messages until cond holds for the screen, or fails
// after 30 seconds (a deadline for a stuck test on a loaded machine, not a measure of speed) with the screen in the message. It checks the screen
// after every message, so a passing state is not missed, and between
// messages it blocks (for a running command or a timer), never polls.
func (h *harness) waitUntil(what string, cond func(screen string) bool) string {
	h.t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		if s := h.screen(); cond(s) {
			return s
		}
		select {
		case m := <-h.msgs:
			h.deliver(m)
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; screen:\n%s", what, h.screen())
		}
	}
}

// The harness tells timers from other commands by the function tea.Tick and
// tea.Every return; if Bubble Tea changes that, this fails instead of the
// harness silently waiting for every timer.
func TestHarnessTellsTimersFromCommands(t *testing.T) {
	t.Parallel()
	fn := func(time.Time) tea.Msg { return nil }
	if !isTimer(tea.Tick(time.Hour, fn)) || !isTimer(tea.Every(time.Hour, fn)) {
		t.Error("tea.Tick or tea.Every not recognised as a timer")
	}
	c := cursor.New()
	c.SetMode(cursor.CursorBlink)
	if !isTimer(c.Focus()) {
		t.Error("the cursor's blink not recognised as a timer")
	}
	if isTimer(func() tea.Msg { return nil }) || isTimer(tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { return nil })) {
		t.Error("a plain command taken for a timer")
	}
}
