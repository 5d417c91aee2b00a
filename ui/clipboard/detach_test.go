//go:build linux

package clipboard

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary plays two helper roles, chosen by this variable:
//   - "parent" is smtui quitting in a terminal pane: it starts the clearer
//     exactly as main does (StartClearer), reports the clearer's pid, then
//     waits for the pane to close around it;
//   - "child" is the clearer: ServeClearer, as main runs it, on a clipboard
//     kept in a file (test code only: production has no such clipboard).
const roleVar = "SMTUI_CLEARER_TEST_ROLE"

func TestMain(m *testing.M) {
	switch os.Getenv(roleVar) {
	case "parent":
		os.Exit(helperParent())
	case "child":
		clip := fileClipboard{path: os.Getenv("SMTUI_CLEARER_TEST_CLIPBOARD")}
		_ = os.WriteFile(os.Getenv("SMTUI_CLEARER_TEST_ENVDUMP"), []byte(strings.Join(os.Environ(), "\n")), 0o600)
		os.Exit(ServeClearer(os.Stdin, ReadyPipe(), clip))
	}
	os.Exit(m.Run())
}

func helperParent() int {
	raw, _ := hex.DecodeString(os.Getenv("SMTUI_CLEARER_TEST_SUM"))
	var job Job
	copy(job.Sum[:], raw)
	ms, _ := strconv.Atoi(os.Getenv("SMTUI_CLEARER_TEST_DUE_MS"))
	job.Due = time.Now().Add(time.Duration(ms) * time.Millisecond)
	exe, err := os.Executable()
	if err == nil {
		_ = os.Setenv(roleVar, "child")
		var pid int
		if pid, err = StartClearer(exe, nil, job, 5*time.Second); err == nil {
			fmt.Printf("started %d\n", pid)
			time.Sleep(time.Minute) // the pane is still open, until the test closes it
			return 0
		}
	}
	fmt.Printf("error %v\n", err)
	return 1
}

func TestClearerSurvivesThePaneClosing(t *testing.T) {
	dir := t.TempDir()
	clipFile := filepath.Join(dir, "clipboard")
	envDump := filepath.Join(dir, "clearer.env")
	if err := os.WriteFile(clipFile, []byte("s3cr3t"), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("s3cr3t"))
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	parent := exec.Command(exe)
	parent.Env = append(os.Environ(),
		roleVar+"=parent",
		"SMTUI_CLEARER_TEST_CLIPBOARD="+clipFile,
		"SMTUI_CLEARER_TEST_ENVDUMP="+envDump,
		"SMTUI_CLEARER_TEST_SUM="+hex.EncodeToString(sum[:]),
		"SMTUI_CLEARER_TEST_DUE_MS=1500",
		"AWS_ACCESS_KEY_ID=AKIAEXAMPLEKEY",
		"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIEXAMPLE",
		"AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLE",
	)
	// The parent leads a session and a process group of its own, as the
	// command of a terminal pane does; closing the pane is simulated by a
	// hang-up to, then the killing of, that whole group.
	parent.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Kill(-parent.Process.Pid, syscall.SIGKILL); _ = parent.Wait() })
	lines := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		lines <- strings.TrimSpace(l)
	}()
	var line string
	select {
	case line = <-lines:
	case <-time.After(10 * time.Second):
		t.Fatal("the parent did not report starting the clearer")
	}
	f := strings.Fields(line)
	if len(f) != 2 || f[0] != "started" {
		t.Fatalf("parent: %q", line)
	}
	child, _ := strconv.Atoi(f[1])
	if pgid, err := syscall.Getpgid(child); err != nil || pgid != child {
		t.Fatalf("the clearer's process group is %d (%v), want its own (%d)", pgid, err, child)
	}

	// The pane closes: SIGHUP to the parent's group, then SIGKILL.
	if err := syscall.Kill(-parent.Process.Pid, syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(-parent.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = parent.Wait()
	if err := syscall.Kill(child, 0); err != nil {
		t.Fatalf("the clearer died with the pane: %v", err)
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(clipFile)
		if err == nil && len(data) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the clipboard was not cleared: it holds %d bytes", len(data))
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The clearer exits once done (it is no child of ours: wait for it to go).
	for syscall.Kill(child, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatal("the clearer did not exit after clearing")
		}
		time.Sleep(20 * time.Millisecond)
	}

	env, err := os.ReadFile(envDump)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(env), "SMTUI_CLEARER_TEST_CLIPBOARD=") {
		t.Fatal("the clearer lost the operator's environment")
	}
	for _, l := range strings.Split(string(env), "\n") {
		if strings.HasPrefix(l, "AWS_") {
			t.Errorf("the clearer got %s", l[:strings.IndexByte(l, '=')])
		}
	}
}
