package aws

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// ErrNoBrowser is returned by OpenBrowser when no browser should or can be
// opened (over SSH, no display, no opener): show the address instead.
var ErrNoBrowser = errors.New("no browser can be opened here")

// OpenBrowser opens address (the verification page of an SSO log-in) in
// the operator's browser, when that makes sense: not over SSH, and with
// $BROWSER, or xdg-open on a desktop, or macOS's open. The browser gets the
// environment without AWS credentials. It returns once the opener has
// started. The address comes from the network, so only http(s) is opened.
func OpenBrowser(address string) error {
	argv, err := browserCommand(address, os.Getenv, exec.LookPath, runtime.GOOS)
	if err != nil {
		return err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = scrubAWSEnv(os.Environ())
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open browser: %w", err)
	}
	go func() { _ = cmd.Wait() }() // reap it; its exit status tells nothing useful
	return nil
}

// CanOpenBrowser reports whether OpenBrowser would try, so the UI can say
// "opened in your browser" or only show the address.
func CanOpenBrowser() bool {
	_, err := browserCommand("https://example.com/", os.Getenv, exec.LookPath, runtime.GOOS)
	return err == nil
}

// browserCommand is the command that opens address, or why there is none.
func browserCommand(address string, getenv func(string) string, lookPath func(string) (string, error), goos string) ([]string, error) {
	u, err := url.Parse(address)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && isLoopbackHost(u.Hostname()))) {
		return nil, fmt.Errorf("open browser: %w: not an https address", ErrNoBrowser)
	}
	for _, k := range []string{"SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"} {
		if getenv(k) != "" {
			return nil, fmt.Errorf("open browser: %w: the session is over SSH", ErrNoBrowser)
		}
	}
	// $BROWSER: a list of commands separated by colons; %s is the address.
	if b := getenv("BROWSER"); b != "" {
		first, _, _ := strings.Cut(b, ":")
		fields := strings.Fields(first)
		if len(fields) > 0 {
			argv, placed := fields[:0:0], false
			for _, f := range fields {
				if strings.Contains(f, "%s") {
					f, placed = strings.ReplaceAll(f, "%s", address), true
				}
				argv = append(argv, f)
			}
			if !placed {
				argv = append(argv, address)
			}
			return argv, nil
		}
	}
	var opener string
	switch goos {
	case "darwin":
		opener = "open"
	case "windows":
		return nil, fmt.Errorf("open browser: %w: set BROWSER", ErrNoBrowser)
	default:
		if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
			return nil, fmt.Errorf("open browser: %w: no graphical display", ErrNoBrowser)
		}
		opener = "xdg-open"
	}
	path, err := lookPath(opener)
	if err != nil {
		return nil, fmt.Errorf("open browser: %w: %s not found", ErrNoBrowser, opener)
	}
	return []string{path, address}, nil
}

func isLoopbackHost(h string) bool {
	ip := net.ParseIP(h)
	return h == "localhost" || (ip != nil && ip.IsLoopback())
}

// scrubAWSEnv returns env without the variables that carry or point at AWS
// credentials: every AWS_* variable and those of aws-vault-like tools. It
// is the rule of ui/childenv (which aws/ cannot import: imports go
// downwards), kept to these few lines here.
func scrubAWSEnv(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		up := strings.ToUpper(name)
		if strings.HasPrefix(up, "AWS_") || strings.HasPrefix(up, "AWSUME_") || strings.HasPrefix(up, "GRANTED_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}
