// Package aws is smtui's only door to AWS Secrets Manager. It holds the domain
// types the UI works with, the Store interface the UI depends on, the Store
// implementation over the AWS SDK for Go v2, and the mapping of SDK errors to a
// few kinds the UI can act on. No other package imports the SDK.
package aws

import (
	"context"
	"time"
)

// Well-known staging labels.
const (
	LabelCurrent  = "AWSCURRENT"
	LabelPrevious = "AWSPREVIOUS"
	LabelPending  = "AWSPENDING"
)

// MaxValueBytes is the largest SecretString or SecretBinary AWS accepts.
const MaxValueBytes = 65536

// Tag is one key/value tag on a secret.
type Tag struct {
	Key   string
	Value string
}

// RotationRules is a secret's rotation schedule. Exactly one of
// AutomaticallyAfterDays and ScheduleExpression is set on a schedule.
type RotationRules struct {
	AutomaticallyAfterDays int64  // 1-1000, 0 when unset
	ScheduleExpression     string // rate(...) or cron(...)
	Duration               string // rotation window, e.g. "3h"
}

// SecretSummary is one secret as ListSecrets returns it. It already carries
// the staging labels of every version, so listing needs no further calls.
type SecretSummary struct {
	ARN               string
	Name              string
	Description       string
	KmsKeyID          string // empty means the AWS managed key aws/secretsmanager
	Region            string // the region of the Store that returned it
	RotationEnabled   bool
	RotationLambdaARN string
	RotationRules     RotationRules
	CreatedDate       time.Time
	LastChangedDate   time.Time
	LastAccessedDate  time.Time // a date (midnight UTC); zero if never read
	LastRotatedDate   time.Time
	NextRotationDate  time.Time
	DeletedDate       time.Time // when the deletion was asked for; zero if not scheduled
	// DeletionDate is when AWS deletes the secret for good. AWS returns it
	// only from DeleteSecret, so it is set only for a deletion made through
	// this Store (zero otherwise, and for a secret not scheduled).
	DeletionDate  time.Time
	OwningService string
	PrimaryRegion string // set on a replicated secret
	// FailedReplicas are the replica regions whose replication failed. Only
	// DescribeSecret says so (ListSecrets does not): the Store fills it in
	// for listed primaries too, with one DescribeSecret each (see
	// ListSecretsPage). Nil if none failed or it is not known.
	FailedReplicas []string
	Tags           []Tag
	// VersionStages maps version id to its staging labels.
	VersionStages map[string][]string
}

// Replica is one replica region of a secret, from DescribeSecret.
type Replica struct {
	Region           string
	KmsKeyID         string
	Status           string // InSync, Failed or InProgress
	StatusMessage    string
	LastAccessedDate time.Time
}

// Secret is a secret's full metadata, from DescribeSecret.
type Secret struct {
	SecretSummary
	Replicas []Replica
}

// Version is one version of a secret with its staging labels.
type Version struct {
	ID               string
	Stages           []string
	CreatedDate      time.Time
	LastAccessedDate time.Time
	KmsKeyIDs        []string
}

// Deprecated reports whether the version has no staging labels; AWS hides
// such versions unless asked and removes them beyond 100 versions.
func (v Version) Deprecated() bool { return len(v.Stages) == 0 }

// VersionRef names a version by id, by staging label, or both (then they
// must match). The zero value means AWSCURRENT.
type VersionRef struct {
	ID    string
	Stage string
}

// Filter is one server-side ListSecrets filter. Several values of one key are
// OR'ed, different keys are AND'ed, and a value starting with "!" negates.
type Filter struct {
	Key    string // name, description, tag-key, tag-value, primary-region, owning-service, all
	Values []string
}

// Sort keys and orders for ListOptions.
const (
	SortByCreated      = "created-date"
	SortByName         = "name"
	SortByLastChanged  = "last-changed-date"
	SortByLastAccessed = "last-accessed-date"
	SortAsc            = "asc"
	SortDesc           = "desc"
)

// ListOptions controls a ListSecrets listing. The zero value lists everything
// not scheduled for deletion, in the server's default order.
type ListOptions struct {
	Filters                []Filter
	SortBy                 string
	SortOrder              string
	IncludePlannedDeletion bool
	PageSize               int32 // 1-100; 0 means 100
	// NoReplicationStatus skips the DescribeSecret per listed primary
	// that FailedReplicas costs (ListSecrets does not say): the caller
	// checks the secrets it shows itself (ReplicationStatus).
	NoReplicationStatus bool
}

// SecretPage is one page of a listing. NextToken is empty on the last page.
type SecretPage struct {
	Secrets   []SecretSummary
	NextToken string
}

