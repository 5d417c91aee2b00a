//go:build linux

package ui_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui"
)

// The end-to-end tests run smtui as a real process: the test binary
// re-executed in the "app" role runs the App through Run (the very
// wiring main uses, signals included) on pipes instead of a terminal, on an
// emulator holding one plaintext secret. The test types keys on its stdin,
// reads everything it writes to the terminal, and signals it.
const e2eRoleVar = "SMTUI_E2E_ROLE"

// e2eValue is the secret value the app reveals.
const e2eValue = "E2E-REVEALED-VALUE-7f3a9c"

func TestMain(m *testing.M) {
	if os.Getenv(e2eRoleVar) == "app" {
		os.Exit(runE2EApp())
	}
	widenParallel()
	os.Exit(m.Run())
}

// widenParallel lets more parallel tests run at once than the default
// (GOMAXPROCS), unless -test.parallel was given: most ui tests spend their
// time waiting for the emulator, a timer or a child process, not on a CPU.
func widenParallel() {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		_ = flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
	}
}

func runE2EApp() int {
	srv, err := emulator.Start(emulator.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulator:", err)
		return 3
	}
	defer srv.Close()
	sessions := aws.NewSessions(aws.ConnectOptions{EndpointURL: srv.URL, AccessKeyID: "E2E", SecretAccessKey: "e2e", CallTimeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	store, err := sessions.Store(ctx, "e2e", "us-east-1")
	if err == nil {
		_, err = store.CreateSecret(ctx, aws.CreateSecretInput{Name: "e2e/token", Value: aws.TextValue(e2eValue)})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		return 3
	}
	app := ui.New(ui.Options{
		Profile: "e2e", Regions: []string{"us-east-1"}, Demo: true, CallTimeout: 5 * time.Second,
		Connect: sessions.Store, Editor: strings.Fields(os.Getenv("SMTUI_E2E_EDITOR")),
		Notice: ui.SweepEditLeftovers(),
	})
	return ui.Run(app, os.Stderr, tea.WithInput(os.Stdin), tea.WithOutput(os.Stdout), tea.WithWindowSize(100, 30),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}))
}

// syncBuffer collects a process's output.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type e2eProc struct {
	t        *testing.T
	cmd      *exec.Cmd
	stdin    io.WriteCloser
	out, err *syncBuffer
	exited   chan struct{}
	code     int
}

// startApp runs the app role with env added to the test's environment.
func startApp(t *testing.T, env ...string) *e2eProc {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	a := &e2eProc{t: t, out: &syncBuffer{}, err: &syncBuffer{}, exited: make(chan struct{})}
	a.cmd = exec.Command(exe)
	a.cmd.Env = append(append(os.Environ(), e2eRoleVar+"=app"), env...)
	a.cmd.Stdout, a.cmd.Stderr = a.out, a.err
	if a.stdin, err = a.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := a.cmd.Wait()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			a.code = ee.ExitCode()
		case err != nil:
			a.code = -1
		}
		close(a.exited)
	}()
	t.Cleanup(func() {
		_ = a.cmd.Process.Kill()
		<-a.exited
	})
	return a
}

// screenText is everything the app wrote, without escape sequences.
func (a *e2eProc) screenText() string { return ansi.Strip(a.out.String()) }

