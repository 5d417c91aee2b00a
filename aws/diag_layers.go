package aws

// LayerAdvice says, for one layer of AWS's authorization, what its refusal
// means in plain words, what to change, who usually owns that policy, and
// what smtui cannot know about it.
type LayerAdvice struct {
	Plain   string // what happened, in plain words
	Next    string // which policy to change
	Owner   string // who usually owns it
	Unknown string // what smtui cannot see about this layer ("" if nothing)
}

// AdviceFor explains d's layer. The text names no secret value: only the
// action and layer, which come from AWS's message.
func AdviceFor(d Denial) LayerAdvice {
	action := d.Action
	if action == "" {
		action = "the action"
	}
	switch d.Layer {
	case LayerIdentity:
		if d.Explicit {
			return LayerAdvice{
				Plain:   "a Deny statement in a policy attached to you (your user, role or group) refuses " + action + "; an explicit Deny wins over every Allow",
				Next:    "find the Deny in your role's or user's policies (and its groups') and narrow it, or use a role it does not apply to",
				Owner:   "your IAM administrators (whoever manages your role or permission set)",
				Unknown: "smtui cannot list your identity policies without IAM read access",
			}
		}
		return LayerAdvice{
			Plain:   "none of the policies attached to you (your user, role or group) allows " + action,
			Next:    "add an Allow for " + action + " on this secret to your role's or user's policy, or switch to a profile that has it",
			Owner:   "your IAM administrators (whoever manages your role or permission set)",
			Unknown: "smtui cannot list your identity policies without IAM read access",
		}
	case LayerResource:
		if d.Explicit {
			return LayerAdvice{
				Plain: "the secret's own resource policy has a Deny statement that matches you and " + action,
				Next:  "change the secret's resource policy (its statements that match are on this screen): narrow the Deny, or add an exception for you",
				Owner: "the secret's owners (the team that created it; see its tags)",
			}
		}
		return LayerAdvice{
			Plain: "the secret's resource policy does not allow you; for a caller from another account it must",
			Next:  "add an Allow for you and " + action + " to the secret's resource policy (and the KMS key's policy, for another account)",
			Owner: "the secret's owners (the team that created it; see its tags)",
		}
	case LayerSCP:
		return LayerAdvice{
			Plain:   "a service control policy of your AWS Organization refuses " + action + " for this account; nothing in this account can override it",
			Next:    "ask for this action (or your role) to be exempted from the SCP, or work from an account the SCP does not cover",
			Owner:   "your organization's administrators (the management account or the security team)",
			Unknown: "smtui cannot read SCPs from a member account",
		}
	case LayerRCP:
		return LayerAdvice{
			Plain:   "a resource control policy of your AWS Organization refuses " + action + " on this secret",
			Next:    "ask for the RCP's condition to cover your call (e.g. the organization or network it expects)",
			Owner:   "your organization's administrators (the management account or the security team)",
			Unknown: "smtui cannot read RCPs from a member account",
		}
	case LayerVPCEndpoint:
		return LayerAdvice{
			Plain:   "the call went through a VPC endpoint for Secrets Manager whose policy refuses " + action,
			Next:    "ask for the endpoint policy to allow you and this secret, or call from a network that does not use that endpoint",
			Owner:   "the network or platform team that owns the VPC endpoint",
			Unknown: "smtui cannot see which VPC endpoint carried the call",
		}
	case LayerBoundary:
		return LayerAdvice{
			Plain:   "your permissions boundary, the ceiling set on your user or role, does not allow " + action + "; an Allow in your own policies is not enough",
			Next:    "ask for " + action + " to be added to the boundary policy on your role or user",
			Owner:   "your IAM administrators (they set boundaries on delegated roles)",
			Unknown: "smtui cannot read your permissions boundary without IAM read access",
		}
	case LayerSession:
		return LayerAdvice{
			Plain:   "the session policy passed when your role was assumed does not allow " + action,
			Next:    "assume the role again without that session policy, or ask whoever issues the session to include the action",
			Owner:   "whoever issues your session (the SSO permission set, or the tool that assumes the role)",
			Unknown: "smtui cannot see the session policy of your credentials",
		}
	case LayerKMSKey:
		return kmsAdvice(d)
	}
	return LayerAdvice{
		Plain:   "AWS refused " + action + " without naming the layer (an older message shape, or a call from another account)",
		Next:    "check in order: your identity policies, the secret's resource policy, the KMS key, your permissions boundary, the organization's SCPs",
		Owner:   "start with your IAM administrators",
		Unknown: "the layer that refused the call",
	}
}

// kmsAdvice explains a refusal by the secret's KMS key.
func kmsAdvice(d Denial) LayerAdvice {
	key := KMSKeyName(d.KMSKeyID)
	switch d.KeyProblem {
	case "disabled":
		return LayerAdvice{
			Plain: key + " is disabled, so Secrets Manager cannot decrypt the secret",
			Next:  "enable the key (kms:EnableKey), or re-encrypt the secret with an enabled key",
			Owner: "the key's administrators (named in its key policy)",
		}
	case "pending deletion":
		return LayerAdvice{
			Plain: key + " is scheduled for deletion, so Secrets Manager cannot decrypt the secret; once deleted, the secret is lost",
			Next:  "cancel the key's deletion (kms:CancelKeyDeletion) and enable it, before its deletion date",
			Owner: "the key's administrators (named in its key policy)",
		}
	case "decryption failed":
		return LayerAdvice{
			Plain:   "Secrets Manager could not decrypt the secret with " + key,
			Next:    "check that the key is enabled and that its key policy and your IAM policy allow kms:Decrypt",
			Owner:   "the key's administrators (named in its key policy)",
			Unknown: "why decryption failed: AWS did not say",
		}
	}
	return LayerAdvice{
		Plain: "you may not use " + key + " (" + d.KeyProblem + ")",
		Next:  "the key policy, or your IAM policy, must allow kms:Decrypt on the key for you",
		Owner: "the key's administrators (named in its key policy)",
	}
}
