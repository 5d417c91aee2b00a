package emulator

import (
	"encoding/base64"
	"slices"
	"strconv"
)

type getSecretValueInput struct {
	SecretID     string `json:"SecretId"`
	VersionID    string `json:"VersionId"`
	VersionStage string `json:"VersionStage"`
}

type getSecretValueOutput struct {
	ARN           string   `json:"ARN"`
	Name          string   `json:"Name"`
	VersionID     string   `json:"VersionId"`
	SecretString  *string  `json:"SecretString,omitempty"`
	SecretBinary  []byte   `json:"SecretBinary,omitempty"`
	VersionStages []string `json:"VersionStages"`
	CreatedDate   *epoch   `json:"CreatedDate,omitempty"`
}

func (e *Emulator) getSecretValue(c *call) (any, *apiError) {
	var in getSecretValueInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	if s.scheduledForDeletion() {
		return nil, errMarkedForDeletion()
	}
	v, err := resolveVersion(s, in.VersionID, in.VersionStage)
	if err != nil {
		return nil, err
	}
	day := midnight(c.now)
	if !s.lastAccessed.Equal(day) {
		s.lastAccessed = day
		delete(c.region.sorted, sortLastAccessed)
	}
	v.lastAccessed = day
	return getSecretValueOutput{
		ARN:           s.arn,
		Name:          s.name,
		VersionID:     v.id,
		SecretString:  v.str,
		SecretBinary:  v.bin,
		VersionStages: slices.Clone(v.stages),
		CreatedDate:   ts(v.created),
	}, nil
}

// resolveVersion finds the version named by id and/or stage (default
// AWSCURRENT).
func resolveVersion(s *secret, id, stage string) (*version, *apiError) {
	if id != "" {
		v := s.version(id)
		if v == nil {
			return nil, errorf(codeNotFound, "Secrets Manager can't find the specified secret value for VersionId: %s", id)
		}
		if stage != "" && !v.hasLabel(stage) {
			return nil, errorf(codeInvalidRequest, "You provided a VersionStage that is not associated to the provided VersionId.")
		}
		return v, nil
	}
	if stage == "" {
		stage = labelCurrent
	}
	v := s.holder(stage)
	if v == nil {
		return nil, errorf(codeNotFound, "Secrets Manager can't find the specified secret value for staging label: %s", stage)
	}
	return v, nil
}

type putSecretValueInput struct {
	SecretID           string   `json:"SecretId"`
	ClientRequestToken string   `json:"ClientRequestToken"`
	SecretString       *string  `json:"SecretString"`
	SecretBinary       []byte   `json:"SecretBinary"`
	VersionStages      []string `json:"VersionStages"`
}

type putSecretValueOutput struct {
	ARN           string   `json:"ARN"`
	Name          string   `json:"Name"`
	VersionID     string   `json:"VersionId"`
	VersionStages []string `json:"VersionStages"`
}

func (e *Emulator) putSecretValue(c *call) (any, *apiError) {
	var in putSecretValueInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	v, err := e.putValue(c, s, in.ClientRequestToken, in.SecretString, in.SecretBinary, in.VersionStages)
	if err != nil {
		return nil, err
	}
	return putSecretValueOutput{ARN: s.arn, Name: s.name, VersionID: v.id, VersionStages: slices.Clone(v.stages)}, nil
}

// putValue adds a version (or finds it again, for a retried token) with
// AWS's label rules: without stages the new version takes AWSCURRENT and the
// old current one gets AWSPREVIOUS and loses AWSPENDING; other labels stay
// where they are.
func (e *Emulator) putValue(c *call, s *secret, token string, str *string, bin []byte, stages []string) (*version, *apiError) {
	if err := validateValue(str, bin, true); err != nil {
		return nil, err
	}
	if err := validateToken(token); err != nil {
		return nil, err
	}
	if err := validateStages(stages); err != nil {
		return nil, err
	}
	if old := s.version(token); old != nil {
		if old.sameValue(str, bin) {
			return old, nil
		}
		return nil, errorf(codeExists, "You can't use ClientRequestToken %s because that value is already in use for a version of secret %s.", token, s.arn)
	}
	v := &version{id: token, created: c.now}
	if str != nil {
		sv := *str
		v.str = &sv
	} else {
		v.bin = slices.Clone(bin)
	}
	s.versions = append(s.versions, v)
	if len(stages) == 0 {
		stages = []string{labelCurrent}
	}
	for _, l := range stages {
		if l == labelCurrent {
			// AWS (recorded): the version a put demotes to AWSPREVIOUS also
			// loses AWSPENDING, so a finished rotation's label does not linger
			// and look like a stuck one. Other labels stay where they are.
			if old := s.holder(labelCurrent); old != nil && old != v {
				old.removeLabel(labelPending)
			}
			s.makeCurrent(v)
		} else {
			s.moveLabel(l, v)
		}
	}
	if s.holder(labelCurrent) == nil {
		v.addLabel(labelCurrent)
	}
	s.lastChanged = c.now
	s.prune(c.now)
	c.region.invalidate()
	e.replicate(s)
	return v, nil
}

