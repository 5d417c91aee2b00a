package secret

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/diff"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// Review is the last step before an edited value is written: the
// per-key diff (masked unless revealed), what the save does to the staging
// labels, and a confirmation (the shared confirm.Pane; on a production
// profile the operator types the secret's name). Saving creates one new
// version. The ClientRequestToken is made once per review and sent with
// every attempt, so a retry never makes a second version.
type Review struct {
	env   *common.Env
	store aws.Store
	req   SaveRequest
	token string
	diff  diff.Values

	write    dialog.Lifecycle // its pane is the review; the put goes through it
	conflict bool             // AWSCURRENT moved: the pane offers reload and re-apply
	saving   bool
	err      error

	Revealed  bool
	revealSeq int

	// live is the AWSCURRENT value the diff compares against, read when the
	// edits started from another version (review_live.go).
	live        []byte
	liveKnown   bool
	liveErr     error
	liveSeq     int
	reverts     map[string]bool // diff paths the edits did not change: the save reverts them
	textReverts bool            // a plaintext value changed since the edited version

	width, height int
}

// reviewMaskMsg masks the review's values again after the idle timeout.
type reviewMaskMsg struct {
	owner *Review
	seq   int
}

// NewReview opens the review of req.
func NewReview(env *common.Env, store aws.Store, req SaveRequest) *Review {
	r := &Review{env: env, store: store, req: req, token: aws.NewRequestToken(), width: 80, height: 20}
	if !req.needsLive() {
		r.live, r.liveKnown = req.Base, true
	}
	r.diff = diff.Compute(aws.TextValue(string(r.live)), aws.TextValue(string(req.Updated)))
	r.write = dialog.NewLifecycle(env, r)
	r.write.Pane = confirm.NewPane(env, "Review and save "+req.Target.String(), nil,
		confirm.Options{ConfirmLabel: "Save", Guard: dialog.ProductionGuard(req.Target.String(), "save")})
	r.refreshBody()
	return r
}

// Init focuses the name input on production profiles, and reads AWSCURRENT
// when the edits started from another version.
func (r *Review) Init() tea.Cmd {
	if r.liveKnown {
		return r.write.Pane.Init()
	}
	return tea.Batch(r.write.Pane.Init(), r.fetchLive())
}

// Update handles keys, the put's result and the reveal timer.
func (r *Review) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case dialog.WrittenMsg:
		cmd, _ := r.write.Result(msg)
		return r, cmd
	case common.ResultMsg[aws.Value]:
		if !msg.IsFor(r, r.liveSeq) {
			return r, nil
		}
		return r, r.liveLoaded(msg)
	case reviewMaskMsg:
		if msg.owner == r && msg.seq == r.revealSeq && r.Revealed {
			r.Revealed = false
			r.refreshBody()
		}
		return r, nil
	case tea.KeyPressMsg:
		return r, r.handleKey(msg)
	}
	_, cmd := r.write.Pane.Update(msg)
	return r, cmd
}

func (r *Review) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.env.Keys
	if r.saving {
		return nil // one request at a time; its result decides what comes next
	}
	if key.Matches(msg, k.Input.Reveal) || (!r.write.Pane.Capturing() && key.Matches(msg, k.Common.Reveal)) {
		return r.toggleReveal()
	}
	res, cmd := r.write.Pane.Update(msg)
	switch res {
	case confirm.ConfirmDeclined:
		return r.cancel()
	case confirm.ConfirmAccepted:
		if r.conflict {
			owner := r.req.Owner
			return tea.Batch(common.Pop(), func() tea.Msg { return reapplyRequestedMsg{owner: owner} })
		}
		if !r.liveKnown {
			if r.liveErr != nil {
				return r.fetchLive()
			}
			return common.Info("still reading AWSCURRENT to show what the save changes")
		}
		return r.put()
	}
	return cmd
}

// cancel closes the review; the edits stay pending on the value screen.
func (r *Review) cancel() tea.Cmd {
	return tea.Batch(common.Pop(), common.Info("nothing was saved; your edits are still pending (s reviews them again)"))
}

