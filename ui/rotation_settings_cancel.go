package ui

import (
	"github.com/smtui/smtui/aws"
)

// newCancelRotationScreen asks to turn automatic rotation off
// (CancelRotation) and closes when answered. A stuck rotation opens the
// stuck-rotation screen instead (cancelling alone leaves AWSPENDING behind),
// and a secret whose rotation is already off opens the rotation settings.
func newCancelRotationScreen(env *Env, store aws.Store, secret aws.Secret) Screen {
	if _, _, stuck := strayPending(secret.VersionStages); stuck {
		return newStuckRotationScreen(env, store, secret)
	}
	r := newRotationSettingsScreen(env, store, secret)
	r.offOnly = secret.RotationEnabled
	return r
}
