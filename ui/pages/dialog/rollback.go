package dialog

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/diff"
)

// RollbackScreen rolls a secret back to its AWSPREVIOUS version: AWSCURRENT
// moves there, and the version it leaves gets AWSPREVIOUS. It reads the
// secret afresh, fetches both values (the operator asked for the rollback)
// to show a masked per-key diff, and asks for confirmation.
type RollbackScreen struct {
	writeDialog
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef

	loading  bool
	refusal  string // why a rollback is not possible; empty if it is
	loadErr  error  // describe failed: nothing to confirm
	valueErr error  // values could not be read: the rollback is still possible
	current  string
	previous string
	diff     diff.Values
	created  map[string]time.Time

	revealed  bool
	revealSeq int
}

// rollbackState is the fresh state and the computed diff.
type rollbackState struct {
	secret   aws.Secret
	versions []aws.Version
	diff     diff.Values
	valueErr error
}

// rollbackMaskMsg masks the diff again after the reveal timeout.
type rollbackMaskMsg struct {
	owner *RollbackScreen
	seq   int
}

// NewRollbackScreen opens the rollback dialog for secret.
func NewRollbackScreen(env *common.Env, store aws.Store, secret aws.Secret) *RollbackScreen {
	r := &RollbackScreen{store: store, secret: secret, ref: refOf(secret.SecretSummary, store), loading: true}
	r.writeDialog = newWriteDialog(env, r)
	return r
}

// Init reads the secret and both values.
func (r *RollbackScreen) Init() tea.Cmd { return r.load() }

func (r *RollbackScreen) load() tea.Cmd {
	r.loading = true
	store, id := r.store, r.ref.ID()
	return load(&r.write, func(ctx context.Context) (rollbackState, error) {
		var msg rollbackState
		s, err := store.DescribeSecret(ctx, id)
		if err != nil {
			return msg, err
		}
		msg.secret = s
		if vs, err := store.ListVersions(ctx, id); err == nil {
			msg.versions = vs
		}
		cur := common.LabelHolder(s.VersionStages, aws.LabelCurrent)
		prev := common.LabelHolder(s.VersionStages, aws.LabelPrevious)
		if cur == "" || prev == "" || cur == prev {
			return msg, nil
		}
		curVal, err := store.GetValue(ctx, id, aws.VersionRef{ID: cur})
		if err != nil {
			msg.valueErr = err
			return msg, nil
		}
		prevVal, err := store.GetValue(ctx, id, aws.VersionRef{ID: prev})
		if err != nil {
			msg.valueErr = err
			return msg, nil
		}
		msg.diff = diff.Compute(curVal.Secret, prevVal.Secret)
		return msg, nil
	})
}

// Update handles results and keys.
func (r *RollbackScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[rollbackState]:
		if !isLoad(&r.write, msg) {
			return r, nil
		}
		return r, r.loaded(msg.Val, msg.Err)
	case WrittenMsg:
		cmd, _ := r.write.Result(msg)
		return r, cmd
	case rollbackMaskMsg:
		if msg.owner == r && msg.seq == r.revealSeq && r.revealed {
			r.revealed = false
			r.refreshBody()
		}
		return r, nil
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	_, cmd := r.write.update(msg, r.op)
	return r, cmd
}

func (r *RollbackScreen) loaded(msg rollbackState, err error) tea.Cmd {
	r.loading = false
	if err != nil {
		r.loadErr = err
		return common.Failed(err)
	}
	r.loadErr = nil
	s := msg.secret
	r.secret = s
	r.ref = refOf(s.SecretSummary, r.store)
	r.current = common.LabelHolder(s.VersionStages, aws.LabelCurrent)
	r.previous = common.LabelHolder(s.VersionStages, aws.LabelPrevious)
	r.created = map[string]time.Time{}
	for _, v := range msg.versions {
		r.created[v.ID] = v.CreatedDate
	}
	switch {
	case !s.DeletedDate.IsZero():
		r.refusal = s.Name + " is scheduled for deletion: restore it first (" + common.KeyHelp(r.env.Keys.Common.Restore) + "), then roll back."
	case r.current == "":
		r.refusal = s.Name + " has no AWSCURRENT version (it has no value yet): there is nothing to roll back."
	case r.previous == "":
		r.refusal = s.Name + " has no AWSPREVIOUS version, so there is nothing to roll back to. " +
			"To make an older version live, open the versions (" + common.KeyHelp(r.env.Keys.Detail.Versions) + ") and move AWSCURRENT to it (" + common.KeyHelp(r.env.Keys.Versions.MoveLabel) + ")."
	case r.previous == r.current:
		r.refusal = "AWSCURRENT and AWSPREVIOUS are on the same version " + common.Sanitize(r.current) + ": there is nothing to roll back to."
	default:
		r.refusal = ""
	}
	if r.refusal != "" {
		return nil
	}
	r.diff, r.valueErr = msg.diff, msg.valueErr
	cmd := r.write.open("Roll back "+s.Name+" to AWSPREVIOUS", nil,
		confirm.Options{ConfirmLabel: "Roll back", Guard: ProductionGuard(s.Name, "roll back")})
	r.refreshBody()
	return cmd
}

