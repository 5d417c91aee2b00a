package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// Entry points to the write dialogs, for other screens' key handlers. Each
// returns the command that opens the dialog, or nil in read-only mode (the
// mutating bindings are disabled there anyway, so this is a second lock).
//
// Wiring:
//
//	detail   Detail.Rotate            openRotate(env, store, secret)
//	detail   Detail.RotationSettings  openRotationSettings(env, store, secret)
//	detail   Detail.CancelRotation    openCancelRotation(env, store, secret)
//	detail   Detail.Rollback          openRollback(env, store, secret)
//	detail   Detail.Tags              openTags(env, store, secret)
//	detail   Detail.Delete            openDelete(env, store, secret.SecretSummary)
//	detail   Detail.Restore           openRestore(env, store, secret.SecretSummary)
//	versions Versions.Rollback        openRollback(env, store, secret)
//	versions Versions.MoveLabel       openMoveLabel(env, store, secret, versions, selectedVersionID)
//	versions Versions.RemoveLabel     openRemoveLabel(env, store, secret, versions, selectedVersionID)
//	list     List.Create              openCreate(env, store, region)
//	list     List.Delete              openDelete(env, store, summary)
//	list     List.Restore             openRestore(env, store, summary)
//
// A screen that has only a name, ARN and region can pass
// aws.Secret{SecretSummary: aws.SecretSummary{ARN: arn, Name: name, Region: region}}:
// every dialog reads the secret afresh before it asks anything.

// openRotate opens "rotate now", or the stuck-rotation screen when
// AWSPENDING is stranded on a version other than AWSCURRENT.
func openRotate(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	if _, _, stuck := strayPending(s.VersionStages); stuck {
		return push(newStuckRotationScreen(env, store, s))
	}
	return push(newRotateScreen(env, store, s))
}

// openStuckRotation opens the explanation of a stuck rotation and its ways out.
func openStuckRotation(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newStuckRotationScreen(env, store, s))
}

// openRotationSettings opens the rotation on/off settings.
func openRotationSettings(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newRotationSettingsScreen(env, store, s))
}

// openCancelRotation asks to turn automatic rotation off.
func openCancelRotation(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newCancelRotationScreen(env, store, s))
}

// openRollback opens the rollback to AWSPREVIOUS.
func openRollback(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newRollbackScreen(env, store, s))
}

// openMoveLabel opens the move-label dialog; target (may be "") is the
// version preselected as the destination. versions may be nil.
func openMoveLabel(env *Env, store aws.Store, s aws.Secret, versions []aws.Version, target string) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newMoveLabelScreen(env, store, s, versions).withTarget(target))
}

// openRemoveLabel opens the remove-label dialog for one version.
func openRemoveLabel(env *Env, store aws.Store, s aws.Secret, versions []aws.Version, versionID string) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newRemoveLabelScreen(env, store, s, versions, versionID))
}

// openTags opens the tag editor.
func openTags(env *Env, store aws.Store, s aws.Secret) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newTagsScreen(env, store, s))
}

// openCreate opens the create dialog for region (the store's region).
func openCreate(env *Env, store aws.Store, region string) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newCreateScreen(env, store, region))
}

// openDelete opens the delete dialog.
func openDelete(env *Env, store aws.Store, s aws.SecretSummary) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newDeleteScreen(env, store, s))
}

// openRestore opens the restore dialog for a secret scheduled for deletion.
func openRestore(env *Env, store aws.Store, s aws.SecretSummary) tea.Cmd {
	if env.ReadOnly {
		return nil
	}
	return push(newRestoreScreen(env, store, s))
}
