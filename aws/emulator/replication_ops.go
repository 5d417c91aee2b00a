package emulator

import "slices"

type replicateInput struct {
	SecretID                    string        `json:"SecretId"`
	AddReplicaRegions           []replicaSpec `json:"AddReplicaRegions"`
	ForceOverwriteReplicaSecret *bool         `json:"ForceOverwriteReplicaSecret"`
}

type removeRegionsInput struct {
	SecretID             string   `json:"SecretId"`
	RemoveReplicaRegions []string `json:"RemoveReplicaRegions"`
}

type replicationOutput struct {
	ARN               string              `json:"ARN"`
	ReplicationStatus []replicationStatus `json:"ReplicationStatus"`
}

// replicateSecretToRegions adds replica regions to a primary secret, or
// replicates again to a region whose replication failed (a retry).
// Replicating again to a region already in sync is refused.
func (e *Emulator) replicateSecretToRegions(c *call) (any, *apiError) {
	var in replicateInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	if len(in.AddReplicaRegions) == 0 {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'addReplicaRegions' failed to satisfy constraint: Member must not be null")
	}
	force := in.ForceOverwriteReplicaSecret != nil && *in.ForceOverwriteReplicaSecret
	for _, rp := range in.AddReplicaRegions {
		if rp.Region == "" || rp.Region == c.region.name {
			return nil, errorf(codeInvalidParameter, "Invalid replica region %q.", rp.Region)
		}
		i := slices.IndexFunc(s.replicas, func(r replica) bool { return r.region == rp.Region })
		if i >= 0 && s.replicas[i].status != "Failed" {
			return nil, errorf(codeInvalidParameter, "The secret is already replicated to %s.", rp.Region)
		}
	}
	s.primaryRegion = c.region.name
	for _, rp := range in.AddReplicaRegions {
		r := replica{region: rp.Region, kmsKeyID: rp.KmsKeyID, status: "InSync"}
		if other := e.region(rp.Region).secrets[s.name]; other != nil && !other.isReplica {
			if force {
				e.region(rp.Region).remove(other)
			} else {
				r.status = "Failed"
				r.statusMessage = "Replication failed: Secret name already exists in the destination region " + rp.Region + "."
			}
		}
		if i := slices.IndexFunc(s.replicas, func(x replica) bool { return x.region == rp.Region }); i >= 0 {
			s.replicas[i] = r
		} else {
			s.replicas = append(s.replicas, r)
		}
	}
	e.replicate(s)
	c.region.invalidate()
	return e.replicationOutput(s), nil
}

// removeRegionsFromReplication deletes replicas; a secret with none left is
// no longer replicated.
func (e *Emulator) removeRegionsFromReplication(c *call) (any, *apiError) {
	var in removeRegionsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	if len(in.RemoveReplicaRegions) == 0 {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'removeReplicaRegions' failed to satisfy constraint: Member must not be null")
	}
	for _, region := range in.RemoveReplicaRegions {
		if !slices.ContainsFunc(s.replicas, func(r replica) bool { return r.region == region }) {
			return nil, errorf(codeInvalidParameter, "The secret is not replicated to %s.", region)
		}
	}
	for _, region := range in.RemoveReplicaRegions {
		i := slices.IndexFunc(s.replicas, func(r replica) bool { return r.region == region })
		if r, ok := e.regions[region]; ok {
			if rs := r.secrets[s.name]; rs != nil && rs.isReplica {
				r.remove(rs)
			}
		}
		s.replicas = slices.Delete(s.replicas, i, i+1)
	}
	if len(s.replicas) == 0 {
		s.primaryRegion = ""
	}
	c.region.invalidate()
	return e.replicationOutput(s), nil
}

func (e *Emulator) replicationOutput(s *secret) replicationOutput {
	out := replicationOutput{ARN: s.arn, ReplicationStatus: []replicationStatus{}}
	for _, rp := range s.replicas {
		out.ReplicationStatus = append(out.ReplicationStatus,
			replicationStatus{Region: rp.region, KmsKeyID: rp.kmsKeyID, Status: rp.status, StatusMessage: rp.statusMessage})
	}
	return out
}
