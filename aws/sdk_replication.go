package aws

import (
	"context"
	"sync"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// ReplicateToRegions replicates a primary secret to regions, or again to a
// region whose replication failed.
func (s *sdkStore) ReplicateToRegions(ctx context.Context, secretID string, regions []ReplicaRegion) ([]Replica, error) {
	const op = "replicate secret"
	switch {
	case secretID == "":
		return nil, s.invalid(op, "", "no secret given")
	case len(regions) == 0:
		return nil, s.invalid(op, secretID, "no region given")
	}
	in := &secretsmanager.ReplicateSecretToRegionsInput{SecretId: awssdk.String(secretID)}
	for _, r := range regions {
		if r.Region == "" || r.Region == s.region {
			return nil, s.invalid(op, secretID, "a replica needs a region other than the primary's ("+s.region+")")
		}
		in.AddReplicaRegions = append(in.AddReplicaRegions, types.ReplicaRegionType{Region: awssdk.String(r.Region), KmsKeyId: optStr(r.KmsKeyID)})
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.ReplicateSecretToRegions(ctx, in)
	if err != nil {
		return nil, s.fail(op, secretID, err)
	}
	return replicasFromSDK(out.ReplicationStatus), nil
}

// RemoveReplicaRegions deletes the replicas in regions.
func (s *sdkStore) RemoveReplicaRegions(ctx context.Context, secretID string, regions []string) ([]Replica, error) {
	const op = "remove replica"
	switch {
	case secretID == "":
		return nil, s.invalid(op, "", "no secret given")
	case len(regions) == 0:
		return nil, s.invalid(op, secretID, "no region given")
	}
	ctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{
		SecretId: awssdk.String(secretID), RemoveReplicaRegions: regions})
	if err != nil {
		return nil, s.fail(op, secretID, err)
	}
	return replicasFromSDK(out.ReplicationStatus), nil
}

func replicasFromSDK(in []types.ReplicationStatusType) []Replica {
	var out []Replica
	for _, r := range in {
		out = append(out, Replica{
			Region:           str(r.Region),
			KmsKeyID:         str(r.KmsKeyId),
			Status:           string(r.Status),
			StatusMessage:    str(r.StatusMessage),
			LastAccessedDate: tm(r.LastAccessedDate),
		})
	}
	return out
}

// failedRegions are the regions of the replicas whose replication failed.
func failedRegions(rs []Replica) []string {
	var out []string
	for _, r := range rs {
		if r.Status == string(types.StatusTypeFailed) {
			out = append(out, r.Region)
		}
	}
	return out
}

// replicationLookups bounds the DescribeSecret calls one listed page makes
// to learn its primaries' replication status.
const replicationLookups = 8

// fillReplication sets FailedReplicas on the page's primaries (secrets
// replicated from this region): ListSecrets does not return the
// replication status, so each costs one DescribeSecret (a cheap call, 40,000
// per second per region). A failed lookup leaves the secret unflagged.
func (s *sdkStore) fillReplication(ctx context.Context, page []SecretSummary) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, replicationLookups)
	for i := range page {
		sum := &page[i]
		if sum.PrimaryRegion == "" || sum.PrimaryRegion != s.region || !sum.DeletedDate.IsZero() {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			cctx, cancel := s.callCtx(ctx)
			defer cancel()
			out, err := s.api.DescribeSecret(cctx, &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(sum.ARN)})
			if err == nil {
				sum.FailedReplicas = failedRegions(replicasFromSDK(out.ReplicationStatus))
			}
		}()
	}
	wg.Wait()
}
