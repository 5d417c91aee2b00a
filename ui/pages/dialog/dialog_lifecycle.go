package dialog

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
)

// A write dialog goes load → choose → confirm → apply → audit → announce.
// Choosing is the dialog's own; Lifecycle holds the rest, the same for
// every dialog: the load (a fetch tagged with the dialog's latest load), the
// confirmation pane (which decides the production guard itself), the busy
// state, running the call in a command under the per-call timeout, the
// tagged result and its owner/seq check, the audit record with the outcome,
// and on success the dialog's announcement. On failure the pane stays open
// with the error, so nothing typed is lost, and the status line says what
// went wrong. It knows no dialog: it moves as it is to ui/pages/dialog.

// WriteOp is the write a dialog asks for once the operator confirmed.
type WriteOp struct {
	// Busy is shown in the pane while the call runs ("restoring x…").
	Busy string
	// Call does the write; it runs in a command, never in Update.
	Call func(ctx context.Context) (any, error)
	// Audit is the event recorded for the attempt; its Outcome is set from
	// the call's error. It names the secret and versions, never a value.
	Audit audit.Event
	// AuditResult, when set, completes the event from the call's result,
	// failed or not (e.g. the ARN of a secret just created).
	AuditResult func(ev *audit.Event, val any)
	// Done is the announcement on success, given the call's result:
	// typically announce(ref, text), or a dialog's own next step.
	Done func(val any) tea.Cmd
	// Fail, when set, replaces the usual failure (the error in the pane and
	// the status line) for a dialog that has more to say.
	Fail func(err error) tea.Cmd
}

// WrittenMsg is a write's result, tagged with the dialog that ran it.
type WrittenMsg struct {
	owner common.Screen
	seq   int
	val   any
	err   error
}

// Lifecycle is a write dialog's lifecycle. A dialog embeds one (by value),
// loads with load or describe, opens the pane with open, feeds it key
// presses with update, and hands it other messages with forward (or every
// WrittenMsg with result).
type Lifecycle struct {
	env   *common.Env
	owner common.Screen
	Pane  *confirm.Pane // nil while the dialog is loading or choosing
	op    WriteOp       // the write in flight or last run
	Seq   int           // the latest write's
	// loadSeq is the latest load's (load, describe): a dialog that reads
	// afresh drops older answers.
	loadSeq int
	Done    bool // the write succeeded: the dialog ignores further keys

	width, height int
}

// NewLifecycle starts the lifecycle of owner's write.
func NewLifecycle(env *common.Env, owner common.Screen) Lifecycle {
	return Lifecycle{env: env, owner: owner}
}

// open shows the confirmation pane; its command focuses the name guard.
func (w *Lifecycle) open(title string, body []string, opts confirm.Options) tea.Cmd {
	w.Done = false
	w.Pane = confirm.NewPane(w.env, title, body, opts)
	w.Pane.SetSize(w.width, w.height)
	return w.Pane.Init()
}

// update passes a message to the pane. When the operator confirms, it runs
// the write op() describes and reports confirmAccepted; on confirmDeclined
// the dialog decides (close the pane, or the dialog).
func (w *Lifecycle) update(msg tea.Msg, op func() WriteOp) (confirm.Result, tea.Cmd) {
	if w.Pane == nil || w.Done {
		return confirm.ConfirmOpen, nil
	}
	res, cmd := w.Pane.Update(msg)
	if res == confirm.ConfirmAccepted {
		return res, w.Run(op())
	}
	return res, cmd
}

// Run shows op's busy text and runs its call under the per-call timeout.
// The command records the audit event as soon as the call returns, so the
// attempt is in the log even if the dialog is gone when the result arrives.
func (w *Lifecycle) Run(op WriteOp) tea.Cmd {
	w.Seq++
	w.op = op
	if w.Pane != nil {
		w.Pane.SetBusy(op.Busy)
	}
	env, owner, seq := w.env, w.owner, w.Seq
	return func() tea.Msg {
		ctx, cancel := env.Context()
		defer cancel()
		v, err := op.Call(ctx)
		if op.Audit.Action != "" {
			ev := op.Audit
			if op.AuditResult != nil {
				op.AuditResult(&ev, v)
			}
			ev.Outcome = common.OutcomeOf(err)
			env.Record(ev)
		}
		return WrittenMsg{owner: owner, seq: seq, val: v, err: err}
	}
}

