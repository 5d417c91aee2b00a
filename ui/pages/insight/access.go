package insight

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// diagnosisCalls is how many AWS calls a diagnosis makes at most (STS,
// DescribeSecret, ListSecrets, KMS DescribeKey, GetResourcePolicy); the
// command's deadline allows each its per-call timeout.
const diagnosisCalls = 5

// Access is the "why denied?" screen: it walks the layers AWS checks for
// the latest refusal: who is asking, the layer AWS named, the secret's KMS
// key, the resource policy's matching statements, and the next step, each
// saying what is known and what is not. It reads metadata only.
type Access struct {
	diag  aws.AccessDiagnoser
	query aws.AccessQuery

	diagnosis aws.AccessDiagnosis
	loaded    bool
	seq       int

	page
}

// accessDiagnosedMsg carries a diagnosis to the screen that asked.
type accessDiagnosedMsg struct {
	owner     *Access
	seq       int
	diagnosis aws.AccessDiagnosis
}

// NewAccess opens the diagnosis of q's refusal through diag.
func NewAccess(env *common.Env, diag aws.AccessDiagnoser, q aws.AccessQuery) *Access {
	return &Access{diag: diag, query: q, page: newPage(env)}
}

// Init starts the diagnosis.
func (a *Access) Init() tea.Cmd { return a.load() }

func (a *Access) load() tea.Cmd {
	a.seq++
	a.loaded = false
	a.rebuild()
	seq, diag, q, env := a.seq, a.diag, a.query, a.env
	return func() tea.Msg {
		timeout := env.CallTimeout * diagnosisCalls
		if timeout <= 0 {
			timeout = aws.DefaultCallTimeout * diagnosisCalls
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		return accessDiagnosedMsg{owner: a, seq: seq, diagnosis: diag.DiagnoseAccess(ctx, q)}
	}
}

// Update handles the diagnosis, scrolling and refresh.
func (a *Access) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case accessDiagnosedMsg:
		if msg.owner != a || msg.seq != a.seq {
			return a, nil
		}
		a.diagnosis, a.loaded = msg.diagnosis, true
		a.rebuild()
	case tea.MouseWheelMsg:
		a.pager.HandleWheel(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, a.env.Keys.Common.Refresh) {
			return a, a.load()
		}
		a.pager.HandleKey(&a.env.Keys.Nav, msg)
	}
	return a, nil
}

func (a *Access) rebuild() {
	if !a.loaded {
		a.pager.SetLines([]string{a.env.Styles.Muted.Render("asking STS, Secrets Manager and KMS why access was denied…")})
		return
	}
	a.pager.SetLines(accessLines(a.env, a.query, a.diagnosis, max(a.width, 20)))
}

// SetSize gives the screen its share of the window.
func (a *Access) SetSize(w, h int) {
	a.resize(w, h)
	a.rebuild()
}

// Title names the screen in the breadcrumb.
func (a *Access) Title() string { return "why denied?" }
