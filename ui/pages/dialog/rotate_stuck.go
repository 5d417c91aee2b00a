package dialog

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// The ways out of a stuck rotation, in the order they are offered.
const (
	wayRemovePending = iota
	wayCancelRotation
	wayRollback
)

// StuckRotationScreen explains a rotation that is in progress or stuck
// (AWSPENDING on a version other than AWSCURRENT) and offers the ways out:
// remove the stray AWSPENDING, cancel the rotation, or roll back.
type StuckRotationScreen struct {
	// writeDialog's write cancels the rotation.
	writeDialog
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef

	loading  bool
	loadErr  error
	pending  string
	current  string
	stuck    bool
	ways     *confirm.ChoiceList
	note     string // the last outcome, shown above the ways out
	versions map[string]aws.Version
}

// stuckState is the fresh state.
type stuckState struct {
	secret   aws.Secret
	versions []aws.Version
}

// NewStuckRotationScreen opens the stuck-rotation explanation for secret.
func NewStuckRotationScreen(env *common.Env, store aws.Store, secret aws.Secret) *StuckRotationScreen {
	s := &StuckRotationScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store),
		loading: true, ways: confirm.NewChoiceList(env, nil)}
	s.writeDialog = newWriteDialog(env, s)
	return s
}

// Init reads the secret and its versions afresh.
func (s *StuckRotationScreen) Init() tea.Cmd { return s.load() }

func (s *StuckRotationScreen) load() tea.Cmd {
	s.loading = true
	store, id := s.store, s.ref.ID()
	return load(&s.write, func(ctx context.Context) (stuckState, error) {
		sec, err := store.DescribeSecret(ctx, id)
		if err != nil {
			return stuckState{}, err
		}
		vs, _ := store.ListVersions(ctx, id) // dates only; the labels come from DescribeSecret
		return stuckState{secret: sec, versions: vs}, nil
	})
}

// Update handles results and keys.
func (s *StuckRotationScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[stuckState]:
		if !isLoad(&s.write, msg) {
			return s, nil
		}
		s.loaded(msg.Val, msg.Err)
		if msg.Err != nil {
			return s, common.Failed(msg.Err)
		}
		return s, nil
	case common.SecretChangedMsg:
		if msg.About(s.ref.Region, s.ref.String(), s.ref.ARN) && !msg.Deleted {
			return s, s.load()
		}
		return s, nil
	}
	if cmd, ok := s.write.forward(msg, s.op); ok {
		return s, cmd
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return s, s.handleKey(msg)
	}
	s.ways.Update(msg)
	return s, nil
}

func (s *StuckRotationScreen) loaded(msg stuckState, err error) {
	s.loading = false
	if err != nil {
		s.loadErr = err
		return
	}
	s.loadErr = nil
	sec := msg.secret
	s.secret = sec
	s.ref = refOf(sec.SecretSummary, s.store)
	s.pending, s.current, s.stuck = common.StrayPending(sec.VersionStages)
	s.versions = map[string]aws.Version{}
	for _, v := range msg.versions {
		s.versions[v.ID] = v
	}
	st := s.env.Styles
	remove := confirm.Choice{Text: st.Text.Render("Remove the stray AWSPENDING from version " + common.VersionShort(s.pending))}
	cancel := confirm.Choice{Text: st.Text.Render("Cancel the rotation (turns automatic rotation off)")}
	if !sec.RotationEnabled {
		cancel.Reason = "automatic rotation is already off"
	}
	rollback := confirm.Choice{Text: st.Text.Render("Roll back to AWSPREVIOUS (opens the rollback dialog)")}
	if common.LabelHolder(sec.VersionStages, aws.LabelPrevious) == "" {
		rollback.Reason = "there is no AWSPREVIOUS version to roll back to"
	}
	if !s.stuck {
		remove.Reason = "there is no stray AWSPENDING"
	}
	cursor := s.ways.Cursor
	s.ways = confirm.NewChoiceList(s.env, []confirm.Choice{remove, cancel, rollback})
	s.ways.SetCursor(cursor)
	s.layout()
}

