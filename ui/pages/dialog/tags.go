package dialog

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/form"
)

// tagState is how a tag differs from what AWS has.
type tagState int

const (
	tagSame tagState = iota
	tagAdded
	tagChanged
	tagRemoved
)

// tagRow is one tag as edited.
type tagRow struct {
	key, value string
	orig       string // the value AWS has (for existing tags)
	existing   bool
	removed    bool
}

func (r tagRow) state() tagState {
	switch {
	case r.removed:
		return tagRemoved
	case !r.existing:
		return tagAdded
	case r.value != r.orig:
		return tagChanged
	}
	return tagSame
}

// tagPrompt is what the text input is asking for.
type tagPrompt int

const (
	PromptNone tagPrompt = iota
	promptAddKey
	promptAddValue
	promptEditValue
	promptRenameKey
)

// TagsScreen adds, changes and removes a secret's tags, validated locally,
// shows the pending changes, and applies them with TagSecret (added and
// changed) and UntagSecret (removed) after checking that nobody changed the
// tags meanwhile.
type TagsScreen struct {
	env    *common.Env
	store  aws.Store
	secret aws.Secret
	ref    aws.SecretRef

	rows     []tagRow
	list     *confirm.ChoiceList
	Prompt   tagPrompt
	input    textinput.Model
	inputErr string
	newKey   string // the key being added
	write    Lifecycle
	loading  bool
	loadErr  error

	width, height int
}

// NewTagsScreen opens the tag editor for secret.
func NewTagsScreen(env *common.Env, store aws.Store, secret aws.Secret) *TagsScreen {
	s := &TagsScreen{env: env, store: store, secret: secret, ref: refOf(secret.SecretSummary, store), loading: true}
	s.write = NewLifecycle(env, s)
	s.input = textinput.New()
	s.input.Prompt = "› "
	s.list = confirm.NewChoiceList(env, nil)
	s.setTags(secret.Tags)
	return s
}

// setTags starts the editing from tags as AWS has them.
func (s *TagsScreen) setTags(tags []aws.Tag) {
	s.rows = s.rows[:0]
	for _, t := range tags {
		s.rows = append(s.rows, tagRow{key: t.Key, value: t.Value, orig: t.Value, existing: true})
	}
	sort.SliceStable(s.rows, func(i, j int) bool { return s.rows[i].key < s.rows[j].key })
	s.refresh()
}

// refresh rebuilds the rows' display after a change.
func (s *TagsScreen) refresh() {
	st := s.env.Styles
	items := make([]confirm.Choice, len(s.rows))
	for i, r := range s.rows {
		var text string
		k, v, orig := common.Sanitize(r.key), common.Sanitize(r.value), common.Sanitize(r.orig)
		switch r.state() {
		case tagAdded:
			text = st.Added.Render("+ " + k + " = " + v)
		case tagChanged:
			text = st.Changed.Render("~ "+k+" = "+v) + st.Muted.Render("  (was "+orig+")")
		case tagRemoved:
			text = st.Removed.Render("- " + k + " = " + orig)
		default:
			text = st.Text.Render("  " + k + " = " + v)
		}
		items[i] = confirm.Choice{Text: text}
	}
	cursor := s.list.Cursor
	s.list = confirm.NewChoiceList(s.env, items)
	s.list.SetHeight(max(s.height-9, 1))
	s.list.SetCursor(min(cursor, len(items)-1))
}

// Init reads the tags afresh, so the changes are made against AWS's state.
func (s *TagsScreen) Init() tea.Cmd {
	return s.write.describe(s.store, s.ref)
}

// Update handles results and keys.
func (s *TagsScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultMsg[aws.Secret]:
		if !isLoad(&s.write, msg) {
			return s, nil
		}
		s.loading = false
		if msg.Err != nil {
			s.loadErr = msg.Err
			return s, common.Failed(msg.Err)
		}
		s.secret.Tags = msg.Val.Tags
		s.setTags(msg.Val.Tags)
		return s, nil
	case WrittenMsg:
		cmd, _ := s.write.Result(msg)
		return s, cmd
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	}
	switch {
	case s.write.Pane != nil:
		_, cmd := s.write.update(msg, s.op)
		return s, cmd
	case s.Prompt != PromptNone:
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return s, cmd
	}
	s.list.Update(msg)
	return s, nil
}

