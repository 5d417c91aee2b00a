package aws

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// testCA is a certificate authority made for one test, and a server
// certificate it signed for 127.0.0.1 and emulator.invalid (not localhost).
type testCA struct {
	pemPath string // the CA certificate as a PEM file (a CA bundle)
	server  tls.Certificate
}

func newTestCA(t *testing.T) testCA {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtui test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "emulator"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"emulator.invalid"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return testCA{pemPath: path, server: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}}
}

// startTLSEmulator serves a fresh emulator over TLS with ca's certificate.
func startTLSEmulator(t *testing.T, ca testCA) (*emulator.Emulator, *httptest.Server) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewUnstartedServer(emu)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{ca.server}, MinVersion: tls.VersionTLS12}
	// Clients refusing the certificate is what several tests check: keep the
	// server's handshake complaints out of the test output.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return emu, srv
}

// countingProxy is a forward proxy on 127.0.0.1 for tests: CONNECT tunnels
// and absolute-URI HTTP requests for emulator.invalid:PORT go to
// 127.0.0.1:PORT; refuse.invalid gets 407; any other host is recorded and
// refused with 403, so nothing leaves the machine.
type countingProxy struct {
	URL string

	mu      sync.Mutex
	served  int      // requests and tunnels forwarded to the emulator
	refused []string // hosts asked for and refused
}

func startCountingProxy(t *testing.T) *countingProxy {
	t.Helper()
	p := &countingProxy{}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

func (p *countingProxy) counts() (served int, refused []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.served, append([]string(nil), p.refused...)
}

// target maps a requested host:port to the loopback address to dial.
func (p *countingProxy) target(w http.ResponseWriter, hostport string) (string, bool) {
	host, port, _ := net.SplitHostPort(hostport)
	p.mu.Lock()
	defer p.mu.Unlock()
	switch host {
	case "emulator.invalid":
		p.served++
		return net.JoinHostPort("127.0.0.1", port), true
	case "refuse.invalid":
		http.Error(w, "proxy authentication required", http.StatusProxyAuthRequired)
	default:
		p.refused = append(p.refused, hostport)
		http.Error(w, "forbidden by the test proxy", http.StatusForbidden)
	}
	return "", false
}

func (p *countingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		addr, ok := p.target(w, r.Host)
		if !ok {
			return
		}
		up, err := net.Dial("tcp", addr)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			up.Close()
			return
		}
		go func() { _, _ = io.Copy(up, buf); up.Close() }()
		_, _ = io.Copy(conn, up)
		conn.Close()
		return
	}
	// An HTTP request through the proxy carries an absolute URI.
	hostport := r.URL.Host
	if !strings.Contains(hostport, ":") {
		hostport += ":80"
	}
	addr, ok := p.target(w, hostport)
	if !ok {
		return
	}
	up, err := net.Dial("tcp", addr)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer up.Close()
	out := r.Clone(r.Context())
	out.RequestURI = ""
	if err := out.Write(up); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp, err := http.ReadResponse(bufio.NewReader(up), out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
