package ui

import (
	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// newCancelRotationScreen asks to turn automatic rotation off
// (CancelRotation) and closes when answered. A stuck rotation opens the
// stuck-rotation screen instead (cancelling alone leaves AWSPENDING behind),
// and a secret whose rotation is already off opens the rotation settings.
func newCancelRotationScreen(env *common.Env, store aws.Store, secret aws.Secret) common.Screen {
	if _, _, stuck := common.StrayPending(secret.VersionStages); stuck {
		return newStuckRotationScreen(env, store, secret)
	}
	r := newRotationSettingsScreen(env, store, secret)
	r.offOnly = secret.RotationEnabled
	return r
}