func (s *TagsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.write.Done || s.loading || s.loadErr != nil {
		return nil
	}
	if s.write.Pane != nil {
		res, cmd := s.write.update(msg, s.op)
		if res == confirm.ConfirmDeclined {
			s.write.Pane = nil
		}
		return cmd
	}
	if s.Prompt != PromptNone {
		return s.promptKey(msg)
	}
	k := s.env.Keys
	cur := s.list.Selected()
	switch {
	case key.Matches(msg, k.Editing.AddField):
		if s.activeCount() >= createMaxTags {
			return common.Warn("a secret can have at most 50 tags; remove one first")
		}
		return s.ask(promptAddKey, "")
	case key.Matches(msg, k.Editing.Edit), key.Matches(msg, k.Nav.Open):
		if cur < 0 {
			return nil
		}
		if msg := s.editable(cur); msg != "" {
			return common.Warn(msg)
		}
		return s.ask(promptEditValue, s.rows[cur].value)
	case key.Matches(msg, k.Editing.Rename):
		if cur < 0 {
			return nil
		}
		if msg := s.editable(cur); msg != "" {
			return common.Warn(msg)
		}
		return s.ask(promptRenameKey, s.rows[cur].key)
	case key.Matches(msg, k.Editing.DelField):
		if cur < 0 {
			return nil
		}
		r := &s.rows[cur]
		if isAWSTag(r.key) {
			return common.Warn("tags starting with aws: are managed by AWS and can't be removed here")
		}
		if !r.existing {
			s.rows = append(s.rows[:cur], s.rows[cur+1:]...)
		} else {
			r.removed = !r.removed
			r.value = r.orig
		}
		s.refresh()
		return nil
	case key.Matches(msg, k.Editing.Save):
		return s.review()
	}
	s.list.Update(msg)
	return nil
}

func isAWSTag(k string) bool { return strings.HasPrefix(strings.ToLower(k), "aws:") }

// editable says why row i can't be edited, or "".
func (s *TagsScreen) editable(i int) string {
	switch {
	case isAWSTag(s.rows[i].key):
		return "tags starting with aws: are managed by AWS and can't be changed here"
	case s.rows[i].removed:
		return "this tag is marked for removal; press " + s.env.Keys.Editing.DelField.Help().Key + " to keep it"
	}
	return ""
}

// activeCount is how many tags there will be.
func (s *TagsScreen) activeCount() int {
	n := 0
	for _, r := range s.rows {
		if !r.removed {
			n++
		}
	}
	return n
}

// changes splits the edits into tags to set and keys to remove.
func (s *TagsScreen) changes() (set []aws.Tag, remove []string, lines []string) {
	st := s.env.Styles
	for _, r := range s.rows {
		k, v, orig := common.Sanitize(r.key), common.Sanitize(r.value), common.Sanitize(r.orig)
		switch r.state() {
		case tagAdded:
			set = append(set, aws.Tag{Key: r.key, Value: r.value})
			lines = append(lines, st.Added.Render("+ add     "+k+" = "+v))
		case tagChanged:
			set = append(set, aws.Tag{Key: r.key, Value: r.value})
			lines = append(lines, st.Changed.Render("~ change  "+k+": "+orig+" → "+v))
		case tagRemoved:
			remove = append(remove, r.key)
			lines = append(lines, st.Removed.Render("- remove  "+k+" (was "+orig+")"))
		}
	}
	return set, remove, lines
}

func (s *TagsScreen) review() tea.Cmd {
	set, remove, lines := s.changes()
	if len(set) == 0 && len(remove) == 0 {
		return common.Info("no tag changes to apply")
	}
	var all []aws.Tag
	for _, r := range s.rows {
		if !r.removed {
			all = append(all, aws.Tag{Key: r.key, Value: r.value})
		}
	}
	if msg := checkTags(all); msg != "" {
		return common.Warn(msg)
	}
	body := append([]string{s.env.Styles.Text.Render("These changes will be applied to " + common.Sanitize(s.ref.String()) + " (" + s.ref.Region + "):"), ""}, lines...)
	return s.write.open("Tags of "+s.ref.String(), body, confirm.Options{ConfirmLabel: "Apply " + common.Plural(len(set)+len(remove), "change"),
		Guard: ProductionGuard(s.ref.String(), "change its tags")})
}

