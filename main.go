// Command smtui is a terminal UI for AWS Secrets Manager.
//
//	smtui --demo                      try it on the embedded demo account
//	smtui --profile prod --region eu-west-1 --region us-east-1
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

type config struct {
	profile, endpoint, auditPath         string
	regions, prodPatterns                listFlag
	demo, readOnly, showVersion, noAudit bool
	demoSecrets                          int
	callTimeout, revealTTL, clipTTL      time.Duration
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("smtui", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.profile, "profile", os.Getenv("AWS_PROFILE"), "AWS profile from the shared config (default $AWS_PROFILE)")
	fs.Var(&c.regions, "region", "AWS region; repeat for several (default $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region)")
	fs.StringVar(&c.endpoint, "endpoint-url", "", "Secrets Manager endpoint (default $AWS_ENDPOINT_URL_SECRETS_MANAGER, $AWS_ENDPOINT_URL)")
	fs.BoolVar(&c.demo, "demo", false, "run on the embedded demo account (no AWS needed)")
	fs.IntVar(&c.demoSecrets, "demo-secrets", 0, "with --demo, add N generated secrets in us-east-1")
	fs.BoolVar(&c.readOnly, "read-only", false, "disable every action that changes anything")
	fs.Var(&c.prodPatterns, "prod-pattern", "profile name or account id pattern (glob) treated as production; repeatable (default $SMTUI_PROD_PATTERNS)")
	fs.DurationVar(&c.callTimeout, "timeout", 15*time.Second, "timeout of one AWS call")
	fs.DurationVar(&c.revealTTL, "reveal-timeout", 30*time.Second, "revealed values mask again after this idle time")
	fs.DurationVar(&c.clipTTL, "clipboard-timeout", 30*time.Second, "clear the clipboard this long after a copy")
	fs.StringVar(&c.auditPath, "audit-log", "", "audit log file (default $XDG_STATE_HOME/smtui/audit.log)")
	fs.BoolVar(&c.noAudit, "no-audit", false, "do not write the local audit log")
	fs.BoolVar(&c.showVersion, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "smtui: a terminal UI for AWS Secrets Manager\n\nUsage:\n  smtui [flags]\n  smtui --demo\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (see --help)", fs.Arg(0))
	}
	if len(c.prodPatterns) == 0 {
		_ = c.prodPatterns.Set(os.Getenv("SMTUI_PROD_PATTERNS"))
	}
	if c.demoSecrets < 0 || c.demoSecrets > 100000 {
		return c, errors.New("--demo-secrets must be between 0 and 100000")
	}
	for _, r := range c.regions {
		if !aws.ValidRegion(r) {
			return c, fmt.Errorf("unknown region %q: Secrets Manager regions are e.g. us-east-1, eu-west-1", r)
		}
	}
	return c, nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == clearClipboardCommand {
		return clipboard.ServeClearer(os.Stdin, clipboard.ReadyPipe(), clipboard.NewSystem())
	}
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "smtui:", err)
		return 2
	}
	if c.showVersion {
		fmt.Fprintln(stdout, "smtui", version)
		return 0
	}

	opts := ui.Options{
		Profile:       c.profile,
		Regions:       c.regions,
		ReadOnly:      c.readOnly,
		Demo:          c.demo,
		CallTimeout:   c.callTimeout,
		RevealTimeout: c.revealTTL,
		ClipboardTTL:  c.clipTTL,
		ProdPatterns:  c.prodPatterns,
		Clipboard:     ui.SystemClipboard(),
		Notice:        sweepEditLeftovers(),
	}
	if c.demo {
		srv, err := emulator.Start(emulator.Options{Seed: true, SyntheticSecrets: c.demoSecrets})
		if err != nil {
			fmt.Fprintln(stderr, "smtui: start the demo backend:", err)
			return 1
		}
		defer srv.Close()
		if opts.Profile == "" {
			opts.Profile = "demo"
		}
		if len(opts.Regions) == 0 {
			opts.Regions = []string{"us-east-1"}
		}
		opts.Connect = connector(aws.ConnectOptions{EndpointURL: srv.URL, AccessKeyID: "DEMO", SecretAccessKey: "demo", CallTimeout: c.callTimeout})
	} else {
		base := aws.ConnectOptions{Profile: c.profile, EndpointURL: c.endpoint, CallTimeout: c.callTimeout}
		region := ""
		if len(c.regions) > 0 {
			region = c.regions[0]
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		store, err := aws.Connect(ctx, withRegion(base, region))
		if err == nil {
			err = aws.CheckCredentials(ctx, store)
		}
		cancel()
		if err != nil {
			fmt.Fprintln(stderr, startupHelp(err))
			return 1
		}
		if len(opts.Regions) == 0 {
			opts.Regions = []string{store.Region()}
		}
		cache := newStoreCache(base)
		opts.Connect = func(ctx context.Context, profile, region string) (aws.Store, error) {
			return cache.get(ctx, profile, region, "")
		}
		opts.ConnectMFA = mfaConnector(cache)
	}
	if !c.noAudit {
		path := c.auditPath
		if path == "" {
			path = audit.DefaultPath()
		}
		log, err := audit.Open(path, opts.Profile)
		if err != nil {
			fmt.Fprintln(stderr, "smtui: audit log:", err, "(use --no-audit to run without one)")
			return 1
		}
		defer func() {
			if err := log.Close(); err != nil {
				fmt.Fprintln(stderr, "smtui:", err)
			}
		}()
		opts.Audit = log
	}

	app := ui.New(opts)
	err = runProgram(app)
	if p, ok := app.PendingClipboardClear(); ok {
		finishClipboardClear(p, stderr)
	}
	if note := app.ExitNote(); note != "" {
		fmt.Fprintln(stderr, "smtui:", note)
		return app.ExitCode()
	}
	if err != nil {
		fmt.Fprintln(stderr, "smtui:", err)
		return 1
	}
	return 0
}

