package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/emulator"
	"github.com/smtui/smtui/ui/cli"
	"github.com/smtui/smtui/ui/common"
)

// reviewDeadline bounds a whole `smtui review` run.
const reviewDeadline = 10 * time.Minute

// runReview wires `smtui review` (ui/cli parses and runs it): the demo
// backend or the profile's sessions. No terminal is needed.
func runReview(args []string, stdout, stderr io.Writer) int {
	c, err := cli.ParseReview(args, os.Getenv)
	if errors.Is(err, cli.ErrHelp) {
		fmt.Fprint(stdout, cli.ReviewHelp())
		return cli.ReviewExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "smtui review: %v\nRun 'smtui review --help' for usage.\n", err)
		return cli.ReviewExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, reviewDeadline)
	defer cancel()

	var connect func(ctx context.Context, profile, region string) (aws.Store, error)
	profile := c.Profile
	if c.Demo {
		env, removeHome, err := cli.DemoHome()
		if err != nil {
			fmt.Fprintln(stderr, "smtui review:", err)
			return cli.ReviewExitFailed
		}
		defer func() { _ = removeHome() }()
		for k, v := range env {
			_ = os.Setenv(k, v)
		}
		srv, err := emulator.Start(emulator.Options{Seed: true, ReviewSeed: true})
		if err != nil {
			fmt.Fprintln(stderr, "smtui review: start the demo backend:", err)
			return cli.ReviewExitFailed
		}
		defer srv.Close()
		second, err := emulator.Start(emulator.Options{Account: emulator.SecondAccount, SeedSecond: true})
		if err != nil {
			fmt.Fprintln(stderr, "smtui review: start the demo backend:", err)
			return cli.ReviewExitFailed
		}
		defer second.Close()
		connect, profile = cli.DemoConnect(srv.URL, second.URL, c.CallTimeout), cmp.Or(profile, cli.DemoProfile)
		if len(c.Regions) == 0 {
			c.Regions = cli.DemoRegions()
		}
	} else {
		connect = aws.NewSessions(aws.ConnectOptions{Profile: c.Profile, EndpointURL: c.Endpoint, CallTimeout: c.CallTimeout}).Check
	}
	return cli.RunReview(ctx, c, func(ctx context.Context, region string) (aws.Store, error) {
		return connect(ctx, profile, region)
	}, common.Sanitize, stdout, stderr, time.Now())
}
