// Package ui is smtui's terminal interface: a root App (the only tea.Model)
// routing to a stack of screens, over the aws.Store interface.
package ui

import (
	"fmt"
	"os"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/clipboard"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/list"
	"github.com/smtui/smtui/ui/pages/secret"
)

// App is the root model: a stack of screens, the header, the status line,
// the error box, the help footer and the clipboard.
type App struct {
	env     *common.Env
	opts    Options
	session *session // profile, region, account, Store: session.go
	stack   []common.Screen

	width, height int

	status       common.StatusMsg
	statusSeq    int
	inputSeq     int          // counts the operator's key presses and clicks
	statusInput  int          // inputSeq when the status was set: status.go
	statusErr    statusErrors // which screen's failure an error status shows
	errBox       *common.ErrorBoxMsg
	errScroll    int                 // first line of the error box shown
	lastErr      *common.ErrorBoxMsg // the latest error reported, for Common.ErrorDetail
	statusHasErr bool                // the status line shows lastErr
	help         help.Model
	helpL        helpLayer // the full-screen help: help.go
	clipboard    *clipboard.Manager
	quitArmed    bool // a quit was refused once because of unsaved edits
	exit         exitState
	chrome       chromeMemo // the chrome's last drawn lines: app_memo.go
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
	if opts.StatusErrorTTL <= 0 {
		opts.StatusErrorTTL = 15 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if len(opts.Editor) == 0 {
		opts.Editor = secret.EditorCommand(os.Getenv)
	}
	keys := keymap.Default()
	if opts.ReadOnly {
		keys.SetReadOnly()
	}
	env := &common.Env{Settings: common.Settings{
		Styles:        common.NewStyles(true),
		Keys:          keys,
		Now:           opts.Now,
		ReadOnly:      opts.ReadOnly,
		CallTimeout:   opts.CallTimeout,
		RevealTimeout: opts.RevealTimeout,
		ClipboardTTL:  opts.ClipboardTTL,
		Editor:        opts.Editor,
		ListMode:      opts.ListMode,
		ListCache:     opts.ListCache,
		Audit:         opts.Audit,
		ProdPatterns:  opts.ProdPatterns,
	}}
	a := &App{env: env, opts: opts, session: newSession(env, opts), help: help.New()}
	a.help.Styles = env.Styles.Help
	a.clipboard = clipboard.NewManager(clipboardConfig(env), opts.Clipboard)
	a.stack = []common.Screen{list.NewRootScreen(env, a.session.region)}
	return a
}

// Init starts the first screen, connects the session, asks the terminal for
// its background and shows the start-up notice, if any.
func (a *App) Init() tea.Cmd {
	var notice tea.Cmd
	if a.opts.Notice != "" {
		notice = common.Warn(a.opts.Notice)
	}
	return tea.Batch(tea.RequestBackgroundColor, a.top().Init(), a.connect(""), notice)
}

func (a *App) top() common.Screen { return a.stack[len(a.stack)-1] }

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
		a.env.Styles = common.NewStyles(msg.IsDark())
		a.help.Styles = a.env.Styles.Help
		return a, nil
	case common.StatusMsg:
		hasErr := msg.Err != nil
		var signIn tea.Cmd
		if hasErr {
			a.noteError("", msg.Err)
			// A call on any screen that failed on expired SSO or MFA
			// credentials offers the log-in, as a failed listing does.
			if aws.KindOf(msg.Err) == aws.KindCredentials && !msg.SignInOffered {
				signIn = a.offerSignIn(msg.Err)
			}
			msg.Text, msg.Err = common.DescribeError(a.env.Keys, msg.Err), nil
		}
		a.statusErr.noteStatus(msg)
		cmd := a.setStatus(msg)
		a.statusHasErr = hasErr
		return a, tea.Batch(cmd, signIn)
	case common.StatusExpiredMsg:
		if msg.Seq == a.statusSeq {
			a.clearStatus()
		}
		return a, nil
	case common.ErrorBoxMsg:
		a.noteError(msg.Title, msg.Err)
		a.openErrorBox(msg)
		return a, nil
	case common.PushScreenMsg:
		return a, a.pushScreen(msg.Screen)
	case common.ReplaceScreenMsg:
		a.stack[len(a.stack)-1] = msg.Screen
		a.screenChanged()
		a.layout()
		return a, msg.Screen.Init()
	case common.PopScreenMsg:
		a.popScreen()
		return a, nil
	case common.CopyMsg:
		return a, a.clipboard.Copy(clipboard.Request{Text: msg.Text, What: msg.What, Secret: msg.Secret,
			ARN: msg.ARN, Region: msg.Region, Version: msg.Version})
	case clipboard.Notice:
		return a.Update(clipboardStatus(msg))
	case tea.KeyPressMsg:
		a.inputSeq++
		armed := a.quitArmed
		cmd := a.handleKey(msg)
		if armed {
			a.quitArmed = false // only two quits in a row leave with unsaved edits
		}
		return a, cmd
	case tea.MouseMsg:
		if _, click := msg.(tea.MouseClickMsg); click {
			a.inputSeq++
		}
		if a.helpL.open {
			a.helpMouse(msg) // the help is a layer: the screen below is untouched
			return a, nil
		}
		return a, a.updateTop(msg)
	case tea.PasteMsg:
		if a.helpL.open {
			return a, nil
		}
		return a, a.updateTop(msg)
	}
	if o, ok := msg.(common.OutcomeMsg); ok && a.statusErr.noteOutcome(o) && a.status.Level == common.LevelError {
		a.clearStatus() // the retry worked: the old error is wrong now
	}
	if cmd, handled := a.clipboard.Update(msg); handled {
		return a, cmd
	}
	if cmd, handled := a.updateSession(msg); handled {
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
		// The error box is a layer: it takes every key, the screen below
		// is untouched.
		return a.errorBoxKey(msg)
	}
	if a.helpL.open {
		// So is the help: its keys scroll or close it, the rest are dropped.
		a.helpKey(msg)
		return nil
	}
	if !a.top().Capturing() {
		if cmd, refused := a.refuseReadOnly(msg); refused {
			return cmd
		}
		switch {
		case key.Matches(msg, k.ErrorDetail):
			return a.openLastError()
		case key.Matches(msg, k.WhyDenied):
			return a.openAccessDiagnosis()
		case key.Matches(msg, k.Quit) && !common.IsLayer(a.top()):
			return a.quit()
		case key.Matches(msg, k.Help):
			a.openHelp()
			return nil
		case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
			// In a dialog or picker layer, quit closes the layer like back.
			if b, ok := a.top().(common.BackHandler); ok {
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
	return common.Warn(fmt.Sprintf("%d unsaved edit(s) — press %s again to discard them and quit, or save with %s",
		n, a.env.Keys.Common.Quit.Help().Key, a.env.Keys.Editing.Save.Help().Key))
}

// PendingClipboardClear reports a secret copy whose clearing was still due
// when the app stopped, so the caller can finish the job.
func (a *App) PendingClipboardClear() (clipboard.PendingClear, bool) {
	return a.clipboard.PendingAtExit()
}

// pushScreen opens a screen on top of the stack.
func (a *App) pushScreen(s common.Screen) tea.Cmd {
	a.stack = append(a.stack, s)
	a.screenChanged()
	a.layout()
	return s.Init()
}

func (a *App) popScreen() {
	if len(a.stack) <= 1 {
		return
	}
	if c, ok := a.top().(common.Closer); ok {
		c.Close()
	}
	a.stack = a.stack[:len(a.stack)-1]
	a.screenChanged()
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

func (a *App) layout() {
	a.help.SetWidth(a.width)
	bodyH := max(a.height-a.chromeHeight(), 1)
	for _, s := range a.stack {
		s.SetSize(screenWidth(s, a.width), bodyH)
	}
	if a.helpL.open {
		a.clampHelp() // a resize may leave the help scrolled past its end
	}
}
