package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// KMS speaks AWS JSON 1.1 (X-Amz-Target: TrentService.<Operation>). The
// emulator serves DescribeKey only, over a fixed set of keys: the AWS
// managed key aws/secretsmanager in every region, and in the demo account
// (Options.Seed) customer managed keys that are enabled, disabled and
// pending deletion, which the access-denied demo secrets use.

const kmsTargetPrefix = "TrentService."

// kmsKey is one emulated KMS key.
type kmsKey struct {
	id          string
	alias       string // without "alias/"
	manager     string // AWS | CUSTOMER
	state       string // Enabled | Disabled | PendingDeletion
	description string
	created     time.Time
	deletion    time.Time // PendingDeletion only
}

// Demo key aliases (seed_access.go uses them).
const (
	kmsAliasAWSManaged = "aws/secretsmanager"
	kmsAliasOrders     = "orders-prod"
	kmsAliasLegacy     = "legacy-billing"
	kmsAliasRetired    = "retired-vendor"
)

// kmsKeys lists the keys of the emulated account; dates are relative to now.
func (e *Emulator) kmsKeys(now time.Time) []kmsKey {
	keys := []kmsKey{{id: "0c6e3b7a-5d1f-4c2e-9a8b-7f6e5d4c3b2a", alias: kmsAliasAWSManaged, manager: "AWS", state: "Enabled",
		description: "Default key that protects my Secrets Manager data when no other key is defined", created: now.AddDate(-2, 0, 0)}}
	if !e.opts.Seed {
		return keys
	}
	return append(keys,
		kmsKey{id: "5b1f0e2d-8c3a-4f6b-a7d9-1e2c3b4a5d6f", alias: kmsAliasOrders, manager: "CUSTOMER", state: "Enabled",
			description: "Orders service secrets (prod)", created: now.AddDate(-1, 0, 0)},
		kmsKey{id: "9d8c7b6a-1f2e-4d3c-8b5a-6e7f8a9b0c1d", alias: kmsAliasLegacy, manager: "CUSTOMER", state: "Disabled",
			description: "Legacy billing (disabled during the 2026 key review)", created: now.AddDate(-3, 0, 0)},
		kmsKey{id: "2e4f6a8c-0b1d-4e3f-9a7c-5b3d1f0e2a4c", alias: kmsAliasRetired, manager: "CUSTOMER", state: "PendingDeletion",
			description: "Retired vendor integration", created: now.AddDate(-2, -6, 0), deletion: now.AddDate(0, 0, 5)},
	)
}

// kmsKeyARN is the ARN of key k in regionName.
func (e *Emulator) kmsKeyARN(regionName string, k kmsKey) string {
	return "arn:aws:kms:" + regionName + ":" + e.opts.Account + ":key/" + k.id
}

// findKMSKey resolves a key id, key ARN, alias name or alias ARN.
func (e *Emulator) findKMSKey(regionName, ref string, now time.Time) (kmsKey, bool) {
	aliasARN := "arn:aws:kms:" + regionName + ":" + e.opts.Account + ":alias/"
	for _, k := range e.kmsKeys(now) {
		switch ref {
		case k.id, e.kmsKeyARN(regionName, k), "alias/" + k.alias, aliasARN + k.alias:
			return k, true
		}
	}
	return kmsKey{}, false
}

// kmsRoute answers KMS requests.
func (e *Emulator) kmsRoute(r *http.Request) http.HandlerFunc {
	op := jsonTarget(r, kmsTargetPrefix)
	if op == "" {
		return nil
	}
	return func(w http.ResponseWriter, r *http.Request) { e.serveKMS(w, r, op) }
}

type kmsKeyMetadata struct {
	AWSAccountID string   `json:"AWSAccountId"`
	KeyID        string   `json:"KeyId"`
	Arn          string   `json:"Arn"`
	CreationDate *epoch   `json:"CreationDate,omitempty"`
	DeletionDate *epoch   `json:"DeletionDate,omitempty"`
	Enabled      bool     `json:"Enabled"`
	Description  string   `json:"Description"`
	KeyManager   string   `json:"KeyManager"`
	KeyState     string   `json:"KeyState"`
	KeyUsage     string   `json:"KeyUsage"`
	KeySpec      string   `json:"KeySpec"`
	Origin       string   `json:"Origin"`
	MultiRegion  bool     `json:"MultiRegion"`
	PendingDays  *int64   `json:"PendingDeletionWindowInDays,omitempty"`
	EncAlgs      []string `json:"EncryptionAlgorithms"`
}

