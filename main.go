// Command smtui is a terminal UI for AWS Secrets Manager.
//
//	smtui --demo                      try it on the embedded demo account
//	smtui --profile prod --region eu-west-1 --region us-east-1
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/clipboard"
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
	if len(args) == 1 && args[0] == clipboard.ClearerArg {
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
		Profile: c.profile, Regions: c.regions, ReadOnly: c.readOnly, Demo: c.demo,
		CallTimeout: c.callTimeout, RevealTimeout: c.revealTTL, ClipboardTTL: c.clipTTL,
		ProdPatterns: c.prodPatterns, Clipboard: clipboard.NewSystem(), Notice: ui.SweepEditLeftovers(),
	}
	if c.demo {
		srv, err := emulator.Start(emulator.Options{Seed: true, SyntheticSecrets: c.demoSecrets})
		if err != nil {
			fmt.Fprintln(stderr, "smtui: start the demo backend:", err)
			return 1
		}
		defer srv.Close()
		opts.Profile = cmp.Or(opts.Profile, "demo")
		if len(opts.Regions) == 0 {
			opts.Regions = []string{"us-east-1"}
		}
		opts.Connect = aws.NewSessions(aws.ConnectOptions{EndpointURL: srv.URL, AccessKeyID: "DEMO", SecretAccessKey: "demo", CallTimeout: c.callTimeout}).Store
	} else {
		sessions := aws.NewSessions(aws.ConnectOptions{Profile: c.profile, EndpointURL: c.endpoint, CallTimeout: c.callTimeout})
		region := ""
		if len(c.regions) > 0 {
			region = c.regions[0]
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		store, err := sessions.Check(ctx, c.profile, region)
		cancel()
		if err != nil {
			fmt.Fprintln(stderr, ui.StartupError(err))
			return 1
		}
		if len(opts.Regions) == 0 {
			opts.Regions = []string{store.Region()}
		}
		opts.Connect, opts.ConnectMFA = sessions.Store, sessions.RenewMFA
	}
	if !c.noAudit {
		log, err := audit.Open(cmp.Or(c.auditPath, audit.DefaultPath()), opts.Profile)
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
	return ui.Run(ui.New(opts), stderr)
}
