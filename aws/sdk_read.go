package aws

import (
	"context"
	"fmt"
	"slices"
	"strings"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// Filter keys ListSecrets accepts.
var filterKeys = map[string]bool{
	"name": true, "description": true, "tag-key": true, "tag-value": true,
	"primary-region": true, "owning-service": true, "all": true,
}

// ListSecretsPage returns one page of ListSecrets.
func (s *sdkStore) ListSecretsPage(ctx context.Context, opts ListOptions, nextToken string) (SecretPage, error) {
	const op = "list secrets"
	in, err := listInput(opts, nextToken)
	if err != nil {
		return SecretPage{}, s.invalid(op, "", err.Error())
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.ListSecrets(ctx, in)
	if err != nil {
		return SecretPage{}, s.fail(op, "", err)
	}
	page := SecretPage{NextToken: str(out.NextToken), Secrets: make([]SecretSummary, 0, len(out.SecretList))}
	for _, e := range out.SecretList {
		page.Secrets = append(page.Secrets, s.summaryFromEntry(e))
	}
	if !opts.NoReplicationStatus {
		s.fillReplication(ctx, page.Secrets)
	}
	return page, nil
}

// listInput checks opts locally and builds the request.
func listInput(opts ListOptions, nextToken string) (*secretsmanager.ListSecretsInput, error) {
	size := opts.PageSize
	if size == 0 {
		size = 100
	}
	if size < 1 || size > 100 {
		return nil, fmt.Errorf("page size must be 1-100, got %d", opts.PageSize)
	}
	in := &secretsmanager.ListSecretsInput{MaxResults: awssdk.Int32(size), NextToken: optStr(nextToken)}
	if opts.IncludePlannedDeletion {
		in.IncludePlannedDeletion = awssdk.Bool(true)
	}
	switch opts.SortBy {
	case "", SortByCreated, SortByName, SortByLastChanged, SortByLastAccessed:
		in.SortBy = types.SortByType(opts.SortBy)
	default:
		return nil, fmt.Errorf("unknown sort key %q (want %s, %s, %s or %s)",
			opts.SortBy, SortByCreated, SortByName, SortByLastChanged, SortByLastAccessed)
	}
	switch opts.SortOrder {
	case "", SortAsc, SortDesc:
		in.SortOrder = types.SortOrderType(opts.SortOrder)
	default:
		return nil, fmt.Errorf("unknown sort order %q (want %s or %s)", opts.SortOrder, SortAsc, SortDesc)
	}
	for _, f := range opts.Filters {
		if !filterKeys[f.Key] {
			return nil, fmt.Errorf("unknown filter key %q (want name, description, tag-key, tag-value, "+
				"primary-region, owning-service or all)", f.Key)
		}
		if len(f.Values) == 0 {
			return nil, fmt.Errorf("filter %q has no values", f.Key)
		}
		for _, v := range f.Values {
			if strings.TrimPrefix(v, "!") == "" {
				return nil, fmt.Errorf("filter %q has an empty value", f.Key)
			}
		}
		in.Filters = append(in.Filters, types.Filter{
			Key: types.FilterNameStringType(f.Key), Values: append([]string(nil), f.Values...),
		})
	}
	return in, nil
}

// DescribeSecret returns a secret's full metadata.
func (s *sdkStore) DescribeSecret(ctx context.Context, secretID string) (Secret, error) {
	const op = "describe secret"
	if secretID == "" {
		return Secret{}, s.invalid(op, "", "no secret given")
	}
	out, err := s.describe(ctx, secretID)
	if err != nil {
		return Secret{}, s.fail(op, secretID, err)
	}
	return s.secretFromDescribe(out), nil
}

// describe is DescribeSecret under the call timeout, with the SDK's error.
func (s *sdkStore) describe(ctx context.Context, secretID string) (*secretsmanager.DescribeSecretOutput, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	return s.api.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(secretID)})
}

