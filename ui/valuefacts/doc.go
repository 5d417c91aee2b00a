// Package valuefacts tells what a secret value is without revealing it:
// for a private key its type, size and public-key fingerprint (as
// `ssh-keygen -l` prints it), for an X.509 certificate its subject, issuer
// and expiry, for a JWT its algorithm, issuer and expiry, and for an
// OAuth-shaped JSON document when its token expires.
//
// Every fact is public information about the value (a public-key
// fingerprint, a certificate's names, a token's claims that say who issued
// it and when it expires); no fact ever carries key material, a signature
// or a token. Facts are plain strings from inside a secret, so the caller
// sanitizes them before they reach the terminal, like any untrusted text.
package valuefacts
