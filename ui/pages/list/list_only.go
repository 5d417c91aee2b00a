package list

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/table"
	"github.com/smtui/smtui/ui/pages/accountreview"
	"github.com/smtui/smtui/ui/pages/secret"
)

// onlyFilter is the list's "show only" mode: the secrets of one review
// finding, in a table of their own (copies of the loaded rows, so the
// listing's table is untouched), until esc clears it.
type onlyFilter struct {
	label string
	arns  map[string]bool
	table *table.Secrets
}

// openReview opens the account review over the loaded rows.
func (l *Screen) openReview() tea.Cmd {
	if l.Store == nil {
		return common.Warn("not connected yet: wait for the list to load, or press " + common.KeyHelp(l.env.Keys.Common.Refresh))
	}
	if len(l.Table.Rows) == 0 {
		return common.Info("nothing loaded to review in " + l.Region)
	}
	sums := make([]aws.SecretSummary, len(l.Table.Rows))
	for i, r := range l.Table.Rows {
		sums[i] = r.Summary()
	}
	return common.Push(accountreview.New(l.env, l.Store, l.Region, sums, !l.ListOpts.IncludePlannedDeletion))
}

// showOnly enters the mode for a finding's secrets.
func (l *Screen) showOnly(msg common.ShowOnlyMsg) tea.Cmd {
	if msg.Region != l.Region {
		return nil
	}
	f := &onlyFilter{label: msg.Label, arns: make(map[string]bool, len(msg.ARNs)), table: table.New(l.env)}
	for _, a := range msg.ARNs {
		f.arns[a] = true
	}
	l.Table.ClearFilter()
	l.only = f
	l.rebuildOnly()
	l.layoutTable()
	return nil
}

// rebuildOnly copies the loaded rows the mode shows into its table,
// keeping the cursor on its secret. Rows are copied: a table owns its
// rows' positions.
func (l *Screen) rebuildOnly() {
	f := l.only
	if f == nil {
		return
	}
	sel := ""
	if r := f.table.Selected(); r != nil {
		sel = r.Key
	}
	var rows []*table.Row
	for _, r := range l.Table.Rows {
		if f.arns[r.ARN()] {
			c := *r
			rows = append(rows, &c)
		}
	}
	f.table.Reset()
	f.table.Add(rows)
	if sel != "" {
		f.table.Select(sel)
	}
}

// rowsChanging reports whether msg may change the loaded rows, after which
// the mode's copies are taken again.
func rowsChanging(msg tea.Msg) bool {
	switch msg.(type) {
	case listBatchMsg, SecretsPageMsg, cacheLoadedMsg, cacheRestMsg, secretDescribedMsg, common.SecretChangedMsg, replicationCheckedMsg:
		return true
	}
	return false
}

// clearOnly leaves the mode.
func (l *Screen) clearOnly() {
	l.only = nil
	l.layoutTable()
}

// onlyKey handles a key in the mode: moving, opening and copying act on
// its secrets; any other list key leaves the mode and acts on the whole
// list.
func (l *Screen) onlyKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := l.env.Keys
	t := l.only.table
	if t.Navigate(msg) {
		return true, nil
	}
	switch {
	case key.Matches(msg, k.Nav.Open):
		if r := t.Selected(); r != nil && l.Store != nil {
			return true, common.Push(secret.NewDetail(l.env, l.Store, r.Summary()))
		}
		return true, nil
	case key.Matches(msg, k.Common.CopyName):
		if r := t.Selected(); r != nil {
			return true, copySecretRef(r.Summary(), r.Name(), "the name")
		}
		return true, nil
	case key.Matches(msg, k.Common.CopyARN):
		if r := t.Selected(); r != nil {
			return true, copySecretRef(r.Summary(), r.ARN(), "the ARN")
		}
		return true, nil
	}
	l.clearOnly()
	return false, nil
}

// onlyInfo is the header's part that names the mode.
func (l *Screen) onlyInfo() string {
	st := l.env.Styles
	n := len(l.only.table.Rows)
	return st.Warning.Render("showing only: "+common.Sanitize(l.only.label)+" ("+CountText(n)+")") +
		st.Muted.Render(" · "+common.KeyHelp(l.env.Keys.Common.Back)+" shows all")
}
