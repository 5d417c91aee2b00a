// Package cli parses smtui's command line: GNU-style flags (--profile, -p)
// through spf13/pflag, their environment defaults and the checks between
// them. It knows nothing of the UI above it.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/smtui/smtui/aws"
)

// ErrHelp is returned by Parse when --help or -h was given: print Help to
// standard output and exit 0.
var ErrHelp = errors.New("help requested")

// MaxDemoSecrets is the largest --demo-secrets.
const MaxDemoSecrets = 100000

// Config is what the command line asked for.
type Config struct {
	Profile, Endpoint, AuditPath         string
	Regions, ProdPatterns                []string
	Demo, ReadOnly, ShowVersion, NoAudit bool
	DemoSecrets                          int
	CallTimeout, RevealTTL, ClipTTL      time.Duration

	// ListMode is --list-mode: auto, partitioned or sequential.
	ListMode string
	// NoCache is --no-cache: no metadata cache is read or written.
	NoCache bool
	// DemoListLatency is the hidden --demo-list-latency: the demo backend
	// adds it to every ListSecrets page, to try the list at AWS's speed.
	DemoListLatency time.Duration
}

// listValue is a repeatable string flag; a comma also separates values.
type listValue struct{ l *[]string }

func (v listValue) String() string { return strings.Join(*v.l, ",") }
func (v listValue) Type() string   { return "strings" }
func (v listValue) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*v.l = append(*v.l, part)
		}
	}
	return nil
}

func newFlagSet(c *Config, getenv func(string) string) (*pflag.FlagSet, *bool) {
	fs := pflag.NewFlagSet("smtui", pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed by the caller, once
	fs.Usage = func() {}
	fs.SortFlags = false
	help := fs.BoolP("help", "h", false, "show this help and exit")
	fs.StringVarP(&c.Profile, "profile", "p", getenv("AWS_PROFILE"), "AWS `profile` from the shared config (default $AWS_PROFILE)")
	fs.VarP(listValue{&c.Regions}, "region", "r", "AWS `region`; repeat for several (default $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region)")
	fs.StringVar(&c.Endpoint, "endpoint-url", "", "Secrets Manager endpoint `URL` (default $AWS_ENDPOINT_URL_SECRETS_MANAGER, $AWS_ENDPOINT_URL)")
	fs.BoolVar(&c.Demo, "demo", false, "run on the embedded demo account (no AWS needed); its audit log is a temporary file removed at exit")
	fs.IntVar(&c.DemoSecrets, "demo-secrets", 0, "with --demo, add `N` generated secrets in us-east-1")
	fs.StringVar(&c.ListMode, "list-mode", "auto", "how the list pages through a region: `auto` (partitions when pages are slow), partitioned or sequential")
	fs.BoolVar(&c.NoCache, "no-cache", false, "do not read or write the metadata cache ($XDG_CACHE_HOME/smtui: names, tags, dates; never values)")
	fs.DurationVar(&c.DemoListLatency, "demo-list-latency", 0, "with --demo, add this latency to every ListSecrets page")
	_ = fs.MarkHidden("demo-list-latency")
	fs.BoolVar(&c.ReadOnly, "read-only", false, "disable every action that changes anything")
	fs.Var(listValue{&c.ProdPatterns}, "prod-pattern", "profile name or account id `glob` treated as production; repeatable (default $SMTUI_PROD_PATTERNS)")
	fs.DurationVar(&c.CallTimeout, "timeout", 15*time.Second, "timeout of one AWS call")
	fs.DurationVar(&c.RevealTTL, "reveal-timeout", 30*time.Second, "revealed values mask again after this idle time")
	fs.DurationVar(&c.ClipTTL, "clipboard-timeout", 30*time.Second, "clear the clipboard this long after a copy")
	fs.StringVar(&c.AuditPath, "audit-log", "", "audit log `file` (default $XDG_STATE_HOME/smtui/audit.log; with --demo a temporary file)")
	fs.BoolVar(&c.NoAudit, "no-audit", false, "do not write the local audit log")
	fs.BoolVar(&c.ShowVersion, "version", false, "print the version and exit")
	return fs, help
}

// Help is the text --help prints.
func Help() string {
	var c Config
	fs, _ := newFlagSet(&c, func(string) string { return "" })
	return "smtui: a terminal UI for AWS Secrets Manager\n\nUsage:\n  smtui [flags]\n  smtui --demo\n  smtui review [flags]   what needs attention, without the UI (see smtui review --help)\n\nFlags:\n" + fs.FlagUsagesWrapped(100)
}

// Parse parses args (without the program name), taking defaults from
// getenv. It returns ErrHelp for --help; any other error is a usage error,
// worded to be printed on its own line before a pointer to --help.
func Parse(args []string, getenv func(string) string) (Config, error) {
	var c Config
	fs, help := newFlagSet(&c, getenv)
	for _, a := range args {
		if a == "--" {
			break
		}
		// Go-style -profile would otherwise read as -p rofile.
		if name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "="); len(a) > 2 && a[0] == '-' && a[1] != '-' && fs.Lookup(name) != nil {
			return c, fmt.Errorf("%s: long flags take two dashes: --%s", a, strings.TrimPrefix(a, "-"))
		}
	}
	if err := parseFlags(fs, help, args); err != nil {
		return c, err
	}
	if len(c.ProdPatterns) == 0 {
		_ = listValue{&c.ProdPatterns}.Set(getenv("SMTUI_PROD_PATTERNS"))
	}
	if fs.Changed("demo-secrets") && !c.Demo {
		return c, errors.New("--demo-secrets needs --demo")
	}
	if fs.Changed("demo-list-latency") && !c.Demo {
		return c, errors.New("--demo-list-latency needs --demo")
	}
	if c.DemoListLatency < 0 {
		return c, fmt.Errorf("--demo-list-latency must not be negative, not %s", c.DemoListLatency)
	}
	switch c.ListMode {
	case "auto", "partitioned", "sequential":
	default:
		return c, fmt.Errorf("unknown --list-mode %q (want auto, partitioned or sequential)", c.ListMode)
	}
	if c.DemoSecrets < 0 || c.DemoSecrets > MaxDemoSecrets {
		return c, fmt.Errorf("--demo-secrets must be between 0 and %d", MaxDemoSecrets)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"timeout", c.CallTimeout}, {"reveal-timeout", c.RevealTTL}, {"clipboard-timeout", c.ClipTTL}} {
		if d.v <= 0 {
			return c, fmt.Errorf("--%s must be a positive duration such as 15s or 2m, not %s", d.name, d.v)
		}
	}
	for _, r := range c.Regions {
		if !aws.ValidRegion(r) {
			return c, fmt.Errorf("unknown region %q: Secrets Manager regions are e.g. us-east-1, eu-west-1", r)
		}
	}
	return c, nil
}

// parseFlags parses args into fs: ErrHelp for -h/--help, an error for an
// unknown flag or a positional argument.
func parseFlags(fs *pflag.FlagSet, help *bool, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ErrHelp
		}
		return err
	}
	if *help {
		return ErrHelp
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
