package emulator

import (
	"slices"
	"time"
)

func (e *Emulator) describeSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	return e.describe(s), nil
}

type createSecretInput struct {
	Name               string        `json:"Name"`
	ClientRequestToken string        `json:"ClientRequestToken"`
	Description        *string       `json:"Description"`
	KmsKeyID           string        `json:"KmsKeyId"`
	SecretString       *string       `json:"SecretString"`
	SecretBinary       []byte        `json:"SecretBinary"`
	Tags               []tag         `json:"Tags"`
	AddReplicaRegions  []replicaSpec `json:"AddReplicaRegions"`
}

type replicaSpec struct {
	Region   string `json:"Region"`
	KmsKeyID string `json:"KmsKeyId"`
}

type createSecretOutput struct {
	ARN               string              `json:"ARN"`
	Name              string              `json:"Name"`
	VersionID         string              `json:"VersionId,omitempty"`
	ReplicationStatus []replicationStatus `json:"ReplicationStatus,omitempty"`
}

func (e *Emulator) createSecret(c *call) (any, *apiError) {
	var in createSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if err := validateName(in.Name); err != nil {
		return nil, err
	}
	if err := validateDescription(in.Description); err != nil {
		return nil, err
	}
	if err := validateTags(nil, in.Tags); err != nil {
		return nil, err
	}
	if err := validateValue(in.SecretString, in.SecretBinary, false); err != nil {
		return nil, err
	}
	if err := validateToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	hasValue := in.SecretString != nil || in.SecretBinary != nil
	if old := c.region.secrets[in.Name]; old != nil {
		if old.scheduledForDeletion() {
			return nil, errorf(codeInvalidRequest, "You can't create this secret because a secret with this name is already scheduled for deletion.")
		}
		if old.createToken == in.ClientRequestToken {
			// A retry of the same request.
			out := createSecretOutput{ARN: old.arn, Name: old.name}
			if hasValue {
				out.VersionID = in.ClientRequestToken
			}
			return out, nil
		}
		return nil, errorf(codeExists, "The operation failed because the secret %s already exists.", in.Name)
	}
	for _, rp := range in.AddReplicaRegions {
		if rp.Region == "" || rp.Region == c.region.name {
			return nil, errorf(codeInvalidParameter, "Invalid replica region %q.", rp.Region)
		}
	}

	s := &secret{
		arn:         e.newARN(e.rng, c.region.name, in.Name),
		name:        in.Name,
		kmsKeyID:    in.KmsKeyID,
		created:     c.now,
		lastChanged: c.now,
		createToken: in.ClientRequestToken,
	}
	if in.Description != nil {
		s.description = *in.Description
	}
	if len(in.Tags) > 0 {
		s.tags = slices.Clone(in.Tags)
	}
	c.region.add(s)
	out := createSecretOutput{ARN: s.arn, Name: s.name}
	if hasValue {
		v, err := e.putValue(c, s, in.ClientRequestToken, in.SecretString, in.SecretBinary, nil)
		if err != nil {
			c.region.remove(s)
			return nil, err
		}
		out.VersionID = v.id
	}
	if len(in.AddReplicaRegions) > 0 {
		s.primaryRegion = c.region.name
		for _, rp := range in.AddReplicaRegions {
			s.replicas = append(s.replicas, replica{region: rp.Region, kmsKeyID: rp.KmsKeyID, status: "InSync"})
			out.ReplicationStatus = append(out.ReplicationStatus, replicationStatus{Region: rp.Region, KmsKeyID: rp.KmsKeyID, Status: "InSync"})
		}
		e.replicate(s)
	}
	return out, nil
}

type updateSecretInput struct {
	SecretID           string  `json:"SecretId"`
	ClientRequestToken string  `json:"ClientRequestToken"`
	Description        *string `json:"Description"`
	KmsKeyID           *string `json:"KmsKeyId"`
	SecretString       *string `json:"SecretString"`
	SecretBinary       []byte  `json:"SecretBinary"`
}

