package cli

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo-secrets", "10"}, "--demo-secrets needs --demo"},
		{[]string{"--demo", "--demo-secrets", "-1"}, "--demo-secrets must be between 0 and 100000"},
		{[]string{"--demo", "--demo-secrets", "100001"}, "--demo-secrets must be between 0 and 100000"},
		{[]string{"--timeout", "0"}, "--timeout must be a positive duration such as 15s or 2m, not 0s"},
		{[]string{"--timeout", "-5s"}, "--timeout must be a positive duration such as 15s or 2m, not -5s"},
		{[]string{"--reveal-timeout", "-1s"}, "--reveal-timeout must be a positive duration such as 15s or 2m, not -1s"},
		{[]string{"--clipboard-timeout=0s"}, "--clipboard-timeout must be a positive duration such as 15s or 2m, not 0s"},
		{[]string{"--timeout", "soon"}, `invalid argument "soon" for "--timeout" flag`},
		{[]string{"-r", "mars-1"}, `unknown region "mars-1"`},
		{[]string{"--nope"}, "unknown flag: --nope"},
		{[]string{"--list-mode", "fast"}, `unknown --list-mode "fast" (want auto, partitioned or sequential)`},
		{[]string{"--demo-list-latency", "1s"}, "--demo-list-latency needs --demo"},
		{[]string{"-z"}, "unknown shorthand flag: 'z' in -z"},
		{[]string{"--profile"}, "flag needs an argument: --profile"},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"-profile", "x"}, "-profile: long flags take two dashes: --profile"},
		{[]string{"-demo"}, "-demo: long flags take two dashes: --demo"},
	} {
		_, err := Parse(tc.args, env())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%q) error has several lines: %q", tc.args, err)
		}
	}
}

func TestParseHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"--demo", "--help"}} {
		if _, err := Parse(args, env()); !errors.Is(err, ErrHelp) {
			t.Errorf("Parse(%q) = %v, want ErrHelp", args, err)
		}
	}
	h := Help()
	for _, want := range []string{"-p, --profile profile", "-r, --region region", "--demo-secrets N", "-h, --help", "temporary"} {
		if !strings.Contains(h, want) {
			t.Errorf("help lacks %q:\n%s", want, h)
		}
	}
}

func TestParseForms(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  func(string) string
		want Config
	}{
		{nil, env(), Config{}},
		{[]string{"-p", "prod", "-r", "eu-west-1", "-r", "us-east-1"}, env(),
			Config{Profile: "prod", Regions: []string{"eu-west-1", "us-east-1"}}},
		{[]string{"--profile=prod", "--region", "eu-west-1,us-east-1", "--region=ap-south-1"}, env(),
			Config{Profile: "prod", Regions: []string{"eu-west-1", "us-east-1", "ap-south-1"}}},
		{[]string{"-peu"}, env(), Config{Profile: "eu"}},
		{nil, env("AWS_PROFILE", "fromenv", "SMTUI_PROD_PATTERNS", "prod-*, 1234*"),
			Config{Profile: "fromenv", ProdPatterns: []string{"prod-*", "1234*"}}},
		{[]string{"-p", "cli", "--prod-pattern", "live"}, env("AWS_PROFILE", "fromenv", "SMTUI_PROD_PATTERNS", "prod-*"),
			Config{Profile: "cli", ProdPatterns: []string{"live"}}},
		{[]string{"--demo", "--demo-secrets", "50000", "--read-only", "--timeout", "2s"}, env(),
			Config{Demo: true, DemoSecrets: 50000, ReadOnly: true, CallTimeout: 2 * time.Second}},
		{[]string{"--no-audit", "--version"}, env(), Config{NoAudit: true, ShowVersion: true}},
		{[]string{"--list-mode", "sequential", "--no-cache"}, env(), Config{ListMode: "sequential", NoCache: true}},
		{[]string{"--demo", "--demo-list-latency", "150ms", "--list-mode=partitioned"}, env(),
			Config{Demo: true, DemoListLatency: 150 * time.Millisecond, ListMode: "partitioned"}},
	} {
		got, err := Parse(tc.args, tc.env)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.args, err)
			continue
		}
		want := tc.want
		if want.CallTimeout == 0 {
			want.CallTimeout = 15 * time.Second
		}
		want.RevealTTL, want.ClipTTL = 30*time.Second, 30*time.Second
		if want.ListMode == "" {
			want.ListMode = "auto"
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) =\n%+v, want\n%+v", tc.args, got, want)
		}
	}
}

func TestDemoAuditIsTemporary(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	c, err := Parse([]string{"--demo"}, env())
	if err != nil {
		t.Fatal(err)
	}
	log, closeLog, err := OpenAudit(c, "demo")
	if err != nil {
		t.Fatal(err)
	}
	path := log.Path()
	if strings.HasPrefix(path, state) {
		t.Fatalf("demo audit log %s is under the real state directory", path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("demo audit log not created: %v", err)
	}
	if err := closeLog(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Errorf("demo audit log directory %s still exists after close (%v)", filepath.Dir(path), err)
	}
	if _, err := os.Stat(filepath.Join(state, "smtui")); !os.IsNotExist(err) {
		t.Errorf("demo mode touched the real audit log directory (%v)", err)
	}
}

func TestAuditPaths(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	log, closeLog, err := OpenAudit(Config{NoAudit: true, Demo: true}, "demo")
	if log != nil || closeLog != nil || err != nil {
		t.Errorf("--no-audit opened a log: %v %v", log, err)
	}
	own := filepath.Join(t.TempDir(), "mine.log")
	for _, tc := range []struct {
		c    Config
		want string
	}{
		{Config{}, filepath.Join(state, "smtui", "audit.log")},
		{Config{Demo: true, AuditPath: own}, own},
	} {
		log, closeLog, err := OpenAudit(tc.c, "p")
		if err != nil {
			t.Fatal(err)
		}
		if log.Path() != tc.want {
			t.Errorf("OpenAudit(%+v) path %s, want %s", tc.c, log.Path(), tc.want)
		}
		if err := closeLog(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(tc.want); err != nil {
			t.Errorf("a kept audit log was removed: %v", err)
		}
	}
}

func TestCheckTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "notatty")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = CheckTerminal(f, f)
	if err == nil || !strings.Contains(err.Error(), "standard input is not a terminal") || strings.Contains(err.Error(), "\n") {
		t.Errorf("CheckTerminal(file) = %v, want a one-line explanation", err)
	}
}
