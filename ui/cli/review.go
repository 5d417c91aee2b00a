package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/review"
)

// ReviewCommand is the subcommand that runs the account review without the
// UI: `smtui review`.
const ReviewCommand = "review"

// Exit codes of `smtui review`.
const (
	// ReviewExitOK: the review ran and nothing at or above --fail-on was
	// found (or no --fail-on was given).
	ReviewExitOK = 0
	// ReviewExitFindings: a finding at or above --fail-on is present.
	ReviewExitFindings = 1
	// ReviewExitUsage: the command line is wrong.
	ReviewExitUsage = 2
	// ReviewExitFailed: the review could not run (connection, listing).
	ReviewExitFailed = 3
)

// DemoRegions are the demo account's regions: `smtui review --demo`
// reviews them all unless --region is given.
func DemoRegions() []string { return []string{"us-east-1", "eu-west-1", "ap-southeast-2"} }

// ReviewConfig is what `smtui review` was asked for.
type ReviewConfig struct {
	Profile, Endpoint string
	Regions           []string
	Demo              bool
	Format            string          // text or json
	FailOn            review.Severity // 0: never fail on findings
	Days              int
	CallTimeout       time.Duration
}

func newReviewFlagSet(c *ReviewConfig, getenv func(string) string) (*pflag.FlagSet, *bool, *string) {
	fs := pflag.NewFlagSet("smtui review", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	help := fs.BoolP("help", "h", false, "show this help and exit")
	fs.StringVar(&c.Format, "format", "text", "output `format`: text or json")
	failOn := fs.String("fail-on", "", "exit 1 when a finding of this `severity` or higher is present: low, medium, high or critical")
	fs.IntVar(&c.Days, "days", review.DefaultDays, "N of \"not rotated / not accessed within N days\" (Security Hub's default is 90)")
	fs.StringVarP(&c.Profile, "profile", "p", getenv("AWS_PROFILE"), "AWS `profile` from the shared config (default $AWS_PROFILE)")
	fs.VarP(listValue{&c.Regions}, "region", "r", "AWS `region` to review; repeat for several (default the profile's region; with --demo the demo's three)")
	fs.StringVar(&c.Endpoint, "endpoint-url", "", "Secrets Manager endpoint `URL` (default $AWS_ENDPOINT_URL_SECRETS_MANAGER, $AWS_ENDPOINT_URL)")
	fs.BoolVar(&c.Demo, "demo", false, "review the embedded demo account (no AWS needed)")
	fs.DurationVar(&c.CallTimeout, "timeout", 15*time.Second, "timeout of one AWS call")
	return fs, help, failOn
}

// ReviewHelp is the text `smtui review --help` prints.
func ReviewHelp() string {
	var c ReviewConfig
	fs, _, _ := newReviewFlagSet(&c, func(string) string { return "" })
	return "smtui review: what needs attention in an account's secrets, without the UI.\n" +
		"Reads metadata only (ListSecrets, DescribeSecret, GetResourcePolicy); never a secret value.\n\n" +
		"Usage:\n  smtui review [--format text|json] [--fail-on SEVERITY] [--days N] [--profile P] [--region R]...\n  smtui review --demo --format json\n\nFlags:\n" +
		fs.FlagUsagesWrapped(100) +
		"\nExit status:\n" +
		"  0  the review ran; no finding at or above --fail-on (or no --fail-on)\n" +
		"  1  a finding at or above --fail-on is present\n" +
		"  2  usage error\n" +
		"  3  the review could not run (credentials, connection, listing)\n"
}

// ParseReview parses the arguments after `review`.
func ParseReview(args []string, getenv func(string) string) (ReviewConfig, error) {
	var c ReviewConfig
	fs, help, failOn := newReviewFlagSet(&c, getenv)
	if err := parseFlags(fs, help, args); err != nil {
		return c, err
	}
	if c.Format != "text" && c.Format != "json" {
		return c, fmt.Errorf("unknown --format %q (want text or json)", c.Format)
	}
	if *failOn != "" {
		sev, err := review.ParseSeverity(*failOn)
		if err != nil {
			return c, fmt.Errorf("--fail-on: %w", err)
		}
		c.FailOn = sev
	}
	if c.Days < 1 || c.Days > 3650 {
		return c, fmt.Errorf("--days must be between 1 and 3650, not %d", c.Days)
	}
	if c.CallTimeout <= 0 {
		return c, fmt.Errorf("--timeout must be a positive duration such as 15s, not %s", c.CallTimeout)
	}
	for _, r := range c.Regions {
		if !aws.ValidRegion(r) {
			return c, fmt.Errorf("unknown region %q: Secrets Manager regions are e.g. us-east-1, eu-west-1", r)
		}
	}
	return c, nil
}

// RunReview connects to each region (connect with region "" gives the
// profile's region), reviews the account, prints the report on stdout and
// returns the exit status. Errors go to stderr, worded for a person. clean
// makes text from AWS safe for a terminal in the text format (the UI's
// sanitizer, which this package may not import).
func RunReview(ctx context.Context, c ReviewConfig, connect func(ctx context.Context, region string) (aws.Store, error),
	clean func(string) string, stdout, stderr io.Writer, now time.Time) int {
	regions := c.Regions
	if len(regions) == 0 {
		regions = []string{""}
	}
	var stores []aws.Store
	for _, r := range regions {
		st, err := connect(ctx, r)
		if err != nil {
			fmt.Fprintf(stderr, "smtui review: connect to %s: %v\n", regionName(r), err)
			return ReviewExitFailed
		}
		stores = append(stores, st)
	}
	rep, err := review.Account(ctx, stores, review.Options{Days: c.Days, Now: now})
	if err != nil {
		fmt.Fprintf(stderr, "smtui review: %v\n", err)
		return ReviewExitFailed
	}
	if c.Format == "json" {
		err = review.WriteJSON(stdout, rep)
	} else {
		err = review.WriteText(stdout, rep, clean)
	}
	if err != nil {
		fmt.Fprintf(stderr, "smtui review: %v\n", err)
		return ReviewExitFailed
	}
	if c.FailOn > 0 && rep.AtOrAbove(c.FailOn) {
		fmt.Fprintf(stderr, "smtui review: findings at or above %s (worst: %s)\n", c.FailOn, rep.Worst())
		return ReviewExitFindings
	}
	return ReviewExitOK
}

func regionName(r string) string {
	if r == "" {
		return "the profile's region"
	}
	return r
}
