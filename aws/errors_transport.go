package aws

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
)

// Failures of the transport (DNS, TCP, TLS, proxies, timeouts), said in a
// sentence with the next step. The raw chain stays in Error.Err, one key
// away in the UI, never the first thing shown.

// transportProblem is a transport failure described for the operator.
type transportProblem struct {
	kind    ErrorKind // KindNetwork or KindTimeout
	message string
	hint    string
}

const (
	hintCABundle = "a proxy or firewall may re-sign HTTPS: point AWS_CA_BUNDLE (or ca_bundle in your profile) at your organisation's CA certificates (PEM)"
	hintProxy    = "check HTTPS_PROXY and HTTP_PROXY (and NO_PROXY for hosts that must be reached directly)"
	hintNetwork  = "check your network or VPN, the region and the endpoint URL"
	hintTimeout  = "the endpoint is slow or unreachable; retry, or check your network, VPN or proxy"
)

// plainHTTPAnswer is net/http's error when an https:// endpoint answers in
// plain HTTP (it has no exported value to compare with).
const plainHTTPAnswer = "http: server gave HTTP response to HTTPS client"

// statusByText maps HTTP status texts to codes: a proxy refusing CONNECT
// reaches us only as its status text (net/http's transport).
var statusByText = func() map[string]int {
	m := map[string]int{}
	for code := 400; code < 600; code++ {
		if t := http.StatusText(code); t != "" {
			m[t] = code
		}
	}
	return m
}()

// describeTransport recognises a transport failure in err's chain.
func describeTransport(err error) (transportProblem, bool) {
	host := failedHost(err)
	var (
		opErr   *net.OpError
		dnsErr  *net.DNSError
		unknown x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invalid x509.CertificateInvalidError
		record  tls.RecordHeaderError
		urlErr  *url.Error
	)
	if errors.As(err, &opErr) && opErr.Op == "proxyconnect" {
		p := transportProblem{kind: KindNetwork, hint: hintProxy}
		proxy := "the proxy"
		if inner := (*net.OpError)(nil); errors.As(opErr.Err, &inner) && inner.Addr != nil {
			proxy += " " + inner.Addr.String()
		}
		switch {
		case errors.Is(opErr.Err, syscall.ECONNREFUSED):
			p.message = "connection refused by " + proxy
		case errors.As(opErr.Err, &dnsErr):
			p.message = "cannot reach the proxy " + dnsErr.Name + ": the name does not resolve (DNS)"
		default:
			p.message = "cannot reach " + proxy
		}
		return p, true
	}
	if errors.As(err, &urlErr) {
		if urlErr.Err.Error() == plainHTTPAnswer {
			return transportProblem{KindNetwork, "TLS: " + host + " does not speak TLS",
				"the endpoint may be plain http://; check the endpoint URL"}, true
		}
		if code, ok := statusByText[urlErr.Err.Error()]; ok {
			return transportProblem{kind: KindNetwork, hint: hintProxy + "; the proxy may need credentials (http://user:pass@proxy:port) or an exception for " + host,
				message: "the proxy refused to connect to " + host + " (" + strconv.Itoa(code) + " " + http.StatusText(code) + ")"}, true
		}
	}
	switch {
	case errors.As(err, &dnsErr):
		if dnsErr.IsTimeout {
			return transportProblem{KindTimeout, "cannot reach " + dnsErr.Name + ": the DNS server did not answer in time", hintNetwork}, true
		}
		return transportProblem{KindNetwork, "cannot reach " + dnsErr.Name + ": the name does not resolve (DNS)", hintNetwork}, true
	case errors.As(err, &unknown):
		return transportProblem{KindNetwork, "TLS: certificate signed by an unknown authority (set AWS_CA_BUNDLE or ca_bundle)", hintCABundle}, true
	case errors.As(err, &hostErr):
		return transportProblem{KindNetwork, "TLS: the certificate of " + host + " is not valid for that name",
			"check the endpoint URL; " + hintCABundle}, true
	case errors.As(err, &invalid):
		return transportProblem{KindNetwork, "TLS: the certificate of " + host + " is invalid (" + invalid.Error() + ")",
			"check the system clock and the endpoint URL; " + hintCABundle}, true
	case errors.As(err, &record):
		return transportProblem{KindNetwork, "TLS: " + host + " does not speak TLS",
			"the endpoint may be plain http://; check the endpoint URL"}, true
	case errors.Is(err, syscall.ECONNREFUSED):
		addr := host
		if errors.As(err, &opErr) && opErr.Addr != nil {
			addr = opErr.Addr.String()
		}
		return transportProblem{KindNetwork, "connection refused by " + addr,
			"nothing is listening there: check the endpoint URL, the region, and your VPN or proxy"}, true
	case errors.Is(err, syscall.ECONNRESET):
		return transportProblem{KindNetwork, "the connection to " + host + " was reset",
			"a firewall or proxy may be cutting it; retry, or " + hintProxy}, true
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH):
		return transportProblem{KindNetwork, "cannot reach " + host + ": no route to it", hintNetwork}, true
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return transportProblem{KindNetwork, host + " closed the connection without answering",
			"retry; if it persists, a proxy or firewall may be in the way: " + hintProxy}, true
	}
	// Only a failed request is a transport timeout: context.DeadlineExceeded
	// alone (a net.Error too) is left to the caller's deadline handling.
	var netErr net.Error
	sent := urlErr != nil || errors.As(err, &opErr)
	if sent && ((errors.As(err, &netErr) && netErr.Timeout()) || errors.Is(err, context.DeadlineExceeded)) {
		return transportProblem{KindTimeout, "no answer from " + host + " in time", hintTimeout}, true
	}
	return transportProblem{}, false
}

// failedHost is the host a failed request was for, "the endpoint" if the
// chain does not say.
func failedHost(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		if u, perr := url.Parse(urlErr.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.Name != "" {
		return dnsErr.Name
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Addr != nil {
		return opErr.Addr.String()
	}
	return "the endpoint"
}
