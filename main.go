// Command smtui is a terminal UI for AWS Secrets Manager.
//
//	smtui --demo                      try it on the embedded demo account
//	smtui --profile prod --region eu-west-1 --region us-east-1
//	smtui review --format json --fail-on high   the account review, for CI
//
// The command line is parsed in ui/cli; this file only wires it up.
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui"
	"github.com/smtui/smtui/ui/cli"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/prefs"
)

// demoApprovePolls: the demo's IAM Identity Center approves a log-in by
// itself on this poll (about three seconds), as if the operator had
// approved the code in a browser.
const demoApprovePolls = 3

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin, stdout *os.File, stderr io.Writer) int {
	if len(args) == 1 && args[0] == clipboard.ClearerArg {
		return clipboard.ServeClearer(stdin, clipboard.ReadyPipe(), clipboard.NewSystem())
	}
	if len(args) > 0 && args[0] == cli.ReviewCommand {
		return runReview(args[1:], stdout, stderr)
	}
	c, err := cli.Parse(args, os.Getenv)
	if errors.Is(err, cli.ErrHelp) {
		fmt.Fprint(stdout, cli.Help())
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "smtui: %v\nRun 'smtui --help' for usage.\n", err)
		return 2
	}
	if c.ShowVersion {
		fmt.Fprintln(stdout, "smtui", version)
		return 0
	}
	if err := cli.CheckTerminal(stdin, stdout); err != nil {
		fmt.Fprintln(stderr, "smtui:", err)
		return 1
	}

	opts := ui.Options{
		Profile: c.Profile, Regions: c.Regions, ReadOnly: c.ReadOnly, Demo: c.Demo,
		CallTimeout: c.CallTimeout, RevealTimeout: c.RevealTTL, ClipboardTTL: c.ClipTTL,
		ProdPatterns: c.ProdPatterns, Clipboard: clipboard.NewSystem(), Notice: ui.SweepEditLeftovers(),
		ListMode: c.ListMode,
	}
	if !c.NoCache {
		// The demo's listings (metadata of made-up secrets) get their own
		// folder, so a demo run never replaces a real profile's cache.
		if dir, err := cache.Dir(); err == nil {
			if c.Demo {
				dir = filepath.Join(dir, "demo")
			}
			opts.ListCache = cache.New(dir)
		}
	}
	if c.Demo {
		// A temporary home with the demo's profiles: ~/.aws is never read
		// or written, and the SSO token cache is thrown away at exit.
		env, removeHome, err := cli.DemoHome()
		if err != nil {
			fmt.Fprintln(stderr, "smtui:", err)
			return 1
		}
		defer func() { _ = removeHome() }()
		for k, v := range env {
			_ = os.Setenv(k, v)
		}
		srv, err := emulator.Start(emulator.Options{Seed: true, ReviewSeed: true, SyntheticSecrets: c.DemoSecrets, ListLatency: c.DemoListLatency,
			SSO: emulator.SSOOptions{AutoApproveAfter: demoApprovePolls}})
		if err != nil {
			fmt.Fprintln(stderr, "smtui: start the demo backend:", err)
			return 1
		}
		defer srv.Close()
		// The second account (profile demo-b), to list several accounts.
		second, err := emulator.Start(emulator.Options{Account: emulator.SecondAccount, SeedSecond: true, ListLatency: c.DemoListLatency})
		if err != nil {
			fmt.Fprintln(stderr, "smtui: start the demo backend:", err)
			return 1
		}
		defer second.Close()
		opts.Profile = cmp.Or(opts.Profile, cli.DemoProfile)
		if len(opts.Regions) == 0 && !cli.IsDemoProfile(opts.Profile) {
			opts.Regions = []string{"us-east-1"}
		}
		opts.Connect, opts.SSOEndpoint = cli.DemoConnect(srv.URL, second.URL, c.CallTimeout), srv.URL
	} else {
		if path, err := prefs.DefaultPath(); err == nil {
			opts.Prefs = &prefs.File{Path: path} // the demo's choices are not kept
		}
		sessions := aws.NewSessions(aws.ConnectOptions{Profile: c.Profile, EndpointURL: c.Endpoint, CallTimeout: c.CallTimeout})
		region := ""
		if len(c.Regions) > 0 {
			region = c.Regions[0]
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		store, err := sessions.Check(ctx, c.Profile, region)
		cancel()
		switch {
		case err != nil && !ui.StartsAnyway(err, c.Profile):
			fmt.Fprintln(stderr, ui.StartupError(err))
			return 1
		case err == nil && len(opts.Regions) == 0:
			opts.Regions = []string{store.Region()}
		}
		// On an error StartsAnyway accepts, the App takes over: the SSO
		// log-in, the MFA code, the region picker or a retry.
		opts.Connect, opts.ConnectMFA = sessions.Store, sessions.RenewMFA
	}
	log, closeLog, err := cli.OpenAudit(c, opts.Profile)
	if err != nil {
		fmt.Fprintln(stderr, "smtui: audit log:", err, "(use --no-audit to run without one)")
		return 1
	}
	if log != nil {
		defer func() {
			if err := closeLog(); err != nil {
				fmt.Fprintln(stderr, "smtui:", err)
			}
		}()
		opts.Audit = log
	}
	return ui.Run(ui.New(opts), stderr)
}
