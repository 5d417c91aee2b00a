package dialog

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

func (s *TagsScreen) ask(p tagPrompt, value string) tea.Cmd {
	s.Prompt = p
	s.inputErr = ""
	s.input.SetValue(value)
	s.input.CursorEnd()
	return s.input.Focus()
}

func (s *TagsScreen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.env.Keys
	switch {
	case key.Matches(msg, k.Input.Cancel):
		s.Prompt = PromptNone
		s.input.Blur()
		return nil
	case key.Matches(msg, k.Input.Submit):
		return s.submitPrompt()
	}
	s.inputErr = ""
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// index is the row with key k, or -1.
func (s *TagsScreen) index(k string) int {
	for i, r := range s.rows {
		if r.key == k {
			return i
		}
	}
	return -1
}

func (s *TagsScreen) submitPrompt() tea.Cmd {
	text := strings.TrimSpace(s.input.Value())
	cur := s.list.Selected()
	switch s.Prompt {
	case promptAddKey, promptRenameKey:
		if msg := checkTag(aws.Tag{Key: text}); msg != "" {
			s.inputErr = msg
			return nil
		}
		if i := s.index(text); i >= 0 && !(s.Prompt == promptRenameKey && i == cur) {
			s.inputErr = "tag " + text + " already exists; edit it instead"
			return nil
		}
		if s.Prompt == promptAddKey {
			s.newKey = text
			return s.ask(promptAddValue, "")
		}
		old := s.rows[cur]
		if text != old.key {
			// A rename is the old key removed and the new one added.
			s.rows[cur].removed = old.existing
			if !old.existing {
				s.rows = append(s.rows[:cur], s.rows[cur+1:]...)
			}
			s.rows = append(s.rows, tagRow{key: text, value: old.value})
		}
	case promptAddValue:
		if msg := checkTag(aws.Tag{Key: s.newKey, Value: text}); msg != "" {
			s.inputErr = msg
			return nil
		}
		s.rows = append(s.rows, tagRow{key: s.newKey, value: text})
		s.list.Cursor = len(s.rows) - 1
	case promptEditValue:
		if msg := checkTag(aws.Tag{Key: s.rows[cur].key, Value: text}); msg != "" {
			s.inputErr = msg
			return nil
		}
		s.rows[cur].value = text
	}
	s.Prompt = PromptNone
	s.input.Blur()
	s.refresh()
	return nil
}
