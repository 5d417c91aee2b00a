package aws

import (
	"context"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// DefaultCallTimeout bounds each request to Secrets Manager, retries included.
const DefaultCallTimeout = 15 * time.Second

// smAPI lists the Secrets Manager client methods sdkStore uses, so tests and
// the paginators can work against it and the dependency stays visible.
type smAPI interface {
	ListSecrets(context.Context, *secretsmanager.ListSecretsInput, ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretsOutput, error)
	DescribeSecret(context.Context, *secretsmanager.DescribeSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.DescribeSecretOutput, error)
	ListSecretVersionIds(context.Context, *secretsmanager.ListSecretVersionIdsInput, ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretVersionIdsOutput, error)
	GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
	GetResourcePolicy(context.Context, *secretsmanager.GetResourcePolicyInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetResourcePolicyOutput, error)
	PutSecretValue(context.Context, *secretsmanager.PutSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.PutSecretValueOutput, error)
	UpdateSecretVersionStage(context.Context, *secretsmanager.UpdateSecretVersionStageInput, ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretVersionStageOutput, error)
	CreateSecret(context.Context, *secretsmanager.CreateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error)
	UpdateSecret(context.Context, *secretsmanager.UpdateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretOutput, error)
	DeleteSecret(context.Context, *secretsmanager.DeleteSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.DeleteSecretOutput, error)
	RestoreSecret(context.Context, *secretsmanager.RestoreSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.RestoreSecretOutput, error)
	RotateSecret(context.Context, *secretsmanager.RotateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.RotateSecretOutput, error)
	CancelRotateSecret(context.Context, *secretsmanager.CancelRotateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CancelRotateSecretOutput, error)
	TagResource(context.Context, *secretsmanager.TagResourceInput, ...func(*secretsmanager.Options)) (*secretsmanager.TagResourceOutput, error)
	UntagResource(context.Context, *secretsmanager.UntagResourceInput, ...func(*secretsmanager.Options)) (*secretsmanager.UntagResourceOutput, error)
	ReplicateSecretToRegions(context.Context, *secretsmanager.ReplicateSecretToRegionsInput, ...func(*secretsmanager.Options)) (*secretsmanager.ReplicateSecretToRegionsOutput, error)
	RemoveRegionsFromReplication(context.Context, *secretsmanager.RemoveRegionsFromReplicationInput, ...func(*secretsmanager.Options)) (*secretsmanager.RemoveRegionsFromReplicationOutput, error)
}

// sdkStore is the Store over the AWS SDK for one (profile, region).
type sdkStore struct {
	api     smAPI
	profile string
	region  string
	timeout time.Duration
	creds   awssdk.CredentialsProvider // for CheckCredentials; nil if unknown
	sso     bool                       // the profile uses IAM Identity Center
	static  bool                       // static credentials (e.g. --demo)
	// deletions remembers the DeletionDate of deletions made here.
	deletions deletionDates
	// cfg and endpoint are what the Secrets Manager client was built from:
	// clients of the other services smtui asks (STS, KMS, Lambda, CloudWatch
	// Logs, CloudTrail) are built from them, so they share the credentials,
	// region, HTTP client and retry mode, and reach the emulator in tests.
	cfg      awssdk.Config
	endpoint string
	// trailConn is the CloudTrail client, built on first use (trail.go).
	trailConn trailConn
}

// serviceConfig returns the configuration and endpoint override ("" for
// AWS's own endpoint) for another service's client.
func (s *sdkStore) serviceConfig() (awssdk.Config, string) { return s.cfg, s.endpoint }

var _ Store = (*sdkStore)(nil)

// Profile is the shared-config profile the Store uses ("" for static credentials).
func (s *sdkStore) Profile() string { return s.profile }

// Region is the region every call goes to.
func (s *sdkStore) Region() string { return s.region }

// callCtx bounds one SDK call (retries included) by the per-call timeout.
func (s *sdkStore) callCtx(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.timeout <= 0 {
		return context.WithTimeout(ctx, DefaultCallTimeout)
	}
	return context.WithTimeout(ctx, s.timeout)
}

// fail maps err to an *Error for operation op on secretID.
// On a KMS-related failure of a call on one secret, it looks up the
// secret's key (DescribeSecret, best effort) so the error names it.
func (s *sdkStore) fail(op, secretID string, err error) error {
	c := s.errCtx(op, secretID)
	mapped := mapError(err, c)
	if secretID != "" && IsKMS(mapped) {
		if e, ok := mapped.(*Error); ok && e.KMSKeyID == "" {
			c.KMSKeyID = s.keyOf(context.Background(), secretID)
			return mapError(err, c)
		}
	}
	return mapped
}

func (s *sdkStore) errCtx(op, secretID string) errContext {
	return errContext{Op: op, Region: s.region, SecretID: secretID, Profile: s.profile, SSO: s.sso, Static: s.static}
}

// invalid is a local refusal: nothing was sent to AWS.
func (s *sdkStore) invalid(op, secretID, msg string) error {
	return &Error{Kind: KindInvalidParameter, Op: op, Region: s.region, SecretID: secretID, Message: msg}
}

// summaryFromEntry converts a ListSecrets entry.
func (s *sdkStore) summaryFromEntry(e types.SecretListEntry) SecretSummary {
	sum := SecretSummary{
		ARN:               str(e.ARN),
		Name:              str(e.Name),
		Description:       str(e.Description),
		KmsKeyID:          str(e.KmsKeyId),
		Region:            s.region,
		RotationEnabled:   awssdk.ToBool(e.RotationEnabled),
		RotationLambdaARN: str(e.RotationLambdaARN),
		RotationRules:     rulesFromSDK(e.RotationRules),
		CreatedDate:       tm(e.CreatedDate),
		LastChangedDate:   tm(e.LastChangedDate),
		LastAccessedDate:  tm(e.LastAccessedDate),
		LastRotatedDate:   tm(e.LastRotatedDate),
		NextRotationDate:  tm(e.NextRotationDate),
		DeletedDate:       tm(e.DeletedDate),
		OwningService:     str(e.OwningService),
		PrimaryRegion:     str(e.PrimaryRegion),
		Tags:              tagsFromSDK(e.Tags),
		VersionStages:     stagesOf(e.SecretVersionsToStages),
	}
	s.deletions.fill(&sum)
	return sum
}

// secretFromDescribe converts a DescribeSecret response.
func (s *sdkStore) secretFromDescribe(o *secretsmanager.DescribeSecretOutput) Secret {
	sec := Secret{SecretSummary: SecretSummary{
		ARN:               str(o.ARN),
		Name:              str(o.Name),
		Description:       str(o.Description),
		KmsKeyID:          str(o.KmsKeyId),
		Region:            s.region,
		RotationEnabled:   awssdk.ToBool(o.RotationEnabled),
		RotationLambdaARN: str(o.RotationLambdaARN),
		RotationRules:     rulesFromSDK(o.RotationRules),
		CreatedDate:       tm(o.CreatedDate),
		LastChangedDate:   tm(o.LastChangedDate),
		LastAccessedDate:  tm(o.LastAccessedDate),
		LastRotatedDate:   tm(o.LastRotatedDate),
		NextRotationDate:  tm(o.NextRotationDate),
		DeletedDate:       tm(o.DeletedDate),
		OwningService:     str(o.OwningService),
		PrimaryRegion:     str(o.PrimaryRegion),
		Tags:              tagsFromSDK(o.Tags),
		VersionStages:     stagesOf(o.VersionIdsToStages),
	}}
	s.deletions.fill(&sec.SecretSummary)
	sec.Replicas = replicasFromSDK(o.ReplicationStatus)
	sec.FailedReplicas = failedRegions(sec.Replicas)
	return sec
}

func str(p *string) string { return awssdk.ToString(p) }

func tm(p *time.Time) time.Time {
	if p == nil {
		return time.Time{}
	}
	return *p
}

// optStr is nil for "" so the SDK omits the field.
func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func rulesFromSDK(r *types.RotationRulesType) RotationRules {
	if r == nil {
		return RotationRules{}
	}
	return RotationRules{
		AutomaticallyAfterDays: awssdk.ToInt64(r.AutomaticallyAfterDays),
		ScheduleExpression:     str(r.ScheduleExpression),
		Duration:               str(r.Duration),
	}
}

func rulesToSDK(r *RotationRules) *types.RotationRulesType {
	if r == nil {
		return nil
	}
	out := &types.RotationRulesType{
		ScheduleExpression: optStr(r.ScheduleExpression),
		Duration:           optStr(r.Duration),
	}
	if r.AutomaticallyAfterDays != 0 {
		out.AutomaticallyAfterDays = awssdk.Int64(r.AutomaticallyAfterDays)
	}
	return out
}

func tagsFromSDK(in []types.Tag) []Tag {
	if len(in) == 0 {
		return nil
	}
	out := make([]Tag, 0, len(in))
	for _, t := range in {
		out = append(out, Tag{Key: str(t.Key), Value: str(t.Value)})
	}
	return out
}

func tagsToSDK(in []Tag) []types.Tag {
	if len(in) == 0 {
		return nil
	}
	out := make([]types.Tag, 0, len(in))
	for _, t := range in {
		out = append(out, types.Tag{Key: awssdk.String(t.Key), Value: awssdk.String(t.Value)})
	}
	return out
}

// stagesOf is the SDK's version-to-labels map (not copied: the SDK's
// output is ours), never nil: a secret with no version (no value yet) has
// an empty map, which callers tell apart from stages not known.
func stagesOf(m map[string][]string) map[string][]string {
	if m == nil {
		return map[string][]string{}
	}
	return m
}

// currentVersion is the version id carrying AWSCURRENT, or "".
func currentVersion(stages map[string][]string) string {
	for id, labels := range stages {
		for _, l := range labels {
			if l == LabelCurrent {
				return id
			}
		}
	}
	return ""
}
