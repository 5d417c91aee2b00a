package valuefacts

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"
)

// pemFacts reads every PEM block in s: private keys and certificates.
func pemFacts(s, field string) []Fact {
	var out []Fact
	rest := []byte(s)
	for len(out) < 8 {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		switch {
		case block.Type == "CERTIFICATE":
			if f, ok := certFact(block.Bytes, field); ok {
				out = append(out, f)
			}
		case strings.HasSuffix(block.Type, "PRIVATE KEY"):
			out = append(out, keyFact(pem.EncodeToMemory(block), field))
		}
	}
	return out
}

// keyFact describes a private key by its public half, in the form
// `ssh-keygen -l` prints: size, SHA256 fingerprint, type. An encrypted
// OpenSSH key still has its public key in clear; other encrypted keys are
// only named.
func keyFact(pemBytes []byte, field string) Fact {
	f := Fact{Field: field, Kind: "private key"}
	raw, err := ssh.ParseRawPrivateKey(pemBytes)
	var missing *ssh.PassphraseMissingError
	switch {
	case errors.As(err, &missing) && missing.PublicKey != nil:
		f.Text = "encrypted · " + describePublic(missing.PublicKey)
		return f
	case err != nil:
		if strings.Contains(string(pemBytes), "ENCRYPTED") {
			f.Text = "encrypted (needs its passphrase)"
		} else {
			f.Text = "not readable as a private key"
		}
		return f
	}
	signer, err := ssh.NewSignerFromKey(raw)
	if err != nil {
		f.Text = fmt.Sprintf("%T key", raw)
		return f
	}
	f.Text = describePublic(signer.PublicKey())
	return f
}

// describePublic prints "256 SHA256:… (ED25519)" as ssh-keygen -l does.
func describePublic(pub ssh.PublicKey) string {
	bits, name := keySize(pub)
	return fmt.Sprintf("%d %s (%s)", bits, ssh.FingerprintSHA256(pub), name)
}

func keySize(pub ssh.PublicKey) (int, string) {
	cp, ok := pub.(ssh.CryptoPublicKey)
	if !ok {
		return 0, strings.ToUpper(pub.Type())
	}
	switch k := cp.CryptoPublicKey().(type) {
	case *rsa.PublicKey:
		return k.N.BitLen(), "RSA"
	case *ecdsa.PublicKey:
		return k.Curve.Params().BitSize, "ECDSA"
	case ed25519.PublicKey:
		return 256, "ED25519"
	}
	return 0, strings.ToUpper(pub.Type())
}

// certFact names a certificate's subject, issuer and expiry.
func certFact(der []byte, field string) (Fact, bool) {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return Fact{}, false
	}
	issuer := cert.Issuer.String()
	if issuer == cert.Subject.String() {
		issuer = "self-signed"
	}
	return Fact{
		Field:   field,
		Kind:    "certificate",
		Text:    fmt.Sprintf("subject %s · issuer %s", nameOr(cert.Subject.String()), nameOr(issuer)),
		Expires: cert.NotAfter,
	}, true
}

func nameOr(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}
