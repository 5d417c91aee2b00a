// Package ui is smtui's terminal interface: a root App (the only tea.Model)
// routing to a stack of screens, over the aws.Store interface.
package ui

import (
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

// App is the root model: a stack of screens, the header, the status line,
// the error box, the help footer and the clipboard.
type App struct {
	env   *Env
	opts  Options
	stack []Screen

	width, height int

	status    statusMsg
	statusSeq int
	statusErr statusErrors // which screen's failure an error status shows
	errBox    *errorBoxMsg
	help      help.Model
	fullHelp  bool
	clipboard *clipboardManager
	quitArmed bool // a quit was refused once because of unsaved edits
	exit      exitState
}

// New builds the App. The first screen is the secret list of the first region.
func New(opts Options) *App {
	if opts.CallTimeout <= 0 {
		opts.CallTimeout = 15 * time.Second
	}
	if opts.RevealTimeout <= 0 {
		opts.RevealTimeout = 30 * time.Second
	}
	if opts.ClipboardTTL <= 0 {
		opts.ClipboardTTL = 30 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if len(opts.Editor) == 0 {
		opts.Editor = editorCommand(os.Getenv)
	}
	keys := keymap.Default()
	if opts.ReadOnly {
		keys.SetReadOnly()
	}
	env := &Env{
		Styles:        NewStyles(true),
		Keys:          keys,
		Now:           opts.Now,
		ReadOnly:      opts.ReadOnly,
		Profile:       opts.Profile,
		CallTimeout:   opts.CallTimeout,
		RevealTimeout: opts.RevealTimeout,
		ClipboardTTL:  opts.ClipboardTTL,
		Editor:        opts.Editor,
		Audit:         opts.Audit,
		Production:    matchesProduction(opts.ProdPatterns, opts.Profile),
	}
	a := &App{env: env, opts: opts, help: help.New()}
	a.help.Styles = env.Styles.Help
	a.clipboard = newClipboardManager(env, opts.Clipboard)
	a.stack = []Screen{newRootScreen(env, opts)}
	return a
}

// Init starts the first screen, asks the terminal for its background and
// shows the start-up notice, if any.
func (a *App) Init() tea.Cmd {
	var notice tea.Cmd
	if a.opts.Notice != "" {
		notice = warn(a.opts.Notice)
	}
	return tea.Batch(tea.RequestBackgroundColor, a.top().Init(), notice)
}

func (a *App) top() Screen { return a.stack[len(a.stack)-1] }

// Update routes a message: sizes and app-level messages first, then global
// keys, then the focused (top) screen for input, every screen for results.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.exit.signal != nil {
		// Stopping on a signal: nothing may reopen or redraw a value.
		if _, ok := msg.(tea.WindowSizeMsg); !ok {
			return a, nil
		}
	}
	switch msg := msg.(type) {
	case SignalMsg:
		return a, a.stopOnSignal(msg.Signal)
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		return a, nil
	case tea.BackgroundColorMsg:
		a.env.Styles = NewStyles(msg.IsDark())
		a.help.Styles = a.env.Styles.Help
		return a, nil
	case statusMsg:
		if msg.err != nil {
			msg.text, msg.err = describeError(a.env.Keys, msg.err), nil
		}
		a.statusErr.noteStatus(msg)
		return a, a.setStatus(msg)
	case statusExpiredMsg:
		if msg.seq == a.statusSeq {
			a.status = statusMsg{}
		}
		return a, nil
	case errorBoxMsg:
		a.errBox = &msg
		return a, nil
	case pushScreenMsg:
		a.stack = append(a.stack, msg.screen)
		a.layout()
		return a, msg.screen.Init()
	case replaceScreenMsg:
		a.stack[len(a.stack)-1] = msg.screen
		a.layout()
		return a, msg.screen.Init()
	case popScreenMsg:
		a.popScreen()
		return a, nil
	case copyMsg:
		return a, a.clipboard.copy(msg)
	case profileSwitchedMsg:
		a.env.Profile = msg.profile
		a.env.Account = ""
		a.env.Production = matchesProduction(a.opts.ProdPatterns, msg.profile)
		a.layout()
		return a, nil
	case secretsPageMsg:
		// The account is learnt from the first ARN listed: the production
		// guard matches account ids too, with no extra call to STS.
		if a.env.Account == "" && msg.err == nil && len(msg.page.Secrets) > 0 {
			a.noteAccount(accountOf(msg.page.Secrets[0].ARN))
		}
	case tea.KeyPressMsg:
		armed := a.quitArmed
		cmd := a.handleKey(msg)
		if armed {
			a.quitArmed = false // only two quits in a row leave with unsaved edits
		}
		return a, cmd
	case tea.MouseMsg, tea.PasteMsg:
		return a, a.updateTop(msg)
	}
	if o, ok := msg.(outcomeMsg); ok && a.statusErr.noteOutcome(o) && a.status.level == LevelError {
		a.clearStatus() // the retry worked: the old error is wrong now
	}
	if cmd, handled := a.clipboard.update(msg); handled {
		return a, cmd
	}
	return a, a.broadcast(msg)
}

