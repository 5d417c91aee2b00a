package ui

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
)

// harness drives an App the way Bubble Tea would, but under the test's
// control: commands run in goroutines, their messages queue up, and the test
// processes them (in Update, on the test goroutine) until the screen shows
// what it waits for.
type harness struct {
	t    *testing.T
	app  *App
	emu  *emulator.Server
	msgs chan tea.Msg
	quit bool
	done chan struct{}
}

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
		close(h.done)
		_ = srv.Close()
	})
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.app.Init())
	return h
}

// run executes a command in the background; its message is queued.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		select {
		case h.msgs <- msg:
		case <-h.done:
		}
	}()
}

// deliver processes one message the way the Bubble Tea runtime would.
func (h *harness) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
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
		go func() {
			for _, c := range cmds {
				if c == nil {
					continue
				}
				m := c()
				select {
				case h.msgs <- m:
				case <-h.done:
					return
				}
			}
		}()
		return
	}
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// send delivers a message now, then drains what is already queued.
func (h *harness) send(msg tea.Msg) {
	h.deliver(msg)
	h.drain(20 * time.Millisecond)
}

// drain processes queued messages until none arrives for quiet.
func (h *harness) drain(quiet time.Duration) {
	for {
		select {
		case m := <-h.msgs:
			h.deliver(m)
		case <-time.After(quiet):
			return
		}
	}
}

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
// after 10 seconds with the screen in the message.
func (h *harness) waitUntil(what string, cond func(screen string) bool) string {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		if s := h.screen(); cond(s) {
			return s
		}
		select {
		case m := <-h.msgs:
			h.deliver(m)
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; screen:\n%s", what, h.screen())
		}
	}
}
