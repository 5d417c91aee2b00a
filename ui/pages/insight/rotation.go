package insight

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// diagnoseCalls bounds the whole diagnosis: it makes several calls
// (DescribeSecret, ListSecretVersionIds, GetFunction, GetPolicy and a few
// FilterLogEvents pages), each bounded by the per-call timeout.
const diagnoseCalls = 4

// RotationFailure answers "why did rotation fail?" for one secret: the
// rotation function (exists, runtime, last modified), whether Secrets
// Manager may invoke it, and the function's log lines of the last attempt
// with the failing step picked out. It reads metadata and logs only, never
// the secret's value, and changes nothing.
type RotationFailure struct {
	diag   aws.RotationDiagnoser
	trail  aws.Trail // nil when the Store does not speak CloudTrail
	ref    aws.SecretRef
	seq    int
	state  diagnosisState
	events eventsState

	page
}

// diagnosisState is what the screen shows: loading, an error, or the
// diagnosis.
type diagnosisState struct {
	loaded bool
	err    error
	d      aws.RotationDiagnosis
}

// rotationDiagnosedMsg carries a diagnosis to the screen that asked.
type rotationDiagnosedMsg struct {
	owner *RotationFailure
	seq   int
	d     aws.RotationDiagnosis
	err   error
}

// NewRotationFailure opens the diagnosis of ref's rotation through diag
// (the Store, when it implements aws.RotationDiagnoser), with the rotation
// events from trail (nil: the Store does not implement aws.Trail).
func NewRotationFailure(env *common.Env, diag aws.RotationDiagnoser, trail aws.Trail, ref aws.SecretRef) *RotationFailure {
	return &RotationFailure{diag: diag, trail: trail, ref: ref, page: newPage(env)}
}

// Init starts the diagnosis.
func (r *RotationFailure) Init() tea.Cmd { return r.load() }

func (r *RotationFailure) load() tea.Cmd {
	r.seq++
	r.state.loaded = false
	r.events = eventsState{}
	r.rebuild()
	seq, diag, id, env := r.seq, r.diag, r.ref.ID(), r.env
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), diagnoseCalls*env.CallTimeout)
		defer cancel()
		d, err := diag.DiagnoseRotation(ctx, id, env.Now())
		return rotationDiagnosedMsg{owner: r, seq: seq, d: d, err: err}
	}
}

// Update handles the diagnosis, scrolling and refresh.
func (r *RotationFailure) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case rotationDiagnosedMsg:
		if msg.owner != r || msg.seq != r.seq {
			return r, nil
		}
		r.state = diagnosisState{loaded: true, err: msg.err, d: msg.d}
		arn := msg.d.Secret.ARN
		if arn == "" {
			arn = r.ref.ARN
		}
		cmd := r.loadEvents(arn)
		r.rebuild()
		return r, cmd
	case rotationEventsLoadedMsg:
		if msg.owner != r || msg.seq != r.seq {
			return r, nil
		}
		r.events = eventsState{asked: true, loaded: true, err: msg.err, events: msg.events}
		r.rebuild()
	case common.SecretChangedMsg:
		if msg.About(r.ref.Region, r.ref.Name, r.ref.ARN) && !msg.Deleted {
			return r, r.load()
		}
	case tea.MouseWheelMsg:
		r.pager.HandleWheel(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, r.env.Keys.Common.Refresh) {
			return r, r.load()
		}
		r.pager.HandleKey(&r.env.Keys.Nav, msg)
	}
	return r, nil
}

func (r *RotationFailure) rebuild() {
	if r.width <= 0 {
		return
	}
	r.pager.SetLines(rotationLines(r.env, r.state, r.events, r.ref, r.width))
}

// SetSize gives the screen its share of the window.
func (r *RotationFailure) SetSize(w, h int) {
	r.resize(w, h)
	r.rebuild()
}

// Title names the screen in the breadcrumb.
func (r *RotationFailure) Title() string { return "why rotation failed" }
