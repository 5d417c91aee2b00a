package list

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/secret"
)

// handleKey routes a key to the open prompt, the filter input, or the list.
func (l *Screen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case l.prompt != nil:
		return l.promptKey(msg)
	case l.menu != nil:
		return l.menuKey(msg)
	case l.Table.Filtering():
		return l.handleInput(msg)
	}
	if l.only != nil {
		if handled, cmd := l.onlyKey(msg); handled {
			return cmd
		}
	}
	k := l.env.Keys
	t := l.Table
	if t.Navigate(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Nav.Open):
		if r := t.Selected(); r != nil && l.Store != nil {
			return common.Push(secret.NewDetail(l.env, l.Store, r.Summary()))
		}
	case key.Matches(msg, k.List.Filter):
		cmd := t.StartFilter()
		l.layoutTable()
		return cmd
	case key.Matches(msg, k.List.ServerFilter):
		l.prompt = form.NewPrompt(l.env, "Server filter (the listing restarts with it)",
			"e.g. name:prod/ tag-key:team description:orders — ! negates; keys: name description tag-key tag-value primary-region owning-service",
			FormatServerFilter(l.ListOpts.Filters))
		l.prompt.SetWidth(l.width)
		l.layoutTable()
		return l.prompt.Focus()
	case key.Matches(msg, k.List.Sort):
		l.ListOpts.SortBy = nextSortKey(l.ListOpts.SortBy)
		return l.applySort()
	case key.Matches(msg, k.List.SortOrder):
		if l.ListOpts.SortOrder == aws.SortDesc {
			l.ListOpts.SortOrder = aws.SortAsc
		} else {
			l.ListOpts.SortOrder = aws.SortDesc
		}
		return l.applySort()
	case key.Matches(msg, k.List.SortMenu):
		l.openSortMenu()
		return nil
	case key.Matches(msg, k.List.ShowDeleted):
		l.ListOpts.IncludePlannedDeletion = !l.ListOpts.IncludePlannedDeletion
		text := "hiding secrets scheduled for deletion"
		if l.ListOpts.IncludePlannedDeletion {
			text = "showing secrets scheduled for deletion"
		}
		return tea.Batch(common.Info(text), l.restart())
	case key.Matches(msg, k.Common.Refresh):
		if l.Store == nil && !l.Connecting {
			return common.Ask(common.ReconnectMsg{})
		}
		return l.restart()
	case key.Matches(msg, k.List.StopLoading):
		if l.Loading {
			l.stopLoading()
			l.Seq++ // the cancelled call's result is dropped
			l.Stopped = true
			return common.Info("stopped loading: " + CountText(len(t.Rows)) + " loaded")
		}
	case key.Matches(msg, k.List.Region):
		return common.Ask(common.PickRegionMsg{})
	case key.Matches(msg, k.List.AllRegions):
		return common.Ask(common.PickRegionMsg{Many: true})
	case key.Matches(msg, k.List.Profile):
		return common.Ask(common.PickProfileMsg{})
	case key.Matches(msg, k.List.Review):
		return l.openReview()
	case key.Matches(msg, k.Common.CopyName):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Summary(), r.Name(), "the name")
		}
	case key.Matches(msg, k.Common.CopyARN):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Summary(), r.ARN(), "the ARN")
		}
	case key.Matches(msg, k.Common.New):
		if l.Store == nil {
			return common.Warn("not connected yet: wait for the list to load, or press " + common.KeyHelp(k.Common.Refresh))
		}
		return dialog.OpenWrite(l.env, dialog.NewCreateScreen(l.env, l.Store, l.Region))
	case key.Matches(msg, k.Common.Delete):
		if r := t.Selected(); r != nil && l.Store != nil {
			return dialog.OpenWrite(l.env, dialog.NewDeleteScreen(l.env, l.Store, r.Summary()))
		}
	case key.Matches(msg, k.Common.Restore):
		if r := t.Selected(); r != nil && l.Store != nil {
			if r.DeletedDate().IsZero() {
				return common.Info(r.Name() + " is not scheduled for deletion; nothing to restore")
			}
			return dialog.OpenWrite(l.env, dialog.NewRestoreScreen(l.env, l.Store, r.Summary()))
		}
	}
	return nil
}

// copySecretRef copies a secret's name or ARN (not a secret value).
func copySecretRef(s aws.SecretSummary, text, what string) tea.Cmd {
	return func() tea.Msg {
		return common.CopyMsg{Text: text, What: what + " of " + s.Name, ARN: s.ARN, Region: s.Region}
	}
}

// handleInput passes a message to the focused input.
func (l *Screen) handleInput(msg tea.Msg) tea.Cmd {
	if l.prompt != nil {
		return l.promptKey(msg)
	}
	if !l.Table.Filtering() {
		return nil
	}
	cmd := l.Table.UpdateFilter(msg)
	l.layoutTable()
	return cmd
}

// promptKey handles a message while the server filter prompt is open.
func (l *Screen) promptKey(msg tea.Msg) tea.Cmd {
	res, cmd := l.prompt.Update(msg)
	switch res {
	case form.PromptCancelled:
		l.prompt = nil
		l.layoutTable()
		return nil
	case form.PromptSubmitted:
		filters, err := ParseServerFilter(l.prompt.Value())
		if err != nil {
			l.prompt.SetError(err.Error())
			return nil
		}
		l.prompt = nil
		l.ListOpts.Filters = filters
		l.layoutTable()
		text := "server filter cleared"
		if len(filters) > 0 {
			text = "server filter: " + FormatServerFilter(filters)
		}
		return tea.Batch(common.Info(text), l.restart())
	}
	return cmd
}