// PutValueInput describes a new secret value.
type PutValueInput struct {
	SecretID string
	Value    SecretValue
	// ClientRequestToken makes the write idempotent: a retry with the same
	// token and value returns the existing version. It becomes the version id.
	// Empty means the Store generates one.
	ClientRequestToken string
	// ExpectCurrent, when set, is the version id the caller believes carries
	// AWSCURRENT, and the put is a compare-and-swap (save.go): the new version
	// becomes AWSCURRENT only if AWSCURRENT is still there, else KindConflict
	// (Error.Conflict names the winner) and the new version is left unlabelled.
	// Stages must then be empty.
	ExpectCurrent string
	// Stages, when set, are the labels for the new version; AWSCURRENT then
	// moves only if listed. Empty means AWSCURRENT.
	Stages []string
}

// PutValueResult is the version a put created (or found, on a retry).
type PutValueResult struct {
	ARN       string
	Name      string
	VersionID string
	Stages    []string
	// Previous is the version AWSCURRENT left (a compare-and-swap put).
	Previous string
	// Reconciled is true when an answer was lost on the way and the Store
	// confirmed the save by reading the secret's labels back.
	Reconciled bool
	// LabelLeft is smtui's private save label when it could not be removed
	// from the new version (the save stands; the next open removes it).
	LabelLeft string
}

// MoveLabelInput moves a staging label. ToVersion empty removes the label from
// FromVersion; FromVersion must name the version that holds it now, if any.
type MoveLabelInput struct {
	SecretID    string
	Label       string
	ToVersion   string
	FromVersion string
}

// CreateSecretInput describes a new secret.
type CreateSecretInput struct {
	Name               string
	Description        string
	KmsKeyID           string
	Tags               []Tag
	Value              SecretValue // may be empty: a secret with no version
	ClientRequestToken string
}

// UpdateSecretInput changes metadata; nil fields stay as they are.
type UpdateSecretInput struct {
	SecretID    string
	Description *string
	KmsKeyID    *string
}

// DeleteSecretInput schedules a deletion (RecoveryWindowDays 7-30, 0 means 30)
// or, with Force, deletes at once without recovery.
type DeleteSecretInput struct {
	SecretID           string
	RecoveryWindowDays int64
	Force              bool
}

// RotateInput starts a rotation and/or sets the rotation configuration.
type RotateInput struct {
	SecretID           string
	ClientRequestToken string // empty means the Store generates one
	LambdaARN          string // empty keeps the configured one
	Rules              *RotationRules
	// RotateImmediately nil means true (AWS's default).
	RotateImmediately *bool
}

// Store is everything the UI needs from Secrets Manager, for one
// (profile, region). Every method honours ctx's deadline and cancellation,
// and every error it returns is an *Error (see errors.go).
type Store interface {
	// Profile and Region name what this Store talks to.
	Profile() string
	Region() string

	// ListSecretsPage returns one page of ListSecrets; pass the previous
	// page's NextToken ("" for the first page).
	ListSecretsPage(ctx context.Context, opts ListOptions, nextToken string) (SecretPage, error)
	DescribeSecret(ctx context.Context, secretID string) (Secret, error)
	// ListVersions returns every version, deprecated ones included, newest first.
	ListVersions(ctx context.Context, secretID string) ([]Version, error)
	// GetValue reads a value. Each call is an audited event in AWS: call it
	// only when the operator asks for the value.
	GetValue(ctx context.Context, secretID string, ref VersionRef) (Value, error)
	GetResourcePolicy(ctx context.Context, secretID string) (string, error)

	PutValue(ctx context.Context, in PutValueInput) (PutValueResult, error)
	MoveLabel(ctx context.Context, in MoveLabelInput) error
	CreateSecret(ctx context.Context, in CreateSecretInput) (SecretSummary, error)
	UpdateSecret(ctx context.Context, in UpdateSecretInput) error
	// DeleteSecret returns the date the secret will be deleted.
	DeleteSecret(ctx context.Context, in DeleteSecretInput) (time.Time, error)
	RestoreSecret(ctx context.Context, secretID string) error
	// RotateSecret returns the version id the rotation creates.
	RotateSecret(ctx context.Context, in RotateInput) (string, error)
	CancelRotation(ctx context.Context, secretID string) error
	TagSecret(ctx context.Context, secretID string, tags []Tag) error
	UntagSecret(ctx context.Context, secretID string, keys []string) error
	// ReplicateToRegions replicates a primary secret to regions
	// (ReplicateSecretToRegions), or again to a region whose replication
	// failed, and returns the replicas' status.
	ReplicateToRegions(ctx context.Context, secretID string, regions []ReplicaRegion) ([]Replica, error)
	// RemoveReplicaRegions deletes the replicas in regions
	// (RemoveRegionsFromReplication) and returns the replicas left.
	RemoveReplicaRegions(ctx context.Context, secretID string, regions []string) ([]Replica, error)
}

// ReplicaRegion is a region to replicate a secret to, and the KMS key to
// encrypt the replica with ("" for aws/secretsmanager).
type ReplicaRegion struct {
	Region   string
	KmsKeyID string
}
