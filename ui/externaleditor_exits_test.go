package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/ui/editdir"
	"github.com/smtui/smtui/ui/pages/secret"
)

func TestExternalEditorGetsNoAWSCredentials(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIEXAMPLE")
	t.Setenv("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLE")
	t.Setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer EXAMPLE")
	t.Setenv("SMTUI_ENV_PROBE", "kept")
	root := t.TempDir()
	dump := filepath.Join(t.TempDir(), "env")
	script, _ := fakeEditor(t, "env > "+dump)
	e := secret.NewExternalEditor([]string{script}, runDirect)
	e.TempRoot = root
	if r := runExternal(t, e, "v", ".txt"); r.Err != nil {
		t.Fatal(r.Err)
	}
	data, err := os.ReadFile(dump)
	if err != nil {
		t.Fatalf("the fake editor did not dump its environment: %v", err)
	}
	env := string(data)
	if !strings.Contains(env, "SMTUI_ENV_PROBE=kept") || !strings.Contains(env, "PATH=") {
		t.Fatalf("the editor lost the operator's environment:\n%s", env)
	}
	for _, line := range strings.Split(env, "\n") {
		if strings.HasPrefix(line, "AWS_") {
			t.Errorf("the editor got %s", line[:strings.IndexByte(line, '=')])
		}
	}
}

// The signal path does not wait for the editor: while it is still open,
// editdir.RemoveOwn (what main calls on SIGHUP) removes the plaintext file.
func TestEditorFileGoesAtOnceOnTheSignalPath(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	started := filepath.Join(t.TempDir(), "started")
	release := filepath.Join(t.TempDir(), "release")
	// The editor says where the file is, then waits to be released.
	script, _ := fakeEditor(t, `echo "$1" > `+started+`; while [ ! -e `+release+` ]; do sleep 0.02; done`)
	e := secret.NewExternalEditor([]string{script}, runDirect)
	e.TempRoot = root
	done := make(chan secret.ExternalResult, 1)
	go func() { done <- runExternal(t, e, "s3cr3t-value", ".txt") }()

	var file string
	deadline := time.Now().Add(10 * time.Second)
	for file == "" {
		if data, err := os.ReadFile(started); err == nil && strings.HasSuffix(string(data), "\n") {
			file = strings.TrimSpace(string(data))
		} else if time.Now().After(deadline) {
			t.Fatal("the fake editor did not start")
		} else {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("the value file is not there while the editor runs: %v", err)
	}
	n, err := editdir.RemoveOwn(root)
	if err != nil || n != 1 {
		t.Fatalf("RemoveOwn = %d, %v; want the one edit directory removed", n, err)
	}
	if _, err := os.Stat(filepath.Dir(file)); !os.IsNotExist(err) {
		t.Fatalf("the edit directory survived the signal path: %v", err)
	}
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.Err == nil || strings.Contains(r.Err.Error(), "s3cr3t") {
		t.Fatalf("editing a removed file: err %v, want an error without the value", r.Err)
	}
	assertGone(t, root, file)
}
