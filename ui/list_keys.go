package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/form"
)

// handleKey routes a key to the open prompt, the filter input, or the list.
func (l *listScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case l.prompt != nil:
		return l.promptKey(msg)
	case l.table.Filtering():
		return l.handleInput(msg)
	}
	k := l.env.Keys
	t := l.table
	if t.Navigate(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Nav.Open):
		if r := t.Selected(); r != nil && l.store != nil {
			return common.Push(newDetailScreen(l.env, l.store, r.Sum))
		}
	case key.Matches(msg, k.List.Filter):
		cmd := t.StartFilter()
		l.layoutTable()
		return cmd
	case key.Matches(msg, k.List.ServerFilter):
		l.prompt = form.NewPrompt(l.env, "Server filter (the listing restarts with it)",
			"e.g. name:prod/ tag-key:team description:orders — ! negates; keys: name description tag-key tag-value primary-region owning-service",
			formatServerFilter(l.listOpts.Filters))
		l.prompt.SetWidth(l.width)
		l.layoutTable()
		return l.prompt.Focus()
	case key.Matches(msg, k.List.Sort):
		l.listOpts.SortBy = nextSortKey(l.listOpts.SortBy)
		return tea.Batch(common.Info("sorted by "+sortName(l.listOpts.SortBy)), l.restart())
	case key.Matches(msg, k.List.SortOrder):
		if l.listOpts.SortOrder == aws.SortDesc {
			l.listOpts.SortOrder = aws.SortAsc
		} else {
			l.listOpts.SortOrder = aws.SortDesc
		}
		return l.restart()
	case key.Matches(msg, k.List.ShowDeleted):
		l.listOpts.IncludePlannedDeletion = !l.listOpts.IncludePlannedDeletion
		text := "hiding secrets scheduled for deletion"
		if l.listOpts.IncludePlannedDeletion {
			text = "showing secrets scheduled for deletion"
		}
		return tea.Batch(common.Info(text), l.restart())
	case key.Matches(msg, k.Common.Refresh):
		if l.store == nil && !l.connecting {
			return common.Ask(common.ReconnectMsg{})
		}
		return l.restart()
	case key.Matches(msg, k.List.StopLoading):
		if l.loading {
			l.stopLoading()
			l.seq++ // the cancelled call's result is dropped
			l.stopped = true
			return common.Info("stopped loading: " + countText(len(t.Rows)) + " loaded")
		}
	case key.Matches(msg, k.List.Region):
		return common.Ask(common.PickRegionMsg{})
	case key.Matches(msg, k.List.AllRegions):
		return common.Ask(common.PickRegionMsg{Many: true})
	case key.Matches(msg, k.List.Profile):
		return common.Ask(common.PickProfileMsg{})
	case key.Matches(msg, k.Common.CopyName):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Sum, r.Sum.Name, "the name")
		}
	case key.Matches(msg, k.Common.CopyARN):
		if r := t.Selected(); r != nil {
			return copySecretRef(r.Sum, r.Sum.ARN, "the ARN")
		}
	case key.Matches(msg, k.Common.New):
		if l.store == nil {
			return common.Warn("not connected yet: wait for the list to load, or press " + common.KeyHelp(k.Common.Refresh))
		}
		return openWrite(l.env, newCreateScreen(l.env, l.store, l.region))
	case key.Matches(msg, k.Common.Delete):
		if r := t.Selected(); r != nil && l.store != nil {
			return openWrite(l.env, newDeleteScreen(l.env, l.store, r.Sum))
		}
	case key.Matches(msg, k.Common.Restore):
		if r := t.Selected(); r != nil && l.store != nil {
			if r.Sum.DeletedDate.IsZero() {
				return common.Info(r.Sum.Name + " is not scheduled for deletion; nothing to restore")
			}
			return openWrite(l.env, newRestoreScreen(l.env, l.store, r.Sum))
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
func (l *listScreen) handleInput(msg tea.Msg) tea.Cmd {
	if l.prompt != nil {
		return l.promptKey(msg)
	}
	if !l.table.Filtering() {
		return nil
	}
	cmd := l.table.UpdateFilter(msg)
	l.layoutTable()
	return cmd
}

// promptKey handles a message while the server filter prompt is open.
func (l *listScreen) promptKey(msg tea.Msg) tea.Cmd {
	res, cmd := l.prompt.Update(msg)
	switch res {
	case form.PromptCancelled:
		l.prompt = nil
		l.layoutTable()
		return nil
	case form.PromptSubmitted:
		filters, err := parseServerFilter(l.prompt.Value())
		if err != nil {
			l.prompt.SetError(err.Error())
			return nil
		}
		l.prompt = nil
		l.listOpts.Filters = filters
		l.layoutTable()
		text := "server filter cleared"
		if len(filters) > 0 {
			text = "server filter: " + formatServerFilter(filters)
		}
		return tea.Batch(common.Info(text), l.restart())
	}
	return cmd
}