// HandleBack closes the confirmation before the screen.
func (s *TagsScreen) HandleBack() (bool, tea.Cmd) {
	return s.write.close(), nil
}

// View renders the tag list, the prompt or the confirmation.
func (s *TagsScreen) View() string {
	st := s.env.Styles
	switch {
	case s.write.Pane != nil:
		return s.write.Pane.View()
	case s.loadErr != nil:
		return confirm.Notice(s.env, s.width, "Tags of "+s.ref.String(), []string{st.Error.Render(common.DescribeError(s.env.Keys, s.loadErr))})
	case s.loading:
		return confirm.Notice(s.env, s.width, "Tags of "+s.ref.String(), []string{st.Muted.Render("reading the tags…")})
	}
	w := max(s.width-4, 6)
	k := s.env.Keys
	lines := []string{st.Title.Render(common.Cut("Tags of "+common.Sanitize(s.ref.String()), w)), st.Muted.Render(common.Cut(common.Plural(s.activeCount(), "tag")+" (50 at most)", w)), ""}
	if len(s.rows) == 0 {
		lines = append(lines, st.Muted.Render("no tags"))
	}
	lines = append(lines, s.list.Lines(w)...)
	if s.Prompt != PromptNone {
		title := map[tagPrompt]string{promptAddKey: "New tag key (1-128 characters)", promptAddValue: "Value for " + common.Sanitize(s.newKey) + " (0-256 characters)",
			promptEditValue: "New value", promptRenameKey: "New key"}[s.Prompt]
		lines = append(lines, "", st.Section.Render(common.Cut(title, w)), form.SafeInputView(st, s.input))
		if s.inputErr != "" {
			lines = append(lines, common.WrapText(st.Error.Render(s.inputErr), w)...)
		}
		lines = append(lines, st.Muted.Render(common.Cut(common.HelpLine(k.Input.Submit, k.Input.Cancel), w)))
	} else {
		if _, _, pending := s.changes(); len(pending) > 0 {
			lines = append(lines, "", st.Warning.Render(common.Cut(common.Plural(len(pending), "pending change")+": "+k.Editing.Save.Help().Key+" to review and apply", w)))
		}
		lines = append(lines, "", st.Muted.Render(common.Cut(common.HelpLine(append(s.tagKeys(), k.Common.Back)...), w)))
	}
	return st.Pane.Width(max(s.width, 10)).Render(strings.Join(lines, "\n"))
}

// SetSize gives the screen its share of the window.
func (s *TagsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(h-9, 1))
	s.input.SetWidth(max(w-10, 4))
	s.write.setSize(w, h)
}

// Title names the screen in the breadcrumb.
func (s *TagsScreen) Title() string { return "tags" }

// Capturing is true while a key or value is typed, or the name guard has focus.
func (s *TagsScreen) Capturing() bool {
	if s.write.Pane != nil {
		return s.write.capturing()
	}
	return s.Prompt != PromptNone
}

// ShortHelp lists the main bindings.
func (s *TagsScreen) ShortHelp() []key.Binding {
	k := s.env.Keys
	switch {
	case s.write.Pane != nil:
		return s.write.Pane.ShortHelp()
	case s.Prompt != PromptNone:
		return []key.Binding{k.Input.Submit, k.Input.Cancel}
	}
	return append(s.tagKeys(), k.Common.Back)
}

// tagKeys are the value editor's bindings, described for tags.
func (s *TagsScreen) tagKeys() []key.Binding {
	k := s.env.Keys.Editing
	return []key.Binding{common.WithHelpDesc(k.AddField, "add tag"), common.WithHelpDesc(k.Edit, "edit value"),
		common.WithHelpDesc(k.Rename, "rename key"), common.WithHelpDesc(k.DelField, "delete tag"), common.WithHelpDesc(k.Save, "review & apply")}
}

// FullHelp lists every binding of the screen.
func (s *TagsScreen) FullHelp() [][]key.Binding {
	k := s.env.Keys
	return [][]key.Binding{s.tagKeys(), {k.Nav.Up, k.Nav.Down}, {k.Common.Back}}
}
