package aws

import (
	"context"
	"fmt"
	"slices"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// casPut is a compare-and-swap save: AWSCURRENT moves to the new version only
// if it is still on in.ExpectCurrent. Three calls:
//
//  1. PutSecretValue with only smtui's private label (save_labels.go):
//     the version exists but AWSCURRENT does not move;
//  2. UpdateSecretVersionStage(AWSCURRENT, MoveToVersionId=token,
//     RemoveFromVersionId=ExpectCurrent): AWS refuses it unless AWSCURRENT is
//     on ExpectCurrent, atomically, so of two overlapping saves one wins and
//     the other is told who did;
//  3. remove the private label.
//
// When an answer is lost (timeout, dropped connection, 5xx) the Store reads
// the secret's labels before saying anything: the version carrying this
// save's token (its VersionId) and where AWSCURRENT is tell which step was
// reached, and the save continues from there when that is safe (every step
// is idempotent or conditional). Whatever it returns is the truth: nil means
// AWSCURRENT is on the new version; an error has Unsaved set when it is
// confirmed that the new version is not AWSCURRENT.
func (s *sdkStore) casPut(ctx context.Context, in PutValueInput, token string) (PutValueResult, error) {
	const op = "put value"
	id, expected, label := in.SecretID, in.ExpectCurrent, SaveLabel(token)
	res := PutValueResult{VersionID: token, Previous: expected}

	arn, name, putErr := s.putStaged(ctx, in, token, label)
	res.ARN, res.Name = arn, name
	// From here on a version may exist: the save finishes (or cleans up)
	// even if the caller's deadline has passed; each call keeps its own
	// per-call timeout, so this stays bounded.
	ctx = context.WithoutCancel(ctx)
	if putErr != nil {
		if !answerLost(putErr) {
			return res, s.notSaved(op, id, putErr, "")
		}
		st, err := s.saveState(ctx, id, token)
		switch {
		case err != nil:
			return res, s.unknownOutcome(op, id, putErr, err)
		case !st.exists:
			return res, s.notSaved(op, id, putErr,
				"the answer was lost; smtui checked and no version "+token+" was created, so nothing was saved")
		}
		res.Reconciled, res.ARN, res.Name = true, st.arn, st.name
		if st.current == token {
			return s.finishSave(ctx, id, label, res), nil
		}
	}

	// Step 2. A lost answer is retried once: the move is conditional, so a
	// retry can never undo someone else's save.
	for attempt := 0; ; attempt++ {
		moveErr := s.moveCurrent(ctx, id, token, expected)
		if moveErr == nil {
			return s.finishSave(ctx, id, label, res), nil
		}
		st, err := s.saveState(ctx, id, token)
		if err != nil {
			return res, s.unknownOutcome(op, id, moveErr, err)
		}
		switch {
		case st.current == token:
			// Our move went through; its answer was lost, or an SDK retry of
			// it was refused because it had already worked.
			res.Reconciled = true
			return s.finishSave(ctx, id, label, res), nil
		case st.current != expected:
			s.dropLabel(ctx, id, label, token)
			return res, s.conflictErr(ctx, op, id, expected, st.current, token)
		case answerLost(moveErr) && attempt == 0:
			res.Reconciled = true
			continue
		}
		s.dropLabel(ctx, id, label, token)
		return res, s.notSaved(op, id, moveErr, "AWSCURRENT is still on version "+expected+"; the new version "+token+" was not made current")
	}
}

// putStaged is step 1: the new version under the private label only.
func (s *sdkStore) putStaged(ctx context.Context, in PutValueInput, token, label string) (arn, name string, err error) {
	put := &secretsmanager.PutSecretValueInput{
		SecretId:           awssdk.String(in.SecretID),
		ClientRequestToken: awssdk.String(token),
		VersionStages:      []string{label},
	}
	if in.Value.IsBinary() {
		put.SecretBinary = in.Value.Bytes()
	} else {
		put.SecretString = awssdk.String(in.Value.Text())
	}
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	out, err := s.api.PutSecretValue(cctx, put)
	if err != nil {
		return "", "", err
	}
	return str(out.ARN), str(out.Name), nil
}

// moveCurrent is step 2: AWSCURRENT to token, if it is on expected.
func (s *sdkStore) moveCurrent(ctx context.Context, id, token, expected string) error {
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, err := s.api.UpdateSecretVersionStage(cctx, &secretsmanager.UpdateSecretVersionStageInput{
		SecretId:            awssdk.String(id),
		VersionStage:        awssdk.String(LabelCurrent),
		MoveToVersionId:     awssdk.String(token),
		RemoveFromVersionId: awssdk.String(expected),
	})
	return err
}

// finishSave is step 3: the save is done; the private label goes. If it
// cannot be removed the save still stands, and the result says which label
// was left (the next open of the secret removes it).
func (s *sdkStore) finishSave(ctx context.Context, id, label string, res PutValueResult) PutValueResult {
	res.Stages = []string{LabelCurrent}
	if !s.dropLabel(ctx, id, label, res.VersionID) {
		res.LabelLeft = label
	}
	s.dropDemotedPending(ctx, id, res.Previous, res.VersionID)
	return res
}

// dropDemotedPending makes the save leave the labels a plain PutSecretValue
// would: AWS removes AWSPENDING from the version a put demotes (it sits there
// beside AWSCURRENT at the end of a rotation), but UpdateSecretVersionStage,
// which the compare-and-swap uses, leaves it. Left there it would read as a
// stuck rotation. Best effort: if it fails, the save still stands and the
// stray label shows as a stuck rotation the operator can resolve.
func (s *sdkStore) dropDemotedPending(ctx context.Context, id, demoted, saved string) {
	if demoted == "" || demoted == saved {
		return
	}
	out, err := s.describe(ctx, id)
	if err != nil || !slices.Contains(out.VersionIdsToStages[demoted], LabelPending) {
		return
	}
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	_, _ = s.api.UpdateSecretVersionStage(cctx, &secretsmanager.UpdateSecretVersionStageInput{
		SecretId:            awssdk.String(id),
		VersionStage:        awssdk.String(LabelPending),
		RemoveFromVersionId: awssdk.String(demoted),
	})
}

// dropLabel removes the private label from version and reports whether it
// is gone (removed now, or not there any more).
func (s *sdkStore) dropLabel(ctx context.Context, id, label, version string) bool {
	cctx, cancel := s.callCtx(ctx)
	_, err := s.api.UpdateSecretVersionStage(cctx, &secretsmanager.UpdateSecretVersionStageInput{
		SecretId:            awssdk.String(id),
		VersionStage:        awssdk.String(label),
		RemoveFromVersionId: awssdk.String(version),
	})
	cancel()
	if err == nil {
		return true
	}
	// Refused, or the answer was lost: look.
	st, serr := s.saveState(ctx, id, version)
	return serr == nil && !slices.Contains(st.labels, label)
}

// saveState is what the secret's labels say about the save of token.
type saveState struct {
	exists  bool     // a labelled version token exists
	labels  []string // its labels
	current string   // the version carrying AWSCURRENT
	arn     string
	name    string
}

// saveState reads the labels (DescribeSecret: one call, no value read).
func (s *sdkStore) saveState(ctx context.Context, id, token string) (saveState, error) {
	out, err := s.describe(ctx, id)
	if err != nil {
		return saveState{}, err
	}
	labels, ok := out.VersionIdsToStages[token]
	return saveState{exists: ok, labels: labels, current: currentVersion(out.VersionIdsToStages),
		arn: str(out.ARN), name: str(out.Name)}, nil
}

// conflictErr is the refusal when AWSCURRENT moved since the caller loaded
// it, naming the winner and when it was created.
func (s *sdkStore) conflictErr(ctx context.Context, op, id, expected, current, attempted string) error {
	c := &Conflict{Expected: expected, Current: current, Attempted: attempted}
	if current != "" {
		c.CurrentCreated = s.versionCreated(ctx, id, current)
	}
	msg := fmt.Sprintf("AWSCURRENT is now on version %s, not on version %s that you loaded; nothing was overwritten", current, expected)
	if !c.CurrentCreated.IsZero() {
		msg = fmt.Sprintf("AWSCURRENT is now on version %s (created %s), not on version %s that you loaded; nothing was overwritten",
			current, c.CurrentCreated.UTC().Format("2006-01-02 15:04:05 UTC"), expected)
	}
	if current == "" {
		msg = fmt.Sprintf("the secret has no AWSCURRENT version any more, not version %s that you loaded; nothing was overwritten", expected)
	}
	return &Error{Kind: KindConflict, Op: op, Region: s.region, SecretID: id, Message: msg,
		Hint: "reload the secret and re-apply your edit", Conflict: c, Unsaved: true}
}

// notSaved is a save's failure when it is certain AWSCURRENT did not move to
// the new version. why, when set, replaces AWS's message.
func (s *sdkStore) notSaved(op, id string, err error, why string) error {
	e := s.fail(op, id, err).(*Error)
	out := *e
	if why != "" {
		out.Message = why
	}
	out.Unsaved = true
	return &out
}

// unknownOutcome is a save whose answer was lost and whose outcome could not
// be read back either.
func (s *sdkStore) unknownOutcome(op, id string, callErr, readErr error) error {
	e := *s.fail(op, id, callErr).(*Error)
	e.Message = "the answer was lost and reading the secret back failed too (" + s.fail("describe secret", id, readErr).(*Error).Message +
		"), so whether the new version became AWSCURRENT is unknown"
	e.Hint = "check the versions screen; saving again from the same review is safe (it cannot make a second version)"
	return &e
}

// answerLost reports whether a call may have been applied although it
// failed: no answer (timeout, dropped connection) or a server error.
func answerLost(err error) bool {
	switch mapError(err, errContext{}).(*Error).Kind {
	case KindTimeout, KindNetwork, KindInternal, KindUnknown:
		return true
	}
	return false
}

// versionCreated is when a labelled version was created, from
// ListSecretVersionIds (labelled versions only, so usually one page); zero
// if it cannot be read.
func (s *sdkStore) versionCreated(ctx context.Context, id, version string) time.Time {
	p := secretsmanager.NewListSecretVersionIdsPaginator(s.api, &secretsmanager.ListSecretVersionIdsInput{
		SecretId: awssdk.String(id), MaxResults: awssdk.Int32(100),
	})
	for p.HasMorePages() {
		out, err := s.versionsPage(ctx, p)
		if err != nil {
			return time.Time{}
		}
		for _, v := range out.Versions {
			if str(v.VersionId) == version {
				return tm(v.CreatedDate)
			}
		}
	}
	return time.Time{}
}
