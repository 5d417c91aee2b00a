package aws

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"github.com/aws/smithy-go/logging"
	"net/http"
	"os"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
)

// DefaultMaxAttempts is how many times a request is tried (first try
// included) when ConnectOptions.MaxAttempts is 0.
const DefaultMaxAttempts = 3

// ConnectOptions says how to reach Secrets Manager for one Store.
type ConnectOptions struct {
	// Profile is the shared-config profile; "" means AWS_PROFILE or "default".
	Profile string
	// Region overrides the profile's and the environment's region.
	Region string
	// EndpointURL overrides the endpoint. Without it, AWS_ENDPOINT_URL_SECRETS_MANAGER,
	// AWS_ENDPOINT_URL or the profile's services section apply, as in the AWS CLI.
	EndpointURL string
	// AccessKeyID and SecretAccessKey are static credentials (e.g. for --demo);
	// when set the shared config and credentials files are not read.
	AccessKeyID, SecretAccessKey string
	// MFACode is asked when an assume-role profile needs an MFA token.
	MFACode func() (string, error)
	// ShareCredentialsWith, when set, reuses that Store's credentials (and
	// their cache) instead of resolving new ones: another region of the same
	// profile then needs no new SSO sign-in, role assumption or MFA code.
	ShareCredentialsWith Store
	// CallTimeout bounds each request, retries included; 0 means DefaultCallTimeout.
	CallTimeout time.Duration
	// MaxAttempts bounds the adaptive retryer (first try included); 0 means DefaultMaxAttempts.
	MaxAttempts int
	// MaxBackoff caps the delay between retries; 0 means the SDK's default (20s).
	MaxBackoff time.Duration
}

// Connect builds a Store the way the AWS CLI builds its configuration: the
// profile's region, credentials (static keys, SSO, assume-role with MFA,
// credential_process, ...) and endpoint, with adaptive retries. It makes no
// network call; use CheckCredentials to resolve credentials up front.
func Connect(ctx context.Context, o ConnectOptions) (Store, error) {
	const op = "connect"
	if (o.AccessKeyID == "") != (o.SecretAccessKey == "") {
		return nil, &Error{Kind: KindInvalidParameter, Op: op,
			Message: "static credentials need both an access key id and a secret access key"}
	}
	var (
		cfg awssdk.Config
		err error
	)
	static := o.AccessKeyID != ""
	if static {
		cfg, err = staticConfig(o)
	} else {
		cfg, err = loadConfig(ctx, o)
	}
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		return nil, &Error{Kind: KindInvalidParameter, Op: op, Message: "no region is configured",
			Hint: "pass --region or set AWS_REGION (or set region in your profile)", Err: ErrNoRegion}
	}
	if shared, ok := o.ShareCredentialsWith.(*sdkStore); ok && shared.creds != nil && !static {
		cfg.Credentials = shared.creds
	}
	cfg.Logger = logging.Nop{}
	cfg.ClientLogMode = 0
	if o.MaxAttempts > 0 {
		cfg.RetryMaxAttempts = o.MaxAttempts
	}
	client := secretsmanager.NewFromConfig(cfg, func(so *secretsmanager.Options) {
		if o.EndpointURL != "" {
			so.BaseEndpoint = awssdk.String(o.EndpointURL)
		}
	})
	s := &sdkStore{
		api:      client,
		region:   cfg.Region,
		timeout:  o.CallTimeout,
		creds:    cfg.Credentials,
		static:   static,
		cfg:      cfg,
		endpoint: o.EndpointURL,
	}
	if s.timeout <= 0 {
		s.timeout = DefaultCallTimeout
	}
	if !static {
		s.profile, s.sso = profileOf(cfg, o.Profile)
	}
	return s, nil
}

// staticConfig is the configuration for static credentials: no shared files,
// but the environment's region and endpoint settings still apply.
func staticConfig(o ConnectOptions) (awssdk.Config, error) {
	env, err := config.NewEnvConfig()
	if err != nil {
		return awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: "connect", Message: err.Error(), Err: err}
	}
	cfg := awssdk.Config{
		Region: o.Region,
		Credentials: awssdk.NewCredentialsCache(
			credentials.NewStaticCredentialsProvider(o.AccessKeyID, o.SecretAccessKey, "")),
		Retryer:       func() awssdk.Retryer { return newRetryer(o) },
		ConfigSources: []any{env},
	}
	if cfg.Region == "" {
		cfg.Region = env.Region
	}
	if env.BaseEndpoint != "" && (env.IgnoreConfiguredEndpoints == nil || !*env.IgnoreConfiguredEndpoints) {
		cfg.BaseEndpoint = awssdk.String(env.BaseEndpoint)
	}
	if env.CustomCABundle != "" {
		client, err := caBundleClient(env.CustomCABundle)
		if err != nil {
			return awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: "connect", Message: err.Error(), Err: err,
				Hint: "point AWS_CA_BUNDLE at a readable PEM file of CA certificates"}
		}
		cfg.HTTPClient = client
	}
	return cfg, nil
}

// caBundleClient is the SDK's HTTP client (proxy from the environment kept)
// trusting only the CA certificates of the PEM file at path, as the config
// loader builds it for AWS_CA_BUNDLE.
func caBundleClient(path string) (*awshttp.BuildableClient, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read CA bundle: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("CA bundle %s holds no PEM certificate", path)
	}
	return awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		tr.TLSClientConfig.RootCAs = pool
	}), nil
}