func (s *StuckRotationScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.loading {
		return nil
	}
	k := s.env.Keys
	if s.write.Pane != nil {
		res, cmd := s.write.update(msg, s.op)
		if res == confirm.ConfirmDeclined {
			s.write.Pane = nil
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.Common.Refresh):
		return s.load()
	case !s.stuck:
		return nil // nothing to resolve: only refresh and back
	case key.Matches(msg, k.Dialog.Choose):
		i := s.ways.Selected()
		if i < 0 {
			return nil
		}
		if r := s.ways.Items[i].Reason; r != "" {
			return common.Warn(r)
		}
		switch i {
		case wayRemovePending:
			r := newRemovePendingScreen(s.env, s.store, s.secret, s.pending)
			return common.Push(r)
		case wayCancelRotation:
			return s.openCancel()
		case wayRollback:
			return common.Push(NewRollbackScreen(s.env, s.store, s.secret))
		}
	}
	s.ways.Update(msg)
	return nil
}

func (s *StuckRotationScreen) openCancel() tea.Cmd {
	st := s.env.Styles
	body := []string{
		st.Text.Render("Turn automatic rotation off for " + common.Sanitize(s.ref.String()) + " and stop the rotation in progress."),
		st.Muted.Render("The rotation function (" + rotationFunction(s.secret.SecretSummary) + ") stays configured: you can turn rotation on again."),
	}
	if s.stuck {
		body = append(body, "", st.Warning.Render("AWSPENDING stays on version "+common.Sanitize(s.pending)+" after cancelling: remove it too before rotating again."))
	}
	return s.write.open("Cancel the rotation of "+s.ref.String(), body,
		confirm.Options{ConfirmLabel: "Cancel rotation", Guard: ProductionGuard(s.ref.String(), "cancel the rotation")})
}

// op cancels the rotation; the screen stays open with what is left to do.
func (s *StuckRotationScreen) op() WriteOp {
	store, ref := s.store, s.ref
	return WriteOp{
		Busy:  "cancelling the rotation…",
		Call:  func(ctx context.Context) (any, error) { return nil, store.CancelRotation(ctx, ref.ID()) },
		Audit: audit.Event{Action: "cancel-rotation", Region: ref.Region, SecretARN: ref.ARN, VersionIDs: nonEmpty(s.pending)},
		Done: func(any) tea.Cmd {
			s.write.Pane = nil
			s.note = "Automatic rotation is off."
			if s.stuck {
				s.note += " AWSPENDING is still on version " + common.Sanitize(s.pending) + ": remove it (first choice) before rotating again."
			}
			return tea.Batch(common.Changed(ref.Region, ref.ID()), common.Success("Cancelled the rotation of "+ref.String()+": automatic rotation is off"))
		},
	}
}

// HandleBack closes the cancel confirmation before the screen.
func (s *StuckRotationScreen) HandleBack() (bool, tea.Cmd) {
	return s.write.close(), nil
}

