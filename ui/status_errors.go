package ui

import (
	"reflect"

	"github.com/smtui/smtui/ui/common"
)

// An error in the status line stays longer than other statuses (status.go),
// so that an operator who looked away still sees it. Once the operation that
// failed succeeds on a retry, the error is wrong and must go at once: the App
// remembers which screen's result of which kind failed, ties the error status
// that follows to it, and clears that status when a later result of the same
// kind for the same screen succeeds.

// operation names what a result answers: who asked, and which kind of
// result it is (common.ResultMsg[aws.Secret] and common.ResultMsg[[]aws.Version] of one
// screen are different operations: a list of versions that loads does not
// make a failed describe good).
type operation struct {
	owner any
	kind  reflect.Type
}

// statusErrors ties error statuses to the operation whose result failed.
type statusErrors struct {
	failed *operation // the last failed operation, until its error status arrives
	shown  *operation // the operation whose failure the status line shows; nil: none or unknown
}

// noteStatus records what a new status is about: an error status belongs to
// the result that failed just before it; any other status shows no error.
func (s *statusErrors) noteStatus(msg common.StatusMsg) {
	s.shown = nil
	if msg.Level == common.LevelError {
		s.shown = s.failed
	}
	s.failed = nil
}

// noteOutcome records a failed result, and reports whether a successful one
// retried what the shown error is about (so the error must go).
func (s *statusErrors) noteOutcome(msg common.OutcomeMsg) (clearError bool) {
	owner, err := msg.Outcome()
	if owner == nil {
		return false
	}
	op := operation{owner: owner, kind: reflect.TypeOf(msg)}
	if err != nil {
		s.failed = &op
		return false
	}
	if s.shown != nil && *s.shown == op {
		s.shown = nil
		return true
	}
	return false
}
