package clipboard

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/smtui/smtui/ui/childenv"
)

// The background clearer is a copy of smtui started with a hidden argument
// when smtui quits while a secret copy is still due to be cleared. It must
// outlive the terminal: a tmux pane or terminal window whose command was
// smtui closes as smtui exits, and its hang-up (SIGHUP to the session, the
// process group killed) must not reach the clearer. So it is started fully
// detached (StartClearer), ignores hang-ups from its first instruction
// (ServeClearer), and tells smtui it is ready before smtui exits.

// maxWait caps how long a clearer waits, whatever it was told.
const maxWait = time.Hour

// readyWord is what the clearer writes on its ready pipe once set up.
const readyWord = "ok"

// readyFD is the clearer's descriptor of the ready pipe (the first of
// exec.Cmd.ExtraFiles).
const readyFD = 3

// ClearerArg is the hidden first (and only) argument that makes smtui a
// background clearer: main hands such a run to ServeClearer.
const ClearerArg = "__clear-clipboard"

// Job is what the clearer is told on its stdin: the hash of the copy, never
// the text, and when to clear.
type Job struct {
	Sum [sha256.Size]byte
	Due time.Time
}

// encode writes the job as one line: "HEXSUM UNIXNANO\n".
func (j Job) encode(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%x %d\n", j.Sum, j.Due.UnixNano())
	return err
}

// decodeJob reads the line written by encode.
func decodeJob(r io.Reader) (Job, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 256)).ReadString('\n')
	if err != nil {
		return Job{}, fmt.Errorf("read the job: %w", err)
	}
	f := strings.Fields(line)
	if len(f) != 2 {
		return Job{}, errors.New("read the job: want a hash and a time")
	}
	raw, err := hex.DecodeString(f[0])
	if err != nil || len(raw) != sha256.Size {
		return Job{}, errors.New("read the job: the hash is not a SHA-256")
	}
	due, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return Job{}, fmt.Errorf("read the job: the time: %w", err)
	}
	var j Job
	copy(j.Sum[:], raw)
	j.Due = time.Unix(0, due)
	return j, nil
}

// ReadyPipe is the clearer's end of the pipe on which it says it is ready,
// as StartClearer passes it.
func ReadyPipe() *os.File { return os.NewFile(readyFD, "smtui-clearer-ready") }

// ServeClearer is the whole life of the background clearer process: it
// ignores hang-ups and interrupts (before anything else), reads its Job from
// stdin, says "ok" on ready once it can do the job, waits until the job is
// due (at most an hour) and clears c if it still holds the copy. It returns
// the process's exit status.
func ServeClearer(stdin io.Reader, ready io.WriteCloser, c Clipboard) int {
	signal.Ignore(syscall.SIGHUP, syscall.SIGINT)
	return serveClearer(stdin, ready, c, time.Now, time.Sleep)
}

// serveClearer is ServeClearer without the process-wide signal disposition.
func serveClearer(stdin io.Reader, ready io.WriteCloser, c Clipboard, now func() time.Time, sleep func(time.Duration)) int {
	job, err := decodeJob(stdin)
	if err != nil || !c.Available() {
		_ = ready.Close() // no "ok": smtui tells the operator to clear it
		return 2
	}
	_, werr := io.WriteString(ready, readyWord)
	_ = ready.Close()
	if werr != nil {
		return 2 // smtui did not hear "ok" and told the operator to clear it
	}
	sleep(min(max(job.Due.Sub(now()), 0), maxWait))
	if _, err := ClearIfUnchanged(c, job.Sum); err != nil {
		return 1
	}
	return 0
}

// StartClearer starts exe with args as the background clearer of job, fully
// detached from smtui's terminal (its own session, stdin a pipe that carries
// the job then closes, stdout and stderr to /dev/null, the working directory
// /, an environment without AWS credentials), and waits up to wait for it to
// say it is ready. It returns the clearer's pid.
func StartClearer(exe string, args []string, job Job, wait time.Duration) (int, error) {
	readyR, readyW, err := os.Pipe()
	if err != nil {
		return 0, fmt.Errorf("start the clipboard clearer: %w", err)
	}
	defer readyR.Close()
	cmd := exec.Command(exe, args...)
	cmd.Env = childenv.Environ()
	cmd.Dir = "/"
	cmd.ExtraFiles = []*os.File{readyW}
	cmd.SysProcAttr = detached()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		_ = readyW.Close()
		return 0, fmt.Errorf("start the clipboard clearer: %w", err)
	}
	err = cmd.Start()
	_ = readyW.Close() // the child holds its own copy
	if err != nil {
		return 0, fmt.Errorf("start the clipboard clearer: %w", err)
	}
	pid := cmd.Process.Pid
	err = job.encode(stdin)
	if cerr := stdin.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = awaitReady(readyR, wait)
	}
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return 0, fmt.Errorf("the clipboard clearer did not start: %w", err)
	}
	_ = cmd.Process.Release() // it outlives smtui; nothing waits for it
	return pid, nil
}

// awaitReady reads the clearer's "ok" within wait.
func awaitReady(r *os.File, wait time.Duration) error {
	if err := r.SetReadDeadline(time.Now().Add(wait)); err != nil {
		return fmt.Errorf("wait for it: %w", err)
	}
	buf := make([]byte, len(readyWord))
	if _, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return fmt.Errorf("it did not say it was ready within %s", wait)
		}
		return errors.New("it stopped before it was ready")
	}
	if string(buf) != readyWord {
		return errors.New("it answered something unexpected")
	}
	return nil
}