// Result takes a write's result: ok is false when it is not this dialog's
// latest. It shows the error in the pane (or hands it to op.fail), or marks
// the dialog done and returns its announcement.
func (w *Lifecycle) Result(msg WrittenMsg) (cmd tea.Cmd, ok bool) {
	if msg.owner != w.owner || msg.seq != w.Seq {
		return nil, false
	}
	if msg.err != nil {
		if w.op.Fail != nil {
			return w.op.Fail(msg.err), true
		}
		if w.Pane != nil {
			w.Pane.SetError(msg.err)
		}
		return common.Failed(msg.err), true
	}
	w.Done = true
	if w.op.Done == nil {
		return nil, true
	}
	return w.op.Done(msg.val), true
}

// announce is the usual end of a write: the secret changed, a success
// status, and the dialog closes.
func announce(ref aws.SecretRef, text string) tea.Cmd {
	return tea.Batch(common.Changed(ref.Region, ref.ID()), common.Success(text), common.Pop())
}

// busy reports whether a write is in flight.
func (w *Lifecycle) busy() bool { return w.Pane != nil && w.Pane.Busy != "" }

// setSize gives the pane its box.
func (w *Lifecycle) setSize(width, height int) {
	w.width, w.height = width, height
	if w.Pane != nil {
		w.Pane.SetSize(width, height)
	}
}

// capturing reports whether the pane's name guard has the keyboard.
func (w *Lifecycle) capturing() bool { return w.Pane != nil && w.Pane.Capturing() }

// close drops the pane unless a write is in flight, and reports whether
// there was one (then esc goes no further).
func (w *Lifecycle) close() bool { return confirm.ClosePane(&w.Pane) }

// shortHelp is the pane's short help, or fallback while there is no pane.
func (w *Lifecycle) shortHelp(fallback ...key.Binding) []key.Binding {
	if w.Pane != nil {
		return w.Pane.ShortHelp()
	}
	return fallback
}

// RevealHelp is the short help of a pane whose body can reveal values (a
// diff): the name guard's keys or yes/no, each with reveal.
func (w *Lifecycle) RevealHelp() []key.Binding {
	k := w.env.Keys
	if w.Pane == nil {
		return []key.Binding{k.Common.Back}
	}
	reveal := k.Common.Reveal
	if w.capturing() {
		reveal = k.Input.Reveal
	}
	return append(w.Pane.AnswerHelp(), reveal, k.Dialog.Switch)
}

// ProductionGuard asks for the secret's name before action on a production
// account; the pane decides whether the account is one.
func ProductionGuard(name, action string) *confirm.NameGuard {
	return &confirm.NameGuard{Name: name, Reason: "Production account: type the secret's name to " + action}
}

// refOf names the secret of a summary, with the store's region when the
// summary carries none (a summary built from an operator's input).
func refOf(s aws.SecretSummary, store aws.Store) aws.SecretRef {
	ref := s.Ref()
	if ref.Region == "" && store != nil {
		ref.Region = store.Region()
	}
	return ref
}

// outcome lets the App clear a write's error status once a retry succeeds.
func (m WrittenMsg) Outcome() (any, error) { return m.owner, m.err }

// load reads what a dialog shows before its choice (the load step), in a
// command tagged with the dialog's latest load; isLoad recognises it.
func load[T any](w *Lifecycle, read func(ctx context.Context) (T, error)) tea.Cmd {
	w.loadSeq++
	return common.Fetch(w.env, w.owner, w.loadSeq, read)
}

// isLoad reports whether msg answers the dialog's latest load.
func isLoad[T any](w *Lifecycle, msg common.ResultMsg[T]) bool {
	return msg.IsFor(w.owner, w.loadSeq)
}

// describe reads the dialog's secret afresh (the usual load step).
func (w *Lifecycle) describe(store aws.Store, ref aws.SecretRef) tea.Cmd {
	return load(w, func(ctx context.Context) (aws.Secret, error) { return store.DescribeSecret(ctx, ref.ID()) })
}

// forward takes what the lifecycle handles for the dialog: a write's
// result, and any other message but a key press while the pane is open (a
// dialog handles its keys itself, and calls update for the pane's).
func (w *Lifecycle) forward(msg tea.Msg, op func() WriteOp) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case WrittenMsg:
		cmd, _ := w.Result(msg)
		return cmd, true
	case tea.KeyPressMsg:
		return nil, false
	}
	if w.Pane == nil {
		return nil, false
	}
	_, cmd := w.update(msg, op)
	return cmd, true
}
