package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/insight"
)

// Why denied: when the latest error is a refusal (access denied, or the
// secret's KMS key), Common.WhyDenied opens the access diagnosis for it,
// from the status line or from the error box.

// diagnosableErr is the latest error when the diagnosis can explain it.
func (a *App) diagnosableErr() (*aws.Error, bool) {
	if a.lastErr == nil || !aws.Diagnosable(a.lastErr.Err) {
		return nil, false
	}
	var e *aws.Error
	if !errors.As(a.lastErr.Err, &e) {
		return nil, false
	}
	return e, true
}

// openAccessDiagnosis opens the diagnosis of the latest refusal, or says
// why it cannot.
func (a *App) openAccessDiagnosis() tea.Cmd {
	e, ok := a.diagnosableErr()
	if !ok {
		return common.Status(common.LevelInfo, "no refused call to explain: "+
			common.KeyHelp(a.env.Keys.Common.WhyDenied)+" works after an access-denied or KMS error", 0)
	}
	d, ok := a.session.store.(aws.AccessDiagnoser)
	if !ok {
		return common.Status(common.LevelInfo, "this connection cannot diagnose access", 0)
	}
	a.errBox = nil
	return a.pushScreen(insight.NewAccess(a.env, d, aws.AccessQuery{SecretID: e.SecretID, Refusal: e}))
}
