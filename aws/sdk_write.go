package aws

import (
	"context"
	"fmt"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// awsManagedKey names the default key when an update clears KmsKeyID.
const awsManagedKey = "alias/aws/secretsmanager"

// PutValue writes a new version. With ExpectCurrent it is a compare-and-swap
// (casPut, save.go); without, a plain PutSecretValue.
func (s *sdkStore) PutValue(ctx context.Context, in PutValueInput) (PutValueResult, error) {
	const op = "put value"
	id := in.SecretID
	if id == "" {
		return PutValueResult{}, s.invalid(op, "", "no secret given")
	}
	if err := validateValue(in.Value); err != nil {
		return PutValueResult{}, s.invalid(op, id, err.Error())
	}
	if err := validateToken(in.ClientRequestToken); err != nil {
		return PutValueResult{}, s.invalid(op, id, err.Error())
	}
	for _, l := range in.Stages {
		if err := validateLabel(l); err != nil {
			return PutValueResult{}, s.invalid(op, id, err.Error())
		}
	}
	token := in.ClientRequestToken
	if token == "" {
		token = NewRequestToken()
	}
	if in.ExpectCurrent != "" {
		if len(in.Stages) > 0 {
			return PutValueResult{}, s.invalid(op, id, "a guarded put (ExpectCurrent) makes its version AWSCURRENT; it takes no Stages")
		}
		return s.casPut(ctx, in, token)
	}
	put := &secretsmanager.PutSecretValueInput{
		SecretId:           awssdk.String(id),
		ClientRequestToken: awssdk.String(token),
		VersionStages:      append([]string(nil), in.Stages...),
	}
	if in.Value.IsBinary() {
		put.SecretBinary = in.Value.Bytes()
	} else {
		put.SecretString = awssdk.String(in.Value.Text())
	}
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.PutSecretValue(cctx, put)
	if err != nil {
		return PutValueResult{}, s.fail(op, id, err)
	}
	return PutValueResult{
		ARN:       str(out.ARN),
		Name:      str(out.Name),
		VersionID: str(out.VersionId),
		Stages:    append([]string(nil), out.VersionStages...),
	}, nil
}

// MoveLabel moves (or, with no ToVersion, removes) a staging label.
func (s *sdkStore) MoveLabel(ctx context.Context, in MoveLabelInput) error {
	const op = "move label"
	id := in.SecretID
	if id == "" {
		return s.invalid(op, "", "no secret given")
	}
	if err := validateLabel(in.Label); err != nil {
		return s.invalid(op, id, err.Error())
	}
	if in.ToVersion == "" && in.FromVersion == "" {
		return s.invalid(op, id, "give the version to move "+in.Label+" to, or the version to remove it from")
	}
	if in.ToVersion != "" && in.ToVersion == in.FromVersion {
		return s.invalid(op, id, in.Label+" is already on version "+in.ToVersion)
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{
		SecretId:            awssdk.String(id),
		VersionStage:        awssdk.String(in.Label),
		MoveToVersionId:     optStr(in.ToVersion),
		RemoveFromVersionId: optStr(in.FromVersion),
	})
	return s.fail(op, id, err)
}

// CreateSecret checks the name, description, tags and value locally, creates
// the secret and returns it as DescribeSecret sees it.
func (s *sdkStore) CreateSecret(ctx context.Context, in CreateSecretInput) (SecretSummary, error) {
	const op = "create secret"
	for _, err := range []error{
		validateName(in.Name), validateDescription(in.Description), validateTags(in.Tags),
		validateValue(in.Value), validateToken(in.ClientRequestToken),
	} {
		if err != nil {
			return SecretSummary{}, s.invalid(op, in.Name, err.Error())
		}
	}
	req := &secretsmanager.CreateSecretInput{
		Name:               awssdk.String(in.Name),
		Description:        optStr(in.Description),
		KmsKeyId:           optStr(in.KmsKeyID),
		Tags:               tagsToSDK(in.Tags),
		ClientRequestToken: optStr(in.ClientRequestToken),
	}
	switch {
	case in.Value.IsBinary():
		req.SecretBinary = in.Value.Bytes()
	case !in.Value.IsZero():
		req.SecretString = awssdk.String(in.Value.Text())
	}
	if req.ClientRequestToken == nil && (req.SecretBinary != nil || req.SecretString != nil) {
		req.ClientRequestToken = awssdk.String(NewRequestToken())
	}
	out, err := s.create(ctx, req)
	if err != nil {
		return SecretSummary{}, s.fail(op, in.Name, err)
	}
	desc, err := s.describe(ctx, str(out.ARN))
	if err != nil {
		// The secret exists; report what the create call told us.
		sum := SecretSummary{ARN: str(out.ARN), Name: str(out.Name), Description: in.Description,
			KmsKeyID: in.KmsKeyID, Region: s.region, Tags: append([]Tag(nil), in.Tags...),
			VersionStages: map[string][]string{}}
		if v := str(out.VersionId); v != "" {
			sum.VersionStages[v] = []string{LabelCurrent}
		}
		return sum, nil
	}
	return s.secretFromDescribe(desc).SecretSummary, nil
}

func (s *sdkStore) create(ctx context.Context, in *secretsmanager.CreateSecretInput) (*secretsmanager.CreateSecretOutput, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	return s.api.CreateSecret(ctx, in)
}

// UpdateSecret changes the description and/or KMS key. An empty KmsKeyID
// switches back to the AWS managed key.
func (s *sdkStore) UpdateSecret(ctx context.Context, in UpdateSecretInput) error {
	const op = "update secret"
	id := in.SecretID
	if id == "" {
		return s.invalid(op, "", "no secret given")
	}
	if in.Description == nil && in.KmsKeyID == nil {
		return s.invalid(op, id, "nothing to change: give a description or a KMS key")
	}
	req := &secretsmanager.UpdateSecretInput{SecretId: awssdk.String(id)}
	if in.Description != nil {
		if err := validateDescription(*in.Description); err != nil {
			return s.invalid(op, id, err.Error())
		}
		req.Description = awssdk.String(*in.Description)
	}
	if in.KmsKeyID != nil {
		req.KmsKeyId = awssdk.String(*in.KmsKeyID)
		if *in.KmsKeyID == "" {
			req.KmsKeyId = awssdk.String(awsManagedKey)
		}
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.UpdateSecret(ctx, req)
	return s.fail(op, id, err)
}

// DeleteSecret schedules a deletion (7-30 days, 0 means 30) or, with Force,
// deletes at once. It returns the deletion date.
func (s *sdkStore) DeleteSecret(ctx context.Context, in DeleteSecretInput) (time.Time, error) {
	const op = "delete secret"
	id := in.SecretID
	if id == "" {
		return time.Time{}, s.invalid(op, "", "no secret given")
	}
	req := &secretsmanager.DeleteSecretInput{SecretId: awssdk.String(id)}
	switch days := in.RecoveryWindowDays; {
	case in.Force && days != 0:
		return time.Time{}, s.invalid(op, id, "a forced deletion has no recovery window; give either Force or a recovery window, not both")
	case in.Force:
		req.ForceDeleteWithoutRecovery = awssdk.Bool(true)
	case days == 0:
		req.RecoveryWindowInDays = awssdk.Int64(maxRecoveryDays)
	case days < minRecoveryDays || days > maxRecoveryDays:
		return time.Time{}, s.invalid(op, id, fmt.Sprintf("the recovery window is %d days; it must be %d-%d", days, minRecoveryDays, maxRecoveryDays))
	default:
		req.RecoveryWindowInDays = awssdk.Int64(days)
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.DeleteSecret(ctx, req)
	if err != nil {
		return time.Time{}, s.fail(op, id, err)
	}
	due := tm(out.DeletionDate)
	if in.Force {
		s.deletions.forget(id, str(out.ARN), str(out.Name))
	} else {
		s.deletions.remember(due, id, str(out.ARN), str(out.Name))
	}
	return due, nil
}

// RestoreSecret cancels a scheduled deletion.
func (s *sdkStore) RestoreSecret(ctx context.Context, secretID string) error {
	const op = "restore secret"
	if secretID == "" {
		return s.invalid(op, "", "no secret given")
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: awssdk.String(secretID)})
	if err == nil {
		s.deletions.forget(secretID, str(out.ARN), str(out.Name))
	}
	return s.fail(op, secretID, err)
}

// RotateSecret starts a rotation and/or changes its configuration, and
// returns the version id the rotation creates.
func (s *sdkStore) RotateSecret(ctx context.Context, in RotateInput) (string, error) {
	const op = "rotate secret"
	id := in.SecretID
	if id == "" {
		return "", s.invalid(op, "", "no secret given")
	}
	if err := validateToken(in.ClientRequestToken); err != nil {
		return "", s.invalid(op, id, err.Error())
	}
	if err := validateRules(in.Rules); err != nil {
		return "", s.invalid(op, id, err.Error())
	}
	token := in.ClientRequestToken
	if token == "" {
		token = NewRequestToken()
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.RotateSecret(ctx, &secretsmanager.RotateSecretInput{
		SecretId:           awssdk.String(id),
		ClientRequestToken: awssdk.String(token),
		RotationLambdaARN:  optStr(in.LambdaARN),
		RotationRules:      rulesToSDK(in.Rules),
		RotateImmediately:  in.RotateImmediately,
	})
	if err != nil {
		return "", s.fail(op, id, err)
	}
	return str(out.VersionId), nil
}

// CancelRotation turns automatic rotation off.
func (s *sdkStore) CancelRotation(ctx context.Context, secretID string) error {
	const op = "cancel rotation"
	if secretID == "" {
		return s.invalid(op, "", "no secret given")
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.CancelRotateSecret(ctx, &secretsmanager.CancelRotateSecretInput{SecretId: awssdk.String(secretID)})
	return s.fail(op, secretID, err)
}

// TagSecret adds or overwrites tags.
func (s *sdkStore) TagSecret(ctx context.Context, secretID string, tags []Tag) error {
	const op = "tag secret"
	if secretID == "" {
		return s.invalid(op, "", "no secret given")
	}
	if len(tags) == 0 {
		return s.invalid(op, secretID, "no tags given")
	}
	if err := validateTags(tags); err != nil {
		return s.invalid(op, secretID, err.Error())
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: awssdk.String(secretID), Tags: tagsToSDK(tags)})
	return s.fail(op, secretID, err)
}

// UntagSecret removes tags by key.
func (s *sdkStore) UntagSecret(ctx context.Context, secretID string, keys []string) error {
	const op = "untag secret"
	if secretID == "" {
		return s.invalid(op, "", "no secret given")
	}
	if len(keys) == 0 {
		return s.invalid(op, secretID, "no tag keys given")
	}
	for _, k := range keys {
		if k == "" {
			return s.invalid(op, secretID, "a tag key is empty")
		}
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: awssdk.String(secretID), TagKeys: append([]string(nil), keys...)})
	return s.fail(op, secretID, err)
}