// waitText waits until the app has written want.
func (a *e2eProc) waitText(want string) {
	a.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(a.screenText(), want) {
		if time.Now().After(deadline) {
			a.t.Fatalf("the app never showed %q; it showed:\n%s\nstderr: %s", want, a.screenText(), a.err.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keys types s as the terminal would send it.
func (a *e2eProc) keys(s string) {
	a.t.Helper()
	if _, err := io.WriteString(a.stdin, s); err != nil {
		a.t.Fatalf("type %q: %v", s, err)
	}
}

// waitExit waits for the process to end and returns its exit status.
func (a *e2eProc) waitExit() int {
	a.t.Helper()
	select {
	case <-a.exited:
		return a.code
	case <-time.After(15 * time.Second):
		a.t.Fatalf("the app did not exit; stderr: %s", a.err.String())
		return 0
	}
}

// openValue walks from the list to the secret's value screen.
func (a *e2eProc) openValue() {
	a.t.Helper()
	a.waitText("e2e/token")
	a.keys("\r") // open the detail
	a.waitText("ARN")
	a.keys("\r") // open the value
	a.waitText("plaintext")
}

func TestE2ESignalWithAValueRevealedRestoresTheTerminal(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			a := startApp(t)
			a.openValue()
			a.keys("V") // reveal everything
			a.waitText(e2eValue)
			if err := a.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := a.waitExit(); code != 128+int(sig) {
				t.Fatalf("exit status %d, want %d; stderr: %s", code, 128+int(sig), a.err.String())
			}
			out := a.out.String()
			last := strings.LastIndex(out, e2eValue)
			tail := out[last+len(e2eValue):]
			leave := strings.LastIndex(tail, ansi.ResetModeAltScreenSaveCursor)
			if leave < 0 {
				t.Fatalf("the app never left the alternate screen; it ended with %q", lastBytes(out))
			}
			if !strings.Contains(tail[:leave], ansi.EraseEntireScreen) {
				t.Fatalf("the alternate screen was not cleared before leaving it: %q", lastBytes(out))
			}
			after := tail[leave:]
			for what, seq := range map[string]string{
				"mouse off (button events)": ansi.ResetModeMouseButtonEvent,
				"mouse off (SGR)":           ansi.ResetModeMouseExtSgr,
				"cursor shown":              ansi.ShowCursor,
			} {
				if !strings.Contains(tail, seq) {
					t.Errorf("%s missing from the way out: %q", what, lastBytes(out))
				}
			}
			if strings.Contains(after, e2eValue) || strings.Contains(a.err.String(), e2eValue) {
				t.Fatal("the value was written again after leaving the alternate screen")
			}
			if !strings.Contains(a.err.String(), "smtui: stopped by SIG") {
				t.Errorf("stderr does not say why smtui stopped: %q", a.err.String())
			}
		})
	}
}

// lastBytes is the end of the output, for failure messages.
func lastBytes(s string) string { return s[max(0, len(s)-400):] }

// blockingEditor writes a fake $EDITOR that records the file it was given,
// ignores hang-ups (as a stubborn editor may) and waits for release.
func blockingEditor(t *testing.T) (script, started, release string) {
	t.Helper()
	dir := t.TempDir()
	started, release = filepath.Join(dir, "started"), filepath.Join(dir, "release")
	script = filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\ntrap '' HUP\necho \"$1\" > " + started + ".tmp && mv " + started + ".tmp " + started + "\n" +
		"i=0; while [ ! -e " + release + " ] && [ $i -lt 1500 ]; do sleep 0.02; i=$((i+1)); done\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, started, release
}

// openEditor opens the value in the fake editor and returns the file.
func openEditor(t *testing.T, a *e2eProc, started string) string {
	t.Helper()
	a.openValue()
	a.keys("E")
	deadline := time.Now().Add(15 * time.Second)
	for {
		if data, err := os.ReadFile(started); err == nil {
			return strings.TrimSpace(string(data))
		}
		if time.Now().After(deadline) {
			t.Fatalf("the editor did not start; screen:\n%s\nstderr: %s", a.screenText(), a.err.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func waitGone(t *testing.T, path, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s is still there", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestE2EHangupWhileEditorOpenRemovesTheFileAtOnce(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	script, started, release := blockingEditor(t)
	a := startApp(t, "TMPDIR="+tmp, "SMTUI_E2E_EDITOR="+script)
	file := openEditor(t, a, started)
	if data, err := os.ReadFile(file); err != nil || string(data) != e2eValue {
		t.Fatalf("the editor's file: %v", err)
	}
	if err := a.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// The editor ignores the hang-up and is still open: the file goes anyway.
	waitGone(t, filepath.Dir(file), "the editor's directory (with the plaintext value)")
	if _, err := os.Stat(release); err == nil {
		t.Fatal("the editor was released early")
	}
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := a.waitExit(); code != 128+int(syscall.SIGHUP) {
		t.Fatalf("exit status %d, want %d; stderr: %s", code, 128+int(syscall.SIGHUP), a.err.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("left in the temp directory: %v", left)
	}
}

func TestE2ETermWhileEditorOpenIsHandledWhenItReturns(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	script, started, release := blockingEditor(t)
	a := startApp(t, "TMPDIR="+tmp, "SMTUI_E2E_EDITOR="+script)
	openEditor(t, a, started)
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// SIGTERM has no grace timer: smtui waits for the editor.
	time.Sleep(2*ui.SignalGrace + 500*time.Millisecond)
	select {
	case <-a.exited:
		t.Fatalf("smtui stopped while the editor was open (status %d)", a.code)
	default:
	}
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := a.waitExit(); code != 128+int(syscall.SIGTERM) {
		t.Fatalf("exit status %d, want %d (the SIGTERM was lost); stderr: %s", code, 128+int(syscall.SIGTERM), a.err.String())
	}
	if !strings.Contains(a.err.String(), "stopped by SIGTERM") {
		t.Fatalf("stderr: %q", a.err.String())
	}
}

func TestE2ENextStartRemovesWhatASIGKILLLeft(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	script, started, release := blockingEditor(t)
	a := startApp(t, "TMPDIR="+tmp, "SMTUI_E2E_EDITOR="+script)
	file := openEditor(t, a, started)
	pid := a.cmd.Process.Pid
	if err := a.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	// Let the orphaned editor go: it holds the app's output pipe open.
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a.waitExit()
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("SIGKILL cannot be caught, the file should still be there: %v", err)
	}
	b := startApp(t, "TMPDIR="+tmp)
	b.waitText(fmt.Sprintf("removed 1 leftover edit file from a previous smtui that did not exit (pid %d)", pid))
	waitGone(t, filepath.Dir(file), "the leftover edit directory")
	if strings.Contains(b.out.String(), e2eValue) {
		t.Fatal("the second start showed the value")
	}
}
