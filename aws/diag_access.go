package aws

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// AccessDiagnoser explains a refused call: who is asking, the layer AWS
// named, the secret's KMS key and the resource policy's statements that
// match. The Store over the SDK implements it; the UI type-asserts it.
type AccessDiagnoser interface {
	// DiagnoseAccess asks STS, Secrets Manager (DescribeSecret,
	// GetResourcePolicy; never a value) and KMS. Each part that cannot be
	// learnt carries its own error; the diagnosis itself never fails.
	DiagnoseAccess(ctx context.Context, q AccessQuery) AccessDiagnosis
}

// AccessQuery is the refusal to diagnose.
type AccessQuery struct {
	SecretID string // the secret the refused call was about ("" if none)
	Refusal  error  // the Store's error (an *Error)
	// ListedKMSKeyID is the secret's KmsKeyId from the list (ListSecrets),
	// used when DescribeSecret is refused too; Listed says the list entry
	// is known ("" then means the AWS managed key).
	ListedKMSKeyID string
	Listed         bool
}

// CallerIdentity is STS GetCallerIdentity's answer.
type CallerIdentity struct {
	Account string
	ARN     string
	UserID  string
}

// KMSKey is KMS DescribeKey's answer about the secret's key.
type KMSKey struct {
	KeyID        string
	ARN          string
	Manager      string // "AWS" (AWS managed) or "CUSTOMER" (customer managed)
	State        string // Enabled, Disabled, PendingDeletion, ...
	Description  string
	DeletionDate time.Time // when PendingDeletion
}

// AWSManaged reports an AWS managed key (such as aws/secretsmanager).
func (k KMSKey) AWSManaged() bool { return k.Manager == "AWS" }

// AccessDiagnosis is what smtui could learn about a refusal. An error field
// set means that part is not known (and says why).
type AccessDiagnosis struct {
	Denial Denial
	Advice LayerAdvice

	Caller    CallerIdentity
	CallerErr error

	KeyRef    string // the key looked up ("alias/aws/secretsmanager" for the default); "" unknown
	KeySource string // where KeyRef came from: "DescribeSecret", "the secret list", "AWS's message"
	Key       *KMSKey
	KeyErr    error

	// PolicyAction is the action the statements were matched against.
	PolicyAction string
	HasPolicy    bool              // the secret has a resource policy
	Statements   []PolicyStatement // its statements matching the action and caller
	PolicyErr    error
}

var _ AccessDiagnoser = (*sdkStore)(nil)

// DiagnoseAccess implements AccessDiagnoser.
func (s *sdkStore) DiagnoseAccess(ctx context.Context, q AccessQuery) AccessDiagnosis {
	var d AccessDiagnosis
	d.Denial, _ = DenialOf(q.Refusal)
	stsC, kmsC := s.diagClients()
	d.Caller, d.CallerErr = s.callerIdentity(ctx, stsC)
	if q.SecretID == "" {
		d.Advice = AdviceFor(d.Denial)
		return d
	}
	secretKey, describeErr := s.secretKeyRef(ctx, q.SecretID)
	switch {
	case d.Denial.KMSKeyID != "":
		d.KeyRef, d.KeySource = d.Denial.KMSKeyID, "AWS's message"
	case describeErr == nil:
		d.KeyRef, d.KeySource = secretKey, "DescribeSecret"
	case q.Listed:
		d.KeyRef, d.KeySource = orDefaultKey(q.ListedKMSKeyID), "the secret list"
	default:
		// ListSecrets is often allowed where DescribeSecret is not, and
		// its entries carry KmsKeyId.
		if ref, err := s.listedKeyRef(ctx, q.SecretID); err == nil {
			d.KeyRef, d.KeySource = ref, "the secret list"
		} else {
			d.KeyErr = errors.Join(describeErr, err)
		}
	}
	if d.KeyRef != "" {
		d.Key, d.KeyErr = s.describeKey(ctx, kmsC, d.KeyRef)
	}
	if d.Key != nil && d.Denial.Layer == LayerKMSKey && d.Denial.KMSKeyID == "" {
		d.Denial.KMSKeyID = d.KeyRef
	}
	d.Advice = AdviceFor(d.Denial)

	d.PolicyAction = d.Denial.Action
	if !strings.HasPrefix(d.PolicyAction, "secretsmanager:") {
		d.PolicyAction = "secretsmanager:GetSecretValue" // a KMS refusal happened while reading the value
	}
	caller := d.Caller.ARN
	if caller == "" {
		caller = d.Denial.Principal
	}
	policy, err := s.resourcePolicy(ctx, q.SecretID)
	switch {
	case err != nil:
		d.PolicyErr = err
	case policy != "":
		d.HasPolicy = true
		d.Statements, d.PolicyErr = MatchingStatements(policy, d.PolicyAction, caller)
	}
	return d
}

// orDefaultKey is the key a secret with KmsKeyId id uses.
func orDefaultKey(id string) string {
	if id == "" {
		return awsManagedKey
	}
	return id
}

func (s *sdkStore) callerIdentity(ctx context.Context, c stsAPI) (CallerIdentity, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return CallerIdentity{}, mapError(err, s.errCtx("ask STS who is calling", ""))
	}
	return CallerIdentity{Account: str(out.Account), ARN: str(out.Arn), UserID: str(out.UserId)}, nil
}

// secretKeyRef is the secret's key by DescribeSecret (the default key's
// alias when KmsKeyId is absent).
func (s *sdkStore) secretKeyRef(ctx context.Context, id string) (string, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: &id})
	if err != nil {
		return "", mapError(err, s.errCtx("describe secret", id))
	}
	return orDefaultKey(str(out.KmsKeyId)), nil
}

func (s *sdkStore) describeKey(ctx context.Context, c kmsAPI, ref string) (*KMSKey, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: &ref})
	if err != nil {
		return nil, mapError(err, s.errCtx("describe KMS key "+ref, ""))
	}
	if out.KeyMetadata == nil {
		return nil, errors.New("describe KMS key " + ref + ": KMS answered without KeyMetadata")
	}
	m := out.KeyMetadata
	return &KMSKey{
		KeyID:        str(m.KeyId),
		ARN:          str(m.Arn),
		Manager:      string(m.KeyManager),
		State:        string(m.KeyState),
		Description:  str(m.Description),
		DeletionDate: awssdk.ToTime(m.DeletionDate),
	}, nil
}

// resourcePolicy is the secret's resource policy ("" when it has none).
func (s *sdkStore) resourcePolicy(ctx context.Context, id string) (string, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: &id})
	if err != nil {
		return "", mapError(err, s.errCtx("get resource policy", id))
	}
	return str(out.ResourcePolicy), nil
}

// listedKeyRef is the secret's key as ListSecrets shows it, found by name
// (an ARN's name part: its last 7 characters are AWS's suffix).
func (s *sdkStore) listedKeyRef(ctx context.Context, id string) (string, error) {
	name := id
	if strings.HasPrefix(id, "arn:") {
		if _, after, ok := strings.Cut(id, ":secret:"); ok && len(after) > 7 {
			name = after[:len(after)-7]
		}
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.ListSecrets(ctx, &secretsmanager.ListSecretsInput{
		Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{name}}},
	})
	if err != nil {
		return "", mapError(err, s.errCtx("list secrets named", name))
	}
	for _, e := range out.SecretList {
		if str(e.Name) == id || str(e.ARN) == id {
			return orDefaultKey(str(e.KmsKeyId)), nil
		}
	}
	return "", fmt.Errorf("list secrets named %s: not listed", name)
}
