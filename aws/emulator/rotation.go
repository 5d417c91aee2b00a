package emulator

import (
	"context"
	"time"
)

// Rotation steps, in the order the rotation function runs them.
const (
	stepCreate = "createSecret"
	stepSet    = "setSecret"
	stepTest   = "testSecret"
	stepFinish = "finishSecret"
)

var rotationSteps = []string{stepCreate, stepSet, stepTest, stepFinish}

// rotationRun is a simulated rotation function working on one secret.
type rotationRun struct {
	token    string
	failStep string
	ctx      context.Context
	cancel   context.CancelFunc
}

type rotateSecretInput struct {
	SecretID           string         `json:"SecretId"`
	ClientRequestToken string         `json:"ClientRequestToken"`
	RotationLambdaARN  string         `json:"RotationLambdaARN"`
	RotationRules      *rotationRules `json:"RotationRules"`
	RotateImmediately  *bool          `json:"RotateImmediately"`
}

// FailRotation makes the next rotation of secretID (a name or ARN, in any
// region) fail at step ("createSecret", "setSecret", "testSecret" or
// "finishSecret"), leaving AWSPENDING on a version other than AWSCURRENT.
func (e *Emulator) FailRotation(secretID, step string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.failRot[secretID] = step
}

// takeFailStep consumes a FailRotation request for s. Callers hold e.mu.
func (e *Emulator) takeFailStep(s *secret) string {
	for _, id := range []string{s.name, s.arn} {
		if step, ok := e.failRot[id]; ok {
			delete(e.failRot, id)
			return step
		}
	}
	return ""
}

func (e *Emulator) rotateSecret(c *call) (any, *apiError) {
	var in rotateSecretInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	if err := validateRules(in.RotationRules); err != nil {
		return nil, err
	}
	lambda := in.RotationLambdaARN
	if lambda == "" {
		lambda = s.lambdaARN
	}
	if lambda == "" && s.owningService == "" {
		return nil, errorf(codeInvalidRequest, "No Lambda rotation function ARN is associated with this secret.")
	}
	if lambda != "" && s.owningService == "" && !e.lambdaInvocable(lambda) {
		// Refused before anything is stored: the rotation settings stay as
		// they were.
		return nil, errCannotInvokeLambda()
	}
	token := in.ClientRequestToken
	if err := validateToken(token); err != nil {
		return nil, err
	}
	immediate := in.RotateImmediately == nil || *in.RotateImmediately
	if immediate && s.version(token) != nil {
		// A retry of a rotation that already started.
		return idOutput{ARN: s.arn, Name: s.name, VersionID: token}, nil
	}
	if s.rotation != nil || s.stuckPending() != nil {
		return nil, errorf(codeInvalidRequest, "A previous rotation isn't complete. That rotation will be reattempted.")
	}
	if immediate && s.holder(labelCurrent) == nil {
		return nil, errorf(codeInvalidRequest, "Secrets Manager can't rotate a secret that has no AWSCURRENT version.")
	}

	s.rotationEnabled = true
	s.lambdaARN = lambda
	if in.RotationRules != nil {
		r := *in.RotationRules
		s.rules = &r
	}
	s.lastChanged = c.now
	c.region.invalidate()
	if !immediate {
		// AWS only runs testSecret against the pending version to validate
		// the configuration; nothing changes in the versions.
		base := s.lastRotated
		if base.IsZero() {
			base = c.now
		}
		s.nextRotation = nextRotation(s.rules, base)
		e.replicate(s)
		return idOutput{ARN: s.arn, Name: s.name}, nil
	}
	s.nextRotation = nextRotation(s.rules, c.now)
	if !e.beginLocked() {
		return nil, errorf(codeInternal, "The emulator is shutting down.")
	}
	ctx, cancel := context.WithCancel(e.ctx)
	run := &rotationRun{token: token, failStep: e.takeFailStep(s), ctx: ctx, cancel: cancel}
	s.rotation = run
	e.replicate(s)
	e.recordServiceEventLocked(c.region.name, s.arn, EventRotationStarted, c.now)
	go e.runRotation(c.region.name, s.name, run)
	return idOutput{ARN: s.arn, Name: s.name, VersionID: token}, nil
}

// runRotation plays the rotation function's four steps, pausing before each.
func (e *Emulator) runRotation(regionName, name string, run *rotationRun) {
	defer e.inflight.Done()
	defer run.cancel()
	for _, step := range rotationSteps {
		t := time.NewTimer(e.opts.RotationStepDelay)
		select {
		case <-run.ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		if !e.rotationStep(regionName, name, run, step) {
			return
		}
	}
}

// rotationStep runs one step; false ends the rotation.
func (e *Emulator) rotationStep(regionName, name string, run *rotationRun, step string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if run.ctx.Err() != nil {
		return false
	}
	s := e.region(regionName).secrets[name]
	if s == nil || s.rotation != run {
		return false
	}
	now := e.now()
	switch step {
	case stepCreate:
		cur := s.holder(labelCurrent)
		if cur == nil {
			s.rotation = nil
			return false
		}
		str, bin := deriveValue(e.rng, cur)
		v := &version{id: run.token, created: now, str: str, bin: bin}
		s.versions = append(s.versions, v)
		s.moveLabel(labelPending, v)
		s.lastChanged = now
		s.prune(now)
	case stepFinish:
		if run.failStep == stepFinish {
			break
		}
		p := s.version(run.token)
		if p == nil {
			s.rotation = nil
			return false
		}
		s.makeCurrent(p)
		p.removeLabel(labelPending)
		s.lastRotated = now
		s.lastChanged = now
		s.nextRotation = nextRotation(s.rules, now)
		s.rotation = nil
		e.recordServiceEventLocked(regionName, s.arn, EventRotationSucceeded, now)
	}
	e.region(regionName).invalidate()
	e.replicate(s)
	if s.lambdaARN != "" && s.owningService == "" {
		e.logRotationStep(rotationInvocation{fnARN: s.lambdaARN, secretARN: s.arn, token: run.token,
			step: step, failed: run.failStep == step, at: now})
	}
	if run.failStep == step {
		s.rotation = nil // stuck: AWSPENDING stays on the new version
		e.recordServiceEventLocked(regionName, s.arn, EventRotationFailed, now)
		return false
	}
	return true
}

func (e *Emulator) cancelRotateSecret(c *call) (any, *apiError) {
	var in secretIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	s, err := c.findWritable(in.SecretID)
	if err != nil {
		return nil, err
	}
	out := idOutput{ARN: s.arn, Name: s.name}
	if s.rotation != nil {
		s.rotation.cancel()
		s.rotation = nil
		e.recordServiceEventLocked(c.region.name, s.arn, EventRotationAbandoned, c.now)
	}
	if p := s.stuckPending(); p != nil {
		out.VersionID = p.id
	}
	s.rotationEnabled = false
	s.nextRotation = time.Time{}
	s.lastChanged = c.now
	c.region.invalidate()
	e.replicate(s)
	return out, nil
}
