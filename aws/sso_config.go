package aws

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go/logging"
)

// defaultSSOScope is what the aws CLI registers an sso-session client for
// when the session names no sso_registration_scopes.
const defaultSSOScope = "sso:account:access"

// SSOLoginOptions says which profile to sign in for and how to reach IAM
// Identity Center.
type SSOLoginOptions struct {
	// Profile is the shared-config profile; "" means AWS_PROFILE or "default".
	// When it assumes a role from a source profile, the SSO settings of
	// the source are used.
	Profile string
	// EndpointURL overrides the OIDC and SSO portal endpoints (the
	// emulator); without it AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL or
	// the profile's services section apply, as in the aws CLI.
	EndpointURL string
}

// ssoConfig is the IAM Identity Center part of a profile.
type ssoConfig struct {
	profile   string
	session   string // the sso_session name; "" for a legacy profile (sso_start_url in the profile)
	startURL  string
	region    string
	scopes    []string
	cachePath string // ~/.aws/sso/cache/<sha1 of session name or start URL>.json
}

// loadSSOConfig reads the profile's SSO settings and the SDK configuration
// (HTTP client with the CA bundle and proxy settings) to reach IAM Identity
// Center with.
func loadSSOConfig(ctx context.Context, o SSOLoginOptions) (ssoConfig, awssdk.Config, error) {
	const op = "read SSO settings"
	opts := []func(*config.LoadOptions) error{config.WithLogger(logging.Nop{}), config.WithClientLogMode(0)}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return ssoConfig{}, awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: op, Message: innermostMessage(err),
			Hint: "check the profile in your AWS config file", Err: err}
	}
	name, _ := profileOf(cfg, o.Profile)
	var sc *config.SharedConfig
	for _, src := range cfg.ConfigSources {
		if s, ok := src.(config.SharedConfig); ok {
			sc = &s
		}
	}
	for depth := 0; sc != nil && depth < 10 && sc.SSOSessionName == "" && sc.SSOStartURL == ""; depth++ {
		sc = sc.Source
	}
	if sc == nil {
		return ssoConfig{}, awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: op,
			Message: "profile " + name + " does not sign in through IAM Identity Center (no sso_session or sso_start_url)",
			Hint:    "set it up with: aws configure sso --profile " + name}
	}
	c := ssoConfig{profile: name, startURL: sc.SSOStartURL, region: sc.SSORegion}
	key := c.startURL
	if sc.SSOSession != nil {
		c.session = sc.SSOSession.Name
		c.startURL, c.region = sc.SSOSession.SSOStartURL, sc.SSOSession.SSORegion
		c.scopes = registrationScopes(c.session)
		key = c.session
	}
	if c.startURL == "" || c.region == "" {
		return ssoConfig{}, awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: op,
			Message: "profile " + name + " lacks sso_start_url or sso_region",
			Hint:    "set it up with: aws configure sso --profile " + name}
	}
	c.cachePath, err = ssocreds.StandardCachedTokenFilepath(key)
	if err != nil {
		return ssoConfig{}, awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: op, Message: err.Error(), Err: err}
	}
	return c, cfg, nil
}

// registrationScopes reads sso_registration_scopes of [sso-session NAME]
// from the shared config file, which the SDK does not parse; the aws CLI's
// default scope when it is absent.
func registrationScopes(session string) []string {
	path := os.Getenv("AWS_CONFIG_FILE")
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return []string{defaultSSOScope}
		}
		path = filepath.Join(home, ".aws", "config")
	}
	f, err := os.Open(path)
	if err != nil {
		return []string{defaultSSOScope}
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			header := strings.Fields(strings.Trim(line, "[]"))
			in = len(header) == 2 && header[0] == "sso-session" && header[1] == session
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !in || !ok || strings.TrimSpace(k) != "sso_registration_scopes" {
			continue
		}
		var scopes []string
		for s := range strings.SplitSeq(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				scopes = append(scopes, s)
			}
		}
		if len(scopes) > 0 {
			return scopes
		}
	}
	return []string{defaultSSOScope}
}