func (e *Emulator) updateSecret(c *call) (any, *apiError) {
	var in updateSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	if err := validateDescription(in.Description); err != nil {
		return nil, err
	}
	if err := validateValue(in.SecretString, in.SecretBinary, false); err != nil {
		return nil, err
	}
	out := idOutput{ARN: s.arn, Name: s.name}
	if in.SecretString != nil || in.SecretBinary != nil {
		v, err := e.putValue(c, s, in.ClientRequestToken, in.SecretString, in.SecretBinary, nil)
		if err != nil {
			return nil, err
		}
		out.VersionID = v.id
	}
	if in.Description != nil {
		s.description = *in.Description
	}
	if in.KmsKeyID != nil {
		s.kmsKeyID = *in.KmsKeyID
	}
	s.lastChanged = c.now
	c.region.invalidate()
	e.replicate(s)
	return out, nil
}

type deleteSecretInput struct {
	SecretID                   string `json:"SecretId"`
	RecoveryWindowInDays       *int64 `json:"RecoveryWindowInDays"`
	ForceDeleteWithoutRecovery *bool  `json:"ForceDeleteWithoutRecovery"`
}

type deleteSecretOutput struct {
	ARN          string `json:"ARN"`
	Name         string `json:"Name"`
	DeletionDate *epoch `json:"DeletionDate"`
}

func (e *Emulator) deleteSecret(c *call) (any, *apiError) {
	var in deleteSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	force := in.ForceDeleteWithoutRecovery != nil && *in.ForceDeleteWithoutRecovery
	if force && in.RecoveryWindowInDays != nil {
		return nil, errorf(codeInvalidParameter, "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
	}
	days := int64(30)
	if in.RecoveryWindowInDays != nil {
		days = *in.RecoveryWindowInDays
		if days < 7 || days > 30 {
			return nil, errorf(codeInvalidParameter, "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
		}
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	if s.isReplica {
		return nil, errReplica()
	}
	if s.owningService != "" {
		return nil, errorf(codeInvalidRequest, "You can't delete secret %s because it's managed by %s.", s.name, s.owningService)
	}
	if s.rotation != nil {
		s.rotation.cancel()
		s.rotation = nil
	}
	if force {
		c.region.remove(s)
		e.dropReplicas(s)
		return deleteSecretOutput{ARN: s.arn, Name: s.name, DeletionDate: ts(c.now)}, nil
	}
	if s.scheduledForDeletion() {
		return nil, errorf(codeInvalidRequest, "You can't delete secret %s because it's already scheduled for deletion.", s.name)
	}
	s.deleted = c.now
	s.deletionDate = c.now.Add(time.Duration(days) * 24 * time.Hour)
	c.region.scheduled[s] = struct{}{}
	c.region.invalidate()
	return deleteSecretOutput{ARN: s.arn, Name: s.name, DeletionDate: ts(s.deletionDate)}, nil
}

func (e *Emulator) restoreSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	s.deleted, s.deletionDate = time.Time{}, time.Time{}
	delete(c.region.scheduled, s)
	s.lastChanged = c.now
	c.region.invalidate()
	return idOutput{ARN: s.arn, Name: s.name}, nil
}

type tagResourceInput struct {
	SecretID string   `json:"SecretId"`
	Tags     []tag    `json:"Tags"`
	TagKeys  []string `json:"TagKeys"`
}

func (e *Emulator) tagResource(c *call) (any, *apiError) {
	var in tagResourceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if err := validateTags(nil, in.Tags); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	if err := validateTags(s.tags, in.Tags); err != nil {
		return nil, err
	}
	for _, t := range in.Tags {
		if i := slices.IndexFunc(s.tags, func(o tag) bool { return o.Key == t.Key }); i >= 0 {
			s.tags[i].Value = t.Value
		} else {
			s.tags = append(s.tags, t)
		}
	}
	s.lastChanged = c.now
	c.region.invalidate()
	e.replicate(s)
	return struct{}{}, nil
}

func (e *Emulator) untagResource(c *call) (any, *apiError) {
	var in tagResourceInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if err := validateTagKeys(in.TagKeys); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	s.tags = slices.DeleteFunc(s.tags, func(t tag) bool { return slices.Contains(in.TagKeys, t.Key) })
	s.lastChanged = c.now
	c.region.invalidate()
	e.replicate(s)
	return struct{}{}, nil
}
