package ui

import (
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// fakeProgram records what the watch does to the program. stopOnKill makes
// Kill end the program (close done), as Bubble Tea's does when its event
// loop is free; blockSend makes Send hang, as it does while $EDITOR runs.
type fakeProgram struct {
	sent       chan tea.Msg
	killed     chan struct{}
	done       chan struct{}
	stopOnKill bool
	blockSend  chan struct{}
	once       sync.Once
}

func newFakeProgram() *fakeProgram {
	return &fakeProgram{sent: make(chan tea.Msg, 4), killed: make(chan struct{}, 4), done: make(chan struct{})}
}

func (p *fakeProgram) Send(msg tea.Msg) {
	if p.blockSend != nil {
		<-p.blockSend
	}
	p.sent <- msg
}

func (p *fakeProgram) Kill() {
	p.killed <- struct{}{}
	if p.stopOnKill {
		p.finish()
	}
}

func (p *fakeProgram) finish() { p.once.Do(func() { close(p.done) }) }

// watch starts a SignalWatch on p and returns its signal channel, a channel
// closed when Run returns, and the cleanup and exit records.
func watch(p *fakeProgram, grace time.Duration) (chan os.Signal, chan struct{}, chan struct{}, chan int) {
	sigs := make(chan os.Signal, 2)
	cleaned := make(chan struct{}, 8)
	exited := make(chan int, 1)
	returned := make(chan struct{})
	w := SignalWatch{
		Signals: sigs, Program: p, Grace: grace,
		Cleanup: func() { cleaned <- struct{}{} },
		Exit:    func(code int) { exited <- code },
	}
	go func() { defer close(returned); w.Run(p.done) }()
	return sigs, returned, cleaned, exited
}

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

func TestSignalWatchTermIsAnOrderlyStop(t *testing.T) {
	t.Parallel()
	p := newFakeProgram()
	sigs, returned, cleaned, _ := watch(p, time.Millisecond)
	sigs <- syscall.SIGTERM
	recv(t, cleaned, "the cleanup")
	if msg := recv(t, p.sent, "the SignalMsg"); msg != (SignalMsg{Signal: syscall.SIGTERM}) {
		t.Fatalf("sent %#v", msg)
	}
	p.finish() // the App quit
	recv(t, returned, "Run to return")
	select {
	case <-p.killed:
		t.Fatal("an orderly SIGTERM stop was killed")
	default:
	}
}

// While $EDITOR runs, Send blocks: the cleanup still happens at once, and the
// SIGTERM is delivered when the editor returns, with no kill meanwhile (no
// grace timer for SIGINT and SIGTERM).
func TestSignalWatchTermWhileEditorOpenWaitsForTheEditor(t *testing.T) {
	t.Parallel()
	p := newFakeProgram()
	p.blockSend = make(chan struct{})
	sigs, returned, cleaned, _ := watch(p, time.Millisecond)
	sigs <- syscall.SIGTERM
	recv(t, cleaned, "the cleanup while the editor is open")
	time.Sleep(20 * time.Millisecond) // 20 graces: a timer would have fired
	select {
	case <-p.killed:
		t.Fatal("killed while the editor was open")
	case <-p.sent:
		t.Fatal("delivered while the event loop was blocked")
	default:
	}
	close(p.blockSend) // the editor returned
	if msg := recv(t, p.sent, "the SignalMsg after the editor"); msg != (SignalMsg{Signal: syscall.SIGTERM}) {
		t.Fatalf("sent %#v", msg)
	}
	p.finish()
	recv(t, returned, "Run to return")
}

func TestSignalWatchHangupIsForcedAfterGrace(t *testing.T) {
	t.Parallel()
	p := newFakeProgram()
	p.stopOnKill = true
	forced := make(chan struct{}, 1)
	sigs := make(chan os.Signal, 1)
	received := make(chan os.Signal, 1)
	// The grace also bounds how long the kill may take to stop the program
	// before Exit: long enough for its goroutine to run on a loaded machine.
	w := SignalWatch{Signals: sigs, Program: p, Grace: 500 * time.Millisecond, Received: received,
		Force: func() { forced <- struct{}{} }, Exit: func(int) { t.Error("Exit called although Kill stopped the program") }}
	returned := make(chan struct{})
	go func() { defer close(returned); w.Run(p.done) }()
	sigs <- syscall.SIGHUP
	recv(t, p.sent, "the SignalMsg") // the App never quits (its loop is stuck)
	recv(t, forced, "the forced clear")
	recv(t, p.killed, "the kill after the grace")
	recv(t, returned, "Run to return")
	if sig := recv(t, received, "the signal reported to the caller"); sig != syscall.SIGHUP {
		t.Fatalf("Received got %v", sig)
	}
}

func TestSignalWatchSecondSignalForces(t *testing.T) {
	t.Parallel()
	p := newFakeProgram()
	p.stopOnKill = true
	sigs, returned, cleaned, _ := watch(p, time.Hour)
	sigs <- syscall.SIGINT
	recv(t, cleaned, "the first cleanup")
	recv(t, p.sent, "the SignalMsg")
	sigs <- syscall.SIGINT
	recv(t, cleaned, "the second cleanup")
	recv(t, p.killed, "the kill on the second signal")
	recv(t, returned, "Run to return")
}

func TestSignalWatchExitsWhenKillCannotStopTheProgram(t *testing.T) {
	t.Parallel()
	p := newFakeProgram() // Kill does not end it (an editor ignores the hang-up)
	sigs, returned, _, exited := watch(p, 5*time.Millisecond)
	sigs <- syscall.SIGQUIT
	recv(t, p.killed, "the kill")
	if code := recv(t, exited, "the exit"); code != 128+int(syscall.SIGQUIT) {
		t.Fatalf("exit code %d, want %d", code, 128+int(syscall.SIGQUIT))
	}
	recv(t, returned, "Run to return")
}

func TestSignalWatchEndsWithTheProgram(t *testing.T) {
	t.Parallel()
	p := newFakeProgram()
	_, returned, cleaned, _ := watch(p, time.Millisecond)
	p.finish()
	recv(t, returned, "Run to return")
	select {
	case <-cleaned:
		t.Fatal("cleanup ran without a signal")
	case <-p.sent:
		t.Fatal("a message was sent without a signal")
	default:
	}
}