// clearClipboardCommand is the hidden first argument of the background
// process that clears the clipboard after smtui has quit.
const clearClipboardCommand = "__clear-clipboard"

// finishClipboardClear keeps the status line's promise ("clears in 30s")
// after the app quits: a small background copy of smtui, detached from the
// terminal (see clipboard.StartClearer), waits until the clear is due, then
// empties the system clipboard if it still holds what was copied. It learns
// the hash of the copy on its stdin, never the text, and never from its
// command line (which other users can read).
func finishClipboardClear(p ui.PendingClear, stderr io.Writer) {
	if !p.System {
		fmt.Fprintf(stderr, "smtui: the terminal clipboard (OSC 52) still holds %s; smtui cannot clear it after quitting — clear it yourself.\n", p.What)
		return
	}
	exe, err := os.Executable()
	if err == nil {
		_, err = clipboard.StartClearer(exe, []string{clearClipboardCommand}, clipboard.Job{Sum: p.Sum, Due: p.Due}, 2*time.Second)
	}
	if err != nil {
		fmt.Fprintf(stderr, "smtui: could not arrange to clear the clipboard (%v); it still holds %s — clear it yourself.\n", err, p.What)
		return
	}
	wait := max(time.Until(p.Due).Round(time.Second), 0)
	fmt.Fprintf(stderr, "smtui: the clipboard holds %s; it will be cleared in %s unless something else is copied first.\n", p.What, wait)
}

func withRegion(o aws.ConnectOptions, region string) aws.ConnectOptions {
	o.Region = region
	return o
}

// connector returns a ui.Connector that builds one Store per (profile,
// region) on first use and reuses it after. Stores of one profile share its
// credentials, so a second region needs no new sign-in or MFA code.
func connector(base aws.ConnectOptions) ui.Connector {
	c := newStoreCache(base)
	return func(ctx context.Context, profile, region string) (aws.Store, error) {
		return c.get(ctx, profile, region, "")
	}
}

// mfaConnector connects a profile whose role needs an MFA code.
func mfaConnector(c *storeCache) func(ctx context.Context, profile, region, code string) (aws.Store, error) {
	return func(ctx context.Context, profile, region, code string) (aws.Store, error) {
		return c.get(ctx, profile, region, code)
	}
}

type storeCache struct {
	base      aws.ConnectOptions
	mu        sync.Mutex
	stores    map[[2]string]aws.Store
	byProfile map[string]aws.Store
}

func newStoreCache(base aws.ConnectOptions) *storeCache {
	return &storeCache{base: base, stores: map[[2]string]aws.Store{}, byProfile: map[string]aws.Store{}}
}

// get returns the Store for (profile, region). A non-empty MFA code means
// the profile's credentials are being renewed: they are resolved afresh
// with that code instead of being shared.
func (c *storeCache) get(ctx context.Context, profile, region, code string) (aws.Store, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := [2]string{profile, region}
	if s, ok := c.stores[k]; ok && code == "" {
		return s, nil
	}
	o := withRegion(c.base, region)
	if c.base.AccessKeyID == "" {
		o.Profile = profile
	}
	if code != "" {
		o.MFACode = func() (string, error) { return code, nil }
		// New credentials for the profile: forget the old ones everywhere.
		for key := range c.stores {
			if key[0] == profile {
				delete(c.stores, key)
			}
		}
		delete(c.byProfile, profile)
	} else if shared, ok := c.byProfile[profile]; ok {
		o.ShareCredentialsWith = shared
	}
	s, err := aws.Connect(ctx, o)
	if err != nil {
		return nil, err
	}
	c.stores[k] = s
	if _, ok := c.byProfile[profile]; !ok {
		c.byProfile[profile] = s
	}
	return s, nil
}

// startupHelp explains why smtui cannot start against AWS and what to do.
func startupHelp(err error) string {
	var b strings.Builder
	b.WriteString("smtui: cannot use AWS: " + err.Error() + "\n")
	var e *aws.Error
	if errors.As(err, &e) && e.Hint != "" {
		b.WriteString("  " + e.Hint + "\n")
	} else {
		b.WriteString("  Configure credentials (aws configure, or aws configure sso) and pass --profile NAME --region REGION.\n")
	}
	if e == nil || !strings.Contains(e.Hint, "--demo") {
		b.WriteString("  To try smtui without AWS, run it on its embedded demo account: smtui --demo\n")
	}
	return common.SanitizeMultiline(strings.TrimSuffix(b.String(), "\n")) // it quotes AWS's message
}