func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &a.env.Keys.Common
	if key.Matches(msg, k.ForceQuit) {
		return a.quit()
	}
	if a.errBox != nil {
		// Any key closes the error box; the screen below is untouched.
		a.errBox = nil
		return nil
	}
	if !a.top().Capturing() {
		switch {
		case key.Matches(msg, k.Quit):
			return a.quit()
		case key.Matches(msg, k.Help):
			a.fullHelp = !a.fullHelp
			a.layout()
			return nil
		case key.Matches(msg, k.Back):
			if b, ok := a.top().(interface{ HandleBack() (bool, tea.Cmd) }); ok {
				if handled, cmd := b.HandleBack(); handled {
					return cmd
				}
			}
			if len(a.stack) > 1 {
				a.popScreen()
			}
			return nil
		}
	}
	return a.updateTop(msg)
}

// quit leaves the app, unless a screen holds unsaved edits: then the first
// press warns and only a second press in a row quits, so nothing typed is
// lost by a stray key.
func (a *App) quit() tea.Cmd {
	n := a.unsavedChanges()
	if n == 0 || a.quitArmed {
		return tea.Quit
	}
	a.quitArmed = true
	return warn(fmt.Sprintf("%d unsaved edit(s) — press %s again to discard them and quit, or save with %s",
		n, a.env.Keys.Common.Quit.Help().Key, a.env.Keys.Editing.Save.Help().Key))
}

// PendingClipboardClear reports a secret copy whose clearing was still due
// when the app stopped, so the caller can finish the job.
func (a *App) PendingClipboardClear() (PendingClear, bool) {
	return a.clipboard.pendingAtExit()
}

// noteAccount records the account id and turns the production guard on if
// the account matches a production pattern.
func (a *App) noteAccount(account string) {
	if account == "" {
		return
	}
	a.env.Account = account
	if !a.env.Production && matchesProduction(a.opts.ProdPatterns, account) {
		a.env.Production = true
		a.layout()
	}
}

func (a *App) popScreen() {
	if len(a.stack) <= 1 {
		return
	}
	if c, ok := a.top().(interface{ Close() }); ok {
		c.Close()
	}
	a.stack = a.stack[:len(a.stack)-1]
	a.layout()
}

func (a *App) updateTop(msg tea.Msg) tea.Cmd {
	i := len(a.stack) - 1
	s, cmd := a.stack[i].Update(msg)
	a.stack[i] = s
	return cmd
}

// broadcast hands a result message to every screen on the stack; each keeps
// only the results it asked for.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(a.stack))
	for i := range a.stack {
		s, cmd := a.stack[i].Update(msg)
		a.stack[i] = s
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (a *App) setStatus(msg statusMsg) tea.Cmd {
	a.statusSeq++
	a.status = msg
	if msg.ttl <= 0 {
		return nil
	}
	seq := a.statusSeq
	return tea.Tick(msg.ttl, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} })
}

// clearStatus empties the status line; a pending expiry of the old status
// no longer applies.
func (a *App) clearStatus() {
	a.statusSeq++
	a.status = statusMsg{}
}

// chromeHeight is the number of lines the header, banner, status line and
// help footer take.
func (a *App) chromeHeight() int {
	h := 2 // header + status line
	if a.env.Production {
		h++
	}
	return h + lipgloss.Height(a.helpView())
}

func (a *App) layout() {
	a.help.SetWidth(a.width)
	bodyH := max(a.height-a.chromeHeight(), 1)
	for _, s := range a.stack {
		s.SetSize(a.width, bodyH)
	}
}

func (a *App) helpView() string {
	if a.fullHelp {
		full := a.help.FullHelpView(a.top().FullHelp())
		if a.env.Audit != nil {
			// Where changes, reveals and copies are recorded (never values).
			full += "\n" + a.env.Styles.Muted.Render(cut("audit log: "+a.env.Audit.Path(), a.width))
		}
		return full
	}
	return a.shortHelpView()
}

