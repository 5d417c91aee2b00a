package valuefacts

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// wantFingerprint is SHA256 of the public key's wire form, unpadded
// base64, as OpenSSH defines it (computed here without the package's code).
func wantFingerprint(t *testing.T, pub any) string {
	t.Helper()
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(sp.Marshal())
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

func onlyFact(t *testing.T, value string) Fact {
	t.Helper()
	facts := Of([]byte(value), time.Time{})
	if len(facts) != 1 {
		t.Fatalf("want 1 fact, got %+v", facts)
	}
	return facts[0]
}

func TestOpenSSHEd25519KeyFingerprint(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := ssh.MarshalPrivateKey(priv, "deploy@example")
	if err != nil {
		t.Fatal(err)
	}
	keyPEM := string(pem.EncodeToMemory(block))
	f := onlyFact(t, keyPEM)
	want := "256 " + wantFingerprint(t, pub) + " (ED25519)"
	if f.Kind != "private key" || f.Text != want {
		t.Fatalf("got %q %q, want %q", f.Kind, f.Text, want)
	}
	assertNoSecret(t, f, keyPEM)
	sshKeygenAgrees(t, keyPEM, f.Text)
}

func TestRSAAndECKeysInPEM(t *testing.T) {
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	rsaPEM := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(rk)}))
	if f := onlyFact(t, rsaPEM); f.Text != "2048 "+wantFingerprint(t, &rk.PublicKey)+" (RSA)" {
		t.Fatalf("rsa: %q", f.Text)
	}
	ek, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	der, _ := x509.MarshalPKCS8PrivateKey(ek)
	ecPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	if f := onlyFact(t, ecPEM); f.Text != "384 "+wantFingerprint(t, &ek.PublicKey)+" (ECDSA)" {
		t.Fatalf("ec: %q", f.Text)
	}
}

func TestEncryptedOpenSSHKeyStillShowsItsPublicKey(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := ssh.MarshalPrivateKeyWithPassphrase(priv, "", []byte("hunter2"))
	if err != nil {
		t.Fatal(err)
	}
	f := onlyFact(t, string(pem.EncodeToMemory(block)))
	if f.Text != "encrypted · 256 "+wantFingerprint(t, pub)+" (ED25519)" {
		t.Fatalf("got %q", f.Text)
	}
}

func TestCertificateSubjectIssuerExpiry(t *testing.T) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	notAfter := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		Subject:      pkix.Name{CommonName: "api.example.com"},
		NotBefore:    notAfter.Add(-90 * 24 * time.Hour),
		NotAfter:     notAfter,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(key)
	bundle := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})) +
		string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	facts := Of([]byte(bundle), time.Time{})
	if len(facts) != 2 {
		t.Fatalf("want a certificate and a key, got %+v", facts)
	}
	c := facts[0]
	if c.Kind != "certificate" || c.Text != "subject CN=api.example.com · issuer self-signed" || !c.Expires.Equal(notAfter) {
		t.Fatalf("cert: %+v", c)
	}
	if !c.Expired(notAfter) || c.Expired(notAfter.Add(-time.Second)) {
		t.Fatal("Expired is wrong at the boundary")
	}
	if facts[1].Kind != "private key" {
		t.Fatalf("second fact: %+v", facts[1])
	}
}

func jwt(header, claims map[string]any) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return enc(header) + "." + enc(claims) + ".c2lnbmF0dXJl"
}

func TestJWTInAJSONField(t *testing.T) {
	exp := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	token := jwt(map[string]any{"alg": "RS256", "typ": "JWT"},
		map[string]any{"iss": "https://auth.example.com", "sub": "svc-orders", "exp": exp.Unix()})
	doc, _ := json.Marshal(map[string]string{"token": token, "user": "svc"})
	facts := Of(doc, time.Time{})
	if len(facts) != 1 {
		t.Fatalf("got %+v", facts)
	}
	f := facts[0]
	if f.Field != "token" || f.Kind != "JWT" || f.Text != "alg RS256 · issuer https://auth.example.com" || !f.Expires.Equal(exp) {
		t.Fatalf("got %+v", f)
	}
	assertNoSecret(t, f, token)
	if !f.Expired(exp.Add(3 * time.Hour)) {
		t.Fatal("a token 3 h past exp is not expired")
	}
}

func TestOAuthExpiry(t *testing.T) {
	issued := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	facts := Of([]byte(`{"access_token":"abc","expires_in":3600}`), issued)
	if len(facts) != 1 || !facts[0].Expires.Equal(issued.Add(time.Hour)) || facts[0].Field != "expires_in" {
		t.Fatalf("expires_in: %+v", facts)
	}
	facts = Of([]byte(`{"access_token":"abc","expires_at":"2026-11-29T10:00:00Z"}`), issued)
	if len(facts) != 1 || !facts[0].Expires.Equal(issued.Add(2*time.Hour)) {
		t.Fatalf("expires_at: %+v", facts)
	}
	facts = Of([]byte(`{"access_token":"abc","expires_at":1795939200}`), issued)
	if len(facts) != 1 || facts[0].Expires.Unix() != 1795939200 {
		t.Fatalf("expires_at unix: %+v", facts)
	}
}

func TestPlainValuesHaveNoFacts(t *testing.T) {
	for _, v := range []string{"", "hunter2", `{"user":"a","password":"b"}`, "eyJ.not.ajwt", "-----BEGIN GARBAGE-----\nzz\n-----END GARBAGE-----", `[1,2]`} {
		if facts := Of([]byte(v), time.Now()); len(facts) != 0 {
			t.Errorf("%q: unexpected facts %+v", v, facts)
		}
	}
}

// With no issue time, expires_in is dropped: there is nothing to count from.
func TestExpiresInNeedsAnIssueTime(t *testing.T) {
	if facts := Of([]byte(`{"expires_in":60}`), time.Time{}); len(facts) != 0 {
		t.Fatalf("got %+v", facts)
	}
}

// assertNoSecret checks that no fact carries a piece of the secret: no
// line of a PEM body, no part of a token's signature or payload.
func assertNoSecret(t *testing.T, f Fact, secret string) {
	t.Helper()
	for _, part := range strings.FieldsFunc(secret, func(r rune) bool { return r == '\n' || r == '.' }) {
		if len(part) >= 12 && !strings.HasPrefix(part, "-----") && strings.Contains(f.Text, part) {
			t.Fatalf("fact %q carries part of the secret", f.Text)
		}
	}
}

// sshKeygenAgrees compares with `ssh-keygen -l` when it is installed.
func sshKeygenAgrees(t *testing.T, keyPEM, text string) {
	t.Helper()
	bin, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Log("ssh-keygen not installed; fingerprint checked against its definition only")
		return
	}
	path := filepath.Join(t.TempDir(), "id")
	if err := os.WriteFile(path, []byte(keyPEM), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-l", "-f", path).Output()
	if err != nil {
		t.Fatalf("ssh-keygen: %v", err)
	}
	fields := strings.Fields(string(out)) // "256 SHA256:... comment (ED25519)"
	got := fields[0] + " " + fields[1] + " " + fields[len(fields)-1]
	if got != text {
		t.Fatalf("ssh-keygen says %q, we say %q", got, text)
	}
}
