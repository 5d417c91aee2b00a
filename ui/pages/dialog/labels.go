package dialog

import (
	"context"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// Staging label limits (AWS): 1-256 characters, at most 20 on one version.
const (
	maxLabelChars     = 256
	maxLabelsPerVersn = 20
)

// moveStep is where the move-label dialog is.
type moveStep int

const (
	stepPickLabel moveStep = iota
	stepNewLabel
	stepPickTarget
	stepConfirmMove
)

// MoveLabelScreen moves a staging label (existing, or a new custom one) to
// a version: choose the label, choose the target version, read what will
// happen, confirm. MoveLabel names the label's current holder as
// FromVersion, so if someone moved it meanwhile AWS refuses and nothing
// changes.
type MoveLabelScreen struct {
	env      *common.Env
	store    aws.Store
	secret   aws.Secret
	ref      aws.SecretRef
	versions []aws.Version

	step     moveStep
	labels   []string // every label on some version, in display order
	labelSel *confirm.ChoiceList
	input    textinput.Model
	inputErr string
	targets  *confirm.ChoiceList

	label   string // chosen label
	from    string // its holder now ("" for a new label)
	to      string // chosen version
	preTo   string // version to preselect as target
	loading bool
	loadErr error
	write   Lifecycle

	width, height int
}

// NewMoveLabelScreen opens the move-label dialog. versions may be nil: the
// dialog then lists them itself.
func NewMoveLabelScreen(env *common.Env, store aws.Store, secret aws.Secret, versions []aws.Version) *MoveLabelScreen {
	m := &MoveLabelScreen{env: env, store: store, secret: secret, ref: refOf(secret.SecretSummary, store)}
	m.write = NewLifecycle(env, m)
	m.input = textinput.New()
	m.input.Prompt = "› "
	m.input.CharLimit = maxLabelChars + 10
	m.input.Placeholder = "e.g. BLUE"
	if versions != nil {
		m.setVersions(versions)
	} else {
		m.loading = true
	}
	return m
}

// WithTarget preselects the version labels move to (the versions screen's cursor).
func (m *MoveLabelScreen) WithTarget(versionID string) *MoveLabelScreen {
	m.preTo = versionID
	return m
}

func (m *MoveLabelScreen) setVersions(vs []aws.Version) {
	m.versions = common.SortVersions(vs)
	seen := map[string]bool{}
	for _, v := range m.versions {
		for _, l := range v.Stages {
			if !seen[l] {
				seen[l] = true
				m.labels = append(m.labels, l)
			}
		}
	}
	m.labels = common.SortedLabels(m.labels)
	st := m.env.Styles
	items := make([]confirm.Choice, 0, len(m.labels)+1)
	labelW := 0 // the labels padded to one width, in cells, so "on version" lines up
	for _, l := range m.labels {
		labelW = max(labelW, ansi.StringWidth(common.Sanitize(l)))
	}
	for _, l := range m.labels {
		name := common.Sanitize(l)
		pad := strings.Repeat(" ", labelW-ansi.StringWidth(name))
		items = append(items, confirm.Choice{Text: common.StageStyle(st, l).Render(name) + pad + st.Muted.Render("  on version "+common.Sanitize(m.holder(l)))})
	}
	items = append(items, confirm.Choice{Text: st.Text.Render("a new label…")})
	m.labelSel = confirm.NewChoiceList(m.env, items)
	m.layout()
}

// holder is the version carrying label now, or "".
func (m *MoveLabelScreen) holder(label string) string {
	for _, v := range m.versions {
		if common.HasLabel(v.Stages, label) {
			return v.ID
		}
	}
	return ""
}

func (m *MoveLabelScreen) version(id string) (aws.Version, bool) {
	for _, v := range m.versions {
		if v.ID == id {
			return v, true
		}
	}
	return aws.Version{}, false
}

// Init lists the versions if none were given.
func (m *MoveLabelScreen) Init() tea.Cmd {
	if !m.loading {
		return nil
	}
	store, id := m.store, m.ref.ID()
	return load(&m.write, func(ctx context.Context) ([]aws.Version, error) { return store.ListVersions(ctx, id) })
}

// Update handles results and keys.
func (m *MoveLabelScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[[]aws.Version]:
		if !isLoad(&m.write, msg) {
			return m, nil
		}
		m.loading = false
		if msg.Err != nil {
			m.loadErr = msg.Err
			return m, common.Failed(msg.Err)
		}
		m.setVersions(msg.Val)
		return m, nil
	case WrittenMsg:
		cmd, _ := m.write.Result(msg)
		return m, cmd
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	switch m.step {
	case stepNewLabel:
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	case stepConfirmMove:
		_, cmd := m.write.update(msg, m.op)
		return m, cmd
	case stepPickLabel:
		if m.labelSel != nil {
			m.labelSel.Update(msg)
		}
	case stepPickTarget:
		m.targets.Update(msg)
	}
	return m, nil
}

func (m *MoveLabelScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.loading || m.loadErr != nil || m.write.Done {
		return nil
	}
	k := m.env.Keys
	switch m.step {
	case stepPickLabel:
		if key.Matches(msg, k.Dialog.Choose) {
			i := m.labelSel.Selected()
			if i == len(m.labels) {
				m.step = stepNewLabel
				m.inputErr = ""
				return m.input.Focus()
			}
			return m.chooseLabel(m.labels[i])
		}
		m.labelSel.Update(msg)
	case stepNewLabel:
		switch {
		case key.Matches(msg, k.Input.Submit):
			l := strings.TrimSpace(m.input.Value())
			if err := checkNewLabel(l); err != "" {
				m.inputErr = err
				return nil
			}
			m.input.Blur()
			return m.chooseLabel(l)
		case key.Matches(msg, k.Input.Cancel):
			m.input.Blur()
			m.step = stepPickLabel
			return nil
		}
		m.inputErr = ""
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	case stepPickTarget:
		if key.Matches(msg, k.Dialog.Choose) {
			i := m.targets.Selected()
			if i < 0 {
				return nil
			}
			if r := m.targets.Items[i].Reason; r != "" {
				return common.Warn(r)
			}
			m.to = m.versions[i].ID
			return m.openConfirm()
		}
		m.targets.Update(msg)
	case stepConfirmMove:
		res, cmd := m.write.update(msg, m.op)
		if res == confirm.ConfirmDeclined {
			m.step = stepPickTarget
			return nil
		}
		return cmd
	}
	return nil
}

// checkNewLabel validates a custom label typed by the operator.
func checkNewLabel(l string) string {
	n := utf8.RuneCountInString(l)
	switch {
	case n == 0:
		return "type a label (1-256 characters)"
	case n > maxLabelChars:
		return "the label is " + common.Plural(n, "character") + " long; AWS allows at most 256"
	}
	return ""
}

// chooseLabel moves to the target step with the versions the label can go to.
func (m *MoveLabelScreen) chooseLabel(l string) tea.Cmd {
	m.label = l
	m.from = m.holder(l)
	st := m.env.Styles
	now := m.env.Now()
	items := make([]confirm.Choice, 0, len(m.versions))
	pre := -1
	for i, v := range m.versions {
		text := st.Text.Render(common.VersionShort(v.ID)) + "  " + versionLabelsStyled(st, v.Stages)
		if a := common.AgeText(v.CreatedDate, now); a != "" {
			text += st.Muted.Render("  created " + a)
		}
		c := confirm.Choice{Text: text}
		switch {
		case v.ID == m.from:
			c.Reason = common.Sanitize(l) + " is already on this version"
		case len(v.Stages) >= maxLabelsPerVersn:
			c.Reason = "this version already has 20 labels, the most AWS allows; remove one first"
		}
		items = append(items, c)
		if pre < 0 && c.Reason == "" && (v.ID == m.preTo || m.preTo == "") {
			pre = i
		}
	}
	m.targets = confirm.NewChoiceList(m.env, items)
	m.targets.SetCursor(max(pre, 0))
	m.step = stepPickTarget
	m.layout()
	return nil
}

// openConfirm explains the move and asks for confirmation.
func (m *MoveLabelScreen) openConfirm() tea.Cmd {
	st := m.env.Styles
	to, _ := m.version(m.to)
	label, toID := common.Sanitize(m.label), common.Sanitize(m.to)
	var body []string
	if m.from == "" {
		body = append(body, st.Text.Render("Attach the new label ")+common.StageStyle(st, m.label).Render(label)+
			st.Text.Render(" to version "+toID+"."))
	} else {
		body = append(body, st.Text.Render("Move ")+common.StageStyle(st, m.label).Render(label)+
			st.Text.Render(" from version "+common.Sanitize(m.from)+" to version "+toID+"."))
	}
	body = append(body, st.Muted.Render("Version "+common.VersionShort(m.to)+" has now: "+common.LabelsText(to.Stages)+"."))
	danger := false
	switch m.label {
	case aws.LabelCurrent:
		danger = true
		body = append(body, "",
			st.Warning.Render("This changes the live value: applications reading the secret get version "+common.VersionShort(m.to)+"'s value from their next read."),
			st.Text.Render("Version "+common.VersionShort(m.from)+" (the one AWSCURRENT leaves) gets AWSPREVIOUS."))
		if common.HasLabel(to.Stages, aws.LabelPending) {
			body = append(body, st.Text.Render("Version "+common.VersionShort(m.to)+" also keeps AWSPENDING until it is removed."))
		}
	case aws.LabelPending:
		body = append(body, "", st.Warning.Render("AWSPENDING marks the version a rotation is working on; a rotation in progress may act on version "+common.VersionShort(m.to)+"."))
	case aws.LabelPrevious:
		body = append(body, "", st.Muted.Render("AWSPREVIOUS is where a rollback ("+common.KeyHelp(m.env.Keys.Versions.Rollback)+") goes; AWS moves it by itself whenever AWSCURRENT moves."))
	}
	m.step = stepConfirmMove
	return m.write.open("Move a staging label of "+m.ref.String(), body,
		confirm.Options{Danger: danger, ConfirmLabel: "Move " + label, Guard: ProductionGuard(m.ref.String(), "move the label")})
}

// op moves the label the operator confirmed, naming its holder now.
func (m *MoveLabelScreen) op() WriteOp {
	store, ref, label, from, to := m.store, m.ref, m.label, m.from, m.to
	in := aws.MoveLabelInput{SecretID: ref.ID(), Label: label, ToVersion: to, FromVersion: from}
	return WriteOp{
		Busy: "moving " + common.Sanitize(label) + " to version " + common.VersionShort(to) + "…",
		Call: func(ctx context.Context) (any, error) { return nil, store.MoveLabel(ctx, in) },
		Audit: audit.Event{Action: "move-label", Region: ref.Region, SecretARN: ref.ARN,
			VersionIDs: nonEmpty(to, from), Detail: label},
		Done: func(any) tea.Cmd {
			text := "Moved " + common.Sanitize(label) + " to version " + common.VersionShort(to)
			if label == aws.LabelCurrent && from != "" {
				text += "; version " + common.VersionShort(from) + " is AWSPREVIOUS"
			}
			return announce(ref, text)
		},
	}
}

// HandleBack steps back through the dialog before closing it.
func (m *MoveLabelScreen) HandleBack() (bool, tea.Cmd) {
	switch m.step {
	case stepPickTarget:
		m.step = stepPickLabel
		return true, nil
	case stepConfirmMove:
		if !m.write.busy() {
			m.step = stepPickTarget
		}
		return true, nil
	}
	return false, nil
}