// shortHelpView is the one-line footer: the top screen's main keys, as many
// as fit, and always "? help" last, so the rest of the keys are one press away
// however narrow the window.
func (a *App) shortHelpView() string {
	items := a.top().ShortHelp()
	more := a.env.Keys.Common.Help
	unbounded := a.help
	unbounded.SetWidth(0)
	for n := len(items); n > 0; n-- {
		line := unbounded.ShortHelpView(append(items[:n:n], more))
		if ansi.StringWidth(line) <= a.width {
			return line
		}
	}
	// cut so a narrow terminal never wraps the footer.
	return cut(unbounded.ShortHelpView([]key.Binding{more}), a.width)
}

// View renders the whole window. Its cost depends on the window's size, not
// on how many secrets are loaded: screens render only their visible rows.
func (a *App) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "smtui — " + a.titleTrail()
	if a.width == 0 || a.height == 0 || a.exit.signal != nil {
		return v
	}
	st := a.env.Styles
	parts := []string{a.headerView()}
	if a.env.Production {
		parts = append(parts, st.Banner.Width(a.width).Render(cut("PRODUCTION — every change asks you to type the secret's name", a.width-2)))
	}
	bodyH := max(a.height-a.chromeHeight(), 1)
	body := a.top().View()
	if a.errBox != nil {
		body = a.errorBoxView(bodyH)
	}
	parts = append(parts,
		lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(a.width).Render(body),
		a.statusView(),
		a.helpView(),
	)
	v.SetContent(lipgloss.JoinVertical(lipgloss.Left, parts...))
	return v
}

// crumbSep separates the screens' titles in the header and window title.
const crumbSep = " › "

func (a *App) titleTrail() string { return strings.Join(a.trailNames(), crumbSep) }

func (a *App) trailNames() []string {
	names := make([]string, 0, len(a.stack))
	for _, s := range a.stack {
		names = append(names, common.Sanitize(s.Title()))
	}
	return names
}

// fitTrail joins the titles in width cells, dropping the first ones ("… › ")
// before cutting the last.
func fitTrail(names []string, width int) string {
	for i := range names {
		t := strings.Join(names[i:], crumbSep)
		if i > 0 {
			t = "…" + crumbSep + t
		}
		if ansi.StringWidth(t) <= width {
			return t
		}
	}
	if len(names) == 0 {
		return ""
	}
	return cut(names[len(names)-1], width)
}

func (a *App) headerView() string {
	st := a.env.Styles
	left := "smtui"
	if a.opts.Demo {
		left += " [demo]"
	}
	if a.env.ReadOnly {
		left += " [read-only]"
	}
	profile := a.env.Profile
	if profile == "" {
		profile = "default"
	}
	// Where the operator is matters more than the account: on a narrow
	// window the account goes first, then the profile, and the trail keeps
	// its end (the screen on top).
	rights := []string{"profile " + common.Sanitize(profile)}
	if a.env.Account != "" {
		rights = append([]string{rights[0] + " · " + common.Sanitize(a.env.Account)}, rights...)
	}
	rights = append(rights, "")
	trail := a.trailNames()
	var right string
	avail := 0
	for _, right = range rights {
		avail = a.width - 2 - ansi.StringWidth(left) - ansi.StringWidth(right) - 4
		if avail >= min(24, ansi.StringWidth(strings.Join(trail, crumbSep))) {
			break
		}
	}
	line := left + "  " + fitTrail(trail, max(avail, 0))
	gap := a.width - 2 - ansi.StringWidth(line) - ansi.StringWidth(right)
	if gap < 1 {
		line = cut(line, a.width-2)
	} else {
		line += strings.Repeat(" ", gap) + right
	}
	return st.Header.Width(a.width).Render(line)
}

func (a *App) statusView() string {
	st := a.env.Styles
	text := common.Sanitize(a.status.text) // may quote names, labels and AWS messages
	style := st.StatusBar
	switch a.status.level {
	case LevelSuccess:
		style = style.Inherit(st.Success)
	case LevelWarning:
		style = style.Inherit(st.Warning)
	case LevelError:
		style = style.Inherit(st.Error)
	default:
		style = style.Inherit(st.Info)
	}
	return style.Width(a.width).Render(cut(text, a.width-2))
}

func (a *App) errorBoxView(height int) string {
	st := a.env.Styles
	w := min(a.width-4, 72)
	body := st.Error.Render(common.Sanitize(a.errBox.title)) + "\n\n" +
		lipgloss.Wrap(describeError(a.env.Keys, a.errBox.err), max(w-4, 10), " ") +
		"\n\n" + st.Muted.Render("press any key to close")
	return lipgloss.Place(a.width, height, lipgloss.Center, lipgloss.Center, st.ErrorBox.Width(w).Render(body))
}

// cut shortens s to at most w cells, with an ellipsis when it had to cut.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}
