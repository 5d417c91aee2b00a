package dialog

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// Entry points to the write dialogs, for other screens' key handlers. The
// mutating bindings are disabled in read-only mode, so these are a second
// lock: in read-only mode they open nothing.
//
// A screen that has only a name, ARN and region can pass
// aws.Secret{SecretSummary: aws.SecretSummary{ARN: arn, Name: name, Region: region}}:
// every dialog reads the secret afresh before it asks anything.

// OpenWrite opens a write dialog, or nothing in read-only mode.
func OpenWrite(env *common.Env, dialog common.Screen) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return common.Push(dialog)
}

// OpenRotate opens "rotate now", or the stuck-rotation screen when
// AWSPENDING is stranded on a version other than AWSCURRENT.
func OpenRotate(env *common.Env, store aws.Store, s aws.Secret) tea.Cmd {
	if _, _, stuck := common.StrayPending(s.VersionStages); stuck {
		return OpenWrite(env, NewStuckRotationScreen(env, store, s))
	}
	return OpenWrite(env, NewRotateScreen(env, store, s))
}
