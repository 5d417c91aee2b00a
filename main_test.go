package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func runCapture(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	in, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var errBuf bytes.Buffer
	code = run(args, in, out, &errBuf)
	b, err := os.ReadFile(out.Name())
	if err != nil {
		t.Fatal(err)
	}
	return code, string(b), errBuf.String()
}

func TestHelpGoesToStdout(t *testing.T) {
	code, out, errOut := runCapture(t, "--help")
	if code != 0 || errOut != "" || !strings.Contains(out, "-p, --profile") {
		t.Errorf("--help: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
}

func TestUsageErrorIsTwoLines(t *testing.T) {
	code, out, errOut := runCapture(t, "--timeout", "0")
	want := "smtui: --timeout must be a positive duration such as 15s or 2m, not 0s\nRun 'smtui --help' for usage.\n"
	if code != 2 || out != "" || errOut != want {
		t.Errorf("--timeout 0: exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, want)
	}
}

func TestNoTerminal(t *testing.T) {
	code, _, errOut := runCapture(t, "--demo")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "not a terminal") || strings.Contains(errOut, "bubbletea") {
		t.Errorf("--demo without a terminal: exit %d, stderr %q", code, errOut)
	}
}
