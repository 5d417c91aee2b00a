package aws

import (
	"errors"
	"regexp"
	"strings"
)

// DenialLayer is the layer of AWS's authorization that refused a call, as
// AWS names it in an access-denied message.
type DenialLayer int

// The layers AWS names. LayerUnknown: the message does not say (older
// message shapes, cross-account calls, other services).
const (
	LayerUnknown     DenialLayer = iota
	LayerIdentity                // an identity-based policy (the caller's user, role or group policies)
	LayerResource                // the resource's own policy (the secret's resource policy)
	LayerSCP                     // a service control policy of the AWS Organization
	LayerRCP                     // a resource control policy of the AWS Organization
	LayerVPCEndpoint             // the policy of the VPC endpoint the call went through
	LayerBoundary                // the permissions boundary on the caller's user or role
	LayerSession                 // the session policy passed when the role was assumed
	LayerKMSKey                  // the secret's KMS key: disabled, pending deletion, or kms:Decrypt refused
)

var layerNames = [...]string{
	LayerUnknown:     "not named by AWS",
	LayerIdentity:    "identity-based policy",
	LayerResource:    "resource-based policy",
	LayerSCP:         "service control policy (SCP)",
	LayerRCP:         "resource control policy (RCP)",
	LayerVPCEndpoint: "VPC endpoint policy",
	LayerBoundary:    "permissions boundary",
	LayerSession:     "session policy",
	LayerKMSKey:      "KMS key",
}

// String names the layer in AWS's words.
func (l DenialLayer) String() string {
	if int(l) < len(layerNames) {
		return layerNames[l]
	}
	return layerNames[LayerUnknown]
}

// Denial is what an access-denied (or KMS) refusal says, parsed from AWS's
// message. Every field is untrusted text from AWS.
type Denial struct {
	Principal string      // "User: ARN" in the message ("" when not said)
	Action    string      // e.g. "secretsmanager:GetSecretValue"
	Resource  string      // "on resource: ..." ("" when not said)
	Layer     DenialLayer // the layer AWS names
	// Explicit is true for "with an explicit deny in ...": a Deny statement
	// matched. False for "because no ... allows": nothing allowed it.
	Explicit bool
	// PolicyARN is the policy AWS names after the layer, when it does
	// (newer messages: "... in an identity-based policy: arn:aws:iam::...").
	PolicyARN string
	// KeyProblem, for LayerKMSKey: "disabled", "pending deletion",
	// "kms:Decrypt refused", or "decryption failed" when AWS says no more.
	KeyProblem string
	KMSKeyID   string // the key named in the message or known to the caller
	Message    string // AWS's message, whole
}

var (
	denialPrincipal = regexp.MustCompile(`(?:User|Principal|Role): (\S+) is not authorized`)
	denialResource  = regexp.MustCompile(`on resource:? (\S+?)(?:\s|$)`)
	denialPolicyARN = regexp.MustCompile(`(?:policy|boundary): (arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\d*:[A-Za-z0-9/_+=.@:-]+)`)
	// The layer phrases, after "with an explicit deny in" or "because no".
	denialLayers = []struct {
		phrase string
		layer  DenialLayer
	}{
		{"identity-based policy", LayerIdentity},
		{"resource-based policy", LayerResource},
		{"service control policy", LayerSCP},
		{"resource control policy", LayerRCP},
		{"vpc endpoint policy", LayerVPCEndpoint},
		{"permissions boundary", LayerBoundary},
		{"session policy", LayerSession},
	}
)

// ParseDenial reads an access-denied or KMS refusal message: who was
// refused, the action, the resource and the layer AWS names.
func ParseDenial(message string) Denial {
	d := Denial{Message: message}
	if m := denialPrincipal.FindStringSubmatch(message); m != nil {
		d.Principal = m[1]
	}
	if m := actionInMessage.FindStringSubmatch(message); m != nil {
		d.Action = m[1]
	}
	if m := denialResource.FindStringSubmatch(message); m != nil {
		d.Resource = strings.TrimRight(m[1], ".,")
	}
	if m := denialPolicyARN.FindStringSubmatch(message); m != nil {
		d.PolicyARN = strings.TrimRight(m[1], ".,")
	}
	lower := strings.ToLower(message)
	_, afterDeny, explicit := strings.Cut(lower, "explicit deny in")
	_, afterNo, implicit := strings.Cut(lower, "because no ")
	tail := afterNo
	if explicit {
		tail = afterDeny
	}
	if explicit || implicit {
		for _, l := range denialLayers {
			if strings.Contains(tail, l.phrase) {
				d.Layer, d.Explicit = l.layer, explicit
				break
			}
		}
	}
	if d.Layer == LayerUnknown {
		d.KeyProblem = kmsProblem(lower, d.Action)
		if d.KeyProblem != "" {
			d.Layer = LayerKMSKey
		}
	}
	if k := kmsKeyInMessage.FindString(message); k != "" && (d.Layer == LayerKMSKey || strings.HasPrefix(d.Action, "kms:")) {
		d.KMSKeyID = strings.TrimRight(k, ".,")
	}
	return d
}

// kmsProblem is what a message says about a KMS key, or "".
func kmsProblem(lower, action string) string {
	switch {
	case strings.Contains(lower, "pending deletion") || strings.Contains(lower, "pendingdeletion"):
		return "pending deletion"
	case strings.Contains(lower, "is disabled"):
		return "disabled"
	case strings.HasPrefix(action, "kms:"):
		return action + " refused"
	case strings.Contains(lower, "access to kms is not allowed"):
		return "kms:Decrypt refused"
	case strings.Contains(lower, "can't decrypt") || strings.Contains(lower, "cannot decrypt"):
		return "decryption failed"
	}
	return ""
}

// DenialOf parses err when it is a refusal smtui can diagnose (access
// denied, or a failure about the secret's KMS key); ok is false otherwise.
func DenialOf(err error) (d Denial, ok bool) {
	var e *Error
	if !errors.As(err, &e) {
		return Denial{}, false
	}
	if e.Kind != KindAccessDenied && !IsKMS(e) {
		return Denial{}, false
	}
	d = ParseDenial(e.Message)
	if d.Action == "" {
		d.Action = e.Action
	}
	if d.Action == "" && e.Kind == KindDecryption {
		d.Action = "secretsmanager:GetSecretValue" // only reading a value decrypts
	}
	if d.KMSKeyID == "" {
		d.KMSKeyID = e.KMSKeyID
	}
	if d.Layer == LayerUnknown && IsKMS(e) {
		d.Layer = LayerKMSKey
		if d.KeyProblem == "" {
			d.KeyProblem = "decryption failed"
		}
	}
	return d, true
}

// Diagnosable reports whether err is a refusal the access diagnosis explains.
func Diagnosable(err error) bool {
	_, ok := DenialOf(err)
	return ok
}