// ListVersions returns every version, deprecated ones included, newest first.
func (s *sdkStore) ListVersions(ctx context.Context, secretID string) ([]Version, error) {
	const op = "list versions"
	if secretID == "" {
		return nil, s.invalid(op, "", "no secret given")
	}
	p := secretsmanager.NewListSecretVersionIdsPaginator(s.api, &secretsmanager.ListSecretVersionIdsInput{
		SecretId:          awssdk.String(secretID),
		IncludeDeprecated: awssdk.Bool(true),
		MaxResults:        awssdk.Int32(100),
	})
	var versions []Version
	for p.HasMorePages() {
		out, err := s.versionsPage(ctx, p)
		if err != nil {
			return nil, s.fail(op, secretID, err)
		}
		for _, v := range out.Versions {
			versions = append(versions, Version{
				ID:               str(v.VersionId),
				Stages:           append([]string(nil), v.VersionStages...),
				CreatedDate:      tm(v.CreatedDate),
				LastAccessedDate: tm(v.LastAccessedDate),
				KmsKeyIDs:        append([]string(nil), v.KmsKeyIds...),
			})
		}
	}
	sortVersions(versions)
	return versions, nil
}

func (s *sdkStore) versionsPage(ctx context.Context, p *secretsmanager.ListSecretVersionIdsPaginator) (*secretsmanager.ListSecretVersionIdsOutput, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	return p.NextPage(ctx)
}

// sortVersions orders newest first; on equal dates AWSCURRENT, then
// AWSPREVIOUS, then by id, so the order is stable.
func sortVersions(vs []Version) {
	rank := func(v Version) int {
		switch {
		case slices.Contains(v.Stages, LabelCurrent):
			return 0
		case slices.Contains(v.Stages, LabelPrevious):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(vs, func(a, b Version) int {
		if c := b.CreatedDate.Compare(a.CreatedDate); c != 0 {
			return c
		}
		if c := rank(a) - rank(b); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// GetValue reads one version's value, by id, stage, or both.
func (s *sdkStore) GetValue(ctx context.Context, secretID string, ref VersionRef) (Value, error) {
	const op = "get value"
	if secretID == "" {
		return Value{}, s.invalid(op, "", "no secret given")
	}
	in := &secretsmanager.GetSecretValueInput{
		SecretId:     awssdk.String(secretID),
		VersionId:    optStr(ref.ID),
		VersionStage: optStr(ref.Stage),
	}
	out, err := s.getValue(ctx, in)
	if err != nil {
		c := s.errCtx(op, secretID)
		if IsKMS(mapError(err, c)) {
			c.KMSKeyID = s.keyOf(ctx, secretID)
		}
		return Value{}, mapError(err, c)
	}
	v := Value{
		ARN:         str(out.ARN),
		Name:        str(out.Name),
		VersionID:   str(out.VersionId),
		Stages:      append([]string(nil), out.VersionStages...),
		CreatedDate: tm(out.CreatedDate),
	}
	if out.SecretBinary != nil {
		v.Secret = BinaryValue(out.SecretBinary)
	} else {
		v.Secret = TextValue(str(out.SecretString))
	}
	return v, nil
}

func (s *sdkStore) getValue(ctx context.Context, in *secretsmanager.GetSecretValueInput) (*secretsmanager.GetSecretValueOutput, error) {
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	return s.api.GetSecretValue(ctx, in)
}

// keyOf is the KMS key of a secret, best effort, for a decryption error:
// "alias/aws/secretsmanager" when the secret uses the AWS managed key, ""
// when it cannot be described.
func (s *sdkStore) keyOf(ctx context.Context, secretID string) string {
	out, err := s.describe(ctx, secretID)
	if err != nil {
		return ""
	}
	if k := str(out.KmsKeyId); k != "" {
		return k
	}
	return awsManagedKey
}

// GetResourcePolicy returns the secret's resource policy JSON, or "" if none.
func (s *sdkStore) GetResourcePolicy(ctx context.Context, secretID string) (string, error) {
	const op = "get resource policy"
	if secretID == "" {
		return "", s.invalid(op, "", "no secret given")
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: awssdk.String(secretID)})
	if err != nil {
		return "", s.fail(op, secretID, err)
	}
	return str(out.ResourcePolicy), nil
}