func (e *Emulator) serveKMS(w http.ResponseWriter, r *http.Request, op string) {
	if op != "DescribeKey" {
		writeKMSError(w, codeUnknownOperation, "Unknown operation "+op+".")
		return
	}
	regionName, body, apiErr := readRequest(w, r)
	if apiErr != nil {
		writeKMSError(w, apiErr.code, apiErr.message)
		return
	}
	var in struct {
		KeyID string `json:"KeyId"`
	}
	if json.Unmarshal(body, &in) != nil {
		writeKMSError(w, codeSerialization, "The request body could not be parsed as JSON.")
		return
	}
	if in.KeyID == "" {
		writeKMSError(w, codeValidation, "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null")
		return
	}
	e.mu.Lock()
	e.requests["kms:DescribeKey"]++
	now := e.now()
	e.mu.Unlock()
	k, ok := e.findKMSKey(regionName, in.KeyID, now)
	if !ok {
		msg := "Invalid keyId '" + in.KeyID + "'"
		if strings.Contains(in.KeyID, "alias/") {
			msg = "Alias " + in.KeyID + " is not found."
			if !strings.HasPrefix(in.KeyID, "arn:") {
				msg = "Alias arn:aws:kms:" + regionName + ":" + e.opts.Account + ":" + in.KeyID + " is not found."
			}
		} else if strings.HasPrefix(in.KeyID, "arn:") {
			msg = "Key '" + in.KeyID + "' does not exist"
		}
		writeKMSError(w, "NotFoundException", msg)
		return
	}
	md := kmsKeyMetadata{
		AWSAccountID: e.opts.Account, KeyID: k.id, Arn: e.kmsKeyARN(regionName, k),
		CreationDate: ts(k.created), DeletionDate: ts(k.deletion), Enabled: k.state == "Enabled",
		Description: k.description, KeyManager: k.manager, KeyState: k.state,
		KeyUsage: "ENCRYPT_DECRYPT", KeySpec: "SYMMETRIC_DEFAULT", Origin: "AWS_KMS",
		EncAlgs: []string{"SYMMETRIC_DEFAULT"},
	}
	if k.state == "PendingDeletion" {
		days := int64(7)
		md.PendingDays = &days
	}
	writeJSON(w, http.StatusOK, map[string]any{"KeyMetadata": md})
}

// writeKMSError writes a KMS error: KMS's exceptions carry "message".
func writeKMSError(w http.ResponseWriter, code, msg string) {
	w.Header().Set("X-Amzn-Errortype", code)
	writeJSON(w, http.StatusBadRequest, map[string]string{"__type": code, "message": msg})
}

// kmsRefusal is how GetSecretValue fails on a secret whose key cannot
// decrypt: Secrets Manager's DecryptionFailure, carrying KMS's own words
// about the key (DisabledException: "<key ARN> is disabled.",
// KMSInvalidStateException: "<key ARN> is pending deletion."). nil when
// the key is usable or not an emulated key.
func (e *Emulator) kmsRefusal(regionName, ref string, now time.Time) *apiError {
	if ref == "" {
		return nil
	}
	k, ok := e.findKMSKey(regionName, ref, now)
	if !ok {
		return nil
	}
	arn := e.kmsKeyARN(regionName, k)
	switch k.state {
	case "Disabled":
		return errorf(codeDecryptionFailure, "Secrets Manager can't decrypt the protected secret text using the provided KMS key. KMS: %s is disabled.", arn)
	case "PendingDeletion":
		return errorf(codeDecryptionFailure, "Secrets Manager can't decrypt the protected secret text using the provided KMS key. KMS: %s is pending deletion.", arn)
	}
	return nil
}
