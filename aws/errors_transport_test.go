package aws

import (
	"context"
	"errors"
	"net"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// Transport failures provoked for real (no network beyond 127.0.0.1: names
// under .invalid never resolve, RFC 2606) and said in a sentence.

// staticStore connects with static credentials to endpoint.
func staticStore(t *testing.T, endpoint string, timeout time.Duration) Store {
	t.Helper()
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", AccessKeyID: "AKID", SecretAccessKey: "s",
		EndpointURL: endpoint, CallTimeout: timeout, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// wantTransport checks err's kind, that its message is exactly msg and not
// the raw chain, and that it has a hint containing hint.
func wantTransport(t *testing.T, err error, kind ErrorKind, msg, hint string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %T %v, want *Error", err, err)
	}
	if e.Kind != kind || e.Message != msg {
		t.Errorf("got %v %q, want %v %q", e.Kind, e.Message, kind, msg)
	}
	if !strings.Contains(e.Hint, hint) {
		t.Errorf("hint %q does not contain %q", e.Hint, hint)
	}
	if e.Err == nil || strings.Contains(e.Message, "operation error") || strings.Contains(e.Message, "dial tcp") {
		t.Errorf("raw chain lost or shown first: message %q, Err %v", e.Message, e.Err)
	}
	return e
}

func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestTransportConnectionRefused(t *testing.T) {
	isolateEnv(t)
	addr := closedPort(t)
	_, err := staticStore(t, "http://"+addr, 5*time.Second).DescribeSecret(context.Background(), "x")
	wantTransport(t, err, KindNetwork, "connection refused by "+addr, "nothing is listening")
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("the raw chain does not hold ECONNREFUSED: %v", err)
	}
}

func TestTransportDNSFailure(t *testing.T) {
	isolateEnv(t)
	_, err := staticStore(t, "https://secretsmanager.smtui-test.invalid", 10*time.Second).DescribeSecret(context.Background(), "x")
	wantTransport(t, err, KindNetwork, "cannot reach secretsmanager.smtui-test.invalid: the name does not resolve (DNS)", "network or VPN")

	// The SSO log-in's OIDC host.
	w := newSSOWorld(t, emulator.SSOOptions{})
	_, err = BeginSSOLogin(context.Background(), SSOLoginOptions{Profile: "oncall", EndpointURL: "https://oidc.eu-west-1.invalid"})
	wantTransport(t, err, KindNetwork, "cannot reach oidc.eu-west-1.invalid: the name does not resolve (DNS)", "network or VPN")

	// The case: an expired SSO token whose refresh cannot reach
	// the OIDC host is a network problem, not an expired session.
	w.login(t, "oncall")
	path := w.cachePath("corp")
	tok, _, _ := readSSOCache(path)
	tok.ExpiresAt = time.Now().Add(-time.Minute)
	if err := writeSSOCache(path, tok, nil); err != nil {
		t.Fatal(err)
	}
	st, err := Connect(context.Background(), ConnectOptions{Profile: "oncall", EndpointURL: "https://oidc.eu-west-1.invalid", MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	err = CheckCredentials(context.Background(), st)
	wantTransport(t, err, KindNetwork, "cannot reach oidc.eu-west-1.invalid: the name does not resolve (DNS)", "network or VPN")
}

func TestTransportTimeout(t *testing.T) {
	isolateEnv(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // accept and never answer
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	_, err = staticStore(t, "http://"+ln.Addr().String(), 300*time.Millisecond).DescribeSecret(context.Background(), "x")
	if KindOf(err) != KindTimeout {
		t.Fatalf("a silent endpoint: %v, want a timeout", err)
	}
	if e := err.(*Error); e.Hint == "" || strings.Contains(e.Message, "operation error") {
		t.Errorf("timeout said as %q (hint %q)", e.Message, e.Hint)
	}
}

func TestTransportTLSUnknownAuthorityAndPlainHTTP(t *testing.T) {
	isolateEnv(t)
	ca := newTestCA(t)
	_, srv := startTLSEmulator(t, ca)
	_, err := staticStore(t, srv.URL, 5*time.Second).DescribeSecret(context.Background(), "x")
	wantTransport(t, err, KindNetwork, "TLS: certificate signed by an unknown authority (set AWS_CA_BUNDLE or ca_bundle)", "AWS_CA_BUNDLE")

	plain := httptest.NewServer(emulator.New(emulator.Options{}))
	defer plain.Close()
	host := strings.TrimPrefix(plain.URL, "http://")
	_, err = staticStore(t, "https://"+host, 5*time.Second).DescribeSecret(context.Background(), "x")
	wantTransport(t, err, KindNetwork, "TLS: "+host+" does not speak TLS", "plain http://")
}

func TestTransportTLSWrongName(t *testing.T) {
	isolateEnv(t)
	ca := newTestCA(t)
	_, srv := startTLSEmulator(t, ca)
	t.Setenv("AWS_CA_BUNDLE", ca.pemPath)
	// The certificate names 127.0.0.1 and emulator.invalid, not localhost.
	u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	_, err := staticStore(t, u, 5*time.Second).DescribeSecret(context.Background(), "x")
	wantTransport(t, err, KindNetwork, "TLS: the certificate of "+strings.TrimPrefix(u, "https://")+" is not valid for that name", "endpoint URL")
}
