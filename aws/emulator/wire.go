package emulator

import "slices"

// secretEntry is a secret as ListSecrets and DescribeSecret return it.
type secretEntry struct {
	ARN                    string              `json:"ARN"`
	Name                   string              `json:"Name"`
	Description            string              `json:"Description,omitempty"`
	KmsKeyID               string              `json:"KmsKeyId,omitempty"`
	RotationEnabled        *bool               `json:"RotationEnabled,omitempty"` // absent until rotation is set up
	RotationLambdaARN      string              `json:"RotationLambdaARN,omitempty"`
	RotationRules          *rotationRules      `json:"RotationRules,omitempty"`
	LastRotatedDate        *epoch              `json:"LastRotatedDate,omitempty"`
	LastChangedDate        *epoch              `json:"LastChangedDate,omitempty"`
	LastAccessedDate       *epoch              `json:"LastAccessedDate,omitempty"`
	DeletedDate            *epoch              `json:"DeletedDate,omitempty"`
	NextRotationDate       *epoch              `json:"NextRotationDate,omitempty"`
	CreatedDate            *epoch              `json:"CreatedDate,omitempty"`
	Tags                   []tag               `json:"Tags,omitzero"` // [] once every tag was removed
	SecretVersionsToStages map[string][]string `json:"SecretVersionsToStages,omitempty"`
	VersionIdsToStages     map[string][]string `json:"VersionIdsToStages,omitempty"`
	OwningService          string              `json:"OwningService,omitempty"`
	PrimaryRegion          string              `json:"PrimaryRegion,omitempty"`
	ReplicationStatus      []replicationStatus `json:"ReplicationStatus,omitempty"`
}

type replicationStatus struct {
	Region           string `json:"Region"`
	KmsKeyID         string `json:"KmsKeyId,omitempty"`
	Status           string `json:"Status"`
	StatusMessage    string `json:"StatusMessage,omitempty"`
	LastAccessedDate *epoch `json:"LastAccessedDate,omitempty"`
}

// entry renders the metadata common to ListSecrets and DescribeSecret.
func (s *secret) entry() secretEntry {
	var rules *rotationRules
	if s.rules != nil {
		r := *s.rules
		rules = &r
	}
	return secretEntry{
		ARN:               s.arn,
		Name:              s.name,
		Description:       s.description,
		KmsKeyID:          s.kmsKeyID,
		RotationEnabled:   rotationEnabledField(s),
		RotationLambdaARN: s.lambdaARN,
		RotationRules:     rules,
		LastRotatedDate:   ts(s.lastRotated),
		LastChangedDate:   ts(s.lastChanged),
		LastAccessedDate:  ts(s.lastAccessed),
		DeletedDate:       ts(s.deleted),
		NextRotationDate:  nextRotationIfEnabled(s),
		CreatedDate:       ts(s.created),
		Tags:              slices.Clone(s.tags),
		OwningService:     s.owningService,
		PrimaryRegion:     s.primaryRegion,
	}
}

// rotationEnabledField is RotationEnabled as AWS returns it: absent for a
// secret that was never set up for rotation, false once rotation was
// cancelled.
func rotationEnabledField(s *secret) *bool {
	if !s.rotationEnabled && s.lambdaARN == "" && s.rules == nil {
		return nil
	}
	v := s.rotationEnabled
	return &v
}

func nextRotationIfEnabled(s *secret) *epoch {
	if !s.rotationEnabled {
		return nil
	}
	return ts(s.nextRotation)
}

// describe renders DescribeSecret's answer; replicas' access dates come from
// their regions' state.
func (e *Emulator) describe(s *secret) secretEntry {
	out := s.entry()
	out.VersionIdsToStages = s.versionStages()
	for _, rp := range s.replicas {
		st := replicationStatus{Region: rp.region, KmsKeyID: rp.kmsKeyID, Status: rp.status, StatusMessage: rp.statusMessage}
		if r, ok := e.regions[rp.region]; ok {
			if rs := r.secrets[s.name]; rs != nil && rs.isReplica {
				st.LastAccessedDate = ts(rs.lastAccessed)
			}
		}
		out.ReplicationStatus = append(out.ReplicationStatus, st)
	}
	return out
}

// idOutput is the ARN and Name most operations return.
type idOutput struct {
	ARN       string `json:"ARN"`
	Name      string `json:"Name"`
	VersionID string `json:"VersionId,omitempty"`
}

// secretIDInput is the input of operations taking only a SecretId.
type secretIDInput struct {
	SecretID string `json:"SecretId"`
}

// find resolves a SecretId in the call's region.
func (c *call) find(id string) (*secret, *apiError) {
	if id == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null")
	}
	s := c.region.lookup(id)
	if s == nil {
		return nil, errNotFound()
	}
	return s, nil
}

// findWritable resolves a SecretId for a write: not scheduled for deletion,
// not a replica.
func (c *call) findWritable(id string) (*secret, *apiError) {
	s, err := c.find(id)
	if err != nil {
		return nil, err
	}
	if s.scheduledForDeletion() {
		return nil, errMarkedForDeletion()
	}
	if s.isReplica {
		return nil, errReplica()
	}
	return s, nil
}