// refreshBody rebuilds the pane's text (after loading, or a reveal toggle).
func (r *RollbackScreen) refreshBody() {
	if r.write.Pane == nil {
		return
	}
	st := r.env.Styles
	now := r.env.Now()
	when := func(id string) string {
		if a := common.AgeText(r.created[id], now); a != "" {
			return ", created " + a
		}
		return ""
	}
	body := []string{
		st.Text.Render("Region " + r.ref.Region + "."),
		"",
		st.StageCurrent.Render("AWSCURRENT") + st.Text.Render(" moves to version "+common.Sanitize(r.previous)+" (now AWSPREVIOUS"+when(r.previous)+")."),
		st.Text.Render("Version "+common.Sanitize(r.current)+" (now AWSCURRENT"+when(r.current)+") loses it and gets ") +
			st.StagePrevious.Render("AWSPREVIOUS") + st.Text.Render("."),
		st.Muted.Render("Applications get the rolled-back value on their next read (or when their cache expires). " +
			"You can undo this by rolling back again."),
	}
	if p, _, stuck := common.StrayPending(r.secret.VersionStages); stuck {
		body = append(body, "", st.Warning.Render("AWSPENDING is on version "+common.Sanitize(p)+": a rotation is in progress or stuck. "+
			"Rolling back does not stop it; if it finishes it will make its version current."))
	}
	body = append(body, "")
	switch {
	case r.valueErr != nil:
		body = append(body, st.Warning.Render("Could not read the values to compare ("+common.DescribeError(r.env.Keys, r.valueErr)+"). You can still roll back."))
	default:
		reveal := r.env.Keys.Common.Reveal.Help().Key + "/" + r.env.Keys.Input.Reveal.Help().Key
		title := "What changes (live value → rolled-back value), values hidden; " + reveal + " reveals:"
		if r.revealed {
			title = "What changes (live value → rolled-back value), values SHOWN; " + reveal + " hides:"
		}
		body = append(body, st.Section.Render(title))
		body = append(body, diff.Lines(st, r.diff, r.revealed)...)
	}
	r.write.Pane.SetBody(body)
}

func (r *RollbackScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.write.Pane == nil || r.write.Done {
		return nil
	}
	k := r.env.Keys
	if key.Matches(msg, k.Input.Reveal) || (!r.write.capturing() && key.Matches(msg, k.Common.Reveal)) {
		return r.toggleReveal()
	}
	res, cmd := r.write.update(msg, r.op)
	if res == confirm.ConfirmDeclined {
		return common.Pop()
	}
	return cmd
}

func (r *RollbackScreen) toggleReveal() tea.Cmd {
	if r.valueErr != nil || !r.diff.JSON || r.diff.Identical {
		return common.Info("nothing to reveal: only the keys of JSON values are compared")
	}
	r.revealed = !r.revealed
	r.revealSeq++
	r.refreshBody()
	if !r.revealed {
		return nil
	}
	r.env.Record(audit.Event{Action: "reveal", Region: r.ref.Region, SecretARN: r.ref.ARN,
		VersionIDs: []string{r.current, r.previous}, Outcome: "ok", Detail: "rollback diff"})
	seq := r.revealSeq
	return tea.Tick(r.env.RevealTimeout, func(time.Time) tea.Msg { return rollbackMaskMsg{owner: r, seq: seq} })
}

// op moves AWSCURRENT back. FromVersion names the version we showed as
// current: if someone moved it since, AWS refuses and nothing changes.
func (r *RollbackScreen) op() WriteOp {
	store, ref, cur, prev := r.store, r.ref, r.current, r.previous
	in := aws.MoveLabelInput{SecretID: ref.ID(), Label: aws.LabelCurrent, ToVersion: prev, FromVersion: cur}
	return WriteOp{
		Busy: "rolling back: moving AWSCURRENT to version " + common.VersionShort(prev) + "…",
		Call: func(ctx context.Context) (any, error) { return nil, store.MoveLabel(ctx, in) },
		Audit: audit.Event{Action: "rollback", Region: ref.Region, SecretARN: ref.ARN,
			VersionIDs: []string{prev, cur}, Detail: "AWSCURRENT " + cur + " -> " + prev},
		Done: func(any) tea.Cmd {
			r.revealed = false
			return announce(ref, "Rolled back "+ref.String()+": AWSCURRENT is on version "+common.VersionShort(prev)+
				"; version "+common.VersionShort(cur)+" is AWSPREVIOUS")
		},
	}
}

// View renders the loading text, the refusal or the pane.
func (r *RollbackScreen) View() string {
	switch {
	case r.loadErr != nil:
		return confirm.Notice(r.env, r.width, "Can't roll back", []string{r.env.Styles.Error.Render(common.DescribeError(r.env.Keys, r.loadErr))})
	case r.loading:
		return confirm.Notice(r.env, r.width, "Roll back "+r.ref.String(), []string{r.env.Styles.Muted.Render("reading the secret and comparing AWSCURRENT with AWSPREVIOUS…")})
	case r.refusal != "":
		return confirm.Notice(r.env, r.width, "Can't roll back "+r.ref.String(), []string{r.env.Styles.Warning.Render(r.refusal)})
	}
	return r.write.Pane.View()
}

// Title names the screen in the breadcrumb.
func (r *RollbackScreen) Title() string { return "roll back" }

// ShortHelp lists the main bindings.
func (r *RollbackScreen) ShortHelp() []key.Binding {
	return r.write.RevealHelp()
}

// FullHelp lists every binding of the screen.
func (r *RollbackScreen) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Reveal, k.Input.Reveal}, {k.Common.Back}}
}