type listVersionIDsInput struct {
	SecretID          string `json:"SecretId"`
	IncludeDeprecated bool   `json:"IncludeDeprecated"`
	MaxResults        *int32 `json:"MaxResults"`
	NextToken         string `json:"NextToken"`
}

type versionEntry struct {
	VersionID        string   `json:"VersionId"`
	VersionStages    []string `json:"VersionStages,omitempty"`
	CreatedDate      *epoch   `json:"CreatedDate,omitempty"`
	LastAccessedDate *epoch   `json:"LastAccessedDate,omitempty"`
	KmsKeyIDs        []string `json:"KmsKeyIds,omitempty"`
}

type listVersionIDsOutput struct {
	ARN       string         `json:"ARN"`
	Name      string         `json:"Name"`
	Versions  []versionEntry `json:"Versions"`
	NextToken string         `json:"NextToken,omitempty"`
}

func (e *Emulator) listSecretVersionIds(c *call) (any, *apiError) {
	var in listVersionIDsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := validateMaxResults(in.MaxResults)
	if err != nil {
		return nil, err
	}
	s, err := c.find(in.SecretID)
	if err != nil {
		return nil, err
	}
	kms := s.kmsKeyID
	if kms == "" {
		kms = "DefaultEncryptionKey"
	}
	var all []versionEntry
	for i := len(s.versions) - 1; i >= 0; i-- { // newest first
		v := s.versions[i]
		if len(v.stages) == 0 && !in.IncludeDeprecated {
			continue
		}
		all = append(all, versionEntry{
			VersionID:        v.id,
			VersionStages:    slices.Clone(v.stages),
			CreatedDate:      ts(v.created),
			LastAccessedDate: ts(v.lastAccessed),
			KmsKeyIDs:        []string{kms},
		})
	}
	start := 0
	if in.NextToken != "" {
		b, decErr := base64.RawURLEncoding.DecodeString(in.NextToken)
		n, convErr := strconv.Atoi(string(b))
		if decErr != nil || convErr != nil || n < 0 || n > len(all) {
			return nil, errorf(codeInvalidNextToken, "The NextToken value is invalid.")
		}
		start = n
	}
	out := listVersionIDsOutput{ARN: s.arn, Name: s.name, Versions: []versionEntry{}}
	end := min(start+limit, len(all))
	out.Versions = append(out.Versions, all[start:end]...)
	if end < len(all) {
		out.NextToken = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
	}
	return out, nil
}

type updateVersionStageInput struct {
	SecretID            string `json:"SecretId"`
	VersionStage        string `json:"VersionStage"`
	MoveToVersionID     string `json:"MoveToVersionId"`
	RemoveFromVersionID string `json:"RemoveFromVersionId"`
}

func (e *Emulator) updateSecretVersionStage(c *call) (any, *apiError) {
	var in updateVersionStageInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	label := in.VersionStage
	if err := validateStages([]string{label}); err != nil {
		return nil, err
	}
	if in.MoveToVersionID == "" && in.RemoveFromVersionID == "" {
		return nil, errorf(codeInvalidParameter, "You must specify MoveToVersionId, RemoveFromVersionId, or both.")
	}
	holder := s.holder(label)
	var from, to *version
	if in.RemoveFromVersionID != "" {
		if from = s.version(in.RemoveFromVersionID); from == nil {
			return nil, errorf(codeNotFound, "Secrets Manager can't find the specified secret version %s.", in.RemoveFromVersionID)
		}
		if from != holder {
			return nil, errorf(codeInvalidParameter, "The staging label %s is not attached to version %s, so it can't be removed from it.", label, from.id)
		}
	}
	if in.MoveToVersionID != "" {
		if to = s.version(in.MoveToVersionID); to == nil {
			return nil, errorf(codeNotFound, "Secrets Manager can't find the specified secret version %s.", in.MoveToVersionID)
		}
		if holder != nil && holder != to && from == nil {
			return nil, errorf(codeInvalidParameter, "The parameter RemoveFromVersionId can't be empty. Staging label %s is currently attached to version %s, so you must explicitly reference that version in RemoveFromVersionId.", label, holder.id)
		}
		if !to.hasLabel(label) && len(to.stages) >= maxLabelsPerVer {
			return nil, errorf(codeLimitExceeded, "Version %s already has the maximum of %d staging labels.", to.id, maxLabelsPerVer)
		}
	} else if label == labelCurrent {
		return nil, errorf(codeInvalidParameter, "You can't remove the staging label AWSCURRENT from version %s without moving it to another version with MoveToVersionId.", from.id)
	}

	switch {
	case to == nil:
		from.removeLabel(label)
	case label == labelCurrent:
		s.makeCurrent(to)
	default:
		s.moveLabel(label, to)
	}
	s.lastChanged = c.now
	s.prune(c.now)
	c.region.invalidate()
	e.replicate(s)
	return idOutput{ARN: s.arn, Name: s.name}, nil
}
