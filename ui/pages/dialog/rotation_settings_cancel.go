package dialog

import (
	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// NewCancelRotationScreen asks to turn automatic rotation off
// (CancelRotation) and closes when answered. A stuck rotation opens the
// stuck-rotation screen instead (cancelling alone leaves AWSPENDING behind),
// and a secret whose rotation is already off opens the rotation settings.
func NewCancelRotationScreen(env *common.Env, store aws.Store, secret aws.Secret) common.Screen {
	if _, _, stuck := common.StrayPending(secret.VersionStages); stuck {
		return NewStuckRotationScreen(env, store, secret)
	}
	r := NewRotationSettingsScreen(env, store, secret)
	r.OffOnly = secret.RotationEnabled
	return r
}
