package secret

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/pager"
)

// Policy shows a secret's resource policy as pretty JSON in a
// scrollable view. A policy is metadata, not a secret value.
type Policy struct {
	env      *common.Env
	store    aws.Store
	secretID string
	name     string

	policy string
	err    error
	loaded bool
	seq    int

	pager         pager.Model
	width, height int
}

// policyScreenLoadedMsg carries the policy to the policy screen that asked.
type policyScreenLoadedMsg struct {
	owner  *Policy
	seq    int
	policy string
	err    error
}

// newPolicyScreen opens the policy view; when the detail screen already
// loaded the policy it is shown at once, else the screen loads it.
func newPolicyScreen(env *common.Env, store aws.Store, secretID, name, policy string, err error, loaded bool) *Policy {
	p := &Policy{env: env, store: store, secretID: secretID, name: name, policy: policy, err: err, loaded: loaded, pager: pager.New()}
	return p
}

// Init loads the policy unless it came with the screen.
func (p *Policy) Init() tea.Cmd {
	if p.loaded && p.err == nil {
		return nil
	}
	return p.load()
}

func (p *Policy) load() tea.Cmd {
	p.seq++
	p.loaded = false
	p.rebuild()
	seq, store, id, env := p.seq, p.store, p.secretID, p.env
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		pol, err := store.GetResourcePolicy(ctx, id)
		return policyScreenLoadedMsg{owner: p, seq: seq, policy: pol, err: err}
	}
}

// Update handles the load result, scrolling and refresh.
func (p *Policy) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case policyScreenLoadedMsg:
		if msg.owner != p || msg.seq != p.seq {
			return p, nil
		}
		p.policy, p.err, p.loaded = msg.policy, msg.err, true
		p.rebuild()
	case tea.MouseWheelMsg:
		p.pager.HandleWheel(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, p.env.Keys.Common.Refresh) {
			return p, p.load()
		}
		p.pager.HandleKey(&p.env.Keys.Nav, msg)
	}
	return p, nil
}

func (p *Policy) rebuild() {
	st := p.env.Styles
	var lines []string
	switch {
	case !p.loaded:
		lines = []string{st.Muted.Render("loading the resource policy…")}
	case p.err != nil:
		lines = common.WrapLines(st.Error.Render(common.FailureText(p.env.Keys, "could not load the policy", p.err)), max(p.width, 1))
	case strings.TrimSpace(p.policy) == "":
		lines = []string{st.Muted.Render("this secret has no resource policy")}
	default:
		lines = strings.Split(common.SanitizeMultiline(prettyPolicy(p.policy)), "\n")
	}
	p.pager.SetLines(lines)
}

// View renders the scrolled policy.
func (p *Policy) View() string { return p.pager.View(p.env.Styles) }

// SetSize gives the screen its share of the window.
func (p *Policy) SetSize(w, h int) {
	p.width, p.height = w, h
	p.pager.SetSize(w, h)
	p.rebuild()
}

// Title names the view.
func (p *Policy) Title() string { return "policy" }

// Capturing is always false.
func (p *Policy) Capturing() bool { return false }

// ShortHelp lists the main bindings.
func (p *Policy) ShortHelp() []key.Binding {
	k := p.env.Keys
	return []key.Binding{k.Nav.Down, k.Nav.Up, k.Common.Refresh, k.Common.Back}
}

// FullHelp lists every binding.
func (p *Policy) FullHelp() [][]key.Binding {
	k := p.env.Keys
	return [][]key.Binding{
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Common.Refresh, k.Common.Back, k.Common.Help},
	}
}

// Outcome says who asked and whether the load failed.
func (m policyScreenLoadedMsg) Outcome() (any, error) { return m.owner, m.err }