// loadConfig is config.LoadDefaultConfig with our profile, region, MFA
// prompt and retryer.
func loadConfig(ctx context.Context, o ConnectOptions) (awssdk.Config, error) {
	opts := []func(*config.LoadOptions) error{
		config.WithRetryer(func() awssdk.Retryer { return newRetryer(o) }),
		// The SDK logs warnings (e.g. IMDS fallbacks) to stderr, which would
		// tear the terminal UI; errors reach the UI as values instead.
		config.WithLogger(logging.Nop{}),
		config.WithClientLogMode(0),
	}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		opts = append(opts, config.WithRegion(o.Region))
	}
	if o.EndpointURL != "" {
		opts = append(opts, ssoEndpointOptions(o.EndpointURL)...)
	}
	if o.MFACode != nil {
		opts = append(opts, config.WithAssumeRoleCredentialOptions(func(ao *stscreds.AssumeRoleOptions) {
			ao.TokenProvider = o.MFACode
		}))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err == nil {
		return cfg, nil
	}
	var missing config.SharedConfigProfileNotExistError
	if errors.As(err, &missing) {
		return awssdk.Config{}, &Error{Kind: KindInvalidParameter, Op: "connect",
			Message: "profile " + missing.Profile + " is not in your AWS config or credentials file",
			Hint:    "check --profile and AWS_PROFILE, or list profiles with: aws configure list-profiles", Err: err}
	}
	return awssdk.Config{}, &Error{Kind: KindCredentials, Op: "connect", Message: err.Error(),
		Hint: "check your AWS config and credentials files, or try --demo", Err: err}
}

// ssoEndpointOptions point the SSO credential provider's portal and OIDC
// clients at endpoint, as ConnectOptions.EndpointURL does for Secrets
// Manager (the emulator serves all three on one port).
func ssoEndpointOptions(endpoint string) []func(*config.LoadOptions) error {
	return []func(*config.LoadOptions) error{
		config.WithSSOProviderOptions(func(o *ssocreds.Options) {
			o.Client = ssoPortalAt{next: o.Client, endpoint: endpoint}
		}),
		config.WithSSOTokenProviderOptions(func(o *ssocreds.SSOTokenProviderOptions) {
			o.ClientOptions = append(o.ClientOptions, func(so *ssooidc.Options) {
				so.BaseEndpoint = awssdk.String(endpoint)
			})
		}),
	}
}

// ssoPortalAt sends GetRoleCredentials to a fixed endpoint.
type ssoPortalAt struct {
	next     ssocreds.GetRoleCredentialsAPIClient
	endpoint string
}

func (p ssoPortalAt) GetRoleCredentials(ctx context.Context, in *sso.GetRoleCredentialsInput,
	optFns ...func(*sso.Options)) (*sso.GetRoleCredentialsOutput, error) {
	optFns = append(optFns, func(o *sso.Options) { o.BaseEndpoint = awssdk.String(p.endpoint) })
	return p.next.GetRoleCredentials(ctx, in, optFns...)
}

// newRetryer is adaptive retry mode with a bounded number of attempts.
func newRetryer(o ConnectOptions) awssdk.Retryer {
	attempts := o.MaxAttempts
	if attempts <= 0 {
		attempts = DefaultMaxAttempts
	}
	return retry.NewAdaptiveMode(func(ao *retry.AdaptiveModeOptions) {
		ao.StandardOptions = append(ao.StandardOptions, func(so *retry.StandardOptions) {
			so.MaxAttempts = attempts
			if o.MaxBackoff > 0 {
				so.MaxBackoff = o.MaxBackoff
			}
		})
	})
}

// profileOf names the profile cfg was loaded from and reports whether it
// (or its source profile) gets credentials from IAM Identity Center.
func profileOf(cfg awssdk.Config, asked string) (name string, sso bool) {
	name = asked
	if name == "" {
		name = os.Getenv("AWS_PROFILE")
	}
	for _, src := range cfg.ConfigSources {
		if sc, ok := src.(config.SharedConfig); ok {
			if sc.Profile != "" {
				name = sc.Profile
			}
			sso = sharedConfigSSO(&sc)
		}
	}
	if name == "" {
		name = "default"
	}
	return name, sso
}

func sharedConfigSSO(sc *config.SharedConfig) bool {
	for depth := 0; sc != nil && depth < 10; depth++ {
		if sc.SSOSessionName != "" || sc.SSOStartURL != "" {
			return true
		}
		sc = sc.Source
	}
	return false
}

// CheckCredentials resolves the Store's credentials without calling Secrets
// Manager (running SSO, assume-role, MFA prompts or credential_process as
// configured). It returns a KindCredentials *Error with a hint when there
// are none. Stores not built by Connect always pass.
func CheckCredentials(ctx context.Context, st Store) error {
	s, ok := st.(*sdkStore)
	if !ok || s.creds == nil {
		return nil
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	c := s.errCtx("load credentials", "")
	creds, err := s.creds.Retrieve(ctx)
	if err != nil {
		return mapError(&credentialsMissingError{err: err}, c)
	}
	if !creds.HasKeys() {
		return mapError(&credentialsMissingError{}, c)
	}
	return nil
}
