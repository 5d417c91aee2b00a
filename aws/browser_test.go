package aws

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBrowserCommandDecides(t *testing.T) {
	found := func(name string) (string, error) { return "/usr/bin/" + name, nil }
	missing := func(string) (string, error) { return "", errors.New("not found") }
	const addr = "https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH"
	cases := []struct {
		name   string
		env    map[string]string
		look   func(string) (string, error)
		goos   string
		addr   string
		want   []string
		reason string // in the error when want is nil
	}{
		{"desktop linux", map[string]string{"DISPLAY": ":0"}, found, "linux", addr, []string{"/usr/bin/xdg-open", addr}, ""},
		{"wayland", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, found, "linux", addr, []string{"/usr/bin/xdg-open", addr}, ""},
		{"macOS", nil, found, "darwin", addr, []string{"/usr/bin/open", addr}, ""},
		{"over ssh", map[string]string{"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}, found, "linux", addr, nil, "SSH"},
		{"ssh tty", map[string]string{"SSH_TTY": "/dev/pts/1", "BROWSER": "firefox"}, found, "darwin", addr, nil, "SSH"},
		{"no display", nil, found, "linux", addr, nil, "display"},
		{"no xdg-open", map[string]string{"DISPLAY": ":0"}, missing, "linux", addr, nil, "xdg-open not found"},
		{"BROWSER", map[string]string{"BROWSER": "w3m -o x=1:lynx"}, missing, "linux", addr, []string{"w3m", "-o", "x=1", addr}, ""},
		{"BROWSER %s", map[string]string{"BROWSER": "firefox --new-tab=%s"}, missing, "linux", addr, []string{"firefox", "--new-tab=" + addr}, ""},
		{"file address", map[string]string{"DISPLAY": ":0"}, found, "linux", "file:///etc/passwd", nil, "https"},
		{"option-like address", map[string]string{"DISPLAY": ":0"}, found, "linux", "--help", nil, "https"},
		{"plain http", map[string]string{"DISPLAY": ":0"}, found, "linux", "http://device.example.com/", nil, "https"},
		{"emulator http", map[string]string{"DISPLAY": ":0"}, found, "linux", "http://127.0.0.1:4566/device", []string{"/usr/bin/xdg-open", "http://127.0.0.1:4566/device"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := browserCommand(c.addr, func(k string) string { return c.env[k] }, c.look, c.goos)
			if c.want != nil {
				if err != nil || !slices.Equal(got, c.want) {
					t.Errorf("got %q, %v; want %q", got, err, c.want)
				}
				return
			}
			if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), c.reason) {
				t.Errorf("got %q, %v; want ErrNoBrowser mentioning %q", got, err, c.reason)
			}
		})
	}
}

func TestOpenBrowserRunsWithoutAWSCredentials(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n{ echo \"ARG=$1\"; env; } > \""+out+".tmp\" && mv \""+out+".tmp\" \""+out+"\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"} {
		t.Setenv(k, "")
	}
	t.Setenv("BROWSER", script)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI")
	t.Setenv("AWS_SESSION_TOKEN", "tok")
	t.Setenv("SMTUI_BROWSER_PROBE", "kept")
	if !CanOpenBrowser() {
		t.Fatal("CanOpenBrowser is false with BROWSER set and no SSH")
	}
	const addr = "https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH"
	if err := OpenBrowser(addr); err != nil {
		t.Fatal(err)
	}
	var b []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, _ = os.ReadFile(out); len(b) > 0 {
			break
		}
	}
	got := string(b)
	if !strings.Contains(got, "ARG="+addr+"\n") || !strings.Contains(got, "SMTUI_BROWSER_PROBE=kept") {
		t.Fatalf("browser did not get the address and the environment:\n%s", got)
	}
	if strings.Contains(got, "AWS_") || strings.Contains(got, "wJalrXUtnFEMI") {
		t.Error("the browser got AWS credentials in its environment")
	}
	t.Setenv("SSH_TTY", "/dev/pts/3")
	if CanOpenBrowser() || !errors.Is(OpenBrowser(addr), ErrNoBrowser) {
		t.Error("a browser would be opened over SSH")
	}
}