// View renders the explanation and the ways out.
func (s *StuckRotationScreen) View() string {
	st := s.env.Styles
	switch {
	case s.loadErr != nil:
		return confirm.Notice(s.env, s.width, "Rotation of "+s.ref.String(), []string{st.Error.Render(common.DescribeError(s.env.Keys, s.loadErr))})
	case s.loading && s.versions == nil:
		return confirm.Notice(s.env, s.width, "Rotation of "+s.ref.String(), []string{st.Muted.Render("reading the secret…")})
	case s.write.Pane != nil:
		return s.write.Pane.View()
	}
	w := max(s.width-4, 6)
	var lines []string
	add := func(text string) { lines = append(lines, common.WrapText(text, w)...) }
	if s.stuck {
		lines = append(lines, st.Warning.Render(common.Cut("A rotation of "+common.Sanitize(s.ref.String())+" is in progress or stuck", w)), "")
		created := ""
		if a := common.AgeText(s.versions[s.pending].CreatedDate, s.env.Now()); a != "" {
			created = ", created " + a
		}
		add(st.Text.Render("AWSPENDING is on version " + common.Sanitize(s.pending) + created + ", but AWSCURRENT is still on version " + common.Sanitize(s.current) + "."))
		add(st.Text.Render("Applications keep reading version " + common.VersionShort(s.current) + ": nothing is broken for them right now. " +
			"But while AWSPENDING sits on another version, Secrets Manager treats a rotation as in progress: a new rotation is refused, " +
			"and the scheduled one keeps retrying this one."))
		add(st.Muted.Render("Usually the rotation function (" + rotationFunction(s.secret.SecretSummary) + ") failed in setSecret, testSecret or " +
			"finishSecret; its logs say why. If a rotation started minutes ago it may still be running: refresh (" +
			s.env.Keys.Common.Refresh.Help().Key + ") before acting."))
	} else {
		lines = append(lines, st.Success.Render(common.Cut("No stuck rotation", w)), "")
		add(st.Text.Render("You asked to resolve a stuck rotation, but none is stuck: no version other than the current one (AWSCURRENT) carries " +
			"the AWSPENDING label, so no rotation is in progress. Nothing to resolve."))
		add(st.Muted.Render("Go back (" + s.env.Keys.Common.Back.Help().Key + "); a new rotation can start from the secret's screen (" +
			s.env.Keys.Detail.Rotate.Help().Key + ")."))
	}
	if s.note != "" {
		lines = append(lines, "")
		add(st.Info.Render(s.note))
	}
	help := st.Muted.Render(common.Cut(common.HelpLine(s.ShortHelp()...), w))
	tail := []string{"", help}
	if s.stuck {
		tail = append([]string{"", st.Section.Render("Ways out")}, append(s.ways.Lines(w), tail...)...)
	}
	return st.Pane.Width(max(s.width, 10)).Render(strings.Join(fitExplanation(st, lines, tail, s.height-2, w), "\n"))
}

// fitExplanation keeps the ways out and the keys on a short window: the
// blank lines go first, then the end of the explanation (lines[0], the
// title, stays).
func fitExplanation(st *common.Styles, lines, tail []string, height, width int) []string {
	if len(lines)+len(tail) <= height || len(lines) == 0 {
		return append(lines, tail...)
	}
	compact := func(ls []string) []string {
		out := ls[:0:0]
		for _, l := range ls {
			if l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	title, explain, tail := lines[0], compact(lines[1:]), compact(tail)
	if 1+len(tail) > height && len(tail) > 1 {
		tail = tail[1:] // the "Ways out" heading (the footer repeats the keys)
	}
	room := height - 1 - len(tail)
	if room < len(explain) {
		more := st.Muted.Render(common.Cut("… a taller window shows the whole explanation", width))
		if room >= 2 {
			explain = append(explain[:room-1:room-1], more)
		} else {
			explain = explain[:max(room, 0)]
		}
	}
	return append(append([]string{title}, explain...), tail...)
}

func (s *StuckRotationScreen) layout() {
	s.ways.SetHeight(3)
	s.write.setSize(s.width, s.height)
}

// SetSize gives the screen its share of the window.
func (s *StuckRotationScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout()
}

// Title names the screen in the breadcrumb.
func (s *StuckRotationScreen) Title() string { return "stuck rotation" }

// ShortHelp lists the main bindings.
func (s *StuckRotationScreen) ShortHelp() []key.Binding {
	k := s.env.Keys
	if s.write.Pane != nil {
		return s.write.Pane.ShortHelp()
	}
	if !s.loading && s.loadErr == nil && !s.stuck {
		return []key.Binding{k.Common.Refresh, k.Common.Back}
	}
	return []key.Binding{chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Refresh, k.Common.Back}
}

// FullHelp lists every binding of the screen.
func (s *StuckRotationScreen) FullHelp() [][]key.Binding {
	k := s.env.Keys
	return [][]key.Binding{{chooseKey(k), k.Nav.Up, k.Nav.Down, k.Common.Refresh}, {k.Dialog.Yes, k.Dialog.No}, {k.Common.Back}}
}
