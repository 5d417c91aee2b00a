// Command smtui-emulator serves smtui's in-process Secrets Manager emulator
// on a loopback port, so that several smtui instances (or the aws CLI) can
// share one fake account: for trying concurrent edits, injected faults and
// measurements by hand.
//
//	go run ./aws/emulator/cmd/smtui-emulator --addr 127.0.0.1:4566 \
//	    --fault PutSecretValue=latency:2s
//	go run ./aws/emulator/cmd/smtui-emulator --secrets 10000 --list-latency 150ms
//	AWS_ACCESS_KEY_ID=DEMO AWS_SECRET_ACCESS_KEY=demo \
//	    smtui --endpoint-url http://127.0.0.1:4566 --region us-east-1
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// faultFlags collects repeated --fault OP=EFFECT[,EFFECT] values.
type faultFlags []emulator.Fault

func (f *faultFlags) String() string { return fmt.Sprint(len(*f), " faults") }

// Set parses "PutSecretValue=latency:2s,drop" or "ListSecrets=error:ThrottlingException,times:3".
func (f *faultFlags) Set(v string) error {
	op, effects, ok := strings.Cut(v, "=")
	if !ok || op == "" || effects == "" {
		return errors.New("want OP=EFFECT[,EFFECT...], e.g. PutSecretValue=latency:2s")
	}
	fault := emulator.Fault{Op: op}
	if op == "*" {
		fault.Op = ""
	}
	for _, eff := range strings.Split(effects, ",") {
		name, arg, _ := strings.Cut(eff, ":")
		switch name {
		case "latency":
			d, err := time.ParseDuration(arg)
			if err != nil {
				return fmt.Errorf("latency: %w", err)
			}
			fault.Latency = d
		case "error":
			if arg == "" {
				return errors.New("error: name an AWS error code, e.g. error:ThrottlingException")
			}
			fault.Error = arg
		case "drop":
			fault.DropResponse = true
		case "times":
			n := 0
			if _, err := fmt.Sscan(arg, &n); err != nil || n < 1 {
				return fmt.Errorf("times: want a positive number, got %q", arg)
			}
			fault.Times = n
		case "secret":
			fault.SecretID = arg
		case "region":
			fault.Region = arg
		default:
			return fmt.Errorf("unknown effect %q (latency, error, drop, times, secret, region)", name)
		}
	}
	*f = append(*f, fault)
	return nil
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smtui-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:4566", "loopback address to listen on")
	seed := fs.Bool("seed", true, "load the demo account")
	secrets := fs.Int("secrets", 0, "add N generated secrets in us-east-1")
	hostile := fs.Bool("hostile", false, "add the hostile fixture secrets (terminal escapes, bidi, C1 in every field), to see that none reaches the terminal raw")
	listLatency := fs.Duration("list-latency", 0, "add this latency to every ListSecrets page (AWS takes 100-300 ms), e.g. 150ms")
	listRate := fs.Int("list-rate", 0, "ListSecrets requests per second per region before ThrottlingException (0: AWS's 100 when --list-latency is set, else unlimited; -1: unlimited)")
	var faults faultFlags
	fs.Var(&faults, "fault", "inject a fault: OP=latency:D,error:CODE,drop,times:N,secret:ID,region:R (repeatable; OP * is any)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	srv, err := emulator.StartOn(*addr, emulator.Options{Seed: *seed, SyntheticSecrets: *secrets, Hostile: *hostile,
		ListLatency: *listLatency, ListRate: *listRate})
	if err != nil {
		fmt.Fprintln(stderr, "smtui-emulator:", err)
		return 1
	}
	for _, f := range faults {
		srv.InjectFault(f)
	}
	fmt.Fprintf(stdout, "smtui-emulator: serving on %s (credentials: any; e.g. AWS_ACCESS_KEY_ID=DEMO AWS_SECRET_ACCESS_KEY=demo)\n", srv.URL)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	<-stop
	if err := srv.Close(); err != nil {
		fmt.Fprintln(stderr, "smtui-emulator:", err)
		return 1
	}
	return 0
}
