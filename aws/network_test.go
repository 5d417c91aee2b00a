package aws

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// Corporate networks: a CA bundle, forward proxies and FIPS/dual-stack
// endpoints work through Connect as in the aws CLI.

func TestCABundleFromEnvironment(t *testing.T) {
	isolateEnv(t)
	ca := newTestCA(t)
	emu, srv := startTLSEmulator(t, ca)
	ctx := context.Background()
	if _, err := staticStore(t, srv.URL, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, ""); KindOf(err) != KindNetwork {
		t.Fatalf("reached the TLS emulator without its CA: %v", err)
	}
	t.Setenv("AWS_CA_BUNDLE", ca.pemPath)
	if _, err := staticStore(t, srv.URL, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("static credentials with AWS_CA_BUNDLE: %v", err)
	}
	dir, _ := os.UserHomeDir()
	writeFile(t, dir, "credentials", "[p]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
	writeFile(t, dir, "config", "[profile p]\nregion = us-east-1\n")
	st, err := Connect(ctx, ConnectOptions{Profile: "p", EndpointURL: srv.URL, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("profile with AWS_CA_BUNDLE: %v", err)
	}
	if emu.Requests("ListSecrets") != 2 {
		t.Errorf("the emulator served %d ListSecrets, want 2", emu.Requests("ListSecrets"))
	}
}

func TestCABundleFromProfile(t *testing.T) {
	dir := isolateEnv(t)
	ca := newTestCA(t)
	emu, srv := startTLSEmulator(t, ca)
	writeFile(t, dir, "credentials", "[with]\naws_access_key_id = AKID\naws_secret_access_key = s\n"+
		"[without]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
	writeFile(t, dir, "config", "[profile with]\nregion = us-east-1\nca_bundle = "+ca.pemPath+
		"\n\n[profile without]\nregion = us-east-1\n")
	ctx := context.Background()
	for profile, wantOK := range map[string]bool{"with": true, "without": false} {
		st, err := Connect(ctx, ConnectOptions{Profile: profile, EndpointURL: srv.URL, MaxAttempts: 1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = st.ListSecretsPage(ctx, ListOptions{}, "")
		if wantOK && err != nil {
			t.Errorf("profile with ca_bundle: %v", err)
		}
		if !wantOK && (err == nil || !strings.Contains(err.Error(), "unknown authority")) {
			t.Errorf("profile without ca_bundle reached the TLS emulator: %v", err)
		}
	}
	if emu.Requests("ListSecrets") != 1 {
		t.Errorf("the emulator served %d ListSecrets, want 1", emu.Requests("ListSecrets"))
	}
}

// Go reads the proxy variables once per process, so the proxy cases run in
// a child process of the test binary with the variables set from the start.

const networkChildEnv = "SMTUI_NETWORK_CHILD"

func runNetworkChild(t *testing.T, scenario string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestNetworkChild$", "-test.v")
	cmd.Env = append(os.Environ(), networkChildEnv+"="+scenario)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestNetworkChild") {
		t.Fatalf("child %s failed: %v\n%s", scenario, err, out)
	}
}

func TestProxyHTTPSAndNoProxy(t *testing.T)      { runNetworkChild(t, "proxy") }
func TestFIPSAndDualStackEndpoints(t *testing.T) { runNetworkChild(t, "endpoints") }
func TestProxyUnreachable(t *testing.T)          { runNetworkChild(t, "deadproxy") }

// TestNetworkChild is the child side of the tests above; it does nothing in
// an ordinary run.
func TestNetworkChild(t *testing.T) {
	switch os.Getenv(networkChildEnv) {
	case "proxy":
		childProxy(t)
	case "endpoints":
		childEndpoints(t)
	case "deadproxy":
		childDeadProxy(t)
	default:
		t.Skip("runs as a child process of the proxy tests")
	}
}

func setProxy(t *testing.T, url string) {
	for _, k := range []string{"HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"} {
		t.Setenv(k, url)
	}
	t.Setenv("NO_PROXY", "direct.invalid")
	t.Setenv("no_proxy", "direct.invalid")
}

func childProxy(t *testing.T) {
	isolateEnv(t)
	p := startCountingProxy(t)
	setProxy(t, p.URL)
	ca := newTestCA(t)
	t.Setenv("AWS_CA_BUNDLE", ca.pemPath)
	_, tlsSrv := startTLSEmulator(t, ca)
	_, port, _ := strings.Cut(strings.TrimPrefix(tlsSrv.URL, "https://"), ":")
	ctx := context.Background()

	// HTTPS through CONNECT, with the CA bundle for the tunnelled TLS.
	if _, err := staticStore(t, "https://emulator.invalid:"+port, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("HTTPS through the proxy: %v", err)
	}
	if served, _ := p.counts(); served != 1 {
		t.Fatalf("proxy forwarded %d connections, want 1", served)
	}
	// Plain HTTP through HTTP_PROXY.
	httpSrv := startPlainEmulator(t)
	_, hport, _ := strings.Cut(strings.TrimPrefix(httpSrv, "http://"), ":")
	if _, err := staticStore(t, "http://emulator.invalid:"+hport, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, ""); err != nil {
		t.Fatalf("HTTP through the proxy: %v", err)
	}
	if served, _ := p.counts(); served != 2 {
		t.Fatalf("proxy forwarded %d requests, want 2", served)
	}
	// NO_PROXY: the name is resolved directly (and, being .invalid, fails),
	// without the proxy seeing it.
	_, err := staticStore(t, "https://direct.invalid:"+port, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, "")
	if err == nil || !strings.Contains(err.Error(), "cannot reach direct.invalid: the name does not resolve (DNS)") {
		t.Errorf("NO_PROXY host: %v", err)
	}
	if served, refused := p.counts(); served != 2 || len(refused) != 0 {
		t.Errorf("the proxy saw the NO_PROXY host: served %d, refused %q", served, refused)
	}
	// A proxy refusing the tunnel.
	_, err = staticStore(t, "https://refuse.invalid:"+port, 5*time.Second).ListSecretsPage(ctx, ListOptions{}, "")
	wantTransport(t, err, KindNetwork, "the proxy refused to connect to refuse.invalid:"+port+" (407 Proxy Authentication Required)", "HTTPS_PROXY")
}

func startPlainEmulator(t *testing.T) string {
	t.Helper()
	srv, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv.URL
}

func childDeadProxy(t *testing.T) {
	isolateEnv(t)
	addr := closedPort(t)
	setProxy(t, "http://"+addr)
	_, err := staticStore(t, "https://emulator.invalid", 5*time.Second).ListSecretsPage(context.Background(), ListOptions{}, "")
	wantTransport(t, err, KindNetwork, "connection refused by the proxy "+addr, "HTTPS_PROXY")
}

// childEndpoints checks the host the SDK resolves for use_fips_endpoint and
// use_dualstack_endpoint: a proxy that refuses every host records it, so no
// request leaves the machine.
func childEndpoints(t *testing.T) {
	dir := isolateEnv(t)
	p := startCountingProxy(t)
	setProxy(t, p.URL)
	writeFile(t, dir, "credentials", "[fips]\naws_access_key_id = A\naws_secret_access_key = s\n"+
		"[dual]\naws_access_key_id = A\naws_secret_access_key = s\n[both]\naws_access_key_id = A\naws_secret_access_key = s\n"+
		"[plain]\naws_access_key_id = A\naws_secret_access_key = s\n")
	writeFile(t, dir, "config", `[profile fips]
region = us-east-1
use_fips_endpoint = true
[profile dual]
region = eusc-de-east-1
use_dualstack_endpoint = true
[profile both]
region = cn-north-1
use_fips_endpoint = true
use_dualstack_endpoint = true
[profile plain]
region = ap-south-1
`)
	// Secrets Manager's commercial endpoints are dual-stack already (the
	// SDK's rules keep amazonaws.com there), so dual-stack shows in the
	// partitions whose dual-stack names differ.
	want := map[string]string{
		"fips":  "secretsmanager-fips.us-east-1.amazonaws.com:443",
		"dual":  "secretsmanager.eusc-de-east-1.api.amazonwebservices.eu:443",
		"both":  "secretsmanager-fips.cn-north-1.api.amazonwebservices.com.cn:443",
		"plain": "secretsmanager.ap-south-1.amazonaws.com:443",
	}
	for _, profile := range []string{"fips", "dual", "both", "plain"} {
		st, err := Connect(context.Background(), ConnectOptions{Profile: profile, MaxAttempts: 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ListSecretsPage(context.Background(), ListOptions{}, ""); err == nil {
			t.Fatalf("%s: the refusing proxy let a request through", profile)
		}
		_, refused := p.counts()
		if !slices.Contains(refused, want[profile]) {
			t.Errorf("%s: endpoints asked for %q, want %s", profile, refused, want[profile])
		}
	}
}
