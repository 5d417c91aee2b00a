//go:build !windows

package clipboard

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNewSystemPicksProgramsLikeAtotto(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	have := func(names ...string) func(string) bool {
		return func(n string) bool { return slices.Contains(names, n) }
	}
	wayland := env(map[string]string{"WAYLAND_DISPLAY": "wayland-0"})
	none := env(nil)
	for _, tc := range []struct {
		name, goos string
		getenv     func(string) string
		found      func(string) bool
		want       string // the copy program; "" unavailable
	}{
		{"macOS", "darwin", none, have(), "pbcopy"},
		{"wayland", "linux", wayland, have("wl-copy", "wl-paste", "xclip"), "wl-copy"},
		{"wayland without wl-paste", "linux", wayland, have("wl-copy", "xclip"), "xclip"},
		{"x11 xclip", "linux", none, have("wl-copy", "wl-paste", "xclip", "xsel"), "xclip"},
		{"x11 xsel", "linux", none, have("xsel"), "xsel"},
		{"termux", "linux", none, have("termux-clipboard-set", "termux-clipboard-get"), "termux-clipboard-set"},
		{"wsl", "linux", none, have("clip.exe", "powershell.exe"), "clip.exe"},
		{"nothing", "linux", none, have(), ""},
	} {
		s := newSystem(tc.goos, tc.getenv, tc.found)
		got := ""
		if s.Available() {
			got = s.copy[0]
		}
		if got != tc.want {
			t.Errorf("%s: copy program %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The clipboard programs get the operator's environment without AWS
// credentials, and the text on stdin (never on the command line).
func TestSystemHelpersGetNoAWSCredentials(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIEXAMPLE")
	t.Setenv("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLE")
	t.Setenv("SMTUI_ENV_PROBE", "kept")
	dir := t.TempDir()
	store := filepath.Join(dir, "clip")
	copyScript := filepath.Join(dir, "copy.sh")
	pasteScript := filepath.Join(dir, "paste.sh")
	write := func(p, body string) {
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	write(copyScript, `env > `+dir+`/copy.env; echo "$@" > `+dir+`/copy.args; cat > `+store)
	write(pasteScript, `env > `+dir+`/paste.env; cat `+store)
	s := &System{copy: []string{copyScript}, paste: []string{pasteScript}}
	if err := s.WriteAll("s3cr3t value"); err != nil {
		t.Fatal(err)
	}
	got, err := s.ReadAll()
	if err != nil || got != "s3cr3t value" {
		t.Fatalf("ReadAll = %q, %v", got, err)
	}
	if args, _ := os.ReadFile(filepath.Join(dir, "copy.args")); strings.Contains(string(args), "s3cr3t") {
		t.Fatal("the text was on the copy program's command line")
	}
	for _, f := range []string{"copy.env", "paste.env"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "SMTUI_ENV_PROBE=kept") {
			t.Errorf("%s: the operator's environment was lost", f)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "AWS_") {
				t.Errorf("%s: the clipboard program got %s", f, line[:strings.IndexByte(line, '=')])
			}
		}
	}
}

func TestSystemErrorsNameTheProgramNotTheText(t *testing.T) {
	s := &System{copy: []string{"false"}, paste: []string{"false"}}
	err := s.WriteAll("s3cr3t")
	if err == nil || !strings.HasPrefix(err.Error(), "false:") || strings.Contains(err.Error(), "s3cr3t") {
		t.Fatalf("WriteAll error = %v", err)
	}
	if _, err := (&System{}).ReadAll(); err == nil {
		t.Fatal("an unavailable clipboard read succeeded")
	}
}
