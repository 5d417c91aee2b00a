package aws

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ssoCachedToken is the token cache file the aws CLI and the SDKs share
// (~/.aws/sso/cache/<sha1>.json), in their field names: see the SDK's
// credentials/ssocreds/sso_cached_token.go. Times are RFC 3339 in UTC.
type ssoCachedToken struct {
	StartURL              string
	Region                string
	AccessToken           string
	ExpiresAt             time.Time
	ClientID              string
	ClientSecret          string
	RegistrationExpiresAt time.Time
	RefreshToken          string
}

// String keeps the tokens out of any log or error that formats the value.
func (ssoCachedToken) String() string { return "[SSO token]" }

// readSSOCache reads a token cache file. A missing file is (zero, nil).
// The other fields of the file are returned as they are, to be kept when
// it is written again.
func readSSOCache(path string) (ssoCachedToken, map[string]any, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ssoCachedToken{}, nil, nil
	}
	if err != nil {
		return ssoCachedToken{}, nil, fmt.Errorf("read SSO token cache: %w", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		// No detail: the parser's message could quote the file's content.
		return ssoCachedToken{}, nil, fmt.Errorf("read SSO token cache %s: not valid JSON", path)
	}
	str := func(k string) string { s, _ := raw[k].(string); return s }
	when := func(k string) time.Time {
		t, _ := time.Parse(time.RFC3339, str(k))
		return t
	}
	return ssoCachedToken{
		StartURL: str("startUrl"), Region: str("region"),
		AccessToken: str("accessToken"), ExpiresAt: when("expiresAt"),
		ClientID: str("clientId"), ClientSecret: str("clientSecret"),
		RegistrationExpiresAt: when("registrationExpiresAt"), RefreshToken: str("refreshToken"),
	}, raw, nil
}

// writeSSOCache writes t to path atomically (a temp file in the same
// directory, then rename), mode 0600 in a 0700 directory, keeping the
// fields of extra that t does not set.
func writeSSOCache(path string, t ssoCachedToken, extra map[string]any) error {
	out := map[string]any{}
	for k, v := range extra {
		out[k] = v
	}
	set := func(k, v string) {
		if v != "" {
			out[k] = v
		} else {
			delete(out, k)
		}
	}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	set("startUrl", t.StartURL)
	set("region", t.Region)
	set("accessToken", t.AccessToken)
	set("expiresAt", stamp(t.ExpiresAt))
	set("clientId", t.ClientID)
	set("clientSecret", t.ClientSecret)
	set("registrationExpiresAt", stamp(t.RegistrationExpiresAt))
	set("refreshToken", t.RefreshToken)
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode SSO token cache: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create SSO token cache directory: %w", err)
	}
	f, err := os.CreateTemp(dir, ".smtui-token-*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("write SSO token cache: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write SSO token cache: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write SSO token cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write SSO token cache: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace SSO token cache: %w", err)
	}
	return nil
}