// finished handles the put's outcome: saved, refused because AWSCURRENT
// moved (say who won, offer reload and re-apply), or another error (confirm
// retries with the same token, which can never make a second version). The
// Store has already read back what a lost answer did, so what is said here
// is the truth: saved, not saved, or (rarely) unknown.
func (r *Review) finished(res aws.PutValueResult, err error) tea.Cmd {
	r.saving = false
	r.err = err
	if err == nil {
		r.write.Pane.SetBusy("")
		return r.saved(res)
	}
	if aws.KindOf(err) == aws.KindConflict {
		r.conflict = true
		r.Revealed = false
		r.write.Pane = confirm.NewPane(r.env, "Not saved: "+r.req.Target.String()+" changed since you loaded it", nil,
			confirm.Options{ConfirmLabel: "Reload & re-apply"})
		r.write.Pane.SetSize(r.width, r.height)
		r.refreshBody()
		return common.Warn("not saved: " + r.winnerText(err) + "; nothing was overwritten")
	}
	r.write.Pane.SetError(err)
	r.refreshBody()
	return common.Warn(saveFailureText(r.env.Keys, err))
}

// winnerText names the save that won a conflict: its version and when it
// was created.
func (r *Review) winnerText(err error) string {
	var e *aws.Error
	if !errors.As(err, &e) || e.Conflict == nil {
		return "the secret changed since you loaded it"
	}
	c := e.Conflict
	if c.Current == "" {
		return "the secret has no AWSCURRENT version any more"
	}
	text := "version " + common.ShortID(c.Current)
	if !c.CurrentCreated.IsZero() {
		text += " (created " + common.FormatWhen(c.CurrentCreated, r.env.Now()) + ")"
	}
	return text + " became AWSCURRENT after you loaded " + common.ShortID(c.Expected)
}

// saveFailureText says whether a failed save wrote anything.
func saveFailureText(k *keymap.KeyMap, err error) string {
	var e *aws.Error
	if errors.As(err, &e) && e.Unsaved {
		return "not saved: " + common.DescribeError(k, err) + " (confirm tries again)"
	}
	return "save outcome unknown: " + common.DescribeError(k, err)
}

// toggleReveal shows or masks the diff's values; showing is audited and
// masks again after the idle timeout.
func (r *Review) toggleReveal() tea.Cmd {
	r.Revealed = !r.Revealed
	r.revealSeq++
	r.refreshBody()
	if !r.Revealed {
		return nil
	}
	ev := audit.Event{
		Action: "reveal", Region: r.req.Target.Region, SecretARN: r.req.Target.ARN,
		VersionIDs: []string{r.req.LoadedID}, Outcome: "ok", Detail: "review of unsaved edits",
	}
	env, seq := r.env, r.revealSeq
	return tea.Batch(
		func() tea.Msg { env.Record(ev); return nil },
		tea.Tick(env.RevealTimeout, func(time.Time) tea.Msg { return reviewMaskMsg{owner: r, seq: seq} }),
	)
}

// HandleBack is esc when the name input does not have the keyboard: it
// cancels (never saves), except while the request is in flight.
func (r *Review) HandleBack() (bool, tea.Cmd) {
	if r.saving {
		return true, nil
	}
	return true, r.cancel()
}

// Close forgets the values when the review is closed.
func (r *Review) Close() {
	r.Revealed = false
	r.write.Seq++ // a put's result that arrives now is not for this review
}

// View renders the pane.
func (r *Review) View() string { return r.write.Pane.View() }

// SetSize gives the screen its room.
func (r *Review) SetSize(w, h int) {
	r.width, r.height = w, h
	r.write.Pane.SetSize(w, h)
}

// Title names the screen in the breadcrumb.
func (r *Review) Title() string { return "review" }

// Capturing is true while the production name input has the keyboard.
func (r *Review) Capturing() bool { return r.write.Pane.Capturing() }

// ShortHelp lists what can be done now.
func (r *Review) ShortHelp() []key.Binding {
	return r.write.RevealHelp()
}

// FullHelp lists every binding of the review.
func (r *Review) FullHelp() [][]key.Binding {
	k := r.env.Keys
	return [][]key.Binding{{k.Dialog.Yes, k.Dialog.No, k.Dialog.Switch}, {k.Common.Reveal, k.Input.Reveal}, {k.Nav.Up, k.Nav.Down, k.Common.Back}}
}
